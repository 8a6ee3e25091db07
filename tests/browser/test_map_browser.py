"""Issue 18, items 3-4: the /map/ page of the demo in Chromium, on a phone (320 px) and a desktop (1280 px):
markers for the entries with a place, the timeline's filters in the URL (and Back), popups from the
keyboard, the month control, the legend, the list without JavaScript, axe, and not one request that
leaves the local server."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from screenshot import serve  # tools/, on the path from conftest.py
from support import FIXTURES, copy_demo, mkdocs_build

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / ".cache/axe/node_modules/axe-core/axe.min.js"
WIDTHS = [320, 1280]
MARKERS = ".leaflet-marker-pane .bf-map-marker"


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    """The demo built once for this module: with its place registry, or else with the GeoJSON of
    tests/fixtures/map/ standing in for the registry's files."""
    project = copy_demo(tmp_path_factory.mktemp("map") / "demo")
    site = project / "site"
    if (project / "content" / "places").is_dir():
        mkdocs_build(project, site)
    else:
        proc = subprocess.run([sys.executable, str(FIXTURES / "map" / "build.py"), str(site)], cwd=project,
                              capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
    server, url = serve(site)
    yield url
    server.shutdown()


@pytest.fixture
def visit(browser, base_url):
    """Opens the map page at a width; every request any page of the context makes is recorded, and
    the test fails on one to another host than the local server."""
    contexts, requests = [], []

    def open_map(width: int, query: str = "", **context_options):
        context = browser.new_context(viewport={"width": width, "height": 900}, **context_options)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.on("request", lambda request: requests.append(request.url))
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.errors = errors
        page.goto(base_url + "/map/" + query)
        page.wait_for_load_state("networkidle")
        return page

    yield open_map
    for context in contexts:
        context.close()
    local = urlsplit(base_url).netloc
    away = [url for url in requests if urlsplit(url).scheme not in ("data", "blob") and urlsplit(url).netloc != local]
    assert requests and away == []


def markers(page) -> int:
    return page.locator(MARKERS).count()


def places_in_list(page) -> int:
    return page.locator(".bf-map-place:not(.bf-hidden)").count()


@pytest.mark.parametrize("width", WIDTHS)
def test_markers_for_the_places_of_the_demo(visit, width):
    page = visit(width)
    n = markers(page)
    assert n >= 5  # Tripoli, Mitiga airport, Zuwara, Tajoura, Ain Zara at least
    assert n == places_in_list(page) == page.locator(".bf-map-place").count()
    assert page.locator("#bf-map").is_visible()
    box = page.locator("#bf-map").bounding_box()
    assert box["width"] <= width and box["height"] >= 250
    # inside the map's box: fitted to the places
    inside = page.evaluate("""() => { const m = document.getElementById('bf-map').getBoundingClientRect();
      return [...document.querySelectorAll('.leaflet-marker-pane .bf-map-marker')].every(e => {
        const r = e.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
        return x >= m.left && x <= m.right && y >= m.top && y <= m.bottom; }); }""")
    assert inside
    status = page.locator(".bf-map-status").inner_text()
    assert status.startswith(f"{page.locator('.bf-map-list li.bf-entry').count()} entries at {n} places")
    assert "have no place on the map" in page.locator(".bf-lead").inner_text()
    assert page.errors == []


@pytest.mark.parametrize("width", WIDTHS)
def test_actor_filter_from_the_url_and_back(visit, width):
    page = visit(width)
    everything = markers(page)
    page.goto(page.url.split("?")[0] + "?actor=haftar")  # a name: the same rules as the timeline's filter
    page.wait_for_load_state("networkidle")
    assert page.locator('select[data-filter="actors"]').input_value() == "khalifa-haftar"
    haftar = markers(page)
    assert 0 < haftar < everything
    assert haftar == places_in_list(page)
    for li in page.locator(".bf-map-list li.bf-entry:visible").all():
        assert "khalifa-haftar" in li.get_attribute("data-actors").split()
    # away to an entry and Back: the filter is still on
    page.locator(".bf-map-list li.bf-entry:visible a").first.click()
    page.wait_for_load_state()
    assert "/timeline/" in page.url
    page.go_back()
    page.wait_for_load_state("networkidle")
    assert "actor=haftar" in page.url and markers(page) == haftar
    # a choice in the bar is a new history step; Back undoes it
    page.select_option('select[data-filter="actors"]', "")
    page.wait_for_function(f"document.querySelectorAll('{MARKERS}').length === {everything}")
    assert "actor=" not in page.url
    page.go_back()
    page.wait_for_function(f"document.querySelectorAll('{MARKERS}').length === {haftar}")
    assert page.locator('select[data-filter="actors"]').input_value() == "khalifa-haftar"
    assert page.errors == []


@pytest.mark.parametrize("width", WIDTHS)
def test_popup_opens_from_the_keyboard_and_links_entries(visit, width):
    page = visit(width)
    marker = page.locator(MARKERS).first
    assert marker.get_attribute("tabindex") == "0" and marker.get_attribute("role") == "button"
    label = marker.get_attribute("aria-label")
    assert " entr" in label
    marker.focus()
    page.keyboard.press("Enter")
    popup = page.locator(".leaflet-popup .bf-map-popup")
    popup.wait_for()
    links = popup.locator("li a")
    assert links.count() >= 1
    assert all("#e-" in a.get_attribute("href") for a in links.all())
    assert page.evaluate("document.activeElement.closest('.leaflet-popup') !== null")  # focus went into it
    assert label.split(":")[0] in popup.inner_text()
    page.wait_for_timeout(400)  # Leaflet pans the map to show the popup
    inner, outer = page.locator(".leaflet-popup-content-wrapper").bounding_box(), page.locator("#bf-map").bounding_box()
    assert outer["x"] <= inner["x"] and inner["x"] + inner["width"] <= outer["x"] + outer["width"]  # on a phone too
    page.keyboard.press("Escape")
    page.wait_for_function("!document.querySelector('.leaflet-popup')")


@pytest.mark.parametrize("width", WIDTHS)
def test_month_control_changes_what_is_shown(visit, width):
    page = visit(width)
    everything = page.locator(".bf-map-list li.bf-entry:visible").count()
    slider = page.locator('input[data-map="time"]')
    assert page.locator("label", has=slider).inner_text().startswith("Month")
    slider.focus()
    page.keyboard.press("ArrowRight")  # the first month
    page.wait_for_function("document.querySelector('[data-map=\"time-label\"]').textContent !== 'All months'")
    month = page.locator('[data-map="time-label"]').inner_text()
    assert slider.get_attribute("aria-valuetext") == month
    shown = page.locator(".bf-map-list li.bf-entry:visible")
    assert 0 < shown.count() < everything
    first = page.locator('#bf-map').get_attribute("data-months").split()[0]
    assert all(li.get_attribute("data-date").startswith(first) for li in shown.all())
    assert markers(page) == places_in_list(page)
    assert f"in {month}" in page.locator(".bf-map-status").inner_text()
    assert f"month={first}" in page.url
    page.keyboard.press("Home")  # all months again
    page.wait_for_function("document.querySelector('[data-map=\"time-label\"]').textContent === 'All months'")
    assert page.locator(".bf-map-list li.bf-entry:visible").count() == everything


@pytest.mark.parametrize("width", WIDTHS)
def test_legend_shows_the_colours_in_use(visit, width):
    page = visit(width)
    legend = page.locator(".bf-map-legend li:visible")
    assert legend.count() >= 1
    topic_colours = {page.evaluate("e => getComputedStyle(e.querySelector('.bf-map-swatch')).backgroundColor", li.element_handle())
                     for li in legend.all()}
    dots = set(page.evaluate(f"""() => [...document.querySelectorAll('{MARKERS} .bf-map-dot')]
        .map(d => getComputedStyle(d).backgroundColor)"""))
    assert dots <= topic_colours
    page.select_option('select[data-map="colour"]', "status")
    page.wait_for_function("[...document.querySelectorAll('.bf-map-legend li')].some(li => !li.hidden && li.dataset.colourBy === 'status')")
    assert {li.get_attribute("data-key") for li in page.locator(".bf-map-legend li:visible").all()} <= {
        "reported", "claimed", "confirmed", "denied", "disputed"}


def test_without_javascript_the_list_by_place_is_there(visit):
    page = visit(1280, java_script_enabled=False)
    assert not page.locator("#bf-map").is_visible()
    assert page.locator(".bf-map-place").count() >= 5
    assert page.locator(".bf-map-list li.bf-entry a").first.is_visible()


@pytest.mark.parametrize("width, scheme", [(320, "light"), (1280, "light"), (1280, "dark")])
def test_map_page_has_no_serious_accessibility_violations(visit, width, scheme):
    if not AXE.exists():
        message = f"axe-core is not installed at {AXE} (make test installs it with npm)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    page = visit(width, color_scheme=scheme)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    serious = [(v["id"], [n["target"] for n in v["nodes"]][:5]) for v in result["violations"]
               if v["impact"] in ("serious", "critical")]
    assert serious == []
