"""Finding things (issue 15, items 8-11): the timeline filter kept in the URL and undone by Back, ?actor=
by id, name or alias, "No entry matches", the filter over months with pages of their own (loaded from
/data/timeline/<yyyy>-<mm>.json), and a search for any name of an actor in lunr and in Pagefind."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from screenshot import serve  # tools/, put on sys.path by conftest.py
from support import copy_demo, mkdocs_build
from test_reader_pagefind import pagefind_site, servers, type_query  # noqa: F401  (fixtures)



def visible(page) -> int:
    return page.locator(".bf-entry:visible").count()


def query(page) -> dict:
    return parse_qs(urlparse(page.url).query)


def events(site: Path) -> list[dict]:
    return json.loads((site / "data/briefing.json").read_text("utf-8"))["events"]


def with_actor(site: Path, actor: str) -> int:
    return sum(actor in e["actors"] for e in events(site))


def test_filter_round_trip_through_the_url_and_back(page, base_url, site):
    total = len(events(site))
    page.goto(base_url + "/timeline/")
    assert visible(page) == total
    page.select_option('[data-filter="actors"]', "khalifa-haftar")
    assert query(page) == {"actor": ["khalifa-haftar"]}
    page.select_option('[data-filter="topics"]', "humanitarian-toll")
    assert query(page) == {"actor": ["khalifa-haftar"], "topic": ["humanitarian-toll"]}
    both = visible(page)
    assert 0 < both < with_actor(site, "khalifa-haftar")
    page.uncheck('[data-filter="claims"]')
    assert query(page)["claims"] == ["0"]

    shared = page.url  # a shared link shows the same
    page.go_back()
    assert "claims" not in query(page)
    assert page.locator('[data-filter="claims"]').is_checked()
    page.go_back()
    assert query(page) == {"actor": ["khalifa-haftar"]}
    assert page.locator('[data-filter="topics"]').input_value() == ""
    assert visible(page) == with_actor(site, "khalifa-haftar")
    page.go_back()
    assert query(page) == {}
    assert visible(page) == total
    page.goto(shared)
    assert page.locator('[data-filter="topics"]').input_value() == "humanitarian-toll"
    assert not page.locator('[data-filter="claims"]').is_checked()
    assert page.console_errors == []


@pytest.mark.parametrize("value", ["LNA", "lna", "Libyan National Army", "libyan national army"])
def test_actor_by_id_name_or_alias(page, base_url, site, value):
    page.goto(base_url + f"/timeline/?actor={value}")
    assert page.locator('[data-filter="actors"]').input_value() == "lna"
    assert visible(page) == with_actor(site, "lna")
    assert page.locator(".bf-filter-note").is_hidden()


@pytest.mark.parametrize("value", ["haftar", "Hifter", "khalifa-haftar"])
def test_haftar_by_any_name(page, base_url, site, value):
    page.goto(base_url + f"/timeline/?actor={value}")
    assert page.locator('[data-filter="actors"]').input_value() == "khalifa-haftar"
    assert visible(page) == with_actor(site, "khalifa-haftar")


def test_unknown_actor_is_said_so(page, base_url, site):
    page.goto(base_url + "/timeline/?actor=nobody-at-all")
    note = page.locator(".bf-filter-note")
    assert note.is_visible()
    assert "nobody-at-all" in note.inner_text()
    assert visible(page) == len(events(site))


def test_no_entry_matches_hides_months_and_clears(page, base_url, site):
    page.goto(base_url + "/timeline/?text=zzzz-no-such-words")
    none = page.locator(".bf-filter-none")
    assert none.is_visible()
    assert visible(page) == 0
    assert page.locator("article h2:visible").count() == 0  # every month heading hidden
    assert page.locator('.md-nav--secondary a[href^="#20"]:visible').count() == 0  # and the month list
    none.locator("a").click()
    assert none.is_hidden()
    assert visible(page) == len(events(site))
    assert query(page) == {}
    page.goto(base_url + "/timeline/?actor=eni")
    months = {e["date"][:7] for e in events(site) if "eni" in e["actors"]}
    shown = set(page.locator("article h2:visible").evaluate_all("els => els.map(e => e.id)"))
    assert shown == months


def test_text_filter_finds_an_actor_by_alias(page, base_url, site):
    page.goto(base_url + "/timeline/?text=hifter")
    assert with_actor(site, "khalifa-haftar") <= visible(page) < len(events(site))


@pytest.fixture(scope="module")
def month_pages_site(tmp_path_factory) -> Path:
    """The demo with month_page_threshold: 1, so that every month has a page of its own."""
    dest = copy_demo(tmp_path_factory.mktemp("browser-months"), month_page_threshold=1)
    mkdocs_build(dest, dest / "site")
    return dest / "site"


def test_filter_covers_months_with_their_own_pages(page, month_pages_site):
    site = month_pages_site
    server, url = serve(site)
    try:
        assert sorted(p.name for p in (site / "data/timeline").glob("*.json")) == ["2019-04.json", "2019-05.json",
                                                                                     "2019-06.json", "2019-07.json"]
        page.goto(url + "/timeline/")
        assert visible(page) == 0  # each month is a link to its page
        page.goto(url + "/timeline/?actor=haftar")
        expected = with_actor(site, "khalifa-haftar")
        page.wait_for_function(f"document.querySelectorAll('.bf-entry:not(.bf-hidden)').length === {expected}")
        assert page.locator(".bf-filter-count").inner_text() == f"{expected} of {len(events(site))} entries"
        link = page.locator(".bf-entry--loaded:visible a").first.get_attribute("href")
        assert link.startswith("../articles/")
        page.select_option('[data-filter="actors"]', "")
        assert visible(page) == 0
        assert page.console_errors == []
    finally:
        server.shutdown()


def test_lunr_search_by_alias_finds_every_article(page, base_url, site):
    data = json.loads((site / "data/briefing.json").read_text("utf-8"))
    haftar = {a["id"] for a in data["articles"] if "khalifa-haftar" in a["actors"]}
    page.goto(base_url + "/")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("Hifter", delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    hrefs = page.locator(".md-search-result__item > a").evaluate_all("els => els.map(e => e.href)")
    meta = page.locator(".md-search-result__meta").inner_text()
    assert int(meta.split()[0]) >= len(haftar) + 1, meta  # every article about him, and his profile
    found = {urlparse(h).path.rstrip("/").split("/")[-1] for h in hrefs if "/articles/" in h}
    assert found and found <= haftar
    assert any("/actors/khalifa-haftar/" in h for h in hrefs)
    assert_dated(lunr_results(page))  # every article result shows its date


DATE = re.compile(r"\d{1,2} [A-Z][a-z]{2} 2019")


def lunr_results(page) -> list[tuple[str, str]]:
    """(href, what shows of its date) for each page of Material's lunr results: its title's end."""
    return page.locator(".md-search-result__item").evaluate_all(
        "items => items.map(li => [li.querySelector('a').href, li.querySelector('h1').textContent])")


def pagefind_results(page) -> list[tuple[str, str]]:
    return page.locator(".md-search-result__item").evaluate_all(
        "items => items.map(li => [li.querySelector('a').href,"
        " (li.querySelector('.bf-search-date') || {textContent: ''}).textContent])")


def assert_dated(results: list[tuple[str, str]]) -> None:
    dated = [(href, shown) for href, shown in results if "/articles/" in href or "/notes/" in href]
    assert dated, results
    assert all(DATE.search(shown) for _, shown in dated), dated


@pytest.mark.parametrize("query", ["Hifter", "casualty counts"])
def test_every_lunr_result_for_an_article_or_note_shows_its_date(page, base_url, query):
    page.goto(base_url + "/")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    results = lunr_results(page)
    assert_dated(results)
    if query == "casualty counts":
        assert any("/notes/" in href for href, _ in results)


@pytest.mark.parametrize("query", ["Hifter", "casualty counts"])
def test_every_pagefind_result_for_an_article_or_note_shows_its_date(page, servers, query):  # noqa: F811
    base, _ = servers
    page.goto(base + "/")
    type_query(page, query)
    results = pagefind_results(page)
    assert_dated(results)
    if query == "casualty counts":
        assert any("/notes/" in href for href, _ in results)


def test_pagefind_search_by_alias_finds_every_article(page, servers, pagefind_site):  # noqa: F811
    base, _ = servers
    data = json.loads((pagefind_site / "data/briefing.json").read_text("utf-8"))
    haftar = {a["id"] for a in data["articles"] if "khalifa-haftar" in a["actors"]}
    page.goto(base + "/")
    type_query(page, "Hifter")
    meta = page.locator(".md-search-result__meta").inner_text()
    assert int(meta.split()[0]) >= len(haftar) + 1, meta
    dates = page.locator(".md-search-result__item .bf-search-date").all_inner_texts()
    assert dates and all(re.fullmatch(r"\d{1,2} [A-Z][a-z]{2} 2019", d) for d in dates), dates  # a result shows its date


def expected_changes(site: Path, since: str) -> tuple[int, int]:
    data = json.loads((site / "data/briefing.json").read_text("utf-8"))
    added = {a["id"]: a["date"] for a in data["articles"]}
    entries = [e for e in data["events"] if e["kind"] != "claim" and added[e["article"]] >= since]
    claims = [f for f in data["figures"] if added[f["article"]] >= since]
    return len(entries), len(claims)


def test_changes_page_defaults_to_the_last_visit(browser, base_url, site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        page.goto(base_url + "/changes/")  # a first visit: the last week of the briefing
        since = page.locator('[data-changes="since"]')
        assert since.input_value() == "2019-06-28"  # the newest article is of 5 Jul 2019
        assert "No earlier visit" in page.locator(".bf-changes-visit").inner_text()
        entries, claims = expected_changes(site, "2019-06-28")
        assert page.locator(".bf-changes-list").first.locator(".bf-change:visible").count() == entries
        assert page.locator(".bf-changes-count").inner_text() == (
            f"{entries} new entries and {claims} new claims since 2019-06-28")
        # the reader was last here on 20 June 2019 (the stored time moved back)
        page.evaluate("""() => { const v = JSON.parse(localStorage.getItem("briefing-visits"));
            v.seen = new Date(2019, 5, 20, 12).getTime(); localStorage.setItem("briefing-visits", JSON.stringify(v)); }""")
        page.goto(base_url + "/")  # a new visit, on any page
        assert "changes/" in page.locator('a:has-text("What changed since your last visit")').get_attribute("href")
        page.goto(base_url + "/changes/")  # the same visit: the previous one stays 20 June
        assert since.input_value() == "2019-06-20"
        assert "Your last visit" in page.locator(".bf-changes-visit").inner_text()
        entries, claims = expected_changes(site, "2019-06-20")
        lists = page.locator(".bf-changes-list")
        assert lists.nth(0).locator(".bf-change:visible").count() == entries
        assert lists.nth(1).locator(".bf-change:visible").count() == claims
        # a date the reader picks, kept in the address
        since.fill("2019-04-01")
        since.dispatch_event("change")
        assert query(page) == {"since": ["2019-04-01"]}
        assert lists.nth(0).locator(".bf-change:visible").count() == expected_changes(site, "2019-04-01")[0]
        since.fill("2030-01-01")
        since.dispatch_event("change")
        assert lists.nth(0).locator(".bf-changes-none").is_visible()
        assert errors == []
    finally:
        context.close()


def test_key_figure_cards_show_the_change_since_the_previous_claim(page, base_url):
    page.goto(base_url + "/topics/humanitarian-toll/")
    changes = page.locator(".bf-figure-card .bf-figure-change").all_inner_texts()
    assert "about +1,450 since 9 Jun 2019" in changes, changes


FINDING_PAGES = {"changes": "/changes/", "filtered-timeline": "/timeline/?actor=nobody&text=zzzz"}


@pytest.mark.parametrize("name", list(FINDING_PAGES))
def test_finding_pages_have_no_serious_accessibility_violations(browser, base_url, name):
    from test_reader import AXE

    if not AXE.exists():
        pytest.skip(f"axe-core is not installed at {AXE} (make test installs it with npm)")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url + FINDING_PAGES[name])
    page.wait_for_load_state("networkidle")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    context.close()
    serious = [(v["id"], [n["target"] for n in v["nodes"]][:5]) for v in result["violations"]
               if v["impact"] in ("serious", "critical")]
    assert serious == []


def test_month_jump_on_a_phone_lands_below_the_sticky_bar(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 800}, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(base_url + "/timeline/")
        jump = page.locator(".bf-month-jump")
        assert jump.is_visible()  # no need to open the menu
        jump.select_option("2019-05")
        page.wait_for_timeout(300)
        assert page.url.endswith("#2019-05")
        heading = page.locator('h2[id="2019-05"]').bounding_box()
        bar = page.locator("form.bf-filter").bounding_box()
        assert heading["y"] >= bar["y"] + bar["height"] - 1, (heading, bar)  # not under the bar
        page.goto(base_url + "/timeline/?actor=eni")  # the month list keeps in step with the filter
        months = page.locator(".bf-month-jump option:not([disabled])").evaluate_all("els => els.map(e => e.value)")
        assert set(months) - {""} == set(page.locator("article h2:visible").evaluate_all("els => els.map(e => e.id)"))
    finally:
        context.close()
