"""``/data/places.geojson`` and ``/data/entries.geojson`` (README: What gets published): the places
with coordinates, and every entry whose place has coordinates, as RFC 7946 FeatureCollections
(longitude first, WGS 84, coordinates rounded to 5 decimals, no ``crs``). Byte-stable: the same
content writes the same bytes (no clock, sorted input)."""

from __future__ import annotations

import json

from generator.derive import Index
from generator.model.types import Briefing, Place
from generator.pages.filters import format_date
from generator.pages.urls import page_url

PRECISION = 5


def point(place: Place) -> dict:
    return {"type": "Point", "coordinates": [round(place.lon, PRECISION), round(place.lat, PRECISION)]}


def entry_url(entry, page_of) -> str:
    """Where the timeline filter links an entry: its anchor on the timeline page that holds it
    (``page_of(entry)``: the timeline, its month's page, or a part of that)."""
    return f"{page_url(page_of(entry))}#e-{entry.id}"


def entries_geojson(briefing: Briefing, page_of) -> dict:
    features = []
    for e in briefing.entries:
        place = briefing.places.get(e.place_id) if e.place_id else None
        if place is None or not place.located:
            continue
        features.append({"type": "Feature", "geometry": point(place), "properties": {
            "id": f"e-{e.id}",
            "title": e.title,
            "date": e.date.iso,
            "date_text": format_date(e.date),
            "url": entry_url(e, page_of),
            "article": f"articles/{e.article}/",
            "place_id": place.id,
            "place": place.name,
            "actors": list(e.actors),
            "topics": list(e.topics),
            "status": e.status,
            "kind": e.kind,
        }})
    return {"type": "FeatureCollection", "features": features}


def places_geojson(briefing: Briefing, index: Index) -> dict:
    features = []
    for place in briefing.places.values():
        if not place.located:
            continue
        features.append({"type": "Feature", "geometry": point(place), "properties": {
            "id": place.id,
            "name": place.name,
            "kind": place.kind,
            "country": place.country,
            "admin1": place.admin1,
            "pcode": place.pcode,
            "within": place.within,
            "aliases": list(place.aliases),
            "url": f"places/{place.id}/",
            "entries": len(index.places.entries.get(place.id, [])),
        }})
    return {"type": "FeatureCollection", "features": features}


def dump(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def geojson_files(briefing: Briefing, index: Index, page_of) -> list[tuple[str, str]]:
    return [("data/entries.geojson", dump(entries_geojson(briefing, page_of))),
            ("data/places.geojson", dump(places_geojson(briefing, index)))]
