"""Golden-file tests: the Markdown generated for the fixture project, page by page.

Run with UPDATE_GOLDEN=1 to rewrite tests/golden/mini/ after an intended change,
then review the diff.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from support import FIXTURES, update_golden
from generator import build
from generator.config import Options

GOLDEN = Path(__file__).parent / "golden" / "mini"
TODAY = dt.date(2026, 1, 1)


EXPECTED = {
    "index.md", "timeline/index.md", "actors/index.md", "topics/index.md", "notes/index.md",
    "actors/khalifa-haftar.md", "actors/lna.md", "actors/who.md", "topics/humanitarian-toll.md",
    "notes/counting.md", "articles/2019-04-12-strike.md", "articles/2019-04-14-toll.md",
    "data/briefing.json", "data/timeline.json", "changes/index.md",
    # issue 17: the open data files
    "data/briefing.schema.json", "data/datapackage.json", "data/entries.csv", "data/figures.csv",
    "data/actors.csv", "data/articles.csv", "data/entry-actors.csv", "data/acled.csv",
    "map/index.md",  # issue 18: the map page
}


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    """The fixture project's pages, generated once for this module (inside the tests, not at import)."""
    root = FIXTURES / "mini"
    result = build.run(root / "content", Options(title="Mini briefing", history=False), root=root, today=TODAY)
    assert not result.problems.errors, result.problems.sorted()
    return {p.path: p.inline() for p in result.pages if p.path.endswith((".md", ".json", ".csv"))}


def test_page_set(pages):
    assert set(pages) == EXPECTED
    if update_golden():
        for old in GOLDEN.rglob("*"):
            if old.is_file() and old.relative_to(GOLDEN).as_posix() not in EXPECTED:
                old.unlink()


@pytest.mark.parametrize("path", sorted(EXPECTED))
def test_golden(path: str, pages):
    golden = GOLDEN / path
    if update_golden():
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(pages[path], encoding="utf-8")
    assert golden.exists(), f"no golden file for {path}; run UPDATE_GOLDEN=1 pytest {__file__}"
    assert pages[path] == golden.read_text(encoding="utf-8")
