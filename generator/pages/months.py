"""Timeline entries grouped by month and by displayed day."""

from __future__ import annotations

from collections import defaultdict

from generator.model.dates import format_date
from generator.model.types import Event

def months_of(entries: list[Event]) -> list[tuple[tuple[int, int], int]]:
    """(month, number of entries), in the order the entries come."""
    counts: dict[tuple[int, int], int] = {}
    for e in entries:
        key = (e.date.start.year, e.date.start.month)
        counts[key] = counts.get(key, 0) + 1
    return list(counts.items())

def group_by_month(entries: list[Event]) -> list[tuple[tuple[int, int], list[Event]]]:
    """Entries newest month first, newest first within a month.

    Entries dated only to the month (or year) come after the month's dated days, never
    among the entries of its 1st.
    """
    months: dict[tuple[int, int], list[Event]] = defaultdict(list)
    for e in reversed(entries):
        months[(e.date.start.year, e.date.start.month)].append(e)
    for month_entries in months.values():
        month_entries.sort(key=lambda e: e.date.precision in ("month", "year"))  # stable
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
