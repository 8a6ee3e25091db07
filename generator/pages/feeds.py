"""Atom feeds (RFC 4287) of the latest timeline entries: the whole briefing, each actor, each topic.

Built with ElementTree, so every value is escaped by the serializer. Ids are stable: ``tag:`` URIs
(RFC 4151) of the ``feed_id`` option and the item's id only, so setting or moving ``site_url`` never
shows an entry as new; with an absolute ``site_url`` every link, ``self`` included, is absolute.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET

from generator.config import tagging_entity
from generator.model.types import Briefing, Event
from generator.pages.data import last_change
from generator.pages.output import Generated
from generator.pages.urls import entry_path

ATOM = "http://www.w3.org/2005/Atom"
FEED_SIZE = 50


def _stamp(day) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _entry_path(e: Event) -> str:
    return entry_path(e)


def tag_uri(feed_id: str, specific: str) -> str:
    """An RFC 4151 tag: tag:example.org,2019:entry/2019-04-12-strike--1."""
    return f"tag:{feed_id}:{specific}"


def feed_tag(feed_path: str) -> str:
    """The specific part of a feed's id: "feed" for the briefing's, "actors/x" for an actor's."""
    return posixpath.dirname(feed_path) or "feed"


def atom_feed(briefing: Briefing, entries: list[Event], *, title: str, feed_path: str, page_path: str,
              site_title: str, site_url: str = "/", feed_id: str = "") -> str:
    """``feed_path`` and ``page_path`` are site-root paths like "actors/x/feed.xml", "actors/x/"."""
    feed_id = feed_id or tagging_entity(site_title)
    absolute = site_url.startswith(("http://", "https://"))
    base_dir = posixpath.dirname(feed_path)

    def href(path: str) -> str:
        if absolute:
            return site_url + path
        rel = posixpath.relpath(path.split("#")[0] or ".", base_dir or ".")
        rel = "" if rel == "." else rel
        if path.split("#")[0].endswith("/") and rel and not rel.endswith("/"):
            rel += "/"
        return (rel or "./") + ("#" + path.split("#")[1] if "#" in path else "")

    latest = sorted(entries, key=lambda e: (e.date.start, e.id), reverse=True)[:FEED_SIZE]
    feed = ET.Element("feed", {"xmlns": ATOM})
    ET.SubElement(feed, "title").text = title
    ET.SubElement(feed, "id").text = tag_uri(feed_id, feed_tag(feed_path))
    # a feed with no entries is as new as the briefing (never 1970, never the clock)
    newest = latest[0].date.start.isoformat() if latest else last_change(briefing) or "1970-01-01"
    ET.SubElement(feed, "updated").text = f"{newest}T00:00:00Z"
    ET.SubElement(feed, "link", {"rel": "self", "href": href(feed_path)})
    ET.SubElement(feed, "link", {"rel": "alternate", "type": "text/html", "href": href(page_path)})
    author = ET.SubElement(feed, "author")
    ET.SubElement(author, "name").text = site_title
    ET.SubElement(feed, "generator").text = "Briefing"
    for e in latest:
        article = briefing.articles[e.article]
        entry = ET.SubElement(feed, "entry")
        ET.SubElement(entry, "title").text = e.title
        ET.SubElement(entry, "id").text = tag_uri(feed_id, f"entry/{e.id}")
        ET.SubElement(entry, "link", {"rel": "alternate", "type": "text/html", "href": href(_entry_path(e))})
        ET.SubElement(entry, "published").text = _stamp(e.date.start)
        ET.SubElement(entry, "updated").text = _stamp(e.date.start)
        sources = ", ".join(s.name for s in article.sources)
        summary = (e.summary + " " if e.summary else "") + f"Source: {sources}."
        ET.SubElement(entry, "summary").text = summary
        for t in e.topics:
            ET.SubElement(entry, "category", {"term": t, "label": briefing.topics[t].title})
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def feed_pages(r) -> list[Generated]:
    """The briefing's feed, and one per actor and per topic (the latest FEED_SIZE entries each)."""
    briefing, index, options = r.b, r.index, r.options

    def feed(path: str, page: str, title: str, feed_entries: list[Event]) -> Generated:
        latest = sorted(feed_entries, key=lambda e: (e.date.start, e.id), reverse=True)[:FEED_SIZE]
        key = (r.context_key, page, title, tuple((e.id, r.article_key(e.article)) for e in latest),
               options.feed_id, None if latest else last_change(briefing))
        return r.reuse(path, key, lambda: Generated(path, atom_feed(
            briefing, latest, title=title, feed_path=path, page_path=page,
            site_title=options.title, site_url=options.site_url, feed_id=options.feed_id)))

    out = [feed("feed.xml", "", options.title, briefing.entries)]
    for actor in briefing.actors.values():
        out.append(feed(f"actors/{actor.id}/feed.xml", f"actors/{actor.id}/", f"{actor.name} · {options.title}",
                        index.entries_by_actor.get(actor.id, [])))
    for topic in briefing.topics.values():
        out.append(feed(f"topics/{topic.id}/feed.xml", f"topics/{topic.id}/", f"{topic.title} · {options.title}",
                        index.entries_by_topic.get(topic.id, [])))
    return out
