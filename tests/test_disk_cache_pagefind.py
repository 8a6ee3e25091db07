"""Pagefind by year (generator/engine/pagefind.py): one index per year of articles and one of every
other page, merged in the browser; a warm build indexes again only the indexes whose pages changed,
and its site is byte-identical to a clean build's, Pagefind's bundle included."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.engine import pagefind
from support import copy_demo
from test_disk_cache import assert_same_site, build

PAGE = ('<html lang="en"><head><title>{title}</title></head><body><nav>Menu</nav>'
        '<main data-pagefind-body><h1>{title}</h1><p>{text}</p></main></body></html>')


def write_site(site: Path, pages: dict[str, str]) -> None:
    for rel, text in pages.items():
        path = site / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(PAGE.format(title=rel, text=text), "utf-8")


PAGES = {
    "index.html": "Home of the briefing",
    "actors/lna/index.html": "The Libyan National Army",
    "articles/2019-04-12-zuwara/index.html": "An air strike near Zuwara",
    "articles/2020-01-05-sirte/index.html": "Forces enter Sirte",
    "articles/undated-story/index.html": "A story without a date in its name",
}


def test_shards_by_year_of_the_article_id(tmp_path):
    write_site(tmp_path, PAGES)
    groups = pagefind.shards(tmp_path)
    assert list(groups) == ["main", "2019", "2020"]
    files = {name: sorted(p.relative_to(tmp_path).as_posix() for p in fs) for name, (_, fs) in groups.items()}
    assert files["main"] == ["actors/lna/index.html", "articles/undated-story/index.html", "index.html"]
    assert files["2019"] == ["articles/2019-04-12-zuwara/index.html"]
    assert groups["2020"][0] == "articles/2020-*/**/*.html"


def test_one_index_without_years_or_with_odd_names(tmp_path):
    write_site(tmp_path / "a", {"index.html": "x", "articles/story/index.html": "y"})
    assert list(pagefind.shards(tmp_path / "a")) == ["main"]
    write_site(tmp_path / "b", {"index.html": "x", "odd{name}/index.html": "y", "articles/2019-a/index.html": "z"})
    assert list(pagefind.shards(tmp_path / "b")) == ["main"]


def test_only_the_changed_year_is_indexed_again(tmp_path):
    site = tmp_path / "site"
    write_site(site, PAGES)
    first = pagefind.index_site(site)
    assert first.indexed == first.indexes == 3 and first.pages == 5
    assert json.loads((site / "pagefind" / pagefind.SHARDS_FILE).read_text()) == {"merge": ["2019/", "2020/"]}
    entry_2020 = (site / "pagefind/2020/pagefind-entry.json").stat()
    write_site(site, {"articles/2019-04-12-zuwara/index.html": "An air strike near Zuwara and Mellitah"})
    warm = pagefind.index_site(site, previous=first.digests)
    assert warm.indexed == 1 and warm.pages == 1  # 2019 only
    assert (site / "pagefind/2020/pagefind-entry.json").stat().st_mtime_ns == entry_2020.st_mtime_ns
    # the same bundle as indexing the same pages from scratch
    clean = tmp_path / "clean"
    shutil.copytree(site, clean, ignore=shutil.ignore_patterns("pagefind"))
    pagefind.index_site(clean)
    assert_same_site(site / "pagefind", clean / "pagefind")


def test_a_year_gone_leaves_no_index(tmp_path):
    site = tmp_path / "site"
    write_site(site, PAGES)
    first = pagefind.index_site(site)
    shutil.rmtree(site / "articles/2020-01-05-sirte")
    pagefind.index_site(site, previous=first.digests)
    assert not (site / "pagefind/2020").exists()
    assert json.loads((site / "pagefind" / pagefind.SHARDS_FILE).read_text()) == {"merge": ["2019/"]}


@pytest.fixture(scope="module")
def pagefind_demo(tmp_path_factory):
    """The demo with search_backend: pagefind, built clean, then with the cache; an article edited;
    built warm and clean again."""
    tmp = tmp_path_factory.mktemp("pagefind-cache")
    project = copy_demo(tmp / "project", search_backend="pagefind")
    site = tmp / "site"
    build(project, site)
    article = sorted((project / "content/articles").glob("*.md"))[3]
    article.write_text(article.read_text("utf-8").rstrip("\n") + "\n\nA sentence about Qasr bin Ghashir.\n", "utf-8")
    err = build(project, site)
    build(project, tmp / "clean", "--no-cache")
    return site, tmp / "clean", err


def test_warm_pagefind_site_is_byte_identical(pagefind_demo):
    site, clean, err = pagefind_demo
    assert "warm build" in err
    assert (site / "pagefind/2019/pagefind-entry.json").is_file()
    assert_same_site(clean, site)
