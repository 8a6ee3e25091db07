"""Issue 19, item 1: no heavy page at any size. A synthetic briefing built through the core functions
(no MkDocs) with low bounds: /timeline/ holds the newest months only, every other month has its own
page (split by day past page_entries), every entry is on exactly one timeline page, the archive and
the filter's data files cover the rest, and no page holds more than the bound."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest

from support import FIXTURES
from generator import build
from generator.config import Options
from generator.pages.urls import page_url

BOUNDS = dict(timeline_entries=12, month_page_threshold=20, page_entries=8, profile_entries=5, ledger_rows=5)
ENTRY = re.compile(r'<div class="bf-entry [^"]*" id="e-([^"]+)"')


def write_articles(content: Path) -> int:
    """Quiet months (Jan 2019 to Dec 2019, three articles each), then a busy month (March 2020,
    30 articles over 10 days), then a quiet newest month (April 2020). Ada is in every article;
    every article reports a claim on the topic's figure. Returns the number of articles."""
    days = [dt.date(2019, m, d) for m in range(1, 13) for d in (3, 14, 25)]
    days += [dt.date(2020, 3, 1 + i // 3) for i in range(30)]
    days += [dt.date(2020, 4, d) for d in (2, 9, 16, 23)]
    folder = content / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    for i, day in enumerate(days):
        (folder / f"{day.isoformat()}-item-{i:03d}.md").write_text(
            f"---\ntitle: Item {i}\ndate: {day.isoformat()}\nsource: Wire\nactors: [ada]\n"
            f"figures:\n  - {{kind: killed, value: {10 + i}, source: WHO}}\n---\n\nAda Quill said something.\n",
            encoding="utf-8")
    return len(days)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("i19") / "project"
    shutil.copytree(FIXTURES / "i19-pages", root)
    write_articles(root / "content")
    result = build.run(root / "content", Options(**BOUNDS), root=root, today=dt.date(2026, 1, 1))
    assert not result.problems.errors
    return result, {p.path: p.inline() for p in result.pages}


def timeline_pages(out: dict) -> dict[str, str]:
    return {p: c for p, c in out.items() if p.startswith("timeline/") and p.endswith(".md")}


def test_every_entry_is_on_exactly_one_timeline_page(built):
    result, out = built
    seen: dict[str, list[str]] = {}
    for path, text in timeline_pages(out).items():
        for ident in ENTRY.findall(text):
            seen.setdefault(ident, []).append(path)
    ids = {e.id for e in result.briefing.entries}
    assert set(seen) == ids
    assert {i: ps for i, ps in seen.items() if len(ps) > 1} == {}


def test_no_timeline_page_over_the_bound(built):
    _, out = built
    for path, text in timeline_pages(out).items():
        n = len(ENTRY.findall(text))
        assert n <= (BOUNDS["timeline_entries"] if path == "timeline/index.md" else BOUNDS["page_entries"]), path


def test_timeline_holds_the_newest_months_and_lists_the_rest_by_year(built):
    _, out = built
    index = out["timeline/index.md"]
    # April 2020 (4 entries), then March 2020 (30, over the threshold: a section with a link to its
    # page), then December and November 2019 (3 each: 10 held); October would make 13 (over 12)
    sections = re.findall(r"## \w+ \d{4} \{ #(\d{4}-\d{2}) \}", index)
    assert sections == ["2020-04", "2020-03", "2019-12", "2019-11"]
    assert "[open March 2020](2020/03.md)" in index
    assert len(ENTRY.findall(index)) == 10
    archive = re.search(r'<div class="bf-archive">(.*?)</div>', index, re.S).group(1)
    assert re.findall(r"<strong>(\d{4})</strong>", archive) == ["2019"]
    links = re.findall(r'<a href="([^"]+)">(\w+)</a> <span class="bf-count">(\d+)</span>', archive)
    assert [(h, n) for h, _, n in links] == [(f"../timeline/2019/{m:02d}/", "3") for m in range(10, 0, -1)]
    for m in range(10, 0, -1):
        assert f"timeline/2019/{m:02d}.md" in out
        assert f"data/timeline/2019-{m:02d}.json" in out
    assert "timeline/2019/11.md" not in out and "data/timeline/2019-11.json" not in out


def test_a_busy_month_is_split_by_day_and_linked(built):
    _, out = built
    parts = sorted(p for p in out if p.startswith("timeline/2020/03"))
    # 30 entries, 3 a day, at most 8 a page, whole days: 6 a page, 5 pages
    assert parts == ["timeline/2020/03.md", "timeline/2020/03/02.md", "timeline/2020/03/04.md",
                     "timeline/2020/03/06.md", "timeline/2020/03/08.md"]
    for p in parts:
        nav = re.search(r'<nav class="bf-parts".*?</nav>', out[p], re.S).group(0)
        assert len(re.findall(r'<a href="([^"]+)"', nav)) == 4  # the other four
        for q in parts:
            if q != p:
                assert f'<a href="{"../" * page_url(p).count("/")}{page_url(q)}">' in nav
        days = re.findall(r'<p class="bf-day">([^<]+)</p>', out[p])
        assert len(days) * 3 == len(ENTRY.findall(out[p])) == 6
    assert "# March 2020, 9–10 March" in out["timeline/2020/03.md"]
    assert "# March 2020, 1–2 March" in out["timeline/2020/03/02.md"]


def test_links_to_an_entry_lead_to_the_page_that_holds_it(built):
    result, out = built
    where = {}
    for path, text in timeline_pages(out).items():
        for ident in ENTRY.findall(text):
            where[ident] = path
    for a in result.briefing.articles.values():
        page = out[f"articles/{a.id}.md"]
        m = re.search(r'class="bf-back" href="([^"#]+)#e-([^"]+)"', page)
        assert m, a.id
        target = posixpath_join(f"articles/{a.id}/", m.group(1))
        assert target == page_url(where[m.group(2)]), (a.id, target, where[m.group(2)])


def posixpath_join(base_url: str, rel: str) -> str:
    import posixpath
    return posixpath.normpath(posixpath.join(base_url, rel)) + "/"


def test_the_filter_data_covers_every_entry_not_on_the_page(built):
    result, out = built
    index = out["timeline/index.md"]
    files = re.findall(r'data-json="(?:\.\./)*([^"]+)" data-count="(\d+)" data-page="([^"]+)"', index)
    loaded = set()
    for path, count, page in files:
        rows = json.loads(out[path])["entries"]
        assert len(rows) == int(count)
        # the page the file stands for (where a link to a moved entry is sent)
        held = set(ENTRY.findall(out[[p for p in out if page.endswith(page_url(p)) and p.startswith("timeline/")][0]]))
        assert {r["id"] for r in rows} == held
        loaded |= {r["id"] for r in rows}
    on_page = set(ENTRY.findall(index))
    assert loaded.isdisjoint(on_page)
    assert loaded | on_page == {e.id for e in result.briefing.entries}
    # no data file holds more than a page does
    for path in out:
        if path.startswith("data/timeline/"):
            assert len(json.loads(out[path])["entries"]) <= BOUNDS["page_entries"]


def test_a_split_month_page_loads_the_rest_of_its_month(built):
    _, out = built
    parts = sorted(p for p in out if p.startswith("timeline/2020/03"))
    for p in parts:
        files = re.findall(r'data-json="(?:\.\./)*([^"]+)"', out[p])
        assert len(files) == len(parts) - 1


def test_profiles_and_ledgers_stay_bounded(built):
    result, out = built
    ada = out["actors/ada.md"]
    assert ada.count('class="bf-entry ') == BOUNDS["profile_entries"]
    assert "65 older entries, by month" in ada
    toll = out["topics/toll.md"]
    rows = 'data-label="Articles">'
    assert toll.count(rows) == BOUNDS["ledger_rows"]
    assert toll.count('data-label="Lowest"') <= BOUNDS["ledger_rows"]
    # one ledger row a day (one source, one figure), 5 on the topic page, the rest on
    # ledger pages of at most page_entries rows; March 2020 (10 days) needs two
    ledgers = {p: t for p, t in out.items() if p.startswith("topics/toll/ledger/")}
    assert "topics/toll/ledger/2020-03.md" in ledgers and "topics/toll/ledger/2020-03-02.md" in ledgers
    assert all(t.count(rows) <= BOUNDS["page_entries"] for t in ledgers.values())
    # 50 rows (one a day): the ledger pages hold every month with a row not on the topic page, whole
    days = {f.as_of.start for f in result.briefing.figures}
    on_pages = sum(t.count(rows) for t in ledgers.values())
    assert len(days) - BOUNDS["ledger_rows"] <= on_pages <= len(days)
    for path in ledgers:
        assert f'href="../../{path[:-3]}/"' in toll
    # the chart is drawn over every claim, not only those on the page
    assert "70 claims from 1 source" in toll


def test_the_demo_bounds_do_not_bite_at_small_sizes():
    root = FIXTURES / "mini"
    result = build.run(root / "content", Options(), root=root, today=dt.date(2026, 1, 1))
    out = {p.path: p.inline() for p in result.pages}
    assert not any(p.startswith("timeline/") and p != "timeline/index.md" for p in out)
    assert "bf-archive" not in out["timeline/index.md"]


def test_a_chart_of_many_sources_stays_small():
    """Ten years of daily claims from six sources: a chart is drawn twice (wide and narrow), so the
    points per chart are bounded, not only per source; the latest claim of each source is kept."""
    from generator.model.types import DateValue, Figure
    from generator.pages.topics import CHART_TOTAL, thin_claims

    start = dt.date(2019, 1, 1)
    claims = [Figure("killed", i, f"S{s}", DateValue(start + dt.timedelta(days=i))) for s in range(6) for i in range(3650)]
    thinned = thin_claims(claims)
    assert len(thinned) <= CHART_TOTAL
    for s in range(6):
        assert [f for f in thinned if f.source == f"S{s}"][-1].value == 3649


def test_ledger_rows_are_bounded_by_their_claims_too():
    """A row holds every claim of a figure on a day: a busy topic can have hundreds in a row, so a
    topic page and a ledger page are bounded by claims as well as rows (a row is never cut)."""
    from generator.pages.topics import ledger_parts, shown_rows

    day = dt.date(2020, 3, 1)
    rows = [(day - dt.timedelta(days=i // 2), "killed" if i % 2 else "wounded", [object()] * 40) for i in range(20)]
    assert shown_rows(rows, 100, 300) == 7  # 7 x 40 = 280 claims; an 8th row would pass 300
    assert shown_rows(rows, 5, 300) == 5
    assert shown_rows([(day, "killed", [object()] * 900)] + rows, 100, 300) == 1  # at least one row
    parts = ledger_parts(rows, 100)
    assert [len(p) for p in parts] == [2] * 10  # two rows a day, 80 claims: one day a page
    assert sum(parts, []) == rows


def test_profiles_list_the_newest_notes_only(tmp_path):
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "i19-pages", root)
    write_articles(root / "content")
    (root / "content/notes").mkdir()
    for i in range(8):
        (root / f"content/notes/n{i}.md").write_text(
            f"---\ntitle: Note {i}\ndate: 2020-01-{i + 1:02d}\nauthor: Desk\nactors: [ada]\ntopics: [toll]\n---\n\nText.\n", encoding="utf-8")
    result = build.run(root / "content", Options(**BOUNDS), root=root, today=dt.date(2026, 1, 1))
    assert not result.problems.errors, result.problems.errors
    out = {p.path: p.inline() for p in result.pages}
    for page in ("actors/ada.md", "topics/toll.md"):
        notes = re.findall(r'href="[^"]*notes/(n\d)/"', out[page])
        assert notes == ["n7", "n6", "n5", "n4", "n3"], page  # newest first, profile_entries of them
        assert "3 older notes are on [the notes page](../notes/index.md)." in out[page]
