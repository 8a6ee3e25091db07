"""Issue 18: the place registry (content/places/) and its errors, linking places written in front
matter, place mentions in bodies, the GeoJSON files, briefing.json's place_id and the CSV
coordinates, place pages, ``briefing places suggest`` and ``check --stats``.

Fixtures: tests/fixtures/places/ (a small project: places, aliases, a free-text place, a place
"within" another) and tests/fixtures/places-bad/ (one error each)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
from pathlib import Path

import pytest

from support import FIXTURES, ROOT, briefing_in
from generator import build
from generator.config import Options
from generator.derive import derive
from generator.model.load import load

GOOD = FIXTURES / "places"
BAD = FIXTURES / "places-bad"
TODAY = dt.date(2026, 1, 1)


def run(root: Path = GOOD):
    result = build.run(root / "content", Options(history=False), root=root, today=TODAY)
    assert not result.problems.errors, [str(p) for p in result.problems.items]
    return result


def files(root: Path = GOOD) -> dict[str, str]:
    return {g.path: g.content for g in run(root).pages if isinstance(g.content, str)}


# --- the registry and its errors -------------------------------------------------------------

def test_registry_errors_are_path_line_messages():
    _, problems = load(BAD / "content", root=BAD, today=TODAY)
    got = sorted(str(p) for p in problems.errors)
    where = "content/places/"
    assert got == sorted([
        f"{where}far-east.md:5: error: 'lon' is 181, outside the range of a longitude (-180 to 180, WGS 84 degrees)",
        f"{where}half.md:4: error: a place with coordinates needs both 'lat' and 'lon'; add 'lon'",
        f"{where}loop-a.md:7: error: 'within' makes a loop: loop-a -> loop-b -> loop-a; one of them must lie in "
        "none of the others",
        f"{where}misspelt.md:6: error: 'country' is 'Lybia', not an ISO 3166-1 country code; did you mean 'LY' (Libya)?",
        f"{where}named.md:6: error: 'country' is 'Libya', not an ISO 3166-1 country code; did you mean 'LY' (Libya)?",
        f"{where}north-pole-ish.md:4: error: 'lat' is 95.5, outside the range of a latitude (-90 to 90, WGS 84 degrees)",
        f"{where}orphan.md:7: error: 'within' names the unknown place 'tripolli' (did you mean 'tripoli'?); add "
        "content/places/tripolli.md or fix the id",
    ])
    assert not problems.warnings


def test_country_codes_are_normalised_to_alpha_2():
    briefing, problems = load(GOOD / "content", root=GOOD, today=TODAY)
    assert not problems.errors
    assert briefing.places["tripoli"].country == "LY"  # written 'ly'
    assert briefing.places["mitiga-airport"].country == "LY"  # written 'LBY'


# --- linking and mentions --------------------------------------------------------------------

def test_places_written_in_front_matter_link_by_id_name_or_alias_and_others_stay_free_text():
    result = run()
    entries = {e.title: e for e in result.briefing.entries}
    assert entries["LNA aircraft strike the airport"].place_id == "mitiga-airport"  # "Mitiga airport, Tripoli"
    assert entries["LNA aircraft strike the airport"].place == "Mitiga airport, Tripoli"  # the text stays
    assert entries["Statement read in Zuwarah"].place_id == "zuwara"  # an alias
    assert entries["Council meets"].place_id is None and entries["Council meets"].place == "New York"
    assert entries["Fighting in the south of the city"].place_id is None  # Ain Zara has no place file
    # an article without events takes the first place it lists ('zuwara': an id)
    assert entries["Air strike near the coast"].place_id == "zuwara"
    assert not result.problems.warnings  # a free-text place is no warning (strict builds keep passing)


def test_place_mentions_in_bodies_use_the_actor_matcher_with_aliases():
    briefing, _ = load(GOOD / "content", root=GOOD, today=TODAY)
    articles = derive(briefing).briefing.articles
    # declared first (Mitiga airport; Gharyan has no file), then mentioned: "Tarabulus" is Tripoli's alias
    assert articles["2019-04-09-mitiga"].place_ids == ["mitiga-airport", "tripoli"]
    # "Zwara" and Arabic script are aliases of one place; counted once
    assert articles["2019-04-12-zwara"].place_ids == ["zuwara"]
    assert articles["2019-04-13-nowhere"].place_ids == []  # "the capital" names no place


def test_entries_of_a_place_include_the_places_within_it():
    index = run().index
    titles = lambda ident: [e.title for e in index.places.entries.get(ident, [])]
    assert titles("mitiga-airport") == ["LNA aircraft strike the airport"]
    assert "LNA aircraft strike the airport" in titles("tripoli")  # Mitiga lies within Tripoli
    assert set(titles("libya")) == {"LNA aircraft strike the airport", "Air strike near the coast",
                                    "Statement read in Zuwarah"}
    assert index.places.actors["mitiga-airport"] == [("lna", 1)]


# --- data files ------------------------------------------------------------------------------

ENTRY_KEYS = {"id", "title", "date", "date_text", "url", "article", "place_id", "place", "actors", "topics",
              "status", "kind"}
PLACE_KEYS = {"id", "name", "kind", "country", "admin1", "pcode", "within", "aliases", "url", "entries"}


def check_rfc7946(data: dict, keys: set[str]) -> None:
    """The parts of RFC 7946 these files use: a FeatureCollection of Point Features, longitude first
    in range, no 'crs', at most 5 decimals, and the contract's properties."""
    assert data["type"] == "FeatureCollection" and "crs" not in data
    for feature in data["features"]:
        assert feature["type"] == "Feature" and "crs" not in feature
        geometry = feature["geometry"]
        assert geometry["type"] == "Point" and len(geometry["coordinates"]) == 2
        lon, lat = geometry["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert round(lon, 5) == lon and round(lat, 5) == lat
        assert set(feature["properties"]) == keys


def test_geojson_files_parse_validate_and_are_byte_stable():
    first, second = files(), files()
    for name in ("data/entries.geojson", "data/places.geojson"):
        assert first[name] == second[name]
    entries = json.loads(first["data/entries.geojson"])
    places = json.loads(first["data/places.geojson"])
    check_rfc7946(entries, ENTRY_KEYS)
    check_rfc7946(places, PLACE_KEYS)
    tripoli = next(f for f in places["features"] if f["properties"]["id"] == "tripoli")
    assert tripoli["geometry"]["coordinates"] == [13.18733, 32.88743]  # lon first, rounded from 6 decimals
    assert tripoli["properties"]["url"] == "places/tripoli/" and tripoli["properties"]["entries"] == 1
    airport = next(f["properties"] for f in entries["features"] if f["properties"]["place_id"] == "mitiga-airport")
    assert airport == {
        "id": "e-2019-04-09-mitiga--1", "title": "LNA aircraft strike the airport", "date": "2019-04-08",
        "date_text": "8 Apr 2019", "url": "timeline/#e-2019-04-09-mitiga--1", "article": "articles/2019-04-09-mitiga/",
        "place_id": "mitiga-airport", "place": "Mitiga airport", "actors": ["lna"], "topics": [],
        "status": "reported", "kind": "event"}
    # only entries whose place has coordinates: not New York, not Ain Zara
    assert {f["properties"]["place_id"] for f in entries["features"]} == {"mitiga-airport", "zuwara"}


def test_the_demo_geojson_has_the_offensive_places():
    out = files(ROOT)
    places = json.loads(out["data/places.geojson"])
    check_rfc7946(places, PLACE_KEYS)
    ids = {f["properties"]["id"] for f in places["features"]}
    assert {"tripoli", "ain-zara", "qasr-bin-gashir", "tajoura", "triq-al-matar", "swani", "aziziya",
            "mitiga-airport", "gharyan", "zuwara", "mellitah", "sharara-field", "benghazi", "libya"} <= ids
    entries = json.loads(out["data/entries.geojson"])
    check_rfc7946(entries, ENTRY_KEYS)
    assert len(entries["features"]) >= 20


def test_briefing_json_has_place_id_and_acled_csv_has_coordinates():
    out = files()
    events = {e["title"]: e for e in json.loads(out["data/briefing.json"])["events"]}
    assert events["LNA aircraft strike the airport"]["place_id"] == "mitiga-airport"
    assert events["Council meets"]["place_id"] is None and events["Council meets"]["place"] == "New York"
    rows = list(csv.DictReader(io.StringIO(out["data/acled.csv"])))[1:]  # the HXL row first
    by_place = {r["location"]: (r["latitude"], r["longitude"]) for r in rows}
    assert by_place["Mitiga airport, Tripoli"] == ("32.8947", "13.2761")
    assert by_place["New York"] == ("", "")


# --- pages -----------------------------------------------------------------------------------

def test_place_pages_and_the_index():
    out = {g.path: g.inline() for g in run().pages}
    index = out["places/index.md"]
    assert "## Cities and towns" in index and "## Facilities" in index and "## Countries" in index
    page = out["places/tripoli.md"]
    assert "Places within" in page and "Mitiga airport" in page
    assert '<svg class="bf-locator"' in page and 'class="bf-locator-here"' in page
    assert "?place=tripoli" in page or "LNA aircraft strike the airport" in page
    timeline = out["timeline/index.md"]
    assert 'data-param="place"' in timeline
    assert 'data-places="mitiga-airport tripoli libya"' in timeline


def test_a_project_without_places_has_no_place_pages():
    out = {g.path for g in run(FIXTURES / "mini").pages}
    assert not any(p.startswith("places/") for p in out)
    assert json.loads(files(FIXTURES / "mini")["data/places.geojson"]) == {"type": "FeatureCollection",
                                                                           "features": []}


# --- the CLI ---------------------------------------------------------------------------------

def test_places_suggest_lists_free_names_with_gazetteer_candidates_and_writes_drafts(tmp_path):
    project = tmp_path / "places"
    shutil.copytree(GOOD, project)
    result = briefing_in(project, "places", "suggest")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any(line.startswith("Gharyan: GeoNames 2217362 Gharyan (LY) 32.17222, 13.02028") for line in lines)
    assert any(line.startswith("New York: GeoNames 5128581") for line in lines)
    assert not any(line.startswith(("Zuwarah", "Tripoli", "Mitiga")) for line in lines)
    written = briefing_in(project, "places", "suggest", "--write")
    assert written.exit_code == 0, written.output
    draft = project / "content" / "places" / "gharyan.md"
    assert draft.exists() and "lat: 32.17222" in draft.read_text("utf-8")
    check = briefing_in(project, "check")
    assert check.exit_code == 0, check.output  # the drafts are valid place files
    again = briefing_in(project, "places", "suggest")
    assert "Gharyan:" not in again.output


def test_check_stats_lists_free_place_names():
    result = briefing_in(GOOD, "check", "--stats")
    assert result.exit_code == 0, result.output
    assert "place names no place file has (3; briefing places suggest):" in result.output
    assert "  New York: content/articles/2019-04-13-nowhere.md:" in result.output
