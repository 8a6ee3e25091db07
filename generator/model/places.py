"""The place registry's checks (README: Add a place): coordinates in range, a country code that
ISO 3166-1 knows (pycountry), and ``within`` naming a known place without a loop."""

from __future__ import annotations

import difflib

import pycountry

from generator.model.frontmatter import Where
from generator.model.keytypes import INVALID
from generator.model.problems import Problems, did_you_mean
from generator.model.types import Place

_RANGES = {"lat": (-90.0, 90.0, "latitude"), "lon": (-180.0, 180.0, "longitude")}


def country_code(code: str) -> str | None:
    """The alpha-2 code of an ISO 3166-1 alpha-2 or alpha-3 code (any case), None if unknown."""
    code = code.strip()
    found = None
    if len(code) == 2:
        found = pycountry.countries.get(alpha_2=code.upper())
    elif len(code) == 3:
        found = pycountry.countries.get(alpha_3=code.upper())
    return found.alpha_2 if found is not None else None


def country_name(code: str | None) -> str | None:
    found = pycountry.countries.get(alpha_2=code) if code else None
    return getattr(found, "common_name", None) or getattr(found, "name", None) if found else None


def _country_hint(code: str) -> str:
    """A did-you-mean for an unknown code: a country of that name, or a near code."""
    try:
        named = pycountry.countries.lookup(code)
    except LookupError:
        named = None
    if named is None and len(code) > 3:  # a misspelt name: "Lybia"
        names = {c.name.casefold(): c for c in pycountry.countries}
        want = code.casefold()
        close = difflib.get_close_matches(want, names, 5, 0.6)  # a transposition ("Lybia") scores low:
        close.sort(key=lambda n: (sorted(n) != sorted(want), -difflib.SequenceMatcher(None, want, n).ratio()))
        named = names[close[0]] if close else None  # the same letters first
    if named is not None:
        return f"; did you mean '{named.alpha_2}' ({named.name})?"
    return did_you_mean(code.upper(), [c.alpha_2 for c in pycountry.countries])


def check_place(data, f: dict, where: Where) -> None:
    """One place file's checks (``f``: its validated fields, edited in place)."""
    lines = getattr(data, "lines", {})
    for key, (low, high, word) in _RANGES.items():
        value = f.get(key)
        if isinstance(value, float) and not low <= value <= high:
            where.error(lines.get(key, 0), f"'{key}' is {value:g}, outside the range of a {word} "
                                           f"({low:g} to {high:g}, WGS 84 degrees)")
            f[key] = INVALID
    if (f.get("lat") is None) != (f.get("lon") is None):
        missing = "lon" if f.get("lon") is None else "lat"
        where.error(lines.get("lat", lines.get("lon", 0)), f"a place with coordinates needs both 'lat' and "
                                                          f"'lon'; add '{missing}'")
    country = f.get("country")
    if isinstance(country, str):
        code = country_code(country)
        if code is None:
            where.error(lines.get("country", 0), f"'country' is {country!r}, not an ISO 3166-1 country code"
                                                 f"{_country_hint(country)}")
            f["country"] = INVALID
        else:
            f["country"] = code


def check_within(places: dict[str, Place], problems: Problems) -> None:
    """Each ``within`` names a known place, and following ``within`` never comes back to a place."""
    for place in places.values():
        if place.within is not None and place.within not in places:
            problems.error(place.path, place.within_line or 1, f"'within' names the unknown place "
                                                               f"'{place.within}'{did_you_mean(place.within, places)}; "
                                                               f"add content/places/{place.within}.md or fix the id")
    reported: set[str] = set()
    for start in places:
        chain, ident = [], start
        while ident in places and ident not in chain:
            chain.append(ident)
            ident = places[ident].within
        if ident in chain and ident not in reported:
            loop = chain[chain.index(ident):]
            reported.update(loop)
            place = places[loop[0]]
            problems.error(place.path, place.within_line or 1,
                           f"'within' makes a loop: {' -> '.join(loop + [loop[0]])}; one of them must lie in "
                           f"none of the others")


def ancestors(places: dict[str, Place], ident: str) -> list[str]:
    """The places that ``ident`` lies in, nearest first (loops already reported: stopped)."""
    out: list[str] = []
    within = places[ident].within if ident in places else None
    while within in places and within not in out and within != ident:
        out.append(within)
        within = places[within].within
    return out
