"""Issue 20 in a browser: the Zensical build of `briefing generate` filters the timeline (URL state too),
draws the charts and finds articles and profiles in Zensical's own search."""

from __future__ import annotations

import pytest

from screenshot import serve
from support import build_with_zensical


@pytest.fixture(scope="module")
def zensical_url(tmp_path_factory):
    site = build_with_zensical(tmp_path_factory.mktemp("zensical-browser"))
    server, url = serve(site)
    yield url
    server.shutdown()


def test_the_timeline_filter_works_on_the_zensical_site(page, zensical_url):
    page.goto(zensical_url + "/timeline/")
    total = page.locator(".bf-entry:visible").count()
    assert total >= 40 and page.locator(".bf-filter-count").inner_text() == f"{total} entries"
    page.select_option('[data-filter="actors"]', "khalifa-haftar")
    shown = page.locator(".bf-entry:visible").count()
    assert 0 < shown < total and "actor=khalifa-haftar" in page.url
    page.go_back()
    page.wait_for_function(f"document.querySelectorAll('.bf-entry:not(.bf-hidden)').length === {total}")
    assert page.console_errors == []


def test_charts_are_drawn_on_the_zensical_topic_page(page, zensical_url):
    page.goto(zensical_url + "/topics/humanitarian-toll/")
    assert page.locator("figure svg").count() >= 1
    assert page.locator("figure figcaption").count() >= 1


def test_zensical_search_finds_articles_and_the_profile_by_an_alias(page, zensical_url):
    page.goto(zensical_url + "/")
    page.wait_for_load_state("networkidle")  # Zensical's script (deferred) takes Ctrl+K once it has run
    page.keyboard.press("Control+k")
    page.wait_for_timeout(500)  # the search dialog opens and takes the focus
    page.keyboard.type("Hifter")
    # results are links in Zensical's search dialog (an open shadow root, which CSS locators pierce),
    # each with ?h=<query>: the article that spells the name so, and the profile of its alias
    article = page.locator("a[role=option][href*='articles/2019-04-18-gna-seeks-arrest-of-haftar/?h=Hifter']")
    article.first.wait_for(timeout=30_000)
    assert page.locator("a[role=option][href*='actors/khalifa-haftar/?h=Hifter']").count() >= 1
