"""Date expressions in English sentences, candidate events, and a publication date stated in the text.

Only these shapes are dates (so "now", "may" and a bare "8000" never are):
full dates ("12 April 2019", "April 12, 2019", "2019-04-12"); day and month
("on April 4", "4 April"); weekdays ("on Friday", "last Friday", "Monday night");
"yesterday", "today", "last week", "two days ago"; month precision ("April 2019",
"in April", "early April", "last month", "this month"); week precision
("this week", "the week of 8 April").

Each expression is resolved with :mod:`generator.model.dates` against the publication
date, and the original words are what is written to front matter (the loader
resolves them the same way and keeps them for display). Only when the dates
module cannot read an expression is the date computed here and written as ISO,
with ``precision:`` when it is not a day.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from generator.model.dates import DateError, DateSettings, resolve
from generator.ingest.numbers import MONTH_RE
from generator.model.types import DateValue
from generator.model.words import month_number

_MONTH = MONTH_RE
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
_PART = r"(?:morning|afternoon|evening|night)"

_DAY_NUM = r"\d{1,2}(?:st|nd|rd|th)?"
_SHAPES: list[tuple[str, re.Pattern]] = [
    ("range", re.compile(rf"\b(?:(?i:between|from|on)\s+)?(?:{_DAY_NUM}(?:\s*[-–]\s*|\s+(?i:to|until|and)\s+){_DAY_NUM}\s+"
                         rf"{_MONTH}|{_MONTH}\s+{_DAY_NUM}(?:\s*[-–]\s*|\s+(?i:to|until|and)\s+){_DAY_NUM}\b)(?:,?\s+\d{{4}}\b)?")),
    ("full", re.compile(rf"\b(?:(?i:on)\s+)?(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH}),?\s+(\d{{4}})\b")),
    ("full-mdy", re.compile(rf"\b(?:(?i:on)\s+)?({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")),
    ("iso", re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")),
    ("week-of", re.compile(rf"\b(?i:the\s+)?(?i:week\s+of)\s+(\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?|{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?)")),
    ("part-month", re.compile(rf"\b((?i:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of))[\s-]+({_MONTH})(?:\s+(\d{{4}}))?")),
    ("day-month", re.compile(rf"\b(?:(?i:on)\s+)?(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})")),
    ("month-day", re.compile(rf"\b(?:(?i:on)\s+)?({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!\d)")),
    ("month-year", re.compile(rf"\b(?:(?i:in)\s+)?({_MONTH})\s+(\d{{4}})\b")),
    ("in-month", re.compile(rf"\b(?i:in)\s+({_MONTH})(?!\s*\d)")),
    ("weekday", re.compile(rf"\b(?:((?i:on|last|early\s+on|late\s+on|early|late))\s+)?({_WEEKDAY})(?:\s+({_PART}))?")),
    ("yesterday", re.compile(r"\b(?i:yesterday|today)\b")),
    ("last-night", re.compile(r"\b(?i:last\s+night)\b")),
    ("last-week", re.compile(r"\b(?i:last\s+week)\b")),
    ("this-week", re.compile(r"\b(?i:(?:earlier\s+|later\s+)?this\s+week)\b")),
    ("last-month", re.compile(r"\b(?i:last\s+month)\b")),
    ("this-month", re.compile(r"\b(?i:(?:earlier\s+)?this\s+month)\b")),
    ("ago", re.compile(r"\b(\d{1,2}|(?i:a|one|two|three|four|five|six|seven))\s+((?i:day|week))s?\s+(?i:ago)\b")),
]
_BY_SHAPE = dict(_SHAPES)
# a date after these words is the start or end of a range, not when something happened
_NOT_EVENT_BEFORE = re.compile(r"(?i:\b(?:since|until|till|before|after|from|by|between|through|as of|as at|"
                               r"ahead of|planned for|scheduled for|due on|due for|set for|next))\s*$")


@dataclass
class DateExpression:
    start: int
    end: int
    text: str  # the words as written
    shape: str
    groups: tuple


@dataclass
class WrittenDate:
    """A date expression of a seed document, resolved, and how ingest writes it into front matter."""

    value: DateValue  # what the loader will read
    written: object  # what goes into front matter: a relative text, or a date / "YYYY-MM"
    precision: str | None  # written as precision: when the written value does not imply it
    note: str  # for the evidence comment


def expressions(sentence: str) -> list[DateExpression]:
    found: list[DateExpression] = []
    for shape, pattern in _SHAPES:
        for m in pattern.finditer(sentence):
            found.append(DateExpression(m.start(), m.end(), m.group(), shape, m.groups()))
    found.sort(key=lambda e: (e.start, -(e.end - e.start)))
    out: list[DateExpression] = []
    last = -1
    for e in found:
        if e.start >= last:
            out.append(e)
            last = e.end
    return out


def is_range_bound(sentence: str, expr: DateExpression) -> bool:
    # the words right before it: a window, not the whole sentence (linear in a sentence of many dates)
    return bool(_NOT_EVENT_BEFORE.search(sentence, max(0, expr.start - 40), expr.start))


def _month_before(base: dt.date, month: int, year: str | None) -> dt.date:
    if year:
        return dt.date(int(year), month, 1)
    y = base.year if month <= base.month else base.year - 1
    return dt.date(y, month, 1)


def _week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def resolve_expression(expr: DateExpression, base: dt.date, settings: DateSettings) -> WrittenDate | None:
    """Resolve against the publication date with :mod:`generator.model.dates`; None when the words are not a date.

    The words are tried as written, then in a form the dates module reads ("late on Tuesday" ->
    "late Tuesday" -> "on Tuesday"); only if it reads none of them is the date computed here and
    written as ISO.
    """
    text = " ".join(expr.text.split()).replace("–", "-")
    variants = [text]
    if expr.shape == "weekday":
        prefix, day = (expr.groups[0] or "").lower(), expr.groups[1]
        prefix = " ".join(prefix.replace(" on", "").split())
        variants += [f"{prefix} {day}".strip(), f"on {day}"]
    for words in dict.fromkeys(variants):
        r = _via_dates(words, base, settings)
        if r is not None:
            if words != text:
                r.note = f'{r.note}; written as "{words}"'
            return r
    try:
        return _fallback(expr, base)
    except (DateError, ValueError):
        return None


def _fallback(expr: DateExpression, base: dt.date) -> WrittenDate | None:
    """The two shapes the dates module does not read, computed here and written as ISO: "the middle
    of April" (month) and "later this week" (week). Every other shape the dates module reads
    (tests/test_ingest.py checks both halves)."""
    shape, g = expr.shape, expr.groups
    text = " ".join(expr.text.split())
    if shape == "this-week":
        return _own(DateValue(_week_start(base), "week", text=text))
    if shape == "part-month":
        return _own(DateValue(_month_before(base, month_number(g[1]), g[2]), "month", text=text))
    return None


def _via_dates(words: str, base: dt.date, settings: DateSettings) -> WrittenDate | None:
    try:
        value = resolve(words, settings, base=base)
    except DateError:
        return None
    return WrittenDate(value, words, None, f"{_show(value)} ({value.precision})")


def _own(value: DateValue) -> WrittenDate:
    """A date the dates module does not read (yet): written as ISO, with its precision."""
    if value.precision == "month":
        written: object = f"{value.start.year:04d}-{value.start.month:02d}"
        precision = None
    else:
        written = value.start
        precision = value.precision if value.precision != "day" else None
    return WrittenDate(value, written, precision, f"{_show(value)} ({value.precision}); written as ISO")


def _show(value: DateValue) -> str:
    if value.end and value.end != value.start:
        return f"{value.start.isoformat()} to {value.end.isoformat()}"
    if value.precision == "month":
        return value.start.strftime("%Y-%m")
    if value.precision == "week":
        return f"week of {value.start.isoformat()}"
    return value.start.isoformat()


@dataclass
class EventGuess:
    date: WrittenDate
    expression: str
    title: str
    summary: str
    sentence_start: int


def title_of(sentence: str, width: int = 90) -> str:
    text = " ".join(sentence.split()).rstrip(".")
    if len(text) <= width:
        return text
    cut = text[:width].rsplit(" ", 1)[0].rstrip(",;:-–")
    return cut + "…"


def publication_date(text: str) -> tuple[dt.date, str] | None:
    """The first full date (day, month and year) stated in the text."""
    best = None
    for shape in ("full", "full-mdy", "iso"):
        pattern = _BY_SHAPE[shape]
        for m in pattern.finditer(text):
            try:
                if shape == "full":
                    day = dt.date(int(m[3]), month_number(m[2]), int(m[1]))
                elif shape == "full-mdy":
                    day = dt.date(int(m[3]), month_number(m[1]), int(m[2]))
                else:
                    day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                continue
            if best is None or m.start() < best[0]:
                best = (m.start(), day, " ".join(m.group().split()))
            break
    return (best[1], best[2]) if best else None
