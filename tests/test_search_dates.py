"""Search results show their date (issue 15, item 8): the lunr index gives a dated page's own entry its
date after the title (Material always shows that title); Pagefind reads the byline's date meta."""

from __future__ import annotations

import json
import re

from generator.engine.search import date_titles


def test_every_article_and_note_entry_of_the_lunr_index_ends_with_its_date(demo_build):
    site, _ = demo_build
    data = json.loads((site / "data/briefing.json").read_text("utf-8"))
    pages = {f"articles/{a['id']}/": a["date"] for a in data["articles"]}
    pages.update({f"notes/{n['id']}/": n["date"] for n in data["notes"]})
    docs = {d["location"]: d["title"] for d in json.loads((site / "search/search_index.json").read_text("utf-8"))["docs"]}
    assert set(pages) <= set(docs)
    for url in pages:
        assert re.search(r" · \d{1,2} [A-Z][a-z]{2} 2019$", docs[url]), (url, docs[url])
    sections = [title for loc, title in docs.items() if "#" in loc]
    assert not any(re.search(r" · \d{1,2} [A-Z][a-z]{2} 2019$", t) for t in sections)  # only the page's own entry


def test_every_note_byline_carries_pagefind_date_meta(demo_build):
    site, _ = demo_build
    for page in (site / "notes").glob("*/index.html"):
        assert 'data-pagefind-meta="date"' in page.read_text("utf-8"), page


def test_date_titles_is_idempotent():
    class Index:
        entries = [{"location": "articles/a/", "title": "A"}, {"location": "articles/a/#e", "title": "E"}]

    class Material:
        search_index = Index()

    for _ in range(2):  # the preview keeps entries from build to build
        date_titles(Material(), {"articles/a/": "12 Apr 2019"})
    assert [e["title"] for e in Index.entries] == ["A · 12 Apr 2019", "E"]
    date_titles(None, {})  # no Material search (Pagefind): nothing to do
