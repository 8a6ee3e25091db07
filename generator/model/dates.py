"""Turning what editors write in date fields into :class:`DateValue` (README: Add an article, dates).

Order of attempts, cheapest first:

1. YAML dates and ISO text (``2019-04-12``, ``2019-04``, ``2019``, ISO datetimes): read directly.
2. Common English forms (when ``en`` is a site language): "12 April 2019", "April 12, 2019",
   "4 April", "mid-April", "week of 8 April 2019", "8-12 April 2019", "12/04/2019", and, for
   event dates, expressions relative to the article: "on Friday", "yesterday", "last week",
   "two days ago", "after a week of fighting".
3. dateparser, imported only when needed, in the site's languages and date order.

Results are cached per (text, base date, settings). dateparser is never allowed to fill a
missing part from "now": a reading without a year needs a base date (the article's), and a
reading that changes with the base is refused where no base is allowed.

Dates must lie between :data:`FIRST_DAY` and :data:`LAST_DAY`: the build computes days around
every date (the end of a week, a chart's margin), which must stay inside Python's calendar.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from generator.model.datewords import NOT_DATES, english, format_date, with_dateparser
from generator.model.types import DateError, DateSettings, DateValue, RelativeDateError, Resolved

__all__ = ["DateError", "DateSettings", "RelativeDateError", "Resolved", "format_date", "resolve",
           "resolve_checked", "FIRST_DAY", "LAST_DAY"]

# A year's margin at both ends of Python's calendar (years 1 to 9999).
FIRST_DAY = dt.date(2, 1, 1)
LAST_DAY = dt.date(9998, 12, 31)


def resolve(value: object, settings: DateSettings = DateSettings(), *, base: dt.date | None = None) -> DateValue:
    """Resolve a front-matter date value; see :func:`resolve_checked`."""
    return resolve_checked(value, settings, base=base).value


def resolve_checked(value: object, settings: DateSettings = DateSettings(), *,
                    base: dt.date | None = None) -> Resolved:
    """Resolve a date value, with a warning when the reading is ambiguous.

    ``base`` is the article's publication date; when given, expressions relative to
    it ("on Friday", "yesterday", "4 April") are allowed (event dates only).
    Raises :class:`DateError` for text that cannot be resolved.
    """
    try:
        resolved = _resolve_value(value, settings, base)
    except DateError:
        raise
    except (OverflowError, ValueError):  # "last week" of 0001-01-03, "two years ago" of year 1
        raise DateError(f"'{_shown(value)}' cannot be resolved: it falls outside the years "
                        f"{FIRST_DAY.year} to {LAST_DAY.year}") from None
    got = resolved.value
    if got.start < FIRST_DAY or (got.end or got.start) > LAST_DAY:
        text = _shown(value)
        day = got.start if got.start < FIRST_DAY else got.end or got.start
        reading = f" ({day.isoformat()})" if text != day.isoformat() else ""
        raise DateError(f"'{text}'{reading} is outside the years {FIRST_DAY.year} to {LAST_DAY.year} "
                        f"that Briefing can show; check the year")
    return resolved


def _shown(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return " ".join(str(value).split())


def _resolve_value(value: object, settings: DateSettings, base: dt.date | None) -> Resolved:
    if isinstance(value, dt.datetime):
        warning = None
        if value.tzinfo is None:
            warning = (f"'{value.isoformat(sep=' ')}' has no time zone; it is read in {settings.timezone}. "
                       f"Add one (e.g. {value.isoformat()}+02:00) or write only the day")
        return Resolved(DateValue(_to_local(value, settings).date(), "day", text=value.isoformat()), warning)
    if isinstance(value, dt.date):
        return Resolved(DateValue(value, "day", text=value.isoformat()))
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise DateError(f"expected a date, got {type(value).__name__} {value!r}")
    text = " ".join(str(value).split())
    if not text:
        raise DateError("empty date")
    return _resolve_text(text, settings, base)


@functools.lru_cache(maxsize=100_000)
def _resolve_text(text: str, settings: DateSettings, base: dt.date | None) -> Resolved:
    iso = _iso(text, settings)
    if iso is not None:
        warning = None
        if _ISO_TIME.match(text) and not re.search(r"(Z|[+-]\d{2}:?\d{2})$", text):
            warning = (f"'{text}' has no time zone; it is read in {settings.timezone}. "
                       f"Add one (e.g. {text}+02:00) or write only the day")
        return Resolved(iso, warning)
    low = text.lower().strip(" .,;")
    if low.isdigit():
        raise DateError(f"'{text}' is a number, not a date (write a year as 2019, a day as 2019-04-12)")
    if low in NOT_DATES:
        raise DateError(f"'{text}' does not say when; write the day, e.g. 2019-04-12 or 'on Friday'")
    if "en" in settings.languages:
        found = english(low, text, settings, base)
        if found is not None:
            return found
    return with_dateparser(text, settings, base)


# ---- ISO ------------------------------------------------------------------------------------

_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_ISO_YEAR = re.compile(r"^([12]\d{3})$")  # 1000-2999: "8000" is a number, not a year
_ISO_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


def _iso(text: str, settings: DateSettings) -> DateValue | None:
    try:
        if m := _ISO_DAY.match(text):
            return DateValue(dt.date(int(m[1]), int(m[2]), int(m[3])), "day", text=text)
        if m := _ISO_MONTH.match(text):
            return DateValue(dt.date(int(m[1]), int(m[2]), 1), "month", text=text)
        if m := _ISO_YEAR.match(text):
            return DateValue(dt.date(int(m[1]), 1, 1), "year", text=text)
    except ValueError as exc:
        raise DateError(f"'{text}' is not a valid date: {exc}") from None
    if _ISO_TIME.match(text):
        try:
            moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError as exc:
            raise DateError(f"'{text}' is not a valid date and time: {exc}") from None
        return DateValue(_to_local(moment, settings).date(), "day", text=text)
    return None


def _to_local(moment: dt.datetime, settings: DateSettings) -> dt.datetime:
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(settings.zone())
