"""Pagefind by year in the browser: the demo's articles (all of 2019) have an index of their own,
pagefind/2019/, which the search box merges into the main index (Pagefind's mergeIndex): a query
finds an article (the year's index) and profiles (the main one), at the root and under a sub-path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from screenshot import serve  # tools/, put on sys.path by conftest.py
from support import copy_demo, mkdocs_build

ZUWARA = "articles/2019-04-12-lna-air-strike-near-zuwara/"


@pytest.fixture(scope="module")
def years_site(tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("browser-pagefind-years")
    project = copy_demo(dest / "project", search_backend="pagefind")
    mkdocs_build(project, dest / "site")
    return dest / "site"


@pytest.fixture(scope="module")
def servers(years_site: Path):
    at_root, root_url = serve(years_site)
    under, parent_url = serve(years_site.parent)
    yield root_url, parent_url + "/site"
    at_root.shutdown()
    under.shutdown()


def test_the_years_index_is_listed(years_site):
    assert json.loads((years_site / "pagefind/briefing-shards.json").read_text("utf-8")) == {"merge": ["2019/"]}
    assert (years_site / "pagefind/2019/pagefind-entry.json").is_file()


@pytest.mark.parametrize("where", ["root", "sub-path"])
def test_a_query_finds_pages_of_both_indexes(page, servers, where):
    base = servers[0] if where == "root" else servers[1]
    requested: list[str] = []
    page.on("request", lambda req: requested.append(req.url))
    page.goto(base + "/")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("Zuwara", delay=20)
    page.locator('[data-bf-search-result][data-bf-query="Zuwara"]').wait_for(state="attached", timeout=10_000)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    links = [a.get_attribute("href") for a in page.locator(".md-search-result__item a").all()]
    prefix = "" if where == "root" else "/site"
    assert f"{prefix}/{ZUWARA}" in links  # from pagefind/2019/, merged
    assert any(link.startswith(f"{prefix}/actors/") for link in links)  # from the main index
    assert any("/pagefind/2019/" in url for url in requested)
    assert page.console_errors == []
