"""Repeated builds in one process (``briefing serve``) reuse what did not change, and show every edit."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from generator import pipeline
from support import FIXTURES

TODAY = dt.date(2026, 1, 1)
STRIKE = "articles/2019-04-12-strike.md"
TOLL = "articles/2019-04-14-toll.md"


def project(tmp_path: Path) -> Path:
    root = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    return root


def build(root: Path) -> dict:
    result = pipeline.run(root / "content", pipeline.Options(history=False), root=root, today=TODAY)
    assert not result.problems.errors, result.problems.sorted()
    return {g.path: g for g in result.pages}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")


def test_unchanged_article_pages_are_reused_and_an_edited_one_is_rendered_again(tmp_path):
    root = project(tmp_path)
    first = build(root)
    edit(root / "content/articles/2019-04-14-toll.md", "---\n\n", "---\n\nA freshly added sentence.\n\n")
    second = build(root)
    assert second[STRIKE].content is first[STRIKE].content  # reused, not rendered again
    assert "A freshly added sentence." in second[TOLL].content
    assert "A freshly added sentence." not in first[TOLL].content
    assert set(second) == set(first)


def test_renaming_an_actor_renders_the_articles_that_mention_it_again(tmp_path):
    root = project(tmp_path)
    first = build(root)
    assert "World Health Organization" in first[STRIKE].inline()
    edit(root / "content/actors/who.md", "name: World Health Organization", "name: World Health Org")
    second = build(root)
    assert second[STRIKE].content is not first[STRIKE].content
    page = second[STRIKE].inline()
    assert ">World Health Org</a>" in page and "World Health Organization" not in page
    # and the entry HTML on the timeline shows the new name too
    assert "World Health Organization" not in second["timeline/index.md"].inline()


def test_a_new_note_about_an_article_shows_on_its_page(tmp_path):
    root = project(tmp_path)
    build(root)
    note = root / "content/notes/second-look.md"
    note.write_text("---\ntitle: A second look\ndate: 2019-04-16\nauthor: Desk\nkind: correction\n"
                    "articles: [2019-04-12-strike]\n---\n\nWe looked again.\n", "utf-8")
    second = build(root)
    assert "A second look" in second[STRIKE].inline()


def test_a_deleted_article_leaves_no_page_behind(tmp_path):
    root = project(tmp_path)
    build(root)
    (root / "content" / STRIKE.replace("articles/", "articles/2019/")).unlink()
    second = build(root)
    assert STRIKE not in second
    assert "2019-04-12-strike" not in second["timeline/index.md"].inline()
