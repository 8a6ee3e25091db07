"""The demo built with `search_backend: pagefind`: Material's search box finds articles through Pagefind,
at the site root and under a sub-path, with no request leaving the site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from screenshot import serve  # tools/, put on sys.path by conftest.py
from support import copy_demo, mkdocs_build

ROOT = Path(__file__).resolve().parents[2]
ZUWARA = "/articles/2019-04-12-lna-air-strike-near-zuwara/"
AXE = ROOT / ".cache/axe/node_modules/axe-core/axe.min.js"


@pytest.fixture(scope="module")
def pagefind_site(tmp_path_factory) -> Path:
    """The demo built with search_backend: pagefind, in <tmp>/site (so <tmp> can serve it under /site/)."""
    dest = tmp_path_factory.mktemp("browser-pagefind")
    project = copy_demo(dest / "project", search_backend="pagefind")
    mkdocs_build(project, dest / "site")
    assert (dest / "site" / "pagefind" / "pagefind.js").is_file()
    return dest / "site"


@pytest.fixture(scope="module")
def servers(pagefind_site: Path):
    """(url of the site served at the root, url of the same site served under /site/)."""
    at_root, root_url = serve(pagefind_site)
    under, parent_url = serve(pagefind_site.parent)
    yield root_url, parent_url + "/site"
    at_root.shutdown()
    under.shutdown()


def watch_requests(page) -> list[str]:
    urls: list[str] = []
    page.on("request", lambda req: urls.append(req.url))
    return urls


def wait_for_results(page, query: str):
    """The results of the whole query (those of its first letters may show while it is typed)."""
    page.locator(f'[data-bf-search-result][data-bf-query="{query}"]').wait_for(state="attached", timeout=10_000)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    return results


def type_query(page, query: str):
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=20)
    return wait_for_results(page, query)


def test_zuwara_finds_the_article_and_opens_it(page, servers):
    base, _ = servers
    requests = watch_requests(page)
    page.goto(base + "/")
    results = type_query(page, "Zuwara")
    # the Zuwara place page (a profile, weighted like actors) may rank first; the article is the first article
    first = results.locator(f"a.md-search-result__link[href='{ZUWARA}']").first
    assert first.get_attribute("href") == ZUWARA
    assert first.locator("h1").inner_text() == "LNA warplane hits pro-GNA camp near Zuwara, close to Mellitah gas plant"
    assert first.locator("p mark").first.inner_text().startswith("Zuwara")  # Pagefind's highlight
    assert re.fullmatch(r"\d+ matching documents", page.locator(".md-search-result__meta").inner_text())
    assert page.locator("#__search").is_checked()  # Material's search overlay is open
    page.screenshot(path=str(ROOT / "test-artifacts" / "screenshots" / "pagefind-results.png"))
    first.click()
    page.wait_for_url("**" + ZUWARA)
    assert "Zuwara" in page.locator("article").inner_text()
    assert page.console_errors == []
    assert any("/pagefind/" in u for u in requests)
    assert not any("search_index.json" in u for u in requests)  # Material's lunr code stayed off
    assert [u for u in requests if not u.startswith(base + "/")] == []  # offline: nothing leaves the site


def test_escape_closes_and_enter_opens_the_first_result(page, servers):
    base, _ = servers
    page.goto(base + "/topics/")
    type_query(page, "Sarraj")
    page.keyboard.press("Escape")
    page.wait_for_function("!document.getElementById('__search').checked", timeout=5_000)
    page.keyboard.press("/")  # Material's shortcut opens the search again, with the query kept
    page.wait_for_function("document.getElementById('__search').checked", timeout=5_000)
    assert page.locator("input.md-search__input").input_value() == "Sarraj"
    expected = page.locator(".md-search-result__link").first.get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_url("**" + expected)
    assert page.console_errors == []


def test_under_a_sub_path_from_a_deep_page(page, servers):
    _, sub = servers
    requests = watch_requests(page)
    page.goto(sub + ZUWARA)
    type_query(page, "Hifter")  # an alias of Khalifa Haftar, on his profile
    link = page.locator(".md-search-result a[href='/site/actors/khalifa-haftar/']").first
    link.wait_for(timeout=10_000)
    link.click()
    page.wait_for_url("**/site/actors/khalifa-haftar/")
    assert page.locator("h1").inner_text().rstrip("¶") == "Khalifa Haftar"
    pagefind = [u for u in requests if "/pagefind/" in u]
    assert pagefind and all(u.startswith(sub + "/pagefind/") for u in pagefind)  # not /pagefind/ of the host
    assert page.console_errors == []


def test_phone_header_button_opens_the_search(browser, servers):
    base, _ = servers
    context = browser.new_context(viewport={"width": 375, "height": 800}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(base + ZUWARA)
        page.locator("header label.md-header__button[for=__search]").click()
        page.wait_for_function("document.getElementById('__search').checked", timeout=5_000)
        page.keyboard.type("ceasefire", delay=20)
        wait_for_results(page, "ceasefire")  # visible: the list is shown while the toggle is on
        page.screenshot(path=str(ROOT / "test-artifacts" / "screenshots" / "pagefind-phone.png"))
        page.locator(".md-search__form label.md-search__icon").click()  # the back arrow closes it
        page.wait_for_timeout(100)  # nothing opens it again (the box's focus handler runs after a tick)
        assert not page.locator("#__search").is_checked()
    finally:
        context.close()


def test_no_result_and_reset(page, servers):
    base, _ = servers
    page.goto(base + "/")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("qqqzzzxxx", delay=10)
    meta = page.locator(".md-search-result__meta")
    meta.filter(has_text="No matching documents").wait_for(timeout=10_000)
    assert page.locator(".md-search-result__item").count() == 0
    page.locator(".md-search__form button[type=reset]").click()
    meta.filter(has_text="Type to start searching").wait_for(timeout=10_000)
    assert box.input_value() == ""


def test_open_search_has_no_serious_accessibility_violations(page, servers):
    if not AXE.exists():
        pytest.skip(f"axe-core is not installed at {AXE} (make test installs it with npm)")
    base, _ = servers
    page.goto(base + "/")
    type_query(page, "ceasefire")
    page.add_script_tag(path=str(AXE))
    # Colours are Material's: its lunr search box has the same two contrast findings (the grey
    # "N matching documents" line and the accent-coloured <mark>), so only structure and ARIA are checked.
    result = page.evaluate("axe.run(document.querySelector('.md-search'), "
                           "{resultTypes: ['violations'], rules: {'color-contrast': {enabled: false}}})")
    serious = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]
               if v["impact"] in ("serious", "critical")]
    assert serious == []
