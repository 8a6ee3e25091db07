"""Warnings and errors where editors slip (issue 14, items 6-11), on tests/fixtures/editor-slips/.

Each rule is ``path:line: level: message`` in ``slips/expected.txt``; the cases a rule must leave
alone are in the same folder (titles ending "(no warning)"), so an extra problem fails too.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from support import FIXTURES
from generator import build as flow
from generator.cli import main
from generator.config import Options
from generator.model.dates import DateError, format_date, resolve_checked
from generator.model.load import load

SLIPS = FIXTURES / "editor-slips" / "slips"
STATS = FIXTURES / "editor-slips" / "stats"
EXPECTED = (SLIPS / "expected.txt").read_text("utf-8").splitlines()


def _problems(project: Path) -> list[str]:
    result = flow.check(project / "content", Options(), root=project, today=dt.date(2026, 1, 1))
    return [str(p) for p in result.problems.sorted()]


def run(args, cwd: Path):
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(cwd)
        return CliRunner().invoke(main, args, catch_exceptions=False)


@pytest.mark.parametrize("line", EXPECTED, ids=[line.split(": ", 1)[0] for line in EXPECTED])
def test_each_slip_is_reported_at_its_line(line):
    assert line in _problems(SLIPS)


def test_nothing_else_is_reported():
    assert _problems(SLIPS) == EXPECTED


# ---- item 6: a year-less date far before the article --------------------------------------------

APRIL_13 = dt.date(2019, 4, 13)


@pytest.mark.parametrize("text, base, read, warned", [
    ("14 April", APRIL_13, "14 Apr 2018", True),            # 364 days back
    ("12 April", APRIL_13, "12 Apr 2019", False),           # the day before
    ("12-15 April", APRIL_13, "12-15 Apr 2018", True),
    ("May", APRIL_13, "May 2018", True),                     # ends 31 May 2018: 317 days back
    ("October", APRIL_13, "October 2018", False),            # ends 31 Oct 2018: 164 days back
    ("week of 14 April", APRIL_13, "week of 14 Apr 2018", True),
    ("12 October", APRIL_13, "12 Oct 2018", False),          # 183 days: not more than half a year
    ("11 October", APRIL_13, "11 Oct 2018", True),           # 184 days
    ("14 April 2018", APRIL_13, "14 Apr 2018", False),       # the year is written: no guess
])
def test_year_guess_far_back_warns_and_names_the_year(text, base, read, warned):
    resolved = resolve_checked(text, base=base)
    assert format_date(resolved.value) == read
    if warned:
        year = resolved.value.start.year
        said = text.removeprefix("week of ")  # the inner date is the one without a year
        assert resolved.warning.startswith(f"'{said}' has no year, so it was read as ")
        assert f"write the year: '{said} {year}' or '{said} {year + 1}'" in resolved.warning
    else:
        assert resolved.warning is None


# ---- item 7: a number as a figure key (flow style "value: 8,000") --------------------------------

def test_flow_thousands_is_an_error_and_check_exits_1(tmp_path):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "articles" / "a.md").write_text((SLIPS / "content/articles/flow-thousands.md").read_text("utf-8"),
                                               "utf-8")
    briefing, problems = load(content, root=tmp_path)
    assert [str(p) for p in problems.sorted()] == [
        "content/articles/a.md:7: error: 'value: 8,000' was read as value: 8 and a key '000': in a {...} "
        "mapping a comma ends the value; write value: 8000 (no thousands separator)"]
    assert all(f.value != 8 for a in briefing.articles.values() for f in a.figures)  # never a silent 8
    result = run(["check", "content"], tmp_path)
    assert result.exit_code == 1


def test_several_separators_and_a_lone_number_key(tmp_path):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "articles" / "a.md").write_text(
        "---\ntitle: T\ndate: 2019-04-12\nsource: WHO\nfigures:\n"
        "  - {kind: killed, value: 1,200,500, source: WHO}\n"
        "  - {kind: killed, 12: x, value: 3, source: WHO}\n---\n", "utf-8")
    _, problems = load(content, root=tmp_path)
    assert [str(p) for p in problems.sorted()] == [
        "content/articles/a.md:6: error: 'value: 1,200,500' was read as value: 1 and a key '200': in a {...} "
        "mapping a comma ends the value; write value: 1200500 (no thousands separator)",
        "content/articles/a.md:7: error: a figure key cannot be a number ('12'); in a {...} mapping a thousands "
        "separator splits a number into keys: write 8000, not 8,000",
    ]


# ---- item 11: quarters and halves are ranges of months -------------------------------------------

@pytest.mark.parametrize("text, start, end, shown", [
    ("Q1 2019", "2019-01-01", "2019-03-31", "January-March 2019"),
    ("2019-Q1", "2019-01-01", "2019-03-31", "January-March 2019"),
    ("1Q 2019", "2019-01-01", "2019-03-31", "January-March 2019"),
    ("first quarter of 2019", "2019-01-01", "2019-03-31", "January-March 2019"),
    ("the fourth quarter of 2018", "2018-10-01", "2018-12-31", "October-December 2018"),
    ("Q2", "2019-04-01", "2019-06-30", "April-June 2019"),     # the latest begun by 13 April 2019
    ("H1 2019", "2019-01-01", "2019-06-30", "January-June 2019"),
    ("second half of 2019", "2019-07-01", "2019-12-31", "July-December 2019"),
])
def test_quarters_and_halves_are_ranges(text, start, end, shown):
    value = resolve_checked(text, base=APRIL_13).value
    assert (value.start.isoformat(), value.end.isoformat(), value.precision) == (start, end, "month")
    assert format_date(value) == shown


def test_quarters_need_no_article_date_when_the_year_is_written():
    assert resolve_checked("Q3 2019").value.end == dt.date(2019, 9, 30)


@pytest.mark.parametrize("text, hint", [
    ("since 4 April", "write the start date ('4 April') as the date"),
    ("Until 20 April", "write the end date ('20 April')"),
    ("spring 2019", "a season is not a date: write a month (2019-04) or a range of months"),
    ("early 2019", "write a month (2019-04), a quarter (Q1 2019) or a range with 'end:'"),
])
def test_cannot_read_suggests_the_article_date_and_a_form(text, hint):
    with pytest.raises(DateError) as caught:
        resolve_checked(text, base=dt.date(2019, 4, 20))
    assert str(caught.value).startswith(f"cannot read '{text}' as a date (write it as 2019-04-20 or 20 April 2019)")
    assert hint in str(caught.value)


# ---- items 8, 9: notes citing the future, one story filed twice (linear, for 10,000 articles) ----

def test_cross_file_checks_stay_linear(tmp_path):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "notes").mkdir()
    n = 1500
    for i in range(n):
        day = dt.date(2019, 1, 1) + dt.timedelta(days=i % 300)
        (content / "articles" / f"a{i}.md").write_text(
            f"---\ntitle: T{i}\ndate: {day}\nsource: {{name: S, url: 'https://example.org/{i}'}}\n---\n", "utf-8")
    (content / "notes" / "n.md").write_text(
        "---\ntitle: N\ndate: 2020-01-01\nauthor: D\narticles: [" + ", ".join(f"a{i}" for i in range(n)) + "]\n---\n",
        "utf-8")
    started = time.perf_counter()
    _, problems = load(content, root=tmp_path)
    assert not problems.items
    assert time.perf_counter() - started < 30


# ---- item 10: briefing check --stats ----------------------------------------------------------------

def test_stats_lists_kinds_sources_orphans_and_uncharted_figures():
    result = run(["check", "--stats"], STATS)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (STATS / "expected-stats.txt").read_text("utf-8")


def test_check_without_stats_prints_no_summary():
    result = run(["check"], STATS)
    assert result.stdout == ""
