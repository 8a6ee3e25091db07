"""Atom feeds: valid XML, stable ids, dated entries linking to their anchors, escaped values,
linked from each page's <head>."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from support import FIXTURES
from generator import build
from generator.config import Options

A = "{http://www.w3.org/2005/Atom}"


def feeds(root, **options) -> dict[str, str]:
    result = build.run(root / "content", Options(history=False, **options), root=root,
                          today=dt.date(2026, 1, 1))
    assert not result.problems.errors
    return {p.path: p.content for p in result.pages if p.path.endswith("feed.xml")}


def test_every_actor_and_topic_has_a_feed():
    out = feeds(FIXTURES / "mini")
    assert set(out) == {"feed.xml", "actors/khalifa-haftar/feed.xml", "actors/lna/feed.xml",
                        "actors/who/feed.xml", "topics/humanitarian-toll/feed.xml"}


def test_site_feed_structure_and_links():
    root = ET.fromstring(feeds(FIXTURES / "mini", title="Mini")["feed.xml"])
    assert root.tag == f"{A}feed"
    assert root.find(f"{A}title").text == "Mini"
    assert root.find(f"{A}updated").text == "2019-04-14T00:00:00Z"
    entries = root.findall(f"{A}entry")
    # the strike article's claim groups are entries too, each with its anchor on the article page
    assert [e.find(f"{A}title").text for e in entries] == [
        "WHO toll rises", "IOM: about 13,625 displaced", "UN: at least 8,000 displaced", "WHO: 75 killed",
        "LNA warplane strikes camp", "Who said what"]
    assert entries[1].find(f"{A}link").get("href") == "articles/2019-04-12-strike/#e-2019-04-12-strike--claim-3"
    first = entries[4]
    assert first.find(f"{A}link").get("href") == "articles/2019-04-12-strike/#e-2019-04-12-strike--1"
    assert first.find(f"{A}updated").text == "2019-04-12T00:00:00Z"
    assert first.find(f"{A}summary").text == "Source: France 24."
    ids = [e.find(f"{A}id").text for e in entries]
    assert all(i.startswith("tag:mini,2000:entry/") for i in ids) and len(set(ids)) == 6


def test_ids_are_stable_and_links_absolute_with_site_url():
    one = feeds(FIXTURES / "mini")["actors/lna/feed.xml"]
    assert one == feeds(FIXTURES / "mini")["actors/lna/feed.xml"]
    absolute = ET.fromstring(feeds(FIXTURES / "mini", site_url="https://example.org/b/")["actors/lna/feed.xml"])
    entry = absolute.find(f"{A}entry")
    # the id depends on the entry's id only, never on site_url (issue 17, item 6)
    assert entry.find(f"{A}id").text == "tag:briefing,2000:entry/2019-04-12-strike--1"
    assert ET.fromstring(one).find(f"{A}entry/{A}id").text == entry.find(f"{A}id").text
    link = entry.find(f"{A}link").get("href")
    assert link == "https://example.org/b/articles/2019-04-12-strike/#e-2019-04-12-strike--1"
    assert absolute.find(f"{A}link[@rel='self']").get("href") == "https://example.org/b/actors/lna/feed.xml"
    relative = ET.fromstring(one)
    assert relative.find(f"{A}entry/{A}link").get("href") == "../../articles/2019-04-12-strike/#e-2019-04-12-strike--1"


def test_hostile_values_are_escaped_and_the_xml_parses():
    out = feeds(FIXTURES / "hostile")
    for path, text in out.items():
        ET.fromstring(text)  # valid XML
        assert "<script" not in text and "<img" not in text and "<svg" not in text, path
    topic = ET.fromstring(out["topics/bad-topic/feed.xml"])
    assert topic.find(f"{A}entry/{A}category").get("label") == "<svg onload=alert('topic')>"


def test_feeds_are_linked_from_page_heads(demo_build):
    site, _ = demo_build
    for feed in ["feed.xml", "actors/khalifa-haftar/feed.xml", "topics/oil-supply/feed.xml"]:
        ET.fromstring((site / feed).read_text("utf-8"))
    actor = (site / "actors/khalifa-haftar/index.html").read_text("utf-8")
    assert 'type="application/atom+xml" title="Khalifa Haftar · Battle for Tripoli, 2019" href="feed.xml"' in actor
    assert 'type="application/atom+xml" title="Battle for Tripoli, 2019: a briefing" href="../../feed.xml"' in actor
    home = (site / "index.html").read_text("utf-8")
    assert 'type="application/atom+xml" title="Battle for Tripoli, 2019: a briefing" href="feed.xml"' in home
