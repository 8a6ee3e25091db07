"""What to write instead of a date expression Briefing cannot read: an example in the article's own
date, and for a form that names a starting point, an end or a span, the forms that work for it."""

from __future__ import annotations

import datetime as dt
import re

from generator.model.words import MONTHS


def cannot_read(text: str, base: dt.date | None) -> str:
    """Why ``text`` is not a date: an example in the article's own date (``base``), and for a form
    that names a span or a starting point, the forms that work for it."""
    day = base or dt.date(2019, 4, 12)
    example = f"{day.day} {MONTHS[day.month - 1].capitalize()} {day.year}"
    message = f"cannot read '{text}' as a date (write it as {day.isoformat()} or {example})"
    low = text.lower()
    if m := _SINCE.match(low):
        return (f"{message}; '{m['word']}' gives no date by itself: write the start date "
                f"('{as_written(text, low, m, 'rest')}') as the date, and '{m['word']} ...' in the figure's "
                f"scope or the event's summary")
    if m := _UNTIL.match(low):
        return (f"{message}; for '{text}' write the end date ('{as_written(text, low, m, 'rest')}'), "
                f"or a range with 'end:'")
    if _SEASON.search(low):
        return (f"{message}; a season is not a date: write a month ({day.year}-{day.month:02d}) or a range "
                f"of months (date: {day.year}-03 with end: {day.year}-05)")
    if _VAGUE_PART.search(low):
        return (f"{message}; write a month ({day.year}-{day.month:02d}), a quarter (Q1 {day.year}) or a "
                f"range with 'end:'")
    return message


def as_written(text: str, low: str, m: re.Match, group: str) -> str:
    """A group of a match on ``low`` in the editor's own letters (when lowering kept the offsets)."""
    return text[m.start(group):m.end(group)] if len(low) == len(text) and text.lower() == low else m[group]


_SINCE = re.compile(r"^(?P<word>since|as of|starting|beginning|from)\s+(?P<rest>.+)$")
_UNTIL = re.compile(r"^(?P<word>until|till|by|up to|through)\s+(?P<rest>.+)$")
_SEASON = re.compile(r"\b(?:spring|summer|autumn|fall|winter)\b")
_VAGUE_PART = re.compile(r"\b(?:early|mid|late|beginning|end)\b")
