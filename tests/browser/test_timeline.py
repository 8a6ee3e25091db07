"""The timeline's filter bar and entry anchors, in a real browser."""

from __future__ import annotations

import json


def visible_entries(page) -> int:
    return page.locator(".bf-entry:visible").count()


def test_filter_by_actor_topic_status_and_text(page, base_url, site):
    data = json.loads((site / "data/briefing.json").read_text("utf-8"))
    total = len(data["events"])
    page.goto(base_url + "/timeline/")
    bar = page.locator("form.bf-filter")
    assert bar.is_visible()
    assert visible_entries(page) == total
    assert page.locator(".bf-filter-count").inner_text() == f"{total} entries"

    haftar = sum("khalifa-haftar" in e["actors"] for e in data["events"])
    page.select_option('[data-filter="actors"]', "khalifa-haftar")
    assert 0 < haftar < total
    assert visible_entries(page) == haftar
    assert page.locator(".bf-filter-count").inner_text() == f"{haftar} of {total} entries"
    for attr in page.locator(".bf-entry:visible").evaluate_all("els => els.map(e => e.dataset.actors)"):
        assert "khalifa-haftar" in attr.split()

    page.select_option('[data-filter="actors"]', "")
    oil = sum("oil-supply" in e["topics"] for e in data["events"])
    page.select_option('[data-filter="topics"]', "oil-supply")
    assert 0 < oil < total
    assert visible_entries(page) == oil

    page.select_option('[data-filter="topics"]', "")
    claimed = sum(e["status"] == "claimed" for e in data["events"])
    page.select_option('[data-filter="status"]', "claimed")
    assert visible_entries(page) == claimed

    page.select_option('[data-filter="status"]', "")
    page.fill('[data-filter="text"]', "Zuwara")
    assert 0 < visible_entries(page) < total
    page.fill('[data-filter="text"]', "")
    assert visible_entries(page) == total
    assert page.console_errors == []


def test_without_javascript_every_entry_is_readable(browser, base_url, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "/timeline/")
    data = json.loads((site / "data/briefing.json").read_text("utf-8"))
    assert page.locator(".bf-entry:visible").count() == len(data["events"])
    assert not page.locator("form.bf-filter").is_visible()
    context.close()


def test_entry_anchor_scrolls_to_the_entry(page, base_url, site):
    data = json.loads((site / "data/briefing.json").read_text("utf-8"))
    oldest = data["events"][0]["id"]  # at the bottom of the page
    page.goto(base_url + f"/timeline/#e-{oldest}")
    entry = page.locator(f"#e-{oldest}")
    entry.wait_for()
    box = entry.bounding_box()
    assert box is not None and 0 <= box["y"] < 900


def test_date_shows_original_words_on_hover(page, base_url):
    page.goto(base_url + "/articles/2019-04-12-lna-air-strike-near-zuwara/")
    titles = page.locator(".bf-entry time.bf-date").evaluate_all("els => els.map(e => e.title)")
    assert "on Friday" in titles and "4 April" in titles


def test_figure_claims_can_be_hidden_and_shown(page, base_url, site):
    """Issue 14: claim groups are timeline entries (kind `claim`); a switch of the filter bar, or
    ?claims=0 in the address, hides them."""
    data = json.loads((site / "data/briefing.json").read_text("utf-8"))
    total = len(data["events"])
    claims = sum(e["kind"] == "claim" for e in data["events"])
    assert 0 < claims < total
    page.goto(base_url + "/timeline/")
    assert visible_entries(page) == total
    page.uncheck('[data-filter="claims"]')
    assert visible_entries(page) == total - claims
    assert page.locator(".bf-filter-count").inner_text() == f"{total - claims} of {total} entries"
    kinds = page.locator(".bf-entry:visible").evaluate_all("els => els.map(e => e.dataset.kind)")
    assert "claim" not in kinds
    page.check('[data-filter="claims"]')
    assert visible_entries(page) == total
    page.goto(base_url + "/timeline/?claims=0")
    assert visible_entries(page) == total - claims
