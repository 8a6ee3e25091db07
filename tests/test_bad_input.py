"""Broken and hostile input: every case gives one clear problem line and no traceback.

tests/fixtures/bad/ holds one file per case (issue: hostile and broken input, point 2);
expected.txt is what `briefing check` prints for that folder.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from support import FIXTURES
from generator import build
from generator.config import Options
from generator.cli import main

BAD = FIXTURES / "bad"


def check(folder: Path):
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(folder)
        return CliRunner().invoke(main, ["check"])


def test_check_reports_every_case_once_and_exits_1():
    result = check(BAD)
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    lines = result.output.splitlines()
    expected = (BAD / "expected.txt").read_text("utf-8").splitlines()
    assert lines[:-1] == expected
    assert lines[-1].startswith("checked ") and lines[-1].endswith("26 error(s), 2 warning(s)")


def test_one_problem_per_bad_file():
    expected = (BAD / "expected.txt").read_text("utf-8").splitlines()
    files = [line.split(":", 1)[0] for line in expected]
    assert len(files) == len(set(files)), "a case produced more than one line"
    articles = {p.relative_to(BAD).as_posix() for p in (BAD / "content/articles").rglob("*.md")}
    quiet = {"content/articles/bom.md", "content/articles/a/same-id.md"}  # valid; the duplicate is reported on the other
    assert articles - set(files) == quiet


def test_bom_file_loads_silently():
    result = build.check(BAD / "content", root=BAD)
    assert result.briefing.articles["bom"].title == "Fine, with a BOM"
    assert not [p for p in result.problems.items if p.path.endswith("bom.md")]


def test_ten_megabyte_article_builds(tmp_path: Path):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "actors").mkdir()
    (content / "actors/khalifa-haftar.md").write_text("---\nname: Khalifa Haftar\naliases: [Haftar]\n---\n", "utf-8")
    rng = random.Random(7)
    words = "the forces of Haftar advanced on Tripoli while residents counted the killed and wounded".split()
    paragraph_count = 10_000_000 // 700
    body = "\n\n".join(" ".join(rng.choice(words) for _ in range(110)) for _ in range(paragraph_count))
    (content / "articles/2019-04-13-long.md").write_text(
        f"---\ntitle: A very long article\ndate: 2019-04-13\nsource: Reuters\n---\n\n{body}\n", "utf-8")
    assert len(body) > 9_500_000
    result = build.run(content, Options(history=False), root=tmp_path)
    assert not result.problems.items
    page = next(p for p in result.pages if p.path == "articles/2019-04-13-long.md")
    assert page.content.count("](../actors/khalifa-haftar.md)") >= 1  # first mention linked once
    assert len(page.content) > len(body)
