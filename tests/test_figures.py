"""Figures (spec sections 4 and 6): latest claims, the ledger, key figures, charts; plus the
git history behind the "as of" dates and stale-entry counts of actor pages."""

from __future__ import annotations

import datetime as dt
import os
import html
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.derive import Index, latest_claims
from generator.derive.mentions import Matcher
from generator.model.history import last_changed
from generator.model.types import Actor, Article, Briefing, DateValue, Event, Figure, Source, Topic
from generator.pages.actors import actor_activity, stale_entries
from generator.pages.home import key_figures
from generator.pages.topics import ledger_table, topic_charts
from generator.pages.charts import (Point, chart_block, legend, line_chart, nice_max, source_colours, sparkline,
                                    weekly_counts)
from support import ROOT

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = "<script>alert(1)</script>"


def day(y: int, m: int, d: int) -> DateValue:
    return DateValue(dt.date(y, m, d))


def fig(kind: str, value: int, source: str, as_of: DateValue, qualifier: str = "exact", article: str = "a1",
        event: str | None = None) -> Figure:
    return Figure(kind=kind, value=value, source=source, as_of=as_of, qualifier=qualifier, article=article,
                  event=event)


def summary(figures) -> list[tuple]:
    return [(f.kind, f.source, f.value, f.as_of.start.isoformat()) for f in figures]


# ---- latest_claims ---------------------------------------------------------------------------------


def test_latest_claims_latest_day_per_kind_side_by_side():
    who_old = fig("killed", 10, "WHO", day(2019, 4, 1))
    who_new = fig("killed", 20, "WHO", day(2019, 4, 5))
    ocha_new = fig("killed", 15, "OCHA", day(2019, 4, 5))
    un_mid = fig("killed", 99, "UN", day(2019, 4, 3))
    un_disp = fig("displaced", 8000, "UN", day(2019, 4, 12), "at-least")
    iom_disp = fig("displaced", 13625, "IOM", day(2019, 4, 12), "about")
    iom_old = fig("displaced", 5000, "IOM", day(2019, 4, 8))
    out = latest_claims([who_old, un_disp, who_new, un_mid, iom_old, ocha_new, iom_disp])
    assert summary(out) == [
        ("displaced", "IOM", 13625, "2019-04-12"),
        ("displaced", "UN", 8000, "2019-04-12"),
        ("killed", "OCHA", 15, "2019-04-05"),
        ("killed", "WHO", 20, "2019-04-05"),
    ]
    # the claims themselves, untouched: never averaged, merged or re-qualified
    assert [id(f) for f in out] == [id(iom_disp), id(un_disp), id(ocha_new), id(who_new)]
    assert [f.qualifier for f in out] == ["about", "at-least", "exact", "exact"]


def test_latest_claims_same_source_conflicting_values_both_kept():
    a = fig("killed", 443, "WHO", day(2019, 5, 8))
    b = fig("killed", 432, "WHO", day(2019, 5, 8), "at-least")
    old = fig("killed", 376, "WHO", day(2019, 4, 30))
    assert summary(latest_claims([a, old, b])) == [
        ("killed", "WHO", 432, "2019-05-08"),
        ("killed", "WHO", 443, "2019-05-08"),
    ]


def test_latest_claims_single_and_empty():
    only = fig("oil-output-bpd", 1_200_000, "NOC", day(2019, 4, 11))
    assert latest_claims([only]) == [only]
    assert latest_claims([]) == []


# ---- ledger_table ----------------------------------------------------------------------------------


def test_ledger_table_grouped_newest_first_conflicts_in_one_row():
    f1 = fig("killed", 10, "WHO", day(2019, 4, 1))
    f2 = fig("killed", 20, "WHO", day(2019, 4, 5))
    f3 = fig("killed", 15, "OCHA", day(2019, 4, 5))
    f4 = fig("displaced", 8000, "UN", day(2019, 4, 12), "at-least")
    f5 = fig("displaced", 13625, "IOM", day(2019, 4, 12), "about")
    f6 = fig("wounded", 30, "WHO", day(2019, 4, 5))
    f7 = fig("killed", 19, "WHO", day(2019, 4, 5))
    rows = ledger_table([f1, f2, f3, f4, f5, f6, f7])
    assert [(d.isoformat(), kind, [id(f) for f in claims]) for d, kind, claims in rows] == [
        ("2019-04-12", "displaced", [id(f5), id(f4)]),
        ("2019-04-05", "wounded", [id(f6)]),
        ("2019-04-05", "killed", [id(f3), id(f7), id(f2)]),
        ("2019-04-01", "killed", [id(f1)]),
    ]
    # every claim appears exactly once, with its own value
    assert sorted(f.value for _, _, claims in rows for f in claims) == [10, 15, 19, 20, 30, 8000, 13625]


def test_ledger_table_empty():
    assert ledger_table([]) == []


# ---- key_figures -----------------------------------------------------------------------------------


def _topic(ident: str, figures: list[str]) -> Topic:
    return Topic(id=ident, path=f"content/topics/{ident}.md", title=ident.title(), body="", figures=figures)


def test_key_figures_only_charted_kinds():
    figures = [
        fig("displaced", 8000, "UN", day(2019, 4, 12)),
        fig("killed", 75, "WHO", day(2019, 4, 12)),
        fig("newly-displaced", 5550, "IOM", day(2019, 4, 12)),
        fig("oil-output-bpd", 1_200_000, "NOC", day(2019, 4, 11)),
    ]
    b = Briefing(topics={"toll": _topic("toll", ["killed", "displaced"]), "eu": _topic("eu", [])},
                 figures=figures)
    assert key_figures(b) == [figures[0], figures[1]]
    b.topics["oil"] = _topic("oil", ["oil-output-bpd"])
    assert key_figures(b) == [figures[0], figures[1], figures[3]]


def test_key_figures_all_when_no_topic_charts():
    figures = [fig("killed", 75, "WHO", day(2019, 4, 12)), fig("newly-displaced", 5550, "IOM", day(2019, 4, 12))]
    assert key_figures(Briefing(topics={"eu": _topic("eu", [])}, figures=figures)) == figures
    assert key_figures(Briefing(figures=figures)) == figures


# ---- topic_charts ----------------------------------------------------------------------------------


def _links(svg: str) -> list[tuple[str, str]]:
    root = ET.fromstring(svg)
    return [(a.get("href"), a.get("aria-label")) for a in root.iter(f"{SVG}a")]


def _legend(block: str) -> list[str]:
    """The items of a chart's HTML legend, as text."""
    items = block[block.index('<ul class="bf-legend-list">'):].split("<li>")[1:]
    return [html.unescape(re.sub(r"<[^>]+>", "", item)) for item in items]


def _wide(block: str) -> str:
    """The wide SVG of a chart block (the first one; the narrow copy follows it)."""
    return re.search(r"<svg\b.*?</svg>", block, flags=re.S).group(0)


def test_topic_charts_one_chart_per_charted_kind_with_claims():
    topic = _topic("toll", ["killed", "wounded", "displaced"])  # no wounded claims: no wounded chart
    ledger = [
        fig("killed", 10, "WHO", day(2019, 4, 1), article="a1"),
        fig("killed", 20, "WHO", day(2019, 4, 5), "at-least", article="a2", event="a2--1"),
        fig("killed", 15, "OCHA", day(2019, 4, 5), article="a3"),
        fig("displaced", 8000, "UN", day(2019, 4, 12), "at-least", article="a4"),
        fig("oil-output-bpd", 1_200_000, "NOC", day(2019, 4, 11), article="a5"),  # not charted here
    ]
    charts = topic_charts(topic, ledger, "topics/toll.md")
    assert [kind for kind, _, _ in charts] == ["killed", "displaced"]
    killed, displaced = charts[0][2], charts[1][2]
    assert charts[0][1] == "Killed: claims by source, 1 Apr 2019 to 5 Apr 2019"

    root = ET.fromstring(_wide(killed))
    assert root.get("aria-labelledby") == "chart-toll-killed-title"
    assert root.get("aria-describedby") == "chart-toll-killed-desc"
    assert root.find(f"{SVG}title").text == "Killed: claims by source, 1 Apr 2019 to 5 Apr 2019"
    assert root.find(f"{SVG}desc").text == (
        "3 claims from 2 sources (OCHA, WHO). Latest: 15 killed, per OCHA, as of 5 Apr 2019; "
        "at least 20 killed, per WHO, as of 5 Apr 2019."
    )
    # one series per source, sorted; a qualified claim ("at least 20") adds the open marker's legend
    assert _legend(killed) == ["OCHA", "WHO", "open marker: not exact (more than, nearly, about...)"]
    assert _links(_wide(killed)) == [
        ("../../articles/a3/", "15 killed, per OCHA, as of 5 Apr 2019"),
        ("../../articles/a1/", "10 killed, per WHO, as of 1 Apr 2019"),
        ("../../articles/a2/#e-a2--1", "at least 20 killed, per WHO, as of 5 Apr 2019"),
    ]
    assert len(root.findall(f"{SVG}polyline")) == 1  # WHO has two points, OCHA one

    root = ET.fromstring(_wide(displaced))
    assert root.find(f"{SVG}title").text == "Displaced: claims by source, on 12 Apr 2019"
    assert root.find(f"{SVG}desc").text == (
        "1 claim from 1 source (UN). Latest: at least 8,000 displaced, per UN, as of 12 Apr 2019."
    )
    assert _legend(displaced) == ["UN", "open marker: not exact (more than, nearly, about...)"]
    assert _links(_wide(displaced)) == [("../../articles/a4/", "at least 8,000 displaced, per UN, as of 12 Apr 2019")]
    assert "1,200,000" not in killed + displaced and "NOC" not in killed + displaced


def test_topic_charts_none_without_charted_kinds_or_claims():
    ledger = [fig("killed", 10, "WHO", day(2019, 4, 1))]
    assert topic_charts(_topic("eu", []), ledger, "topics/eu.md") == []
    assert topic_charts(_topic("toll", ["wounded"]), ledger, "topics/toll.md") == []


# ---- line_chart and sparkline ------------------------------------------------------------------------


def _series() -> dict[str, list[Point]]:
    return {
        "WHO": [
            Point(dt.date(2019, 4, 14), 121, "../../articles/w2/", "121 killed, per WHO, as of 14 Apr 2019"),
            Point(dt.date(2019, 4, 12), 75, "../../articles/w1/", "75 killed, per WHO, as of 12 Apr 2019"),
            Point(dt.date(2019, 4, 30), 376, "../../articles/w3/#e-w3--1", "376 killed, per WHO, as of 30 Apr 2019"),
        ],
        "OCHA": [Point(dt.date(2019, 4, 22), 20, "../../articles/o1/", "20 killed, per OCHA, as of 22 Apr 2019")],
        HOSTILE: [Point(dt.date(2019, 4, 20), 50, 'x" onmouseover="alert(2)', f"{HOSTILE} & 50 <b>")],
    }


def test_line_chart_parses_accessible_one_link_per_point():
    svg = line_chart("chart-t-killed", "Killed & <wounded>", 'Desc "quoted" <i>', _series())
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    # a group, not an image: its points are links (axe: nested-interactive)
    assert root.get("role") == "group"
    assert root.get("aria-labelledby") == "chart-t-killed-title"
    assert root.get("aria-describedby") == "chart-t-killed-desc"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert (title.get("id"), title.text) == ("chart-t-killed-title", "Killed & <wounded>")
    assert (desc.get("id"), desc.text) == ("chart-t-killed-desc", 'Desc "quoted" <i>')
    links = root.findall(f"{SVG}a")
    assert len(links) == 5
    # series sorted by name ("<" sorts before letters), points by date
    assert [a.get("href") for a in links] == [
        'x" onmouseover="alert(2)',
        "../../articles/o1/",
        "../../articles/w1/",
        "../../articles/w2/",
        "../../articles/w3/#e-w3--1",
    ]
    assert all(a.find(f"{SVG}circle/{SVG}title").text == a.get("aria-label") for a in links)
    assert _legend(legend(_series(), source_colours(_series()))) == [HOSTILE, "OCHA", "WHO"]


def test_line_chart_escapes_hostile_text():
    svg = line_chart("c", HOSTILE, HOSTILE, _series())
    assert "<script" not in svg
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in svg
    assert "<b>" not in svg
    assert 'onmouseover="' not in svg  # the quote in the href is escaped, no new attribute
    root = ET.fromstring(svg)
    assert root.find(f"{SVG}title").text == HOSTILE
    assert not list(root.iter("script")) and not list(root.iter(f"{SVG}script"))
    assert {el.tag for el in root.iter()} <= {f"{SVG}{t}" for t in
                                               ("svg", "title", "desc", "line", "text", "polyline", "a", "circle")}


def test_line_chart_is_deterministic():
    series = _series()
    first = line_chart("c", "t", "d", series)
    assert line_chart("c", "t", "d", _series()) == first
    reordered = {name: list(reversed(pts)) for name, pts in reversed(list(series.items()))}
    assert list(reordered) != list(series)
    assert line_chart("c", "t", "d", reordered) == first


def test_line_chart_single_point_and_zero_values():
    svg = line_chart("c", "t", "d", {"WHO": [Point(dt.date(2019, 4, 12), 0, "../a/", "0 killed")]})
    root = ET.fromstring(svg)
    assert len(root.findall(f"{SVG}a")) == 1
    assert root.findall(f"{SVG}polyline") == []
    # a single day gets a week around it, not a division by zero
    ticks = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "bf-axis bf-axis-x"]
    assert ticks == ["9 Apr", "10 Apr", "11 Apr", "12 Apr", "13 Apr", "14 Apr", "15 Apr"]


def test_chart_block_wide_and_narrow_svgs_and_an_html_legend():
    series = {f"S{i}": [Point(dt.date(2019, 4, 1 + i), 10 * i, f"../{i}/", f"p{i}")] for i in range(6)}
    block = chart_block("c", "t", "d", series)
    svgs = [ET.fromstring(svg) for svg in re.findall(r"<svg\b.*?</svg>", block, flags=re.S)][:2]
    assert [r.get("viewBox") for r in svgs] == ["0 0 680 260", "0 0 300 200"]  # the legend is no longer inside
    assert [r.get("class") for r in svgs] == ["bf-chart-svg bf-chart-svg--wide", "bf-chart-svg bf-chart-svg--narrow"]
    assert [r.find(f"{SVG}title").get("id") for r in svgs] == ["c-title", "c-n-title"]
    assert all(len(r.findall(f"{SVG}a")) == 6 for r in svgs)
    assert _legend(block) == [f"S{i}" for i in range(6)]


def test_one_colour_per_source_whatever_the_chart_shows():
    colours = source_colours(["WHO", "UN", "OCHA", "WHO", "IOM"])
    assert colours == {"IOM": 0, "OCHA": 1, "UN": 2, "WHO": 3}
    who_only = chart_block("a", "t", "d", {"WHO": _series()["WHO"]}, colours)
    both = chart_block("b", "t", "d", {"OCHA": _series()["OCHA"], "WHO": _series()["WHO"]}, colours)
    for block in (who_only, both):
        assert 'class="bf-series bf-src-3"' in block and '<circle class="bf-src-3" cx="6"' in block  # line and legend
    assert "bf-src-1" in both and "bf-src-1" not in who_only


def test_chart_axis_labels_never_touch_on_a_phone():
    series = {"WHO": [Point(dt.date(2019, 4, 11) + dt.timedelta(days=7 * i), 10 * i, "../a/", "p") for i in range(12)]}
    root = ET.fromstring(re.findall(r"<svg\b.*?</svg>", chart_block("c", "t", "d", series), flags=re.S)[1])
    ticks = [(float(t.get("x")), t.get("text-anchor"), t.text) for t in root.iter(f"{SVG}text")
             if t.get("class") == "bf-axis bf-axis-x"]
    shift = {"start": 0, "middle": .5, "end": 1}
    spans = [(x - shift[a] * len(text) * 7.2, len(text) * 7.2) for x, a, text in ticks]
    assert len(ticks) >= 2
    assert all(lo + w <= nxt for (lo, w), (nxt, _) in zip(spans, spans[1:]))


def test_sparkline_parses_titled_one_bar_per_busy_week():
    counts = [0, 3, 1, 0, 6]
    svg = sparkline("spark-x", f"{HOSTILE} & busiest week: 6", counts)
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "spark-x-title"
    title = root.find(f"{SVG}title")
    assert (title.get("id"), title.text) == ("spark-x-title", f"{HOSTILE} & busiest week: 6")
    assert "<script" not in svg
    bars = root.findall(f"{SVG}rect")
    assert len(bars) == 3
    heights = [float(r.get("height")) for r in bars]
    assert heights == [15.0, 5.0, 30.0]  # (32 - 2) * count / 6
    assert sparkline("spark-x", f"{HOSTILE} & busiest week: 6", list(counts)) == svg


def test_sparkline_empty_and_all_zero():
    for counts in ([], [0, 0, 0]):
        root = ET.fromstring(sparkline("s", "t", counts))
        assert root.findall(f"{SVG}rect") == []
        assert root.find(f"{SVG}title").text == "t"


def test_actor_activity_sparkline():
    e1 = Event(id="e1", article="a", date=day(2019, 4, 3), title="one")
    e2 = Event(id="e2", article="a", date=day(2019, 4, 10), title="two")
    e3 = Event(id="e3", article="a", date=day(2019, 4, 24), title="three")
    b = Briefing(entries=[e1, e2, e3])
    index = Index(Matcher({}), entries_by_actor={"x": [e1, e3]})
    svg = actor_activity("x", index, b)
    root = ET.fromstring(svg)
    assert root.find(f"{SVG}title").text == "2 entries over 4 weeks, 3 Apr 2019 to 24 Apr 2019; busiest week: 1"
    assert len(root.findall(f"{SVG}rect")) == 2
    assert actor_activity("nobody", index, b) == ""


# ---- weekly_counts and nice_max --------------------------------------------------------------------


def test_weekly_counts_week_boundaries():
    start, end = dt.date(2019, 4, 3), dt.date(2019, 4, 21)  # Wednesday .. Sunday
    days = [
        dt.date(2019, 3, 31),  # Sunday before the first week: ignored
        dt.date(2019, 4, 1),  # Monday of start's week: week 0
        dt.date(2019, 4, 7),  # Sunday: still week 0
        dt.date(2019, 4, 8),  # Monday: week 1
        dt.date(2019, 4, 21),  # end (Sunday): week 2
        dt.date(2019, 4, 22),  # Monday after end's week: ignored
    ]
    assert weekly_counts(days, start, end) == [2, 1, 1]
    assert weekly_counts(days, start, dt.date(2019, 4, 22)) == [2, 1, 1, 1]
    assert weekly_counts([], start, end) == [0, 0, 0]
    assert weekly_counts([start, start], start, start) == [2]
    assert weekly_counts([dt.date(2019, 4, 1)], dt.date(2019, 4, 1), dt.date(2019, 4, 7)) == [1]


@pytest.mark.parametrize(
    "value, expected",
    [
        (-5, (1, 1)),
        (0, (1, 1)),
        (1, (1, 1)),
        (3, (3, 1)),
        (4, (4, 1)),
        (7, (8, 2)),
        (10, (10, 5)),
        (41, (60, 20)),
        (100, (100, 50)),
        (101, (150, 50)),
        (1_000, (1_000, 500)),
        (5_000, (6_000, 2_000)),
        (13_625, (15_000, 5_000)),
        (120_000, (150_000, 50_000)),
        (1_300_000, (1_500_000, 500_000)),
    ],
)
def test_nice_max_values(value, expected):
    assert nice_max(value) == expected


def test_nice_max_steps_are_1_2_5_times_power_of_ten():
    for value in [*range(1, 20_001), 99_999, 100_000, 100_001, 1_234_567, 10**9]:
        top, step = nice_max(value)
        mantissa = step
        while mantissa % 10 == 0:
            mantissa //= 10
        assert mantissa in (1, 2, 5), (value, step)
        assert top % step == 0 and value <= top < value + step, (value, top, step)
        assert top // step <= 4, (value, top, step)


# ---- last_changed (git) ----------------------------------------------------------------------------


@pytest.fixture
def git_env(tmp_path, monkeypatch):
    """Git that ignores the user's configuration, for both the test and last_changed itself."""
    empty = tmp_path / "gitconfig"
    empty.write_text("")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(empty))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for var in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        monkeypatch.delenv(var, raising=False)


def git(cwd: Path, *args: str, when: str | None = None) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="Editor", GIT_AUTHOR_EMAIL="editor@example.org",
               GIT_COMMITTER_NAME="Editor", GIT_COMMITTER_EMAIL="editor@example.org")
    if when:
        env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


TODAY = dt.date(2020, 1, 15)


def _two_commits(repo: Path, site: str = "") -> Path:
    """Commit 1 (1 Apr 2019) adds an actor and two articles; commit 2 (2 May 2019) edits one article."""
    root = repo / site if site else repo
    repo.mkdir(parents=True)
    git(repo, "init", "-q", ".")
    write(root / "content/actors/x.md", "---\nname: X\n---\n")
    write(root / "content/articles/a.md", "a\n")
    write(root / "content/articles/b.md", "b\n")
    write(root / "mkdocs.yml", "site_name: t\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "one", when="2019-04-01T12:00:00+00:00")
    write(root / "content/articles/b.md", "b2\n")
    write(root / "mkdocs.yml", "site_name: t2\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "two", when="2019-05-02T12:00:00+00:00")
    return root


def test_last_changed_commit_dates_and_uncommitted_edits(tmp_path, git_env):
    root = _two_commits(tmp_path / "repo")
    assert last_changed(root / "content", root, TODAY) == {
        "content/actors/x.md": dt.date(2019, 4, 1),
        "content/articles/a.md": dt.date(2019, 4, 1),
        "content/articles/b.md": dt.date(2019, 5, 2),
    }
    write(root / "content/articles/a.md", "a, edited\n")  # modified, not committed
    write(root / "content/articles/c.md", "c\n")  # untracked
    write(root / "mkdocs.yml", "site_name: t3\n")  # outside the content folder
    assert last_changed(root / "content", root, TODAY) == {
        "content/actors/x.md": dt.date(2019, 4, 1),
        "content/articles/a.md": TODAY,
        "content/articles/b.md": dt.date(2019, 5, 2),
        "content/articles/c.md": TODAY,
    }


def test_last_changed_root_below_repository_top(tmp_path, git_env):
    root = _two_commits(tmp_path / "repo", site="briefings/libya")
    assert last_changed(root / "content", root, TODAY) == {
        "content/actors/x.md": dt.date(2019, 4, 1),
        "content/articles/a.md": dt.date(2019, 4, 1),
        "content/articles/b.md": dt.date(2019, 5, 2),
    }


def test_last_changed_outside_a_repository(tmp_path, git_env):
    write(tmp_path / "plain/content/articles/a.md", "a\n")
    assert last_changed(tmp_path / "plain/content", tmp_path / "plain", TODAY) == {}


def test_last_changed_non_ascii_folder(tmp_path, git_env):
    root = _two_commits(tmp_path / "repo", site="données")
    write(root / "content/articles/a.md", "a, edited\n")
    assert last_changed(root / "content", root, TODAY) == {
        "content/actors/x.md": dt.date(2019, 4, 1),
        "content/articles/a.md": TODAY,
        "content/articles/b.md": dt.date(2019, 5, 2),
    }


def test_last_changed_untracked_file_in_new_subfolder(tmp_path, git_env):
    root = _two_commits(tmp_path / "repo")
    write(root / "content/articles/2019-07/new.md", "new\n")
    assert last_changed(root / "content", root, TODAY) == {
        "content/actors/x.md": dt.date(2019, 4, 1),
        "content/articles/a.md": dt.date(2019, 4, 1),
        "content/articles/b.md": dt.date(2019, 5, 2),
        "content/articles/2019-07/new.md": TODAY,
    }


# ---- stale_entries ---------------------------------------------------------------------------------


def _article(ident: str, when: DateValue) -> Article:
    return Article(id=ident, path=f"content/articles/{ident}.md", title=ident, date=when,
                   sources=[Source("Reuters")], body="")


def test_stale_entries_counts_entries_whose_article_changed_after_the_profile():
    actor = Actor(id="x", path="content/actors/x.md", name="X", body="")
    arts = {
        "a1": _article("a1", day(2019, 4, 10)),
        "a2": _article("a2", day(2019, 4, 20)),
        "a3": _article("a3", day(2019, 4, 25)),
        "a4": _article("a4", day(2019, 4, 28)),
    }
    entries = [
        Event(id="a1", article="a1", date=day(2019, 4, 10), title="edited before the profile"),
        Event(id="a2--1", article="a2", date=day(2019, 4, 20), title="edited after (1)"),
        Event(id="a2--2", article="a2", date=day(2019, 4, 21), title="edited after (2)"),
        Event(id="a3", article="a3", date=day(2019, 4, 25), title="edited the same day"),
        Event(id="a4--1", article="a4", date=day(2019, 6, 1), title="no history, dated after"),
        Event(id="a4--2", article="a4", date=day(2019, 4, 1), title="no history, dated before"),
    ]
    b = Briefing(articles=arts, actors={"x": actor}, changed={
        "content/actors/x.md": dt.date(2019, 5, 1),
        "content/articles/a1.md": dt.date(2019, 4, 15),
        "content/articles/a2.md": dt.date(2019, 5, 2),
        "content/articles/a3.md": dt.date(2019, 5, 1),
    })
    assert stale_entries(actor, entries, b) == 3  # a2--1, a2--2, a4--1
    assert stale_entries(actor, [], b) == 0
    b.changed["content/articles/a1.md"] = dt.date(2019, 6, 30)
    assert stale_entries(actor, entries, b) == 4


def test_stale_entries_zero_when_profile_date_unknown():
    actor = Actor(id="x", path="content/actors/x.md", name="X", body="")
    b = Briefing(articles={"a1": _article("a1", day(2019, 4, 10))},
                 changed={"content/articles/a1.md": dt.date(2030, 1, 1)})
    entries = [Event(id="a1", article="a1", date=day(2019, 4, 10), title="t")]
    assert stale_entries(actor, entries, b) == 0


# ---- the demo, built in-process ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_build():
    from generator import build
    from generator.config import Options

    result = build.run(ROOT / "content", Options(), root=ROOT)
    assert not result.problems.errors, result.problems.errors
    return result


def test_demo_humanitarian_toll_charts_and_ledger(demo_build):
    pages = {g.path: g.inline() for g in demo_build.pages}
    page = pages["topics/humanitarian-toll.md"]
    svgs = re.findall(r'<svg\b[^>]*bf-chart-svg--wide.*?</svg>', page, flags=re.S)
    by_id = {}
    for svg in svgs:
        root = ET.fromstring(svg)
        by_id[root.find(f"{SVG}title").get("id")] = root
    for kind in ("killed", "wounded", "displaced"):
        root = by_id[f"chart-humanitarian-toll-{kind}-title"]
        assert root.get("role") == "group"
        assert root.find(f"{SVG}title").text.startswith(f"{kind.capitalize()}: claims by source, ")
        claims = [f for f in demo_build.briefing.figures if f.kind == kind]
        assert len(root.findall(f"{SVG}a")) == len(claims) > 0
        assert all(a.get("href").startswith("../../articles/") for a in root.findall(f"{SVG}a"))

    rows = [line for line in page.splitlines()
            if line.startswith('<tr><td data-label="As of">12 Apr 2019</td><td data-label="Figure">Displaced')]
    assert len(rows) == 1
    row = rows[0]
    assert "more than <strong>8,000</strong> (UN)" in row
    assert "about <strong>13,625</strong> (IOM)" in row
    assert "2 claims" in row


def test_long_series_are_thinned_for_the_chart_but_keep_their_latest_claim():
    from generator.pages.topics import CHART_POINTS, thin_claims

    start = dt.date(2019, 1, 1)
    many = [Figure("killed", i, "WHO", DateValue(start + dt.timedelta(days=i))) for i in range(1000)]
    few = [Figure("killed", i, "OCHA", DateValue(start + dt.timedelta(days=7 * i))) for i in range(10)]
    thinned = thin_claims(many + few)
    who = [f for f in thinned if f.source == "WHO"]
    assert len(who) <= CHART_POINTS
    assert who[-1].value == 999  # the latest claim is always charted
    assert [f for f in thinned if f.source == "OCHA"] == few  # short series are kept whole


def test_figure_kinds_and_units_as_words():
    """Issue 15, item 5: "about 1,300,000 oil output bpd" reads "oil output: about 1,300,000 barrels a day"."""
    from generator.pages.filters import figure_label, figure_words, kind_label, kind_unit

    assert kind_label("oil-output-bpd") == "Oil output" and kind_unit("oil-output-bpd") == "barrels a day"
    assert kind_label("oil-output-at-risk-pct") == "Oil output at risk" and kind_unit("oil-output-at-risk-pct") == "%"
    assert kind_label("incident-killed") == "Killed in the incident" and kind_unit("killed") == ""
    assert kind_label("armed-group") == "Armed group"  # actor kinds read the same way
    bpd = Figure("oil-output-bpd", 1_300_000, "NOC", DateValue(dt.date(2019, 7, 2)), "about")
    pct = Figure("oil-output-at-risk-pct", 95, "NOC", DateValue(dt.date(2019, 5, 19)), "up-to")
    killed = Figure("incident-killed", 53, "UN", DateValue(dt.date(2019, 7, 3)))
    assert figure_words(bpd) == "oil output: about 1,300,000 barrels a day"
    assert figure_words(pct) == "oil output at risk: up to 95%"
    assert figure_words(killed) == "53 killed in the incident"
    assert figure_label(bpd) == "oil output: about 1,300,000 barrels a day, per NOC, as of 2 Jul 2019"
