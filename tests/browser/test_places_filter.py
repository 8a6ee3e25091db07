"""Issue 18: the timeline filter's ?place= (the place or a place within it), from the URL and the
select; a place page links its entries and the filtered timeline. The demo site of the session."""

from __future__ import annotations

import json


def test_place_filter_from_the_url_keeps_entries_there_and_within(page, base_url, site):
    places = json.loads((site / "data" / "places.geojson").read_text("utf-8"))
    entries = json.loads((site / "data" / "entries.geojson").read_text("utf-8"))
    within = {f["properties"]["id"] for f in places["features"] if f["properties"]["within"] == "tripoli"}
    expected = sum(1 for f in entries["features"] if f["properties"]["place_id"] in within | {"tripoli"})
    assert within and expected
    page.goto(base_url + "/timeline/?place=Tarabulus")  # an alias works in the URL, as for actors
    page.wait_for_selector("form.bf-filter:not([hidden])")
    assert page.locator('[data-filter="places"]').input_value() == "tripoli"
    total = page.locator(".bf-entry").count()
    shown = page.locator(".bf-entry:visible")
    assert shown.count() == expected < total
    for attr in shown.evaluate_all("els => els.map(e => e.dataset.places)"):
        assert "tripoli" in attr.split()
    assert any(a.split()[0] in within for a in shown.evaluate_all("els => els.map(e => e.dataset.places)"))
    page.select_option('[data-filter="places"]', "mitiga-airport")
    assert "place=mitiga-airport" in page.url
    assert page.locator(".bf-entry:visible").count() == sum(
        1 for f in entries["features"] if f["properties"]["place_id"] == "mitiga-airport")
    assert not page.console_errors


def test_place_page_links_the_place_and_the_entry_links_its_place(page, base_url):
    page.goto(base_url + "/places/mitiga-airport/")
    assert page.locator("h1").inner_text().startswith("Mitiga airport")
    assert page.locator("svg.bf-locator circle.bf-locator-here").count() == 1
    page.goto(base_url + "/timeline/")
    link = page.locator('.bf-entry a.bf-place[href$="places/mitiga-airport/"]').first
    link.click()
    page.wait_for_url("**/places/mitiga-airport/")
