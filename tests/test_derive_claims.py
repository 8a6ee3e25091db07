"""Issue 14, items 1-5: claim groups on the timeline, entry topics from the entry itself, one claim
however many articles report it, period entries placed by their end, qualifiers that keep their
meaning. Fixture: tests/fixtures/i14-derive."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from support import FIXTURES
from generator import build
from generator.config import Options
from generator.model.types import QUALIFIERS, DateValue, Event
from generator.pages.months import group_by_month

ROOT = FIXTURES / "i14-derive"
TERMINAL, DISPLACED, APRIL = "2019-04-12-terminal", "2019-04-13-displaced", "2019-04-30-april"


@pytest.fixture(scope="module")
def result():
    res = build.run(ROOT / "content", Options(), root=ROOT, today=dt.date(2026, 1, 1))
    assert not res.problems.errors and not res.problems.warnings
    return res


@pytest.fixture(scope="module")
def out(result) -> dict[str, str]:
    return {p.path: p.inline() for p in result.pages}


@pytest.fixture(scope="module")
def data(out) -> dict:
    return json.loads(out["data/briefing.json"])


def entries(data) -> dict[str, dict]:
    return {e["id"]: e for e in data["events"]}


# ---- 1. claim groups become timeline entries --------------------------------------------------------


def test_claim_groups_no_event_carries_are_entries_of_their_own(data):
    es = entries(data)
    who = es[f"{TERMINAL}--claim-1"]
    assert (who["kind"], who["title"], who["date"], who["precision"]) == (
        "claim", "WHO: 205 killed, 913 wounded", "2019-04-11", "day")
    assert who["article"] == TERMINAL and who["url"] == f"/articles/{TERMINAL}/#e-{TERMINAL}--claim-1"
    assert who["actors"] == ["who"]
    un = es[f"{TERMINAL}--claim-2"]
    assert un["title"] == "UN: more than 8,000 displaced, nearly 1,000 killed" and un["date"] == "2019-04-12"
    # the same UN claim in a later article is not a second entry; IOM's is one, in that article
    assert es[f"{DISPLACED}--claim-1"]["title"] == "IOM: about 9,000 displaced"
    assert f"{DISPLACED}--claim-2" not in es
    kinds = {e["id"]: e["kind"] for e in data["events"]}
    assert kinds[f"{TERMINAL}--1"] == "event" and kinds["2019-04-20-ceasefire"] == "article"
    assert set(kinds.values()) == {"event", "article", "claim"}
    # the article lists its claim entries with its events
    art = next(a for a in data["articles"] if a["id"] == TERMINAL)
    assert art["events"] == [f"{TERMINAL}--{n}" for n in (1, 2, 3)] + [f"{TERMINAL}--claim-{n}" for n in (1, 2)]


def test_claim_entries_on_the_timeline_can_be_hidden(out):
    timeline = out["timeline/index.md"]
    assert f'id="e-{TERMINAL}--claim-1" data-kind="claim"' in timeline
    assert f'id="e-{TERMINAL}--1" data-kind="event"' in timeline
    assert 'data-filter="claims"' in timeline  # the filter bar's switch
    link = f'href="../articles/{TERMINAL}/#e-{TERMINAL}--claim-1">WHO: 205 killed, 913 wounded</a>'
    assert link in timeline
    assert f'id="e-{TERMINAL}--claim-1"' in out[f"articles/{TERMINAL}.md"]  # where the link lands


# ---- 2. an entry's topics come from the entry ------------------------------------------------------


def test_entry_topics_come_from_the_entry_itself(data):
    es = entries(data)
    assert es[f"{TERMINAL}--1"]["topics"] == ["toll"]  # its figure's kind, not its article's oil
    assert es[f"{TERMINAL}--2"]["topics"] == ["toll"]  # its own topics: only those
    assert es[f"{TERMINAL}--3"]["topics"] == ["oil"]  # nothing of its own: its article's
    assert es[f"{TERMINAL}--claim-1"]["topics"] == ["toll"]  # claim entries: their kinds
    assert es["2019-04-20-ceasefire"]["topics"] == ["talks"]  # keyword in its title
    assert es[f"{APRIL}--2"]["topics"] == ["toll"]  # nothing of its own: its article's
    assert es[f"{APRIL}--3"]["topics"] == []  # `topics: []`: in no topic, not its article's
    art = next(a for a in data["articles"] if a["id"] == TERMINAL)
    assert art["topics"] == ["oil"]  # the article's own: declared, and keywords in its text


# ---- 3. one claim, every article that reports it ---------------------------------------------------


def test_a_claim_reported_twice_is_one_claim_with_both_articles(data, out):
    un = [f for f in data["figures"] if f["source"] == "UN" and f["kind"] == "displaced"]
    assert len(un) == 1
    [claim] = un
    assert claim["articles"] == [TERMINAL, DISPLACED] and claim["article"] == TERMINAL
    assert re.fullmatch(r"displaced-2019-04-12-un-[0-9a-f]{8}", claim["id"])
    ids = [f["id"] for f in data["figures"]]
    assert len(ids) == len(set(ids)) == 7
    assert all(f["articles"][0] == f["article"] for f in data["figures"])
    toll = out["topics/toll.md"]
    assert "⚖ 2 claims" in toll and "⚖ 3 claims" not in toll  # UN and IOM on 12 Apr, once each
    # the ledger row links both articles that report the UN's figure
    row = next(line for line in toll.splitlines() if "more than <strong>8,000</strong>" in line)
    assert f"articles/{TERMINAL}/" in row and f"articles/{DISPLACED}/" in row


def test_claim_ids_are_stable_across_builds(data):
    again = build.run(ROOT / "content", Options(), root=ROOT, today=dt.date(2026, 1, 1))
    second = json.loads({p.path: p.inline() for p in again.pages}["data/briefing.json"])
    assert [f["id"] for f in second["figures"]] == [f["id"] for f in data["figures"]]


# ---- 4. period entries are placed by the end of their period ---------------------------------------


def test_a_month_entry_heads_its_month_never_below_its_days(out, data):
    order = [e["id"] for e in data["events"]]
    assert order.index(f"{APRIL}--1") == len(order) - 1  # 30 April: after every April day
    april = out["timeline/index.md"]
    month_entry = april.index(f'id="e-{APRIL}--1"')
    assert month_entry < april.index(f'id="e-{APRIL}--2"')  # above 4 April (newest first)
    assert month_entry < april.index(f'id="e-{TERMINAL}--1"')


def test_weeks_and_years_are_placed_by_their_end():
    def ev(i, start, precision, end=None):
        return Event(id=f"e{i}", article="a", date=DateValue(start, precision, end), title=f"t{i}")

    months = group_by_month([ev(1, dt.date(2019, 4, 29), "week"), ev(2, dt.date(2019, 5, 4), "day"),
                             ev(3, dt.date(2019, 1, 1), "year"), ev(4, dt.date(2019, 12, 30), "day"),
                             ev(5, dt.date(2019, 4, 1), "month", dt.date(2019, 5, 1))])
    assert [(m, [e.id for e in es]) for m, es in months] == [
        ((2019, 12), ["e3", "e4"]), ((2019, 5), ["e5", "e1", "e2"])]


# ---- 5. qualifiers that keep their meaning ---------------------------------------------------------


def test_nearly_and_more_than_are_qualifiers_worded_as_such(out):
    assert {"nearly", "more-than", "at-least", "about", "up-to", "exact"} == set(QUALIFIERS)
    article = out[f"articles/{TERMINAL}.md"]
    assert "nearly <strong>1,000</strong> killed" in article
    assert "more than <strong>8,000</strong> displaced" in article
    assert "up to" not in article


def test_charts_mark_qualified_claims_with_an_open_marker_and_say_so(out):
    toll = out["topics/toll.md"]
    svg = toll[toll.index('id="chart-toll-displaced'):]
    figure = svg[:svg.index("</figure>")]  # the legend is HTML, after the chart's wide and narrow SVGs
    svg = svg[:svg.index("</svg>")]
    assert 'bf-qualified' in svg and "nearly 1,000 killed" not in svg
    assert "open marker: not exact" in figure[figure.index('class="bf-legend-list"'):]
    assert 'aria-label="more than 8,000 displaced, per UN, as of 12 Apr 2019"' in svg
