"""Issue 18, item 4: with `map_tiles` set, the map adds that tile layer with its attribution (the tile
requests are answered here, never sent out); without it (tests/browser/test_map_browser.py) no tile is asked for."""

from __future__ import annotations

import base64
import subprocess
import sys

import pytest

from screenshot import serve  # tools/, on the path from conftest.py
from support import FIXTURES, copy_demo, mkdocs_build

TILES = "https://tiles.example.org/{z}/{x}/{y}.png"
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=")


@pytest.fixture(scope="module")
def tiles_url(tmp_path_factory):
    project = copy_demo(tmp_path_factory.mktemp("map-tiles") / "demo", map_tiles={
        "url": TILES, "attribution": '&copy; <a href="https://example.org/">Example tiles</a>'})
    if (project / "content" / "places").is_dir():
        mkdocs_build(project, project / "site")
    else:  # before the demo has its place registry: the GeoJSON of tests/fixtures/map/
        proc = subprocess.run([sys.executable, str(FIXTURES / "map" / "build.py"), str(project / "site")],
                              cwd=project, capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
    server, url = serve(project / "site")
    yield url
    server.shutdown()


def test_tile_layer_and_its_attribution(browser, tiles_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    asked: list[str] = []
    page.route("https://tiles.example.org/**", lambda route: (asked.append(route.request.url),
                                                              route.fulfill(body=PNG, content_type="image/png")))
    others: list[str] = []
    page.on("request", lambda r: others.append(r.url) if not r.url.startswith((tiles_url, "https://tiles.example.org/")) else None)
    page.goto(tiles_url + "/map/")
    page.wait_for_load_state("networkidle")
    assert page.locator(".leaflet-tile-pane img.leaflet-tile").count() > 0
    attribution = page.locator(".leaflet-control-attribution")
    assert "Example tiles" in attribution.inner_text() and "Natural Earth" in attribution.inner_text()
    assert attribution.locator('a[href="https://example.org/"]').count() == 1
    context.close()
    assert asked and all(u.endswith(".png") for u in asked)
    assert others == []
