"""Timeline entries grouped by month and by displayed day."""

from __future__ import annotations

from collections import defaultdict

from generator.derive import entry_sort_key, period_end
from generator.model.dates import format_date
from generator.model.types import Event


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
