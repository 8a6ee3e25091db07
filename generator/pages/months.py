"""Timeline entries grouped by month and by displayed day."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from generator.derive import entry_sort_key, period_end
from generator.model.dates import format_date
from generator.model.types import Event
from generator.pages.urls import month_src


def month_of(e: Event) -> tuple[int, int]:
    """The month an entry is listed under: that of the day it is placed on (a week, month or year
    at its end, never before the days it covers)."""
    day = period_end(e.date)
    return (day.year, day.month)


def months_of(entries: list[Event]) -> list[tuple[tuple[int, int], int]]:
    """(month, number of entries), in the order the entries come."""
    counts: dict[tuple[int, int], int] = {}
    for e in entries:
        key = month_of(e)
        counts[key] = counts.get(key, 0) + 1
    return list(counts.items())

def group_by_month(entries: list[Event]) -> list[tuple[tuple[int, int], list[Event]]]:
    """Entries newest month first, newest first within a month (entries come in timeline order,
    which places a week, month or year by its end: an April entry heads April, above its days)."""
    months: dict[tuple[int, int], list[Event]] = defaultdict(list)
    for e in sorted(entries, key=entry_sort_key, reverse=True):
        months[month_of(e)].append(e)
    return sorted(months.items(), reverse=True)

def group_by_day(entries: list[Event]) -> list[tuple[str, list[Event]]]:
    """Consecutive entries with the same displayed date, as (label, entries)."""
    groups: list[tuple[str, list[Event]]] = []
    for e in entries:
        label = format_date(e.date)
        if groups and groups[-1][0] == label:
            groups[-1][1].append(e)
        else:
            groups.append((label, [e]))
    return groups


def split_by_day(entries: list[Event], bound: int) -> list[list[Event]]:
    """Entries (newest first) cut into parts of at most ``bound`` entries, whole days together;
    a day with more than ``bound`` entries is cut on its own."""
    bound = max(1, bound)
    parts: list[list[Event]] = []
    current: list[Event] = []
    for _, day in group_by_day(entries):
        for i in range(0, len(day), bound):
            chunk = day[i:i + bound]
            if current and len(current) + len(chunk) > bound:
                parts.append(current)
                current = []
            current = current + chunk
    if current:
        parts.append(current)
    return parts


@dataclass
class Part:
    """One timeline page of a month: the month's own page (``index`` 0) or a further part of a month
    split by day."""

    month: tuple[int, int]
    index: int
    src: str
    data: str  # the JSON file the filter loads for it
    entries: list[Event]


@dataclass
class Layout:
    """Where every timeline entry lives. ``/timeline/`` holds the newest months up to
    ``timeline_entries`` entries (``inline``); every other month has a page of its own, split by
    day into parts when it has more than ``page_entries``; a month over ``month_page_threshold``
    always has its own page. ``sections``: the months that head a section on /timeline/ (inline
    ones and busy recent ones); ``archive``: the older months, listed by year."""

    months: list
    inline: set
    sections: list
    archive: list
    parts: dict  # month -> [Part, ...]
    entry_page: dict  # entry id -> the src of the page that holds it

    @property
    def own_page(self) -> set:
        return set(self.parts)


def layout(months: list, threshold: int, timeline_entries: int, page_entries: int) -> Layout:
    """``months``: group_by_month's list, newest first."""
    inline: set = set()
    sections: list = []
    archive: list = []
    shown = 0
    full = False
    for month, entries in months:
        if len(entries) > threshold:
            (archive if full else sections).append((month, entries))
            continue
        if not full and (not inline or shown + len(entries) <= timeline_entries):
            inline.add(month)
            sections.append((month, entries))
            shown += len(entries)
        else:
            full = True
            archive.append((month, entries))
    parts: dict = {}
    entry_page: dict = {}
    for month, entries in months:
        if month in inline:
            for e in entries:
                entry_page[e.id] = "timeline/index.md"
            continue
        chunks = split_by_day(entries, page_entries)
        month_parts = []
        for i, chunk in enumerate(chunks):
            if i == 0:
                src, data = month_src(*month), "data/timeline/%04d-%02d.json" % month
            else:
                day = period_end(chunk[0].date).day
                stem = "%02d" % day
                taken = {p.src for p in month_parts}
                n = 2
                while f"timeline/{month[0]:04d}/{month[1]:02d}/{stem}.md" in taken:
                    stem = "%02d-%d" % (day, n)
                    n += 1
                src = f"timeline/{month[0]:04d}/{month[1]:02d}/{stem}.md"
                data = "data/timeline/%04d-%02d-%s.json" % (month[0], month[1], stem)
            month_parts.append(Part(month, i, src, data, chunk))
            for e in chunk:
                entry_page[e.id] = src
        parts[month] = month_parts
    return Layout(months, inline, sections, archive, parts, entry_page)


def by_year(months: list) -> list[tuple[int, list]]:
    """(year, [(month, entries), ...]) newest first."""
    years: dict[int, list] = {}
    for month, entries in months:
        years.setdefault(month[0], []).append((month, entries))
    return list(years.items())
