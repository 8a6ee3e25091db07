"""One real `mkdocs build --strict` of the demo briefing, in a temporary folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support import ROOT, log_problems

TOPICS = ("humanitarian-toll", "oil-supply", "eu-diplomacy")


@pytest.fixture(scope="module")
def built(demo_build) -> tuple[Path, str]:
    return demo_build


def test_no_warnings(built):
    _, log = built
    assert log_problems(log) == []


def test_pages_of_section_6(built):
    site, _ = built
    content = ROOT / "content"
    for path in ["index.html", "timeline/index.html", "actors/index.html", "topics/index.html",
                 "notes/index.html", "data/briefing.json", "search/search_index.json"]:
        assert (site / path).is_file(), path
    for actor in (content / "actors").glob("*.md"):
        assert (site / "actors" / actor.stem / "index.html").is_file(), actor.stem
    for topic in TOPICS:
        assert (site / "topics" / topic / "index.html").is_file(), topic
    for note in (content / "notes").glob("*.md"):
        assert (site / "notes" / note.stem / "index.html").is_file(), note.stem
    for article in (content / "articles").rglob("*.md"):
        assert (site / "articles" / article.stem / "index.html").is_file(), article.stem


def test_briefing_json_lists_every_article(built):
    site, _ = built
    data = json.loads((site / "data/briefing.json").read_text("utf-8"))
    assert set(data) >= {"articles", "notes", "events", "actors", "topics", "figures"}
    ids = {a["id"] for a in data["articles"]}
    assert ids == {p.stem for p in (ROOT / "content/articles").rglob("*.md")}
    event_articles = {e["article"] for e in data["events"]}
    assert event_articles == ids  # every article is on the timeline
    for e in data["events"]:
        assert set(e) >= {"id", "date", "end", "precision", "date_text", "title", "actors", "topics",
                          "status", "article", "url"}


def test_timeline_entries_carry_data_attributes(built):
    site, _ = built
    html = (site / "timeline/index.html").read_text("utf-8")
    data = json.loads((site / "data/briefing.json").read_text("utf-8"))
    for e in data["events"]:
        assert f'id="e-{e["id"]}"' in html
    assert html.count('data-precision="') == len(data["events"])
    assert 'data-actors="' in html and 'data-topics="' in html


def _search(site: Path, word: str) -> list[dict]:
    index = json.loads((site / "search/search_index.json").read_text("utf-8"))
    return [d for d in index["docs"] if word.lower() in (d["title"] + " " + d["text"]).lower()]


def test_search_finds_zuwara_and_sarraj(built):
    site, _ = built
    assert any(d["location"].startswith("articles/") for d in _search(site, "Zuwara"))
    sarraj = [d["location"] for d in _search(site, "Sarraj")]
    assert any(loc.startswith("actors/fayez-al-serraj/") for loc in sarraj), sarraj
    hifter = [d["location"] for d in _search(site, "Hifter")]
    assert any(loc.startswith("actors/khalifa-haftar/") for loc in hifter), hifter


def test_no_google_fonts(built):
    site, _ = built
    for page in ["index.html", "timeline/index.html"]:
        assert "fonts.googleapis.com" not in (site / page).read_text("utf-8")
