"""``briefing serve`` rebuilds incrementally: MkDocs' dirty build, told by the plugin which generated
pages changed. These tests drive the same builder MkDocs' serve command uses, without the server."""

from __future__ import annotations

import json
import logging
import os
import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from support import FIXTURES

SERVE_URL = "http://127.0.0.1:8000/"


class Session:
    """One serve session: the first config's plugins live on, as under `mkdocs serve`."""

    def __init__(self, project: Path, site: Path):
        self.project, self.site = project, site
        config = self.config()
        config.plugins.on_startup(command="serve", dirty=True)
        self.plugins = config.plugins
        self.build(config)

    def config(self):
        config = load_config(config_file=str(self.project / "mkdocs.yml"), site_dir=str(self.site))
        config.site_url = SERVE_URL
        return config

    def build(self, config=None):
        build(config or self.config(), serve_url=SERVE_URL, dirty=True)

    def page(self, url: str) -> str:
        return (self.site / url / "index.html").read_text("utf-8")

    def search_locations(self, site: Path | None = None) -> list[str]:
        data = json.loads(((site or self.site) / "search" / "search_index.json").read_text("utf-8"))
        return sorted(doc["location"] for doc in data["docs"])

    def clean_build_locations(self) -> list[str]:
        """The search index a full `briefing build` of the same content gives (the oracle)."""
        site = self.site.parent / "clean-site"
        shutil.rmtree(site, ignore_errors=True)
        config = load_config(config_file=str(self.project / "mkdocs.yml"), site_dir=str(site))
        plugin = config.plugins["briefing"]  # the session's instance: MkDocs keeps one per process
        kept = plugin.serving, plugin.preview
        config.plugins.on_startup(command="serve", dirty=False)  # drafts shown, as in the preview
        try:
            build(config)
        finally:
            plugin.serving, plugin.preview = kept
        return self.search_locations(site)


@pytest.fixture
def session(tmp_path, monkeypatch):
    project = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", project)
    monkeypatch.chdir(project)
    s = Session(project, tmp_path / "site")
    yield s
    s.plugins.on_shutdown()  # as `mkdocs serve` does on exit; MkDocs keeps plugin instances per process


def test_an_edit_shows_and_unchanged_pages_are_not_written_again(session, caplog):
    other = session.site / "articles/2019-04-12-strike/index.html"
    os.utime(other, (1_000_000_000, 1_000_000_000))  # an old time: a rewrite would change it
    full_index = session.search_locations()
    article = session.project / "content/articles/2019-04-14-toll.md"
    article.write_text(article.read_text("utf-8") + "\nA sentence added while previewing.\n", "utf-8")

    with caplog.at_level(logging.INFO, logger="mkdocs"):
        session.build()
    assert "A sentence added while previewing." in session.page("articles/2019-04-14-toll")
    assert os.stat(other).st_mtime == 1_000_000_000  # skipped: its content did not change
    assert "generated files unchanged since the previous build" in caplog.text
    assert "dirty" not in caplog.text.lower()  # MkDocs' warning on dirty builds is not shown
    # Material's search index still has every page, each once
    assert session.search_locations() == session.clean_build_locations() == full_index


def test_a_changed_template_rebuilds_every_page(session):
    other = session.site / "articles/2019-04-12-strike/index.html"
    os.utime(other, (1_000_000_000, 1_000_000_000))
    theme = session.project / "theme"
    theme.mkdir(exist_ok=True)
    (theme / "main.html").write_text('{% extends "base.html" %}\n{% block footer %}PREVIEW-FOOTER{% endblock %}\n')
    config = session.project / "mkdocs.yml"
    text = config.read_text("utf-8")
    if "custom_dir" not in text:
        config.write_text(text.replace("name: material", "name: material\n  custom_dir: theme"), "utf-8")
    session.build()
    assert "PREVIEW-FOOTER" in other.read_text("utf-8")


def test_a_deleted_article_disappears_from_the_preview(session):
    assert (session.site / "articles/2019-04-12-strike/index.html").exists()
    before = session.search_locations()
    (session.project / "content/articles/2019/2019-04-12-strike.md").unlink()
    session.build()
    assert not (session.site / "articles/2019-04-12-strike/index.html").exists()
    assert "2019-04-12-strike" not in session.page("timeline")
    assert any(loc.startswith("articles/2019-04-12-strike/") for loc in before)
    # every other page keeps its search entries, although only some pages were rendered again
    assert session.search_locations() == session.clean_build_locations()


def test_a_new_title_shows_everywhere_and_search_keeps_every_page(session):
    full_index = session.search_locations()
    article = session.project / "content/articles/2019-04-14-toll.md"
    text = article.read_text("utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    article.write_text(text.replace(title, "title: Retitled while previewing"), "utf-8")
    session.build()
    assert "Retitled while previewing" in session.page("articles/2019-04-14-toll")
    assert "Retitled while previewing" in session.page("")  # the home page's latest entries
    assert "Retitled while previewing" in session.page("actors/who")
    assert session.search_locations() == session.clean_build_locations() == full_index


def test_the_preview_searches_with_material_search_even_where_the_site_uses_pagefind(tmp_path, monkeypatch):
    project = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", project)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("  - briefing\n", "  - briefing:\n      search_backend: pagefind\n"),
                      "utf-8")
    assert "search_backend: pagefind" in config.read_text("utf-8")
    monkeypatch.chdir(project)
    s = Session(project, tmp_path / "site")
    try:
        assert (s.site / "search" / "search_index.json").is_file()  # kept up to date page by page
        assert not (s.site / "pagefind").exists()  # Pagefind would index the whole site after every edit
    finally:
        s.plugins.on_shutdown()
