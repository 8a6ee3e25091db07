"""Timeline pages: month pages for busy months, the timeline.json file, precision on pages."""

from __future__ import annotations

import datetime as dt
import json
import re

from support import FIXTURES
from generator import build
from generator.config import Options
from generator.pages.months import group_by_month


def pages(**options) -> dict[str, str]:
    root = FIXTURES / "mini"
    result = build.run(root / "content", Options(**options), root=root, today=dt.date(2026, 1, 1))
    assert not result.problems.errors
    return {p.path: p.inline() for p in result.pages}


def test_busy_month_gets_its_own_page_with_neighbours(mini):
    # three entries in April 2019 in the fixture: a threshold of 1 sends April to its own page
    (mini / "content/articles/2019-05-02-may.md").write_text(
        "---\ntitle: May item\ndate: 2019-05-02\nsource: WHO\n---\n\nText.\n", encoding="utf-8")
    (mini / "content/articles/2019-05-03-may2.md").write_text(
        "---\ntitle: May item 2\ndate: 2019-05-03\nsource: WHO\n---\n\nText.\n", encoding="utf-8")
    result = build.run(mini / "content", Options(month_page_threshold=1), root=mini,
                          today=dt.date(2026, 1, 1))
    out = {p.path: p.inline() for p in result.pages}
    assert "timeline/2019/04.md" in out and "timeline/2019/05.md" in out
    index = out["timeline/index.md"]
    assert "[open April 2019](2019/04.md)" in index
    assert 'id="e-' not in index  # every entry lives on its month page
    april = out["timeline/2019/04.md"]
    assert "[← Newer month](05.md)" in april and "Older month" not in april
    assert "[Older month →](04.md)" in out["timeline/2019/05.md"]
    for e in ("2019-04-12-strike--1", "2019-04-12-strike--2", "2019-04-14-toll"):
        assert f'id="e-{e}"' in april
    # the article's "see it on the timeline" link goes to the month page
    assert 'href="../../timeline/2019/04/#e-2019-04-14-toll"' in out["articles/2019-04-14-toll.md"]


def test_quiet_months_stay_on_the_timeline_page():
    out = pages()
    assert not any(re.match(r"timeline/\d{4}/", p) for p in out)
    # two events, an article, and the strike article's three claim groups (WHO, UN, IOM)
    assert out["timeline/index.md"].count('class="bf-entry ') == 6


def test_period_entries_are_placed_by_the_end_of_their_period():
    from generator.model.types import DateValue, Event

    def ev(i, day, precision):
        return Event(id=f"e{i}", article="a", date=DateValue(day, precision), title=f"t{i}")

    entries = [ev(1, dt.date(2019, 4, 1), "day"), ev(2, dt.date(2019, 4, 1), "month"),
               ev(3, dt.date(2019, 4, 2), "day"), ev(4, dt.date(2019, 5, 3), "day"),
               ev(5, dt.date(2019, 4, 29), "week"), ev(6, dt.date(2019, 4, 30), "day")]
    months = group_by_month(entries)
    # newest first: April heads its month, above every day it covers; the week of 29 April ends
    # on 5 May, so it is listed in May, after 3 May
    assert [(m, [e.id for e in es]) for m, es in months] == [
        ((2019, 5), ["e5", "e4"]), ((2019, 4), ["e2", "e6", "e3", "e1"])]


def test_timeline_json_honours_precision():
    data = json.loads(pages()["data/timeline.json"])
    by_id = {e["unique_id"]: e for e in data["events"]}
    strike = by_id["e-2019-04-12-strike--1"]
    assert strike["start_date"] == {"year": 2019, "month": 4, "day": 12}
    # nothing of its own puts this event in a topic, so it takes its article's
    assert strike["group"] == "Humanitarian toll"
    assert by_id["e-2019-04-14-toll"]["group"] == "Humanitarian toll"
    assert data["title"]["text"]["headline"] == "Briefing"
    # text is HTML in TimelineJS: values from front matter are escaped
    assert "&lt;b&gt;hit&lt;/b&gt;" in strike["text"]["text"]


def test_month_page_links_a_quiet_neighbour_to_its_timeline_section(mini):
    (mini / "content/articles/2019-05-02-may.md").write_text(
        "---\ntitle: May item\ndate: 2019-05-02\nsource: WHO\n---\n\nText.\n", encoding="utf-8")
    result = build.run(mini / "content", Options(month_page_threshold=2), root=mini,
                          today=dt.date(2026, 1, 1))
    out = {p.path: p.inline() for p in result.pages}
    assert "timeline/2019/05.md" not in out  # one entry: stays on the timeline page
    assert "[← Newer month](../index.md#2019-05)" in out["timeline/2019/04.md"]


def test_profiles_list_the_newest_entries_and_link_older_months():
    out = pages(profile_entries=0, ledger_rows=1)
    haftar = out["actors/khalifa-haftar.md"]
    assert haftar.count('class="bf-entry ') == 0
    assert ('1 older entry, by month: <a href="../../timeline/?actor=khalifa-haftar#2019-04">April 2019 (1)</a>'
            in haftar)
    toll = out["topics/humanitarian-toll.md"]
    assert toll.count('class="bf-entry ') == 0
    # the toll article, the strike's two events and its three claim groups
    assert ('6 older entries, by month: <a href="../../timeline/?topic=humanitarian-toll#2019-04">April 2019 (6)</a>'
            in toll)
    assert "2 older articles appear on the timeline months linked above." in toll
    assert pages(profile_entries=1)["topics/humanitarian-toll.md"].count('class="bf-entry ') == 1
    # the ledger keeps its newest row on the topic page; the whole month is on a ledger page
    assert '<a href="../../topics/humanitarian-toll/ledger/2019-04/">April 2019</a>' in toll
    ledger = out["topics/humanitarian-toll/ledger/2019-04.md"]
    assert "at least <strong>8,000</strong> (UN)" in ledger and "<strong>75</strong> (WHO)" in ledger


def test_timeline_filter_can_be_preset_from_the_address():
    from generator.pages.static import ASSETS

    script = (ASSETS / "briefing.js").read_text("utf-8")
    assert 'new URLSearchParams(window.location.search)' in script
    assert '["actor", "actors"], ["topic", "topics"]' in script
