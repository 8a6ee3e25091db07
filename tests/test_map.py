"""Issue 18, items 3-4: the /map/ page (generator/pages/map.py), its assets and the map_tiles option.

The page is built from data/entries.geojson and data/places.geojson as the build makes them; here the
hand-written files of tests/fixtures/map/ stand for them (eight entries of the demo at five places)."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
from pathlib import Path

import pytest
import yaml
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from support import FIXTURES, ROOT, copy_demo
from generator import build
from generator.cache import BuildCache
from generator.config import ConfigError, Options, check, options_from
from generator.pages import map as map_page
from generator.pages.output import Generated
from generator.pages.render import Renderer, environment
from generator.pages.static import ASSET_CSS, ASSET_JS, asset_files

MAP = FIXTURES / "map"
TILES = {"url": "https://tiles.example.org/{z}/{x}/{y}.png", "attribution": "&copy; Example tiles"}


@pytest.fixture(scope="module")
def demo():
    result = build.run(ROOT / "content", Options(), root=ROOT, today=dt.date(2026, 1, 1))
    assert not result.problems.errors
    return result


def geojson_files() -> list[Generated]:
    return [Generated("data/entries.geojson", (MAP / "entries.geojson").read_text("utf-8")),
            Generated("data/places.geojson", (MAP / "places.geojson").read_text("utf-8"))]


def map_html(demo, options: Options = Options(), generated: list[Generated] | None = None) -> str:
    r = Renderer(demo.briefing, demo.index, options, environment(), set(), BuildCache())
    [page] = map_page.pages(r, geojson_files() if generated is None else generated)
    assert page.path == "map/index.md"
    return page.inline()


# --- the page ---------------------------------------------------------------------------------

def test_list_by_place_holds_every_entry_of_the_geojson_with_its_link(demo):
    html = map_html(demo)
    places = re.findall(r'<section class="bf-map-place" id="place-([^"]+)"', html)
    assert places == ["ain-zara", "mitiga-airport", "tajoura", "tripoli", "zuwara"]  # by name
    items = re.findall(r'<li class="bf-entry[^"]*"[^>]*data-place="([^"]+)"[^>]*><time[^>]*>[^<]+</time> <a href="([^"]+)"', html)
    assert len(items) == 8
    assert ("mitiga-airport", "../timeline/#e-2019-04-09-lna-air-strike-shuts-mitiga-airport--1") in items
    # the place's page from places.geojson, relative to /map/
    assert '<a href="../places/tajoura/">Tajoura</a> <span class="bf-map-count">(2)</span>' in html
    # the filter attributes briefing.js reads, from the GeoJSON properties
    assert re.search(r'data-status="claimed" data-date="2019-06-06" data-actors="lna" data-topics="" '
                     r'data-place="mitiga-airport" data-places="mitiga-airport tripoli"', html)  # and within


def test_places_within_loop_ends():
    entries = json.loads((MAP / "entries.geojson").read_text("utf-8"))
    places = json.loads((MAP / "places.geojson").read_text("utf-8"))
    for f in places["features"]:
        f["properties"]["within"] = {"tripoli": "tajoura", "tajoura": "tripoli"}.get(f["properties"]["id"])
    chains = {p.id: p.within for p in map_page.located(entries, places)}
    assert chains["tajoura"] == ["tajoura", "tripoli"] and chains["tripoli"] == ["tripoli", "tajoura"]
    assert chains["zuwara"] == ["zuwara"]


def test_page_says_how_many_entries_have_no_place(demo):
    html = map_html(demo)
    unplaced = len(demo.briefing.entries) - 8
    assert unplaced > 0
    assert f"8 entries at 5 places. {unplaced} entries have no place on the map" in html


def test_month_control_spans_the_months_of_the_placed_entries(demo):
    html = map_html(demo)
    assert 'data-months="2019-04 2019-05 2019-06 2019-07"' in html
    assert 'data-month-names="April 2019|May 2019|June 2019|July 2019"' in html
    assert re.search(r'<input type="range" data-map="time" min="0" max="4"', html)
    assert map_page.months_of([]) == []


def test_filter_bar_is_the_timelines_with_its_own_name(demo):
    html = map_html(demo)
    assert '<form class="bf-filter" hidden aria-label="Filter the map">' in html
    assert 'data-param="actor"' in html and 'data-param="topic"' in html and 'data-param="status"' in html
    timeline = next(p.inline() for p in demo.pages if p.path == "timeline/index.md")
    assert 'aria-label="Filter the timeline"' in timeline


def test_legend_has_every_topic_and_status(demo):
    html = map_html(demo)
    for topic in demo.briefing.topics.values():
        assert f">{topic.title}</li>" in html
    for status in ("reported", "claimed", "confirmed", "denied", "disputed"):
        assert f'<li data-colour-by="status" data-key="{status}">' in html


def test_leaflet_and_map_script_on_the_map_page_only(demo):
    html = map_html(demo)
    for asset in ("vendor/leaflet/leaflet.css", "map.css"):
        assert f'"../assets/briefing/{asset}"' in html
    # the scripts go in by the theme's scripts block (page meta), never as a script in the content
    assert '"bf_scripts": ["assets/briefing/vendor/leaflet/leaflet.js", "assets/briefing/map.js"]' in html
    assert "<script" not in html
    assert 'data-basemap="../assets/briefing/vendor/world/countries-50m.geojson"' in html
    assert not any("map" in a or "leaflet" in a for a in ASSET_CSS + ASSET_JS)  # not on every page
    for page in demo.pages:
        if page.path.endswith(".md") and page.path != "map/index.md":
            text = page.inline()
            assert "leaflet" not in text and "map.js" not in text, page.path


def test_no_tile_layer_without_map_tiles(demo):
    assert "data-tiles" not in map_html(demo)


def test_map_tiles_layer_with_its_attribution_cleaned(demo):
    options = options_from({"map_tiles": {**TILES, "attribution": '&copy; <a href="https://example.org/" '
                                          'onclick="x()">Example</a><script>alert(1)</script>'}})
    html = map_html(demo, options)
    assert 'data-tiles="https://tiles.example.org/{z}/{x}/{y}.png"' in html
    attribution = re.search(r'data-tiles-attribution="([^"]*)"', html).group(1)
    assert "Example" in attribution and "https://example.org/" in attribution
    assert "script" not in attribution and "onclick" not in attribution


def test_without_geojson_the_page_says_so_and_loads_no_map(demo):
    html = map_html(demo, generated=[])
    assert "No entry has a place with coordinates yet" in html
    assert f"({len(demo.briefing.entries)} entries are on the [timeline](../timeline/index.md))" in html
    assert "leaflet" not in html and "bf-map-list" not in html


def test_geojson_of_the_build_is_what_the_page_reads(demo):
    # the build hands map.pages everything built before it: the GeoJSON files when the briefing has them
    paths = [p.path for p in demo.pages]
    assert paths.index("map/index.md") < paths.index("assets/briefing/map.js")
    if "data/entries.geojson" in paths:
        assert paths.index("data/entries.geojson") < paths.index("map/index.md")
        features = json.loads(next(p.content for p in demo.pages if p.path == "data/entries.geojson"))["features"]
        html = next(p.inline() for p in demo.pages if p.path == "map/index.md")
        assert len(re.findall(r'<li class="bf-entry', html)) == len(features)


def test_site_link_is_relative_to_the_map_page():
    assert map_page.site_link("/timeline/#e-x", "../") == "../timeline/#e-x"
    assert map_page.site_link("timeline/2019/04/#e-x", "../") == "../timeline/2019/04/#e-x"
    assert map_page.site_link(None, "../") is None


# --- assets -------------------------------------------------------------------------------------

def test_vendored_leaflet_and_base_map_ship_as_assets():
    files = dict(asset_files())
    leaflet = files["assets/briefing/vendor/leaflet/leaflet.js"].decode()
    assert "Leaflet 1.9.4" in leaflet[:300]
    assert b"BSD 2-Clause" in files["assets/briefing/vendor/leaflet/LICENSE"]
    assert "assets/briefing/vendor/leaflet/leaflet.css" in files
    assert "assets/briefing/vendor/leaflet/images/marker-icon.png" in files
    world = json.loads(files["assets/briefing/vendor/world/countries-50m.geojson"])
    assert world["type"] == "FeatureCollection" and len(world["features"]) > 200
    libya = next(f for f in world["features"] if f["properties"]["name"] == "Libya")
    lon, lat = libya["geometry"]["coordinates"][0][0][0] if libya["geometry"]["type"] == "MultiPolygon" \
        else libya["geometry"]["coordinates"][0][0]
    assert 9 < lon < 26 and 19 < lat < 34  # longitude first (RFC 7946)
    assert not any(path.endswith(".md") for path in files)  # nothing MkDocs would take for a page


def test_map_payload_under_500_kb_gzip():
    files = dict(asset_files())
    payload = ["vendor/leaflet/leaflet.js", "vendor/leaflet/leaflet.css", "vendor/world/countries-50m.geojson",
               "map.js", "map.css"]
    size = sum(len(gzip.compress(files[f"assets/briefing/{p}"], 9)) for p in payload)
    assert size < 500_000, size


# --- the map_tiles option -------------------------------------------------------------------------

def test_map_tiles_off_by_default():
    assert Options().map_tiles is None
    assert options_from({}).map_tiles is None


def test_map_tiles_checked_value():
    assert check("map_tiles", TILES) == (TILES["url"], TILES["attribution"])
    assert check("map_tiles", check("map_tiles", TILES)) == (TILES["url"], TILES["attribution"])  # checked twice


@pytest.mark.parametrize("value, message", [
    ("https://tiles.example.org/{z}/{x}/{y}.png", "must be a mapping with 'url' and 'attribution'"),
    ({**TILES, "url": "http://tiles.example.org/{z}/{x}/{y}.png"}, "must be an https:// URL template"),
    ({**TILES, "url": "https://tiles.example.org/{z}/{x}.png"}, "with {z}, {x} and {y}"),
    ({**TILES, "url": 'https://tiles.example.org/{z}/{x}/{y}.png"onload'}, "must be an https:// URL template"),
    ({"url": TILES["url"]}, "'attribution' is required"),
    ({**TILES, "attribution": "  "}, "'attribution' is required"),
    ({**TILES, "maxzoom": 18}, "unknown key 'maxzoom'"),
])
def test_map_tiles_bad_values(value, message):
    with pytest.raises(ConfigError, match=re.escape(message)):
        check("map_tiles", value)


def test_bad_map_tiles_fails_when_mkdocs_yml_loads(tmp_path: Path, caplog):
    project = copy_demo(tmp_path / "demo", map_tiles={"url": "http://tiles.example.org/{z}/{x}/{y}.png",
                                                      "attribution": "Example"})
    with pytest.raises(MkDocsException):
        load_config(str(project / "mkdocs.yml"))
    assert "option 'map_tiles': 'url' must be an https:// URL template" in caplog.text


def test_demo_and_scaffold_link_the_map_in_the_nav():
    for path in (ROOT / "mkdocs.yml", ROOT / "generator/scaffold/mkdocs.yml"):
        nav = yaml.safe_load(path.read_text("utf-8").replace("!!python", "#"))["nav"]
        assert {"Map": "map/index.md"} in nav, path
