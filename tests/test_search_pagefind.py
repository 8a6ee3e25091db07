"""The plugin's `search_backend: pagefind`: Pagefind indexes the main content after the build and
Material's lunr index is not built; bad values and a missing binary are clear errors."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.engine import pagefind as searchindex
from support import ROOT, copy_demo, log_problems, mkdocs_build

ZUWARA = "articles/2019-04-12-lna-air-strike-near-zuwara/"


def set_backend(project: Path, value: str | None, *, search_plugin: bool = True) -> None:
    """Set the briefing plugin's search_backend in a project's mkdocs.yml (None: leave it out)."""
    path = project / "mkdocs.yml"
    cfg = yaml.safe_load(path.read_text("utf-8"))
    plugins = []
    for entry in cfg["plugins"]:
        name = entry if isinstance(entry, str) else next(iter(entry))
        if name == "search" and not search_plugin:
            continue
        if name == "briefing":
            options = {} if isinstance(entry, str) else dict(entry["briefing"] or {})
            if value is not None:
                options["search_backend"] = value
            entry = {"briefing": options}
        plugins.append(entry)
    cfg["plugins"] = plugins
    path.write_text(yaml.safe_dump(cfg, sort_keys=False, allow_unicode=True), "utf-8")


def fragments(site: Path) -> dict[str, dict]:
    """What Pagefind stored for each page (its fragments are gzip'd JSON after a signature): url -> record."""
    out = {}
    for path in (site / "pagefind").glob("**/fragment/*.pf_fragment"):  # every index: one per year of articles
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd"), path
        record = json.loads(data[len(b"pagefind_dcd"):])
        out[record["url"]] = record
    return out


@pytest.fixture(scope="module")
def pagefind_demo(tmp_path_factory) -> tuple[Path, str]:
    project = copy_demo(tmp_path_factory.mktemp("pagefind-demo") / "demo")
    set_backend(project, "pagefind")
    site = project.parent / "site"
    return site, mkdocs_build(project, site)


def test_pagefind_bundle_and_no_lunr_index(pagefind_demo):
    site, log = pagefind_demo
    assert log_problems(log) == []
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert (site / "pagefind" / "pagefind-entry.json").is_file()
    assert list((site / "pagefind" / "index").glob("*.pf_index"))
    assert not (site / "search" / "search_index.json").exists()  # Material's search plugin did not run
    assert not (site / "search").exists()
    assert "Pagefind indexed" in log


def test_pages_mark_their_main_content(pagefind_demo):
    site, _ = pagefind_demo
    article = (site / ZUWARA / "index.html").read_text("utf-8")
    assert article.count("data-pagefind-body") == 1
    # the mark is inside Material's article element, so the header, navigation and footer stay out
    body = article.index("data-pagefind-body")
    assert article.rindex('<article class="md-content__inner md-typeset">', 0, body) > article.rindex("</header>", 0, body)
    assert article.index("<footer", body) > body
    # actor profiles keep their boost as Pagefind's weight; the timeline (search: exclude) is not marked
    assert 'data-pagefind-body data-pagefind-weight="2.0"' in (site / "actors/khalifa-haftar/index.html").read_text("utf-8")
    assert "data-pagefind-body" not in (site / "timeline/index.html").read_text("utf-8")


def test_the_index_holds_articles_profiles_topics_and_notes_not_the_timeline(pagefind_demo):
    site, _ = pagefind_demo
    records = fragments(site)
    urls = set(records)
    content = ROOT / "content"
    assert {f"/articles/{p.stem}/" for p in (content / "articles").rglob("*.md")} <= urls
    assert {f"/notes/{p.stem}/" for p in (content / "notes").glob("*.md")} <= urls
    assert {f"/actors/{p.stem}/" for p in (content / "actors").glob("*.md")} <= urls
    assert {"/topics/humanitarian-toll/", "/topics/oil-supply/", "/topics/eu-diplomacy/", "/about/"} <= urls
    assert not any(u.startswith("/timeline/") for u in urls)
    zuwara = records["/" + ZUWARA]
    assert zuwara["meta"]["title"] == "LNA warplane hits pro-GNA camp near Zuwara, close to Mellitah gas plant"
    assert "Zuwara" in zuwara["content"]
    assert "¶" not in zuwara["content"]  # the headings' permalinks are left out
    # Briefing's HTML blocks (byline, chips, entry lists, "see it on the timeline") are left out too
    assert "See it on the timeline" not in zuwara["content"]
    # entry lists (data-search-exclude) repeat the articles: left out, like Material's search does
    home = records["/"]["content"]
    assert "Key figures" in home
    assert "Security Council condemns Tajoura attack" not in home  # an entry under "Latest developments"
    assert "Battle for Tripoli, 2019: a briefing" not in home  # the header's site name


def test_search_box_is_materials_markup_without_materials_search_code(pagefind_demo):
    site, _ = pagefind_demo
    html = (site / ZUWARA / "index.html").read_text("utf-8")
    assert 'class="md-header__button md-icon" for="__search"' in html  # the header's search button
    assert 'class="md-search__input"' in html and 'class="md-search-result__list"' in html
    assert 'data-md-component="search"' not in html  # Material's own search code stays off ...
    assert 'name="search"' not in html  # ... and so does its fetch of search/search_index.json
    assert "assets/briefing/search-pagefind.js" in html
    assert (site / "assets/briefing/search-pagefind.js").is_file()


def test_without_materials_search_plugin_the_box_is_still_drawn(mini, tmp_path):
    set_backend(mini, "pagefind", search_plugin=False)
    site = tmp_path / "site"
    mkdocs_build(mini, site)
    html = (site / "index.html").read_text("utf-8")
    assert 'class="md-search__input"' in html
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert not (site / "search").exists()


def test_small_briefings_keep_lunr_by_default(demo_build):  # auto: 36 articles
    site, _ = demo_build
    assert (site / "search" / "search_index.json").is_file()
    assert not (site / "pagefind").exists()
    html = (site / ZUWARA / "index.html").read_text("utf-8")
    assert "data-pagefind-body" not in html
    assert 'data-md-component="search"' in html
    assert "search-pagefind.js" not in html


def _build(project: Path, site: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)], cwd=project,
                          capture_output=True, text=True, env=env)


def test_bad_value_is_a_config_error(mini, tmp_path):
    set_backend(mini, "elasticsearch")
    proc = _build(mini, tmp_path / "site")
    assert proc.returncode != 0
    assert "search_backend" in proc.stderr
    assert "'lunr', 'pagefind'" in proc.stderr  # the accepted values
    assert not (tmp_path / "site").exists()  # nothing was built


def test_missing_binary_says_how_to_install_it(mini, tmp_path):
    set_backend(mini, "pagefind")
    env = {**os.environ, "PAGEFIND_BINARY_PATH": str(tmp_path / "no-such-pagefind")}
    proc = _build(mini, tmp_path / "site", env=env)
    assert proc.returncode != 0
    assert "pip install 'pagefind[bin]'" in proc.stderr
    assert not (tmp_path / "site" / "index.html").exists()  # it fails before building, not after


def test_auto_picks_pagefind_for_big_briefings(mini, tmp_path, monkeypatch):
    assert searchindex.auto_backend(searchindex.AUTO_PAGEFIND_ARTICLES - 1) == "lunr"
    assert searchindex.auto_backend(searchindex.AUTO_PAGEFIND_ARTICLES) == "pagefind"
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    set_backend(mini, "auto")
    monkeypatch.chdir(mini)
    small = load_config("mkdocs.yml", site_dir=str(tmp_path / "small"))  # 2 articles: lunr
    build(small)
    assert (tmp_path / "small" / "search" / "search_index.json").is_file()
    assert not (tmp_path / "small" / "pagefind").exists()
    monkeypatch.setattr(searchindex, "AUTO_PAGEFIND_ARTICLES", 2)
    big = load_config("mkdocs.yml", site_dir=str(tmp_path / "big"))
    build(big)
    assert (tmp_path / "big" / "pagefind" / "pagefind.js").is_file()
    assert not (tmp_path / "big" / "search").exists()
    assert "data-pagefind-body" in (tmp_path / "big" / "index.html").read_text("utf-8")


def test_parse_pagefind_summary():
    output = "Total:\n  Indexed 1 language\n  Indexed 77 pages\n  Indexed 1270 words\n  Indexed 0 filters\n"
    assert searchindex.parse_output(output) == {"pages": 77, "words": 1270, "languages": 1}


def test_index_site_reports_pages_and_replaces_a_stale_bundle(tmp_path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text(
        '<html lang="en"><body><nav>Menu</nav><main data-pagefind-body><h1>Alpha</h1><p>Zuwara text</p></main></body></html>')
    (site / "b.html").write_text('<html lang="en"><body><h1>Not marked</h1></body></html>')
    (site / "pagefind").mkdir()
    (site / "pagefind" / "stale.txt").write_text("old")
    stats = searchindex.index_site(site)
    assert stats.pages == 1 and stats.body_marked
    assert not (site / "pagefind" / "stale.txt").exists()
    assert {r["url"] for r in fragments(site).values()} == {"/a/"}


def test_core_module_does_not_import_mkdocs():
    code = "import sys, generator.engine.pagefind; print(sorted(m for m in sys.modules if m.split('.')[0] == 'mkdocs'))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
