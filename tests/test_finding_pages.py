"""Finding things (issue 15, items 8, 10, 12), without a browser: the names an article's actors go by
on its page (for lunr and Pagefind), the filter's options with their aliases, the per-month data
files, timeline.json's display dates, and the data links. Fixture: tests/fixtures/i15-finding."""

from __future__ import annotations

import datetime as dt
import json

from support import FIXTURES
from generator import build
from generator.config import Options

ROOT = FIXTURES / "i15-finding"


def pages(**options) -> dict[str, str]:
    result = build.run(ROOT / "content", Options(**options), root=ROOT, today=dt.date(2026, 1, 1))
    assert not result.problems.errors
    return {p.path: p.inline() for p in result.pages}


def test_an_article_carries_every_name_of_its_actors_for_search():
    out = pages()
    for article in ("articles/2019-04-06-hifter.md", "articles/2019-04-20-haftar.md"):
        text = out[article]
        # raw HTML in the Markdown (not a slot), so Material's search parser and Pagefind see it
        line = next(x for x in text.splitlines() if 'class="bf-aka"' in x)
        assert "Khalifa Haftar, Haftar, Hifter" in line
        assert "BFBLOCK" not in line
    assert 'class="bf-aka"' not in out["articles/2019-05-02-other.md"]  # no actor, no line


def test_filter_options_carry_names_and_aliases():
    timeline = pages()["timeline/index.md"]
    assert '<option value="khalifa-haftar" data-names="Khalifa Haftar|Haftar|Hifter">' in timeline
    assert 'data-param="actor"' in timeline and 'data-param="text"' in timeline


def test_months_with_their_own_page_have_a_small_data_file():
    out = pages(month_page_threshold=1)
    assert "data/timeline/2019-04.json" in out
    april = json.loads(out["data/timeline/2019-04.json"])
    assert april["month"] == "2019-04"
    assert [e["title"] for e in april["entries"]][-1] == "Forces advance on the capital"
    first = april["entries"][0]
    assert set(first) == {"id", "date", "label", "title", "url", "kind", "status", "actors", "topics", "summary",
                          "place"}
    assert first["url"].startswith("articles/2019-04-20-haftar/#e-")
    index = out["timeline/index.md"]
    assert 'data-json="../data/timeline/2019-04.json" data-count="4"' in index
    # a quiet month has no file: its entries are on the timeline page
    assert not any(p.startswith("data/timeline/") for p in pages())


def test_timeline_json_shows_the_resolved_date_then_the_editors_words():
    events = json.loads(pages()["data/timeline.json"])["events"]
    dates = {e["unique_id"]: e["display_date"] for e in events}
    assert dates["e-2019-04-06-hifter--1"] == "Fri 5 Apr 2019 - &#x27;on Friday&#x27;"
    assert dates["e-2019-04-20-haftar--1"] == "Sat 20 Apr 2019"


def test_home_and_topic_pages_link_the_data():
    out = pages()
    assert 'href="data/briefing.json"' in out["index.md"] or 'href="./data/briefing.json"' in out["index.md"]
    for target in ("data/timeline.json", "feed.xml"):
        assert target in out["index.md"]
    topic = out["topics/fighting.md"]
    assert 'href="feed.xml"' in topic and "../../data/briefing.json" in topic and "../../data/timeline.json" in topic


def test_key_figure_card_shows_the_change_since_the_same_sources_previous_claim():
    out = pages()
    home = out["index.md"]
    assert "+90 since 6 Apr 2019" in home
    assert "+90 since 6 Apr 2019" in out["topics/fighting.md"]


def test_changes_page_lists_entries_and_claims_with_the_day_they_were_reported():
    page = pages()["changes/index.md"]
    assert 'data-newest="2019-05-02"' in page and 'min="2019-04-06"' in page
    assert page.count('class="bf-change" data-added="2019-04-20"') == 2  # an entry and a claim
    entries, claims = page.split("## New claims")
    assert 'id="e-2019-04-06-hifter--1"' in entries and "claim-1" not in entries
    assert "<strong>10</strong> killed, per WHO, as of 6 Apr 2019" in claims
    assert claims.index("<strong>100</strong>") < claims.index("<strong>10</strong>")  # newest first
