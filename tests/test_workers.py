"""Validation in a pool of processes (`briefing build --workers N`): the same briefing, the same
problems in the same order, the same pages, with 1 or 2 workers."""

from __future__ import annotations

import sys

import pytest

from generator import build
from generator.cache import BuildCache
from generator.config import Options
from generator.model import load as load_module
from support import ROOT

sys.path.insert(0, str(ROOT / "bench"))

from make_project import write_briefing  # noqa: E402


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """200 synthetic articles, and a few files with problems (a bad date, an unknown key, no front matter)."""
    dest = tmp_path_factory.mktemp("workers") / "project"
    write_briefing(dest, 200)
    articles = dest / "content" / "articles"
    (articles / "2019-05-01-bad-date.md").write_text(
        "---\ntitle: A bad date\ndate: 31 February 2019\nsource: Alden Times\n---\nText.\n", "utf-8")
    (articles / "2019-05-02-unknown-key.md").write_text(
        "---\ntitle: An unknown key\ndate: 2019-05-02\nsource: Alden Times\nsorce: x\n---\nText.\n", "utf-8")
    (articles / "2019-05-03-no-front-matter.md").write_text("Just text.\n", "utf-8")
    return dest


def test_pool_validates_what_load_would(project, monkeypatch):
    used = []
    real = load_module._validate_chunk
    monkeypatch.setattr(load_module, "_validate_chunk", lambda task: used.append(len(task[1])) or real(task))
    validated: dict = {}
    found = load_module.discover(project / "content")
    context = (load_module.DateSettings(), load_module.dt.date(2024, 1, 1), True, ())
    load_module._prevalidate(found, project, validated, context, workers=1)  # in process: the patch sees it
    assert sum(used) == len(validated) >= 200


def results(project, workers: int):
    content = project / "content"
    opts = Options(history=False)
    checked = build.check(content, opts, root=project, cache=BuildCache(), workers=workers)
    return checked


def test_same_briefing_and_problems_with_one_or_two_workers(project):
    one, two = results(project, 1), results(project, 2)
    assert [str(p) for p in one.problems.items] == [str(p) for p in two.problems.items]
    assert len(one.problems.items) >= 3 and one.problems.errors
    assert one.briefing == two.briefing


def test_same_pages_with_one_or_two_workers(project):
    for f in ("2019-05-01-bad-date.md", "2019-05-02-unknown-key.md", "2019-05-03-no-front-matter.md"):
        (project / "content" / "articles" / f).unlink()
    opts = Options(history=False)
    pages = []
    for workers in (1, 2):
        result = build.run(project / "content", opts, root=project, cache=BuildCache(), workers=workers)
        assert not result.problems.errors
        pages.append([(p.path, p.content, p.blocks) for p in result.pages])
    assert pages[0] == pages[1]
