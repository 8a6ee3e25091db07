"""The places index (grouped by kind) and one page per place (README: Add a place): the entries
there and in the places within it, the claims whose scope names it, the actors active there, first
and last seen, and a small static SVG locator."""

from __future__ import annotations

import html

from generator.model.places import ancestors, country_name
from generator.model.types import Briefing, Place
from generator.pages.output import Generated
from generator.pages.urls import src_of

KIND_HEADINGS = {"country": "Countries", "region": "Regions", "city": "Cities and towns", "district": "Districts",
                 "facility": "Facilities", "other": "Other places"}
LOCATOR_W, LOCATOR_H, PAD = 240, 160, 0.5  # SVG size; degrees of margin around the country's places


def pages(r) -> list[Generated]:
    briefing, index = r.b, r.index
    if not briefing.places:
        return []
    out = [Generated("places/index.md", r.render("places.md.j2", "places/index.md", title="Places",
                                                 kinds=KIND_HEADINGS, pi=index.places))]  # not in nav
    # unless mkdocs.yml lists it (a project without places has no such page: its nav stays as it is)
    for place in briefing.places.values():
        src = src_of("places", place.id)
        entries = index.places.entries.get(place.id, [])
        within = [p for p in briefing.places.values() if place.id in ancestors(briefing.places, p.id)]
        key = (r.context_key, briefing.digests.get(place.path), briefing.changed.get(place.path),
               tuple(sorted(briefing.digests.get(p.path) or "" for p in briefing.places.values())),
               frozenset(r.article_key(a) for a in {e.article for e in entries}
                         | set(index.places.articles.get(place.id, []))))
        out.append(r.reuse(src, key, lambda src=src, place=place, entries=entries, within=within: Generated(
            src, r.render("place.md.j2", src, title=place.name, meta={"search": {"boost": 2}, **r.updated([place.path])},
                          place=place, entries=entries, within=sorted(within, key=lambda p: p.name.casefold()),
                          chain=[briefing.places[p] for p in ancestors(briefing.places, place.id)],
                          figures=index.places.figures.get(place.id, []),
                          actors=index.places.actors.get(place.id, []),
                          articles=[briefing.articles[a] for a in index.places.articles.get(place.id, [])
                                    if a in briefing.articles],
                          locator=locator_svg(place, briefing), country=country_name(place.country)))))
    return out


def locator_svg(place: Place, briefing: Briefing) -> str:
    """A small map without a base layer: the lon/lat box of the registry's places in the same country,
    each a grey dot, this one a larger dark dot. Empty for a place without coordinates."""
    if not place.located:
        return ""
    others = [p for p in briefing.places.values()
              if p.located and p.kind != "country" and p.country and p.country == place.country]
    if place.kind == "country" or not others:
        others = [p for p in briefing.places.values() if p.located and p.kind == "country"] or [place]
    lons = [p.lon for p in others] + [place.lon]
    lats = [p.lat for p in others] + [place.lat]
    west, east = min(lons) - PAD, max(lons) + PAD
    south, north = min(lats) - PAD, max(lats) + PAD
    span = max((east - west) / LOCATOR_W, (north - south) / LOCATOR_H)  # degrees per pixel, one scale
    cx, cy = (west + east) / 2, (south + north) / 2

    def xy(p: Place) -> tuple[float, float]:
        return (round(LOCATOR_W / 2 + (p.lon - cx) / span, 1), round(LOCATOR_H / 2 - (p.lat - cy) / span, 1))

    dots = []
    for p in sorted(others, key=lambda p: p.id):
        if p.id != place.id:
            x, y = xy(p)
            dots.append(f'<circle cx="{x}" cy="{y}" r="2.5" class="bf-locator-other"><title>{html.escape(p.name)}</title></circle>')
    x, y = xy(place)
    label = html.escape(f"{place.name}: {abs(place.lat):.4f}°{'N' if place.lat >= 0 else 'S'}, "
                        f"{abs(place.lon):.4f}°{'E' if place.lon >= 0 else 'W'}")
    return (f'<svg class="bf-locator" viewBox="0 0 {LOCATOR_W} {LOCATOR_H}" width="{LOCATOR_W}" height="{LOCATOR_H}" '
            f'role="img" aria-label="{label}, among the other places of this briefing">'
            f'<rect x="0.5" y="0.5" width="{LOCATOR_W - 1}" height="{LOCATOR_H - 1}" class="bf-locator-box"/>'
            + "".join(dots)
            + f'<circle cx="{x}" cy="{y}" r="6" class="bf-locator-here"/></svg>')
