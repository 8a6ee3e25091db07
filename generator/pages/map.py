"""``/map/``: the entries that have a place, as points on a map (pages/assets/map.js with the vendored
Leaflet and Natural Earth boundaries), and the same entries as a list by place under it, for screen
readers and readers without JavaScript.

The page reads what the data files say: ``data/entries.geojson`` (one Point per entry with a place)
and ``data/places.geojson`` (each place's page), as built in the same run. The entries with no place
are the timeline's entries that ``entries.geojson`` leaves out. The filter bar is the timeline's
(``_filter.md.j2`` and briefing.js: the same ``?actor=``, ``?topic=``, ``?status=`` in the URL); map.js
draws what it leaves shown.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import nh3

from generator.pages.filters import month_label
from generator.pages.output import Generated

ENTRIES_GEOJSON = "data/entries.geojson"
PLACES_GEOJSON = "data/places.geojson"
# Okabe-Ito's colours for topics (told apart with colour-blindness too), then greys
TOPIC_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442", "#000000")
NO_TOPIC_COLOUR = "#8a8a8a"


@dataclass
class Place:
    """A place on the map with the entries there, oldest first."""

    id: str
    name: str
    lon: float
    lat: float
    url: str | None = None
    entries: list[dict] = field(default_factory=list)
    within: list[str] = field(default_factory=list)  # the place's id and the ids of the places it is within


def _json(generated: list[Generated], path: str) -> dict:
    for g in generated:
        if g.path == path:
            data = json.loads(g.content)
            return data if isinstance(data, dict) else {}
    return {}


def located(entries_geojson: dict, places_geojson: dict | None = None) -> list[Place]:
    """The places of ``entries.geojson``'s points, each with its entries, by name."""
    props_of = {f["properties"].get("id"): f["properties"]
                for f in (places_geojson or {}).get("features", []) if f.get("properties")}
    urls = {pid: props.get("url") for pid, props in props_of.items()}

    def chain(pid: str) -> list[str]:
        """The place and the places it is within (``within``), for the ``?place=`` filter."""
        out = [pid]
        while (up := (props_of.get(out[-1]) or {}).get("within")) and up not in out:
            out.append(up)
        return out
    places: dict[str, Place] = {}
    for feature in entries_geojson.get("features", []):
        props, geometry = feature.get("properties") or {}, feature.get("geometry") or {}
        if geometry.get("type") != "Point":
            continue
        lon, lat = geometry["coordinates"][:2]
        key = props.get("place_id") or f"{lon},{lat}"
        place = places.get(key)
        if place is None:
            place = places[key] = Place(key, props.get("place") or key, lon, lat, urls.get(props.get("place_id")),
                                        within=chain(key))
        place.entries.append(props)
    for place in places.values():
        place.entries.sort(key=lambda p: (p.get("date") or "", p.get("id") or ""))
    return sorted(places.values(), key=lambda p: (p.name.casefold(), p.id))


def months_of(places: list[Place]) -> list[str]:
    """Every month ("2019-04") from the first entry with a place to the last, for the time control."""
    dates = sorted(e["date"][:7] for p in places for e in p.entries if len(e.get("date") or "") >= 7)
    if not dates:
        return []
    (y, m), (y1, m1) = (map(int, dates[0].split("-")), map(int, dates[-1].split("-")))
    out = []
    while (y, m) <= (y1, m1):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def tiles(options) -> dict | None:
    """The tile layer of the ``map_tiles`` option, its attribution cleaned to text and links."""
    if not options.map_tiles:
        return None
    url, attribution = options.map_tiles
    clean = nh3.clean(attribution, tags={"a"}, attributes={"a": {"href"}}, url_schemes={"https", "http"})
    return {"url": url, "attribution": clean}


def site_link(url: str | None, root: str) -> str | None:
    """A site-relative URL of the data files ("/timeline/#e-x" or "timeline/#e-x") from the map page."""
    if not url:
        return None
    if "://" in url or url.startswith("//"):
        return url
    return root + url.lstrip("/")


def pages(r, generated: list[Generated]) -> list[Generated]:
    """The map page; ``generated``: the files built so far, with the two GeoJSON files when the
    briefing has places."""
    places = located(_json(generated, ENTRIES_GEOJSON), _json(generated, PLACES_GEOJSON))
    ids = {e.get("id") for p in places for e in p.entries}
    unplaced = sum(1 for e in r.b.entries if f"e-{e.id}" not in ids)
    months = months_of(places)
    topic_colours = {t: TOPIC_COLOURS[i % len(TOPIC_COLOURS)] for i, t in enumerate(r.b.topics)}
    text = r.render(
        "map.md.j2", "map/index.md", title="Map",
        meta={"search": {"exclude": True}, "hide": ["navigation", "toc"],
              # the theme loads them after its own scripts (main.html): no script in the page's content
              **({"bf_scripts": ["assets/briefing/vendor/leaflet/leaflet.js", "assets/briefing/map.js"]}
                 if places else {})},
        places=places, unplaced=unplaced, placed=len(ids), map_months=months,
        month_names=[month_label(tuple(map(int, m.split("-")))) for m in months],
        topic_colours=topic_colours, no_topic_colour=NO_TOPIC_COLOUR, tiles=tiles(r.options),
        link=lambda url: site_link(url, "../"),
    )
    return [Generated("map/index.md", text, blocks=text.blocks)]
