"""Issue 19, item 1, through MkDocs: 500 articles over two years (bench/shapes.py's "two-years" shape,
half size), with the default bounds. Before the split, /timeline/ held every entry (about 1,250:
over 1.5 MB of HTML); now no HTML page and no file the filter loads passes 1 MB, and every entry
is on exactly one timeline page."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from support import ROOT, mkdocs_build

MB = 1024 * 1024
ENTRY = re.compile(rb'<div class="bf-entry [^"]*" id="e-([^"]+)"')


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from make_project import Shape, write_briefing
    finally:
        sys.path.pop(0)
    root = tmp_path_factory.mktemp("two-years")
    project = write_briefing(root / "project", 500, search_backend="lunr", shape=Shape(days=730)).parent
    mkdocs_build(project, root / "site")
    return root / "site"


def test_no_html_page_over_1_mb(site: Path):
    sizes = {p.relative_to(site).as_posix(): p.stat().st_size for p in site.rglob("*.html")}
    assert {p: s for p, s in sizes.items() if s > MB} == {}
    data = {p.name: p.stat().st_size for p in (site / "data/timeline").glob("*.json")}
    assert data and max(data.values()) < MB


def test_every_entry_on_exactly_one_timeline_page(site: Path):
    seen: dict[bytes, int] = {}
    for page in (site / "timeline").rglob("index.html"):
        for ident in ENTRY.findall(page.read_bytes()):
            seen[ident] = seen.get(ident, 0) + 1
    assert len(seen) > 1000
    assert [i for i, n in seen.items() if n > 1] == []
    timeline = (site / "timeline/index.html").read_text("utf-8")
    assert len(ENTRY.findall(timeline.encode())) <= 300
    assert 'class="bf-archive"' in timeline
