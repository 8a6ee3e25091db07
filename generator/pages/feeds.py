"""Atom feeds (RFC 4287) of the latest timeline entries: the whole briefing, each actor, each topic.

Built with ElementTree, so every value is escaped by the serializer. Ids are stable: the entry's
URL when the site has an absolute ``site_url``, else a name-based UUID of the site and entry.
"""

from __future__ import annotations

import posixpath
import uuid
import xml.etree.ElementTree as ET

from generator.model.types import Briefing, Event
from generator.pages.output import Generated
from generator.pages.urls import entry_path

ATOM = "http://www.w3.org/2005/Atom"
FEED_SIZE = 50


def _stamp(day) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _entry_path(e: Event) -> str:
    return entry_path(e)


def atom_feed(briefing: Briefing, entries: list[Event], *, title: str, feed_path: str, page_path: str,
              site_title: str, site_url: str = "/") -> str:
    """``feed_path`` and ``page_path`` are site-root paths like "actors/x/feed.xml", "actors/x/"."""
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

    def ident(path: str) -> str:
        if absolute:
            return site_url + path
        return "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"briefing:{site_title}:{path}"))

    latest = sorted(entries, key=lambda e: (e.date.start, e.id), reverse=True)[:FEED_SIZE]
    feed = ET.Element("feed", {"xmlns": ATOM})
    ET.SubElement(feed, "title").text = title
    ET.SubElement(feed, "id").text = ident(feed_path)
    ET.SubElement(feed, "updated").text = _stamp(latest[0].date.start) if latest else "1970-01-01T00:00:00Z"
    ET.SubElement(feed, "link", {"rel": "self", "href": href(feed_path)})
    ET.SubElement(feed, "link", {"rel": "alternate", "type": "text/html", "href": href(page_path)})
    author = ET.SubElement(feed, "author")
    ET.SubElement(author, "name").text = site_title
    ET.SubElement(feed, "generator").text = "Briefing"
    for e in latest:
        article = briefing.articles[e.article]
        entry = ET.SubElement(feed, "entry")
        ET.SubElement(entry, "title").text = e.title
        ET.SubElement(entry, "id").text = ident(_entry_path(e))
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
        key = (r.context_key, page, title, tuple((e.id, r.article_key(e.article)) for e in latest))
        return r.reuse(path, key, lambda: Generated(path, atom_feed(
            briefing, latest, title=title, feed_path=path, page_path=page,
            site_title=options.title, site_url=options.site_url)))

    out = [feed("feed.xml", "", options.title, briefing.entries)]
    for actor in briefing.actors.values():
        out.append(feed(f"actors/{actor.id}/feed.xml", f"actors/{actor.id}/", f"{actor.name} · {options.title}",
                        index.entries_by_actor.get(actor.id, [])))
    for topic in briefing.topics.values():
        out.append(feed(f"topics/{topic.id}/feed.xml", f"topics/{topic.id}/", f"{topic.title} · {options.title}",
                        index.entries_by_topic.get(topic.id, [])))
    return out
