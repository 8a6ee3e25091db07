"""What Lighthouse's mobile performance rests on (issue 15, Lighthouse on a phone): no script holds up
the first paint, and the timeline's filter bar takes its room before briefing.js shows it, so the
entries never move (the layout shift of 0.15 Lighthouse measured)."""

from __future__ import annotations

import re

import pytest


def test_every_script_of_a_page_is_deferred(site):
    for path in ("index.html", "timeline/index.html", "actors/khalifa-haftar/index.html",
                 "topics/humanitarian-toll/index.html", "articles/2019-04-12-lna-air-strike-near-zuwara/index.html"):
        html = (site / path).read_text("utf-8")
        external = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", html)
        assert external and all(" defer" in tag for tag in external), (path, external)


@pytest.mark.parametrize("width", [390, 1280])
def test_the_timeline_does_not_move_when_its_filter_bar_appears(browser, base_url, width):
    """The entries' place with briefing.js blocked (the moment before it runs) is their place after it ran."""
    tops = []
    for block in (True, False):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        if block:
            page.route(re.compile(r".*/assets/briefing/briefing\.js$"), lambda route: route.abort())
        page.goto(base_url + "/timeline/")
        page.wait_for_load_state("load")
        if not block:
            page.wait_for_selector("form.bf-filter:not([hidden])")
        tops.append(page.evaluate("document.querySelector('.bf-entries').getBoundingClientRect().top"))
        context.close()
    assert abs(tops[0] - tops[1]) < 1, tops
