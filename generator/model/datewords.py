"""Dates written in words: common English forms (absolute, ranges, and for event dates relative
to the article's date), and dateparser for other languages and forms (imported only when needed).
:mod:`generator.model.dates` tries ISO first, then these. And :func:`format_date`, a date for people."""

from __future__ import annotations

import datetime as dt
import re

from generator.model.datehints import as_written, cannot_read
from generator.model.types import DateError, DateSettings, DateValue, RelativeDateError, Resolved
from generator.model.words import MONTHS, NUMBER_WORDS, month_number

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NUMBER_WORDS = {"a": 1, "an": 1, **NUMBER_WORDS}

_MON = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_MON2 = _MON.replace("?P<mon>", "?P<mon2>")
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_DAY2 = r"(?P<day2>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_DASH = r"\s*(?:-|to|until|till|and)\s*"
_NUM = r"(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"


def _c(pattern: str) -> re.Pattern:
    return re.compile(r"^(?:on\s+|in\s+|the\s+)?" + pattern + r"$")


# Absolute English forms (a year may be missing: then the base date's year is used).
_DAY_FORMS = [
    _c(_DAY + r"\s+(?:of\s+)?" + _MON + r"(?:,?\s+" + _YEAR + r")?"),        # 12 April 2019, 4 April
    _c(_MON + r"\s+" + _DAY + r"(?:,?\s+" + _YEAR + r")?"),                  # April 12, 2019, April 4
]
_RANGE_FORMS = [
    _c(r"(?:between\s+|from\s+)?" + _DAY + _DASH + _DAY2 + r"\s+" + _MON + r"(?:,?\s+" + _YEAR + r")?"),
    _c(r"(?:between\s+|from\s+)?" + _DAY + r"\s+" + _MON + _DASH + _DAY2 + r"\s+" + _MON2 + r"(?:,?\s+" + _YEAR + r")?"),
    _c(r"(?:between\s+|from\s+)?" + _MON + r"\s+" + _DAY + _DASH + _DAY2 + r"(?:,?\s+" + _YEAR + r")?"),
]
_WEEK_OF = _c(r"week\s+(?:of|beginning|starting)\s+(?P<rest>.+)")
_MONTH_FORM = _c(r"(?:(?P<part>early|mid|late|end\s+of|beginning\s+of|start\s+of)[\s-]+)?" + _MON + r"(?:,?\s+" + _YEAR + r")?")
_NUMERIC = re.compile(r"^(?:on\s+)?(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4})$")

# Relative forms (event dates only).
_TIME_OF_DAY = re.compile(r"\s+(?:morning|afternoon|evening|night)$")
_WEEKDAY = re.compile(r"^(?:(?:late|early)\s+)?(?:on\s+)?(?:(?:last|late|early|this\s+past|past)\s+)?(?P<wd>" + "|".join(WEEKDAYS) + r")$")
_AGO = re.compile(r"^" + _NUM + r"\s+(?P<unit>day|week|month|year)s?\s+(?:ago|earlier|before)$")
_AFTER = re.compile(r"^after\s+" + _NUM + r"\s+(?P<unit>day|week)s?\s+of\s+\w[\w\s-]*$")


# Quarters and halves of a year: a range of months ("Q1 2019" is January to March 2019).
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_YEAR_OPT = r"(?:,?\s*(?:of\s+)?(?P<year>\d{4}))?"
_PART_FORMS = [
    (re.compile(r"^(?:in\s+|the\s+)?q(?P<n>[1-4])" + _YEAR_OPT + r"$"), 3),
    (re.compile(r"^(?P<year>\d{4})[\s-]*q(?P<n>[1-4])$"), 3),
    (re.compile(r"^(?:in\s+)?(?P<n>[1-4])q" + _YEAR_OPT + r"$"), 3),
    (re.compile(r"^(?:in\s+)?(?:the\s+)?(?P<n>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter" + _YEAR_OPT + r"$"), 3),
    (re.compile(r"^(?:in\s+|the\s+)?h(?P<n>[12])" + _YEAR_OPT + r"$"), 6),
    (re.compile(r"^(?P<year>\d{4})[\s-]*h(?P<n>[12])$"), 6),
    (re.compile(r"^(?:in\s+)?(?:the\s+)?(?P<n>first|second|1st|2nd)\s+half" + _YEAR_OPT + r"$"), 6),
]


def _part_of_year(low: str) -> tuple[int, int, str | None] | None:
    """(first month, number of months, year or None) of a quarter or half written in words."""
    for pattern, size in _PART_FORMS:
        if m := pattern.match(low):
            n = _ORDINALS.get(m["n"]) or int(m["n"])
            return (n - 1) * size + 1, size, m["year"]
    return None


def _months(part: tuple[int, int, str | None], text: str, base: dt.date | None) -> Resolved:
    first, size, year = part
    last = first + size - 1
    if year is None:  # the latest such period that has begun by the article's date
        value = DateValue(dt.date(_year_for(first, 1, base, text), first, 1), "month", text=text)
    else:
        value = DateValue(dt.date(int(year), first, 1), "month", text=text)
    value = DateValue(value.start, "month", _month_end(value.start.year, last), text)
    return Resolved(value) if year else guessed(value, base, text)


NOT_DATES = {"now", "currently", "recently", "soon", "later", "earlier", "lately", "nowadays"}

def _day(year: int, month: int, day: int, text: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateError(f"'{text}' is not a valid date: {MONTHS[month - 1].capitalize()} has no day {day}") from None


def _year_for(month: int, day: int, base: dt.date | None, text: str) -> int:
    """The year of a date written without one: the article's, or the year before if later."""
    if base is None:
        raise DateError(f"'{text}' has no year; write the year, e.g. '{text} {dt.date.today().year}'")
    candidate = (base.year, month, day)
    return base.year if candidate <= (base.year, base.month, base.day) else base.year - 1


def guessed(value: DateValue, base: dt.date | None, text: str) -> Resolved:
    """A date whose year was taken from the article's (or the year before): a warning when that puts
    it more than :data:`FAR_BACK` days before the article ("14 April" in an article of 13 April 2019)."""
    if base is None:
        return Resolved(value)
    gap = (base - last_day(value)).days
    if gap <= FAR_BACK:
        return Resolved(value)
    year = value.start.year
    return Resolved(value, f"'{text}' has no year, so it was read as {format_date(value)}, {gap} days before "
                           f"the article ({base.isoformat()}); write the year: '{text} {year}' or '{text} {year + 1}'")


FAR_BACK = 183  # days: half a year


def last_day(value: DateValue) -> dt.date:
    """The last day a date covers: its end, or the end of its week, month or year."""
    if value.end is not None:
        return value.end
    start = value.start
    if value.precision == "week":
        return start + dt.timedelta(days=6)
    if value.precision == "month":
        return _month_end(start.year, start.month)
    if value.precision == "year":
        return dt.date(start.year, 12, 31)
    return start


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def english(low: str, text: str, settings: DateSettings, base: dt.date | None) -> Resolved | None:
    if base is not None:
        rel = _relative(low, text, base)
        if rel is not None:
            return Resolved(rel)
    elif _relative(low, text, dt.date(2000, 1, 1)) is not None:
        raise RelativeDateError(f"'{text}' is relative to a date; write a full date such as 12 April 2019 "
                        f"(relative dates are allowed only for event dates)")
    for form in _DAY_FORMS:
        if m := form.match(low):
            month, day = month_number(m["mon"]), int(m["day"])
            year = int(m["year"]) if m["year"] else _year_for(month, day, base, text)
            value = DateValue(_day(year, month, day, text), "day", text=text)
            return Resolved(value) if m["year"] else guessed(value, base, text)
    for form in _RANGE_FORMS:
        if m := form.match(low):
            value = _range(m, text, base)
            return Resolved(value) if m["year"] else guessed(value, base, text)
    if m := _WEEK_OF.match(low):
        inner = english(m["rest"], as_written(text, low, m, "rest"), settings, base)
        if inner is not None and inner.value.precision == "day":
            return Resolved(DateValue(inner.value.start, "week", text=text), inner.warning)
        return None
    if m := _MONTH_FORM.match(low):
        month = month_number(m["mon"])
        if m["year"]:
            return Resolved(DateValue(dt.date(int(m["year"]), month, 1), "month", text=text))
        value = DateValue(dt.date(_year_for(month, 1, base, text), month, 1), "month", text=text)
        return guessed(value, base, text)
    if (part := _part_of_year(low)) is not None:
        return _months(part, text, base)
    if m := _NUMERIC.match(low):
        return _numeric(m, text, settings)
    return None


def _range(m: re.Match, text: str, base: dt.date | None) -> DateValue:
    groups = m.groupdict()
    month2 = month_number(groups["mon2"]) if groups.get("mon2") else None
    month1 = month_number(groups["mon"])
    end_month = month2 or month1
    d1, d2 = int(groups["day"]), int(groups["day2"])
    year = int(groups["year"]) if groups.get("year") else _year_for(end_month, d2, base, text)
    start_year = year - 1 if month2 and month1 > month2 else year
    start = _day(start_year, month1, d1, text)
    end = _day(year, end_month, d2, text)
    if end < start:
        raise DateError(f"'{text}' ends before it starts")
    return DateValue(start, "day", end=end, text=text)


def _numeric(m: re.Match, text: str, settings: DateSettings) -> Resolved:
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    day, month = (b, a) if settings.date_order == "MDY" else (a, b)
    if settings.date_order == "YMD":  # 12/04/2019 is never YMD; read it day first
        day, month = a, b
    if month > 12 and day <= 12:
        day, month = month, day
    value = DateValue(_day(year, month, day, text), "day", text=text)
    warning = None
    if a <= 12 and b <= 12 and a != b and not settings.date_order_explicit:
        warning = (f"'{text}' is ambiguous: read as {format_date(value)} ({settings.date_order}); "
                   f"write it as {value.start.isoformat()} or set date_order in mkdocs.yml")
    return Resolved(value, warning)


def _relative(low: str, text: str, base: dt.date) -> DateValue | None:
    low = _TIME_OF_DAY.sub("", low)
    if low in ("today", "on the same day", "the same day", "this morning", "tonight"):
        return DateValue(base, "day", text=text)
    if low in ("yesterday", "the day before"):
        return DateValue(base - dt.timedelta(days=1), "day", text=text)
    if low == "the day before yesterday":
        return DateValue(base - dt.timedelta(days=2), "day", text=text)
    if m := _WEEKDAY.match(low):
        back = (base.weekday() - WEEKDAYS.index(m["wd"])) % 7
        return DateValue(base - dt.timedelta(days=back), "day", text=text)
    monday = base - dt.timedelta(days=base.weekday())
    if low in ("this week", "earlier this week"):
        return DateValue(monday, "week", text=text)
    if low in ("last week", "the previous week", "the week before"):
        return DateValue(monday - dt.timedelta(days=7), "week", text=text)
    if low in ("this month", "earlier this month"):
        return DateValue(base.replace(day=1), "month", text=text)
    if low in ("last month", "the previous month"):
        prev = base.replace(day=1) - dt.timedelta(days=1)
        return DateValue(prev.replace(day=1), "month", text=text)
    if low in ("this year", "earlier this year"):
        return DateValue(dt.date(base.year, 1, 1), "year", text=text)
    if low in ("last year", "the previous year"):
        return DateValue(dt.date(base.year - 1, 1, 1), "year", text=text)
    if low in ("last weekend", "at the weekend", "over the weekend", "this weekend", "the weekend"):
        saturday = base - dt.timedelta(days=(base.weekday() - 5) % 7)
        return DateValue(saturday, "day", end=min(saturday + dt.timedelta(days=1), base), text=text)
    if m := _AGO.match(low):
        n = _NUMBER_WORDS.get(m["n"]) or int(m["n"])
        unit = m["unit"]
        if unit == "day":
            return DateValue(base - dt.timedelta(days=n), "day", text=text)
        if unit == "week":
            return DateValue(monday - dt.timedelta(days=7 * n), "week", text=text)
        if unit == "month":
            y, mo = divmod(base.year * 12 + base.month - 1 - n, 12)
            return DateValue(dt.date(y, mo + 1, 1), "month", text=text)
        return DateValue(dt.date(base.year - n, 1, 1), "year", text=text)
    if m := _AFTER.match(low):
        n = _NUMBER_WORDS.get(m["n"]) or int(m["n"])
        days = n * (7 if m["unit"] == "week" else 1)
        return DateValue(base - dt.timedelta(days=days), "day", end=base, text=text)
    return None


# ---- dateparser --------------------------------------------------------------------------------

_FAR_BASES = (dt.datetime(1901, 3, 13, 12), dt.datetime(1987, 9, 22, 12))


def with_dateparser(text: str, settings: DateSettings, base: dt.date | None) -> Resolved:
    """The fallback for other languages and forms: day, then month precision."""
    bases = (dt.datetime.combine(base, dt.time(12)),) if base is not None else _FAR_BASES
    attempts = [(("day", "month", "year"), "day"), (("day", "month"), "day"), (("month", "year"), "month")]
    if base is not None:  # relative words in another language ("vendredi", "hier")
        attempts += [(("month",), "month"), ((), "day")]
    for parts, precision in attempts:
        readings = {_dateparse(text, settings, b, parts) for b in bases}
        if None in readings:
            continue
        if len(readings) > 1:
            raise RelativeDateError(f"'{text}' is relative to a date; write a full date such as 12 April 2019 "
                            f"(relative dates are allowed only for event dates)")
        (day,) = readings
        if precision == "month":
            day = day.replace(day=1)
            if "year" not in parts:
                day = day.replace(year=_year_for(day.month, 1, base, text))
        elif parts and "year" not in parts:
            day = day.replace(year=_year_for(day.month, day.day, base, text))
        value = DateValue(day, precision, text=text)
        return guessed(value, base, text) if parts and "year" not in parts else Resolved(value)
    raise DateError(cannot_read(text, base))


def _dateparse(text: str, settings: DateSettings, base: dt.datetime, parts: tuple[str, ...]) -> dt.date | None:
    import dateparser  # only for dates that are not ISO or common English

    options = {
        "DATE_ORDER": settings.date_order,
        "REQUIRE_PARTS": list(parts),
        "PREFER_DAY_OF_MONTH": "first",
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "RELATIVE_BASE": base,  # never "now"
    }
    try:
        result = dateparser.parse(text, languages=list(settings.languages), settings=options)
    except (ValueError, OverflowError):
        return None
    return result.date() if result is not None else None


# ---- display -------------------------------------------------------------------------------------


def format_date(value: DateValue) -> str:
    """A date for people: "12 Apr 2019", "week of 8 Apr 2019", "April 2019", "2019", "8-12 Apr 2019"."""
    start = value.start
    if value.precision == "year":
        return str(start.year)
    if value.precision == "month":
        end = value.end
        if end is not None and (end.year, end.month) != (start.year, start.month):
            if end.year == start.year:
                return f"{MONTHS[start.month - 1].capitalize()}-{MONTHS[end.month - 1].capitalize()} {end.year}"
            return f"{MONTHS[start.month - 1].capitalize()} {start.year} - {MONTHS[end.month - 1].capitalize()} {end.year}"
        return f"{MONTHS[start.month - 1].capitalize()} {start.year}"
    day = f"{start.day} {MONTHS[start.month - 1][:3].capitalize()} {start.year}"
    if value.precision == "week":
        return f"week of {day}"
    end = value.end
    if end and end != start:
        end_text = f"{end.day} {MONTHS[end.month - 1][:3].capitalize()} {end.year}"
        if (end.year, end.month) == (start.year, start.month):
            return f"{start.day}-{end_text}"
        if end.year == start.year:
            return f"{start.day} {MONTHS[start.month - 1][:3].capitalize()} - {end_text}"
        return f"{day} - {end_text}"
    return day
