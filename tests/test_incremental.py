"""Repeated builds in one process (``briefing serve``) reuse what did not change, and show every edit."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from generator import build as flow
from generator.cache import BuildCache
from generator.config import Options
from support import FIXTURES

TODAY = dt.date(2026, 1, 1)
STRIKE = "articles/2019-04-12-strike.md"
TOLL = "articles/2019-04-14-toll.md"


@pytest.fixture(autouse=True)
def session():
    """One BuildCache for the builds of a test, as a `briefing serve` session owns one."""
    global CACHE
    CACHE = BuildCache()
    yield


def project(tmp_path: Path) -> Path:
    root = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    return root


def build(root: Path) -> dict:
    result = flow.run(root / "content", Options(history=False), root=root, today=TODAY, cache=CACHE)
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


def test_ledger_pages_and_feeds_follow_an_edited_article(tmp_path):
    root = project(tmp_path)
    options = Options(history=False, ledger_rows=1)

    def run() -> dict:
        result = flow.run(root / "content", options, root=root, today=TODAY, cache=CACHE)
        assert not result.problems.errors
        return {g.path: g for g in result.pages}

    first = run()
    ledger = "topics/humanitarian-toll/ledger/2019-04.md"
    assert "<strong>13,625</strong> (IOM)" in first[ledger].inline()
    strike = root / "content/articles/2019/2019-04-12-strike.md"
    edit(strike, "value: 13625", "value: 13725")
    edit(root / "content/articles/2019-04-14-toll.md", "title: WHO toll rises", "title: WHO toll climbs")
    second = run()
    assert "<strong>13,725</strong> (IOM)" in second[ledger].inline()
    assert "WHO toll climbs" in second["feed.xml"].content and "WHO toll rises" not in second["feed.xml"].content
    assert "WHO toll climbs" in second["actors/who/feed.xml"].content
    third = run()  # nothing changed: the same pages again
    assert third[ledger].content is second[ledger].content
    assert third["feed.xml"].content is second["feed.xml"].content


def test_an_actor_profile_edit_renders_no_article_again_but_an_alias_does(tmp_path):
    root = project(tmp_path)
    first = build(root)
    who = root / "content/actors/who.md"
    edit(who, "The UN health agency.", "The UN health agency, based in Geneva.")
    second = build(root)
    assert second[STRIKE].content is first[STRIKE].content
    assert "based in Geneva" in second["actors/who.md"].content
    # a new alias changes what articles mention: the pages are rendered again
    edit(root / "content/actors/lna.md", "aliases: [LNA]", "aliases: [LNA, forces]")
    third = build(root)
    assert third[STRIKE].content is not second[STRIKE].content


def test_actor_pages_follow_their_articles_and_are_reused_otherwise(tmp_path):
    root = project(tmp_path)
    first = build(root)
    edit(root / "content/articles/2019-04-14-toll.md", "title: WHO toll rises", "title: WHO toll climbs")
    second = build(root)
    assert "WHO toll climbs" in second["actors/who.md"].inline()
    assert second["actors/lna.md"].content is first["actors/lna.md"].content  # not about that article
    third = build(root)
    assert third["actors/who.md"].content is second["actors/who.md"].content
    assert "WHO toll climbs" in third["actors/who.md"].inline()


def test_a_renamed_article_is_linked_by_its_new_id_everywhere(tmp_path):
    root = project(tmp_path)
    build(root)
    old = root / "content/articles/2019/2019-04-12-strike.md"
    old.rename(old.with_name("2019-04-12-air-strike.md"))  # same bytes, same modification time
    second = build(root)
    for actor in ("khalifa-haftar", "lna", "who"):
        page = second[f"actors/{actor}.md"].inline()
        assert "2019-04-12-air-strike" in page and "2019-04-12-strike/" not in page


def test_builds_without_a_shared_cache_share_nothing(tmp_path):
    root = project(tmp_path)
    result = flow.run(root / "content", Options(history=False), root=root, today=TODAY)
    again = flow.run(root / "content", Options(history=False), root=root, today=TODAY)
    first, second = ({g.path: g for g in r.pages} for r in (result, again))
    assert second[STRIKE].content == first[STRIKE].content
    assert second[STRIKE].content is not first[STRIKE].content  # rendered again: no hidden state
