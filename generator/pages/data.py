"""``/data/briefing.json``: the whole normalized dataset (README: What gets published).

Versioned: ``schema_version`` names the contract of :mod:`generator.pages.dataschema` (published as
``/data/briefing.schema.json``), ``generated`` the briefing's last content change (never the clock,
so two builds of the same content write the same bytes).
"""

from __future__ import annotations

import json

from generator.derive import Index
from generator.derive.ranges import claim_ranges
from generator.model.types import Briefing, DateValue, Figure
from generator.pages.urls import entry_path

SCHEMA_VERSION = "1.0"


def base_url(site_url: str = "/") -> str:
    """What every ``url`` of the data files starts with: the absolute ``site_url`` (path and all), else "/"."""
    return site_url if site_url.startswith(("http://", "https://")) else "/"


def last_change(briefing: Briefing) -> str | None:
    """The briefing's last content change (ISO date): the newest of its files' git dates and of its
    articles' and notes' dates; None for an empty briefing."""
    days = list(briefing.changed.values())
    days += [a.date.start for a in briefing.articles.values()] + [n.date.start for n in briefing.notes.values()]
    return max(days).isoformat() if days else None


def _date(d: DateValue | None) -> str | None:
    return d.start.isoformat() if d else None


def _figure(f: Figure) -> dict:
    return {
        "id": f.id,
        "kind": f.kind,
        "value": f.value,
        "qualifier": f.qualifier,
        "as_of": _date(f.as_of),
        "as_of_precision": f.as_of.precision,
        "source": f.source,
        "scope": f.scope,
        "article": f.article,
        "articles": f.articles or [f.article],
        "event": f.event,
    }


def dataset(briefing: Briefing, index: Index, site_url: str = "/") -> dict:
    base = base_url(site_url)

    def _url(kind: str, ident: str) -> str:
        return f"{base}{kind}/{ident}/"

    return {
        "schema_version": SCHEMA_VERSION,
        "generated": last_change(briefing),
        "articles": [
            {
                "id": a.id,
                "title": a.title,
                "date": _date(a.date),
                "source": [{"name": s.name, "url": s.url} for s in a.sources],
                "summary": a.summary,
                "actors": a.actors,
                "topics": a.topics,
                "places": a.places,
                "events": [e.id for e in a.entries],
                "url": _url("articles", a.id),
            }
            for a in sorted(briefing.articles.values(), key=lambda a: (a.date.start, a.id))
        ],
        "notes": [
            {
                "id": n.id,
                "title": n.title,
                "date": _date(n.date),
                "author": n.author,
                "kind": n.kind,
                "actors": n.actors,
                "topics": n.topics,
                "articles": n.articles,
                "url": _url("notes", n.id),
            }
            for n in sorted(briefing.notes.values(), key=lambda n: (n.date.start, n.id))
        ],
        "events": [
            {
                "id": e.id,
                "kind": e.kind,
                "date": _date(e.date),
                "end": e.date.end.isoformat() if e.date.end else None,
                "precision": e.date.precision,
                "date_text": e.date.text,
                "title": e.title,
                "summary": e.summary,
                "actors": e.actors,
                "topics": e.topics,
                "status": e.status,
                "place": e.place,
                "place_id": e.place_id,
                "article": e.article,
                "url": base + entry_path(e),
            }
            for e in briefing.entries
        ],
        "actors": [
            {
                "id": a.id,
                "name": a.name,
                "kind": a.kind,
                "aliases": a.aliases,
                "affiliation": a.affiliation,
                "role": a.role,
                "country": a.country,
                "url": _url("actors", a.id),
                "mentions": index.mentions.get(a.id, 0),
                "entries": len(index.entries_by_actor.get(a.id, [])),
            }
            for a in briefing.actors.values()
        ],
        "topics": [
            {
                "id": t.id,
                "title": t.title,
                "summary": t.summary,
                "keywords": t.keywords,
                "figures": t.figures,
                "url": _url("topics", t.id),
            }
            for t in briefing.topics.values()
        ],
        "figures": [_figure(f) for f in briefing.figures],
        "ranges": claim_ranges(briefing.figures),
    }


def safe_json(data) -> str:
    """Compact JSON with <, > and & escaped: the same data, safe even if a page inlines it.

    No indent, so Python's C encoder does the work (large briefings write tens of MB).
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e") + "\n"


def briefing_json(briefing: Briefing, index: Index, site_url: str = "/") -> str:
    return safe_json(dataset(briefing, index, site_url))
