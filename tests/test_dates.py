"""Date resolution (spec section 3): a table of expressions, base dates and expected readings."""

from __future__ import annotations

import datetime as dt
import sys

import pytest

from generator.model.dates import DateError, DateSettings, _resolve_text, format_date, resolve, resolve_checked
from generator.model.types import DateValue

D = dt.date
FRI = D(2019, 4, 12)  # the seed's publication date, a Friday
EN = DateSettings()

# (text, base, start, end, precision)
TABLE = [
    # ISO and partial ISO
    ("2019-04-12", None, D(2019, 4, 12), None, "day"),
    ("2019-04", None, D(2019, 4, 1), None, "month"),
    ("2019", None, D(2019, 1, 1), None, "year"),
    ("2019-04-12T14:30:00+02:00", None, D(2019, 4, 12), None, "day"),
    ("2019-04-12T23:30:00-05:00", None, D(2019, 4, 13), None, "day"),  # converted to UTC first
    # natural language, absolute
    ("12 April 2019", None, D(2019, 4, 12), None, "day"),
    ("April 12, 2019", None, D(2019, 4, 12), None, "day"),
    ("12th April 2019", None, D(2019, 4, 12), None, "day"),
    ("12 Apr 2019", None, D(2019, 4, 12), None, "day"),
    ("Sept 3, 2019", None, D(2019, 9, 3), None, "day"),
    ("12/04/2019", None, D(2019, 4, 12), None, "day"),
    ("25/04/2019", None, D(2019, 4, 25), None, "day"),
    ("April 2019", None, D(2019, 4, 1), None, "month"),
    ("in May 2019", None, D(2019, 5, 1), None, "month"),
    ("early April 2019", None, D(2019, 4, 1), None, "month"),
    ("week of 8 April 2019", None, D(2019, 4, 8), None, "week"),
    ("8-12 April 2019", None, D(2019, 4, 8), D(2019, 4, 12), "day"),
    ("April 8-12, 2019", None, D(2019, 4, 8), D(2019, 4, 12), "day"),
    ("30 March - 2 April 2019", None, D(2019, 3, 30), D(2019, 4, 2), "day"),
    # relative to the article (event dates)
    ("on Friday", FRI, D(2019, 4, 12), None, "day"),
    ("Friday", FRI, D(2019, 4, 12), None, "day"),
    ("on Thursday", FRI, D(2019, 4, 11), None, "day"),
    ("late Thursday", FRI, D(2019, 4, 11), None, "day"),
    ("Thursday evening", FRI, D(2019, 4, 11), None, "day"),
    ("on Monday night", FRI, D(2019, 4, 8), None, "day"),
    ("late on Tuesday", FRI, D(2019, 4, 9), None, "day"),
    ("early on Sunday", FRI, D(2019, 4, 7), None, "day"),
    ("Saturday", FRI, D(2019, 4, 6), None, "day"),
    ("last Sunday", FRI, D(2019, 4, 7), None, "day"),
    ("yesterday", FRI, D(2019, 4, 11), None, "day"),
    ("today", FRI, D(2019, 4, 12), None, "day"),
    ("the day before yesterday", FRI, D(2019, 4, 10), None, "day"),
    ("two days ago", FRI, D(2019, 4, 10), None, "day"),
    ("3 days ago", FRI, D(2019, 4, 9), None, "day"),
    ("a week ago", FRI, D(2019, 4, 1), None, "week"),
    ("last week", FRI, D(2019, 4, 1), None, "week"),
    ("Last week", FRI, D(2019, 4, 1), None, "week"),
    ("this week", FRI, D(2019, 4, 8), None, "week"),
    ("after a week of fighting", FRI, D(2019, 4, 5), D(2019, 4, 12), "day"),
    ("after three days of clashes", FRI, D(2019, 4, 9), D(2019, 4, 12), "day"),
    ("over the weekend", D(2019, 4, 8), D(2019, 4, 6), D(2019, 4, 7), "day"),
    ("4 April", FRI, D(2019, 4, 4), None, "day"),
    ("on April 4", FRI, D(2019, 4, 4), None, "day"),
    ("April 4", FRI, D(2019, 4, 4), None, "day"),
    ("13 April", FRI, D(2018, 4, 13), None, "day"),  # after the article: the year before
    ("week of 8 April", FRI, D(2019, 4, 8), None, "week"),
    ("the week of 8 April", FRI, D(2019, 4, 8), None, "week"),
    ("April", FRI, D(2019, 4, 1), None, "month"),
    ("early April", FRI, D(2019, 4, 1), None, "month"),
    ("mid-April", FRI, D(2019, 4, 1), None, "month"),
    ("late March", FRI, D(2019, 3, 1), None, "month"),
    ("last month", FRI, D(2019, 3, 1), None, "month"),
    ("two months ago", FRI, D(2019, 2, 1), None, "month"),
    ("last year", FRI, D(2018, 1, 1), None, "year"),
    ("8 to 12 April", FRI, D(2019, 4, 8), D(2019, 4, 12), "day"),
    ("between 8 and 10 April", FRI, D(2019, 4, 8), D(2019, 4, 10), "day"),
    # month and year boundaries
    ("last week", D(2019, 1, 2), D(2018, 12, 24), None, "week"),
    ("on Friday", D(2019, 1, 2), D(2018, 12, 28), None, "day"),
    ("December 30", D(2019, 1, 2), D(2018, 12, 30), None, "day"),
    ("last month", D(2019, 1, 2), D(2018, 12, 1), None, "month"),
    ("yesterday", D(2019, 5, 1), D(2019, 4, 30), None, "day"),
    ("two days ago", D(2019, 3, 1), D(2019, 2, 27), None, "day"),
    # leap days
    ("yesterday", D(2020, 3, 1), D(2020, 2, 29), None, "day"),
    ("29 February", D(2020, 3, 1), D(2020, 2, 29), None, "day"),
    ("29 February 2020", None, D(2020, 2, 29), None, "day"),
    ("on Saturday", D(2020, 3, 1), D(2020, 2, 29), None, "day"),
]


@pytest.mark.parametrize("text,base,start,end,precision", TABLE,
                         ids=[f"{t}@{b}" for t, b, *_ in TABLE])
def test_expression(text, base, start, end, precision):
    value = resolve(text, EN, base=base)
    assert (value.start, value.end, value.precision) == (start, end, precision)
    assert value.text == text  # the editor's words are kept


def test_table_is_big_enough():
    assert len(TABLE) >= 60


@pytest.mark.parametrize("text,base,message", [
    ("gibberish", FRI, "cannot read 'gibberish' as a date"),
    ("31 April 2019", None, "April has no day 31"),
    ("29 February 2019", None, "February has no day 29"),
    ("yesterday", None, "relative to a date"),
    ("on Friday", None, "relative to a date"),
    ("4 April", None, "has no year"),
    ("2019-13-01", None, "is not a valid date"),
    ("", None, "empty date"),
    ("now", FRI, "does not say when"),
    ("8000", FRI, "is a number, not a date"),
])
def test_unreadable_text_is_an_error_never_now(text, base, message):
    with pytest.raises(DateError, match=message):
        resolve(text, EN, base=base)


def test_yaml_dates_and_zones():
    assert resolve(D(2019, 4, 12)) == DateValue(D(2019, 4, 12), "day", text="2019-04-12")
    tz = DateSettings(timezone="Africa/Tripoli")
    late = dt.datetime(2019, 4, 12, 23, 30, tzinfo=dt.timezone.utc)
    assert resolve(late, tz).start == D(2019, 4, 13)  # Tripoli is UTC+2
    assert resolve(late, EN).start == D(2019, 4, 12)


def test_base_date_in_a_non_utc_zone():
    """An article published late on Friday in New York is Saturday in Tripoli; 'on Friday' is the day before."""
    tz = DateSettings(timezone="Africa/Tripoli")
    article = resolve("2019-04-12T20:30:00-05:00", tz)
    assert article.start == D(2019, 4, 13)
    assert resolve("on Friday", tz, base=article.start).start == D(2019, 4, 12)
    assert resolve("yesterday", tz, base=article.start).start == D(2019, 4, 12)


def test_naive_datetime_warns():
    r = resolve_checked(dt.datetime(2019, 4, 12, 14, 30), EN)
    assert r.value.start == D(2019, 4, 12)
    assert "has no time zone" in r.warning
    r = resolve_checked("2019-04-12 14:30", EN)  # YAML reads this one as text
    assert r.value.start == D(2019, 4, 12)
    assert "has no time zone" in r.warning
    assert resolve_checked("2019-04-12T14:30:00+02:00", EN).warning is None


def test_ambiguous_numeric_date_warns_unless_order_is_explicit():
    r = resolve_checked("03/04/2019", EN)
    assert r.value.start == D(2019, 4, 3)
    assert "ambiguous" in r.warning
    explicit = DateSettings(date_order="MDY", date_order_explicit=True)
    r = resolve_checked("03/04/2019", explicit)
    assert (r.value.start, r.warning) == (D(2019, 3, 4), None)
    assert resolve_checked("25/04/2019", EN).warning is None  # only one reading


def test_other_languages_go_through_dateparser():
    fr = DateSettings(languages=("fr",))
    assert resolve("12 avril 2019", fr).start == D(2019, 4, 12)
    assert resolve("hier", fr, base=FRI).start == D(2019, 4, 11)
    with pytest.raises(DateError):
        resolve("hier", fr)


def test_iso_and_english_never_import_dateparser(monkeypatch):
    monkeypatch.setitem(sys.modules, "dateparser", None)  # importing it would fail
    _resolve_text.cache_clear()
    for text, base, *_ in TABLE:
        resolve(text, EN, base=base)


@pytest.mark.parametrize("value,shown", [
    (DateValue(D(2019, 4, 12), "day"), "12 Apr 2019"),
    (DateValue(D(2019, 4, 8), "week"), "week of 8 Apr 2019"),
    (DateValue(D(2019, 4, 1), "month"), "April 2019"),
    (DateValue(D(2019, 1, 1), "year"), "2019"),
    (DateValue(D(2019, 4, 8), "day", end=D(2019, 4, 12)), "8-12 Apr 2019"),
    (DateValue(D(2019, 3, 30), "day", end=D(2019, 4, 2)), "30 Mar - 2 Apr 2019"),
    (DateValue(D(2018, 12, 30), "day", end=D(2019, 1, 2)), "30 Dec 2018 - 2 Jan 2019"),
])
def test_format_for_people(value, shown):
    assert format_date(value) == shown
