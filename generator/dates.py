"""Turning what editors write in date fields into :class:`DateValue` (spec section 3).

ISO text and YAML dates are read directly. Everything else goes to dateparser,
imported only when first needed, with results cached per (text, base, settings).
dateparser is never allowed to fill a missing part from "now": a day-precision
reading must state day, month and year, or be relative to a base date.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from generator.model.types import DateValue

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_ISO_YEAR = re.compile(r"^(\d{4})$")
_WEEKDAY = re.compile(r"^(?:on\s+)?(?:last\s+)?(" + "|".join(WEEKDAYS) + r")$", re.I)
_AGO = re.compile(r"^(\d+|one|two|three|four|five|six|seven)\s+(day|week)s?\s+ago$", re.I)
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


class DateError(ValueError):
    """A date text that cannot be resolved; the message says why."""


@dataclass(frozen=True)
class DateSettings:
    timezone: str = "UTC"
    languages: tuple[str, ...] = ("en",)
    date_order: str = "DMY"

    def zone(self) -> dt.tzinfo:
        try:
            return ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise DateError(f"unknown timezone '{self.timezone}'") from exc


def resolve(
    value: object,
    settings: DateSettings = DateSettings(),
    *,
    base: dt.date | None = None,
) -> DateValue:
    """Resolve a front-matter date value.

    ``base`` is the article's publication date; when given, expressions relative
    to it ("on Friday", "yesterday", "4 April") are allowed (event dates only).
    """
    if isinstance(value, dt.datetime):
        return DateValue(_to_local(value, settings).date(), "day", text=value.isoformat())
    if isinstance(value, dt.date):
        return DateValue(value, "day", text=value.isoformat())
    if not isinstance(value, str):
        raise DateError(f"expected a date, got {type(value).__name__} {value!r}")
    text = " ".join(value.split())
    if not text:
        raise DateError("empty date")
    return _resolve_text(text, settings, base)


@functools.lru_cache(maxsize=65536)
def _resolve_text(text: str, settings: DateSettings, base: dt.date | None) -> DateValue:
    iso = _iso(text, settings)
    if iso is not None:
        return iso
    if base is not None:
        rel = _relative(text, base)
        if rel is not None:
            return rel
    return _natural(text, settings, base)


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
    if re.match(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}", text):
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


def _relative(text: str, base: dt.date) -> DateValue | None:
    low = text.lower()
    if low in ("today", "on the same day"):
        return DateValue(base, "day", text=text)
    if low == "yesterday":
        return DateValue(base - dt.timedelta(days=1), "day", text=text)
    if m := _WEEKDAY.match(low):
        wanted = WEEKDAYS.index(m[1].lower())
        back = (base.weekday() - wanted) % 7
        return DateValue(base - dt.timedelta(days=back), "day", text=text)
    if m := _AGO.match(low):
        n = _NUMBERS.get(m[1].lower()) or int(m[1])
        if m[2].lower() == "day":
            return DateValue(base - dt.timedelta(days=n), "day", text=text)
        start = base - dt.timedelta(days=base.weekday() + 7 * n)
        return DateValue(start, "week", text=text)
    if low == "last week":
        start = base - dt.timedelta(days=base.weekday() + 7)
        return DateValue(start, "week", text=text)
    return None


def _natural(text: str, settings: DateSettings, base: dt.date | None) -> DateValue:
    parsed = _dateparse(text, settings, base, ("day", "month", "year"))
    if parsed is not None:
        return DateValue(parsed, "day", text=text)
    if base is not None:
        # "4 April": the article's year, or the year before if that would be after the article.
        parsed = _dateparse(text, settings, base, ("day", "month"))
        if parsed is not None:
            day = parsed.replace(year=base.year)
            if day > base:
                day = day.replace(year=base.year - 1)
            return DateValue(day, "day", text=text)
    parsed = _dateparse(text, settings, base, ("month", "year"))
    if parsed is not None:
        return DateValue(parsed.replace(day=1), "month", text=text)
    raise DateError(f"cannot read '{text}' as a date (write it as 2019-04-12 or 12 April 2019)")


def _dateparse(text: str, settings: DateSettings, base: dt.date | None, parts: tuple[str, ...]):
    import dateparser  # only when a date is not ISO

    options = {
        "DATE_ORDER": settings.date_order,
        "REQUIRE_PARTS": list(parts),
        "PREFER_DAY_OF_MONTH": "first",
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "STRICT_PARSING": False,
    }
    if base is not None:
        options["RELATIVE_BASE"] = dt.datetime.combine(base, dt.time(12))
    else:
        # A fixed base: never let "now" leak into a reading.
        options["RELATIVE_BASE"] = dt.datetime(1900, 1, 1)
    result = dateparser.parse(text, languages=list(settings.languages), settings=options)
    if result is None:
        return None
    if base is None and result.year == 1900:
        return None
    return result.date()


def format_date(value: DateValue) -> str:
    """A date for people: "12 Apr 2019", "week of 8 Apr 2019", "April 2019", "2019"."""
    start = value.start
    if value.precision == "year":
        return str(start.year)
    if value.precision == "month":
        return start.strftime("%B %Y")
    day = f"{start.day} {start.strftime('%b %Y')}"
    if value.precision == "week":
        return f"week of {day}"
    if value.end and value.end != start:
        end = value.end
        if (end.year, end.month) == (start.year, start.month):
            return f"{start.day}-{end.day} {end.strftime('%b %Y')}"
        return f"{day} - {end.day} {end.strftime('%b %Y')}"
    return day
