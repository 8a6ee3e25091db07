"""Entries the briefing already holds (issue 16: 5): an event of a seed whose relative date is a week
("last week") is flagged when the briefing holds a matching entry from the start of that week to the
publication date (the press says "last week" loosely), on its own day: "the EU statement is already on
2019-04-11". A match shares at least two actors with the seed's sentence; the one sharing most wins.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.model.types import Briefing


@dataclass(frozen=True)
class Entry:
    day: dt.date
    title: str
    actors: frozenset[str]
    article: str


def entries_of(briefing: Briefing) -> list[Entry]:
    """Every dated entry of the briefing with its declared actors (and its article's)."""
    out = []
    for a in briefing.articles.values():
        own = frozenset(a.declared_actors)
        if not a.events:
            out.append(Entry(a.date.start, a.title, own, a.id))
        for e in a.events:
            if e.date.precision == "day":
                out.append(Entry(e.date.start, e.title, own | frozenset(e.declared_actors), a.id))
    return out


def already_on(entries: list[Entry], week_start: dt.date, published: dt.date, actors: set[str]) -> Entry | None:
    best: tuple[int, Entry] | None = None
    for entry in entries:
        if not week_start <= entry.day <= published:
            continue
        shared = len(entry.actors & actors)
        if shared >= 2 and (best is None or shared > best[0] or shared == best[0] and entry.day > best[1].day):
            best = (shared, entry)
    return best[1] if best else None
