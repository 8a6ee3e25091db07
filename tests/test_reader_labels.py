"""Issue 15, items 6 and 7: the activity sparkline has its time axis in words and stays out of search
text; profile facts read as words in search ("Kind Person", not "KindPerson"); every date under a page
says what it is."""

from __future__ import annotations

import json
from pathlib import Path


def _search_text(site: Path, location: str) -> str:
    docs = json.loads((site / "search/search_index.json").read_text("utf-8"))["docs"]
    return next(d["text"] for d in docs if d["location"] == location)


def test_profile_facts_read_as_words_in_search(demo_build):
    site, _ = demo_build
    text = _search_text(site, "actors/khalifa-haftar/")
    assert "Kind Person Role Commander" in text
    assert "busiest week" not in text and "entries a week" not in text  # the sparkline is not search text


def test_sparkline_has_its_time_axis_in_words(demo_build):
    site, _ = demo_build
    page = (site / "actors/khalifa-haftar/index.html").read_text("utf-8")
    assert '<small class="bf-spark-axis"><small>4 Apr 2019</small><small>entries a week</small>' in page


def test_dates_under_a_page_say_what_they_are(demo_build):
    site, _ = demo_build
    page = (site / "actors/khalifa-haftar/index.html").read_text("utf-8")
    assert '<span class="md-source-file__label">This page last edited</span>' in page
    home = (site / "index.html").read_text("utf-8")
    assert "Latest development: 5 Jul 2019" in home and "Updated to" not in home
