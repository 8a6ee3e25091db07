"""Issue 20: Zensical (pinned, 0.0.73) builds the tree of `briefing generate`: the same pages and the same
timeline entries (ids and data attributes) as the MkDocs build with the plugin; its search holds the
articles and the profiles. The browser half is tests/browser/test_zensical.py."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from support import ENTRY, build_with_zensical, html_pages, zensical



@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory) -> Path:
    return build_with_zensical(tmp_path_factory.mktemp("zensical"))


def test_zensical_version_is_the_pinned_one():
    out = subprocess.run([zensical(), "--version"], capture_output=True, text=True).stdout
    assert "0.0.73" in out


def test_same_pages_and_entries_as_the_mkdocs_build(zensical_site, demo_build):
    mkdocs_site, _ = demo_build
    theirs, ours = html_pages(zensical_site), html_pages(mkdocs_site)
    assert set(theirs) == set(ours)
    for must in ("index.html", "timeline/index.html", "actors/khalifa-haftar/index.html",
                 "topics/humanitarian-toll/index.html", "notes/index.html"):
        assert must in theirs
    assert any(p.startswith("articles/") for p in theirs) and any(p.startswith("notes/") and p != "notes/index.html"
                                                                   for p in theirs)
    differing = [page for page in ours if ENTRY.findall(ours[page]) != ENTRY.findall(theirs[page])]
    assert differing == []
    assert len(ENTRY.findall(theirs["timeline/index.html"])) >= 40


def test_zensical_site_has_the_data_feeds_assets_and_charts(zensical_site):
    for path in ("data/briefing.json", "data/timeline.json", "feed.xml", "assets/briefing/briefing.js",
                 "assets/briefing/briefing.css"):
        assert (zensical_site / path).is_file(), path
    topic = (zensical_site / "topics" / "humanitarian-toll" / "index.html").read_text("utf-8")
    assert "<svg" in topic and "bf-filter" in (zensical_site / "timeline" / "index.html").read_text("utf-8")


def test_zensical_search_index_holds_articles_and_profiles(zensical_site):
    items = json.loads((zensical_site / "search.json").read_text("utf-8"))["items"]
    locations = {item["location"].split("#")[0] for item in items}
    assert "actors/khalifa-haftar/" in locations
    assert "articles/2019-04-18-gna-seeks-arrest-of-haftar/" in locations
    assert sum(loc.startswith("articles/") for loc in locations) >= 30
