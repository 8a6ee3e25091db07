"""Typed model of a briefing: what editors write, after loading and validation.

Loading fills the declared fields; ``generator.derive`` fills the derived ones (detected actors
and topics, entries) in copies it returns, never in what was loaded. Also the date types that
every reader of dates shares (DateSettings, DateError, Resolved). Nothing here knows about MkDocs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from generator.config import Options
from generator.errors import BriefingError

PRECISIONS = ("day", "week", "month", "year")
STATUSES = ("reported", "claimed", "confirmed", "denied", "disputed")
QUALIFIERS = ("exact", "at-least", "more-than", "about", "nearly", "up-to")
# How pages word each qualifier before a number: each keeps its meaning ("nearly" is just under,
# "more than" strictly above, "up to" a ceiling).
QUALIFIER_WORDS = {"exact": "", "at-least": "at least", "more-than": "more than", "about": "about",
                   "nearly": "nearly", "up-to": "up to"}
ACTOR_KINDS = ("person", "armed-group", "government", "organisation", "state", "other")
NOTE_KINDS = ("context", "analysis", "correction", "caveat")
PLACE_KINDS = ("country", "region", "city", "district", "facility", "other")


@dataclass(frozen=True, order=False)
class DateValue:
    """A resolved date: its start, optional end, precision and the editor's words."""

    start: dt.date
    precision: str = "day"
    end: dt.date | None = None
    text: str = ""

    def sort_key(self) -> tuple:
        return (self.start, PRECISIONS.index(self.precision))

    @property
    def iso(self) -> str:
        return self.start.isoformat()


class DateError(BriefingError, ValueError):
    """A date text that cannot be resolved; the message says why."""


class RelativeDateError(DateError):
    """A date relative to another one ("yesterday") where there is none to resolve it against."""


@dataclass(frozen=True)
class DateSettings:
    """The options that reading a date depends on (defaults: generator.config.Options)."""

    timezone: str = Options.timezone
    languages: tuple[str, ...] = Options.languages
    date_order: str = Options.date_order
    date_order_explicit: bool = Options.date_order_explicit

    @classmethod
    def of(cls, options: Options) -> "DateSettings":
        return cls(options.timezone, tuple(options.languages), options.date_order, options.date_order_explicit)

    def zone(self) -> dt.tzinfo:
        try:
            return ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise DateError(f"unknown timezone '{self.timezone}'") from exc


@dataclass(frozen=True)
class Resolved:
    value: DateValue
    warning: str | None = None


@dataclass(frozen=True)
class Source:
    name: str
    url: str | None = None
    line: int | None = field(default=None, compare=False)  # file line of the url (for messages)


@dataclass
class Figure:
    kind: str
    value: int
    source: str
    as_of: DateValue
    qualifier: str = "exact"
    scope: str | None = None
    article: str = ""
    event: str | None = None  # entry id when the figure belongs to an event
    line: int | None = None
    # derived (in the briefing's figures: one per claim, however many articles report it)
    id: str = ""
    articles: list[str] = field(default_factory=list)  # every article that reports it, earliest first


@dataclass
class Event:
    """One timeline entry: an event of an article, an article without events, or a claim group
    (an article's figures of one source and as-of date that no event carries); ``kind`` says which."""

    id: str
    article: str
    date: DateValue
    title: str
    summary: str = ""
    status: str = "reported"
    place: str | None = None
    place_id: str | None = None  # derived: the place `place` names, when the registry has it
    declared_actors: list[str] = field(default_factory=list)
    declared_topics: list[str] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    line: int | None = None
    topics_given: bool = False  # `topics:` written, even empty: then the entry has only those
    # derived
    actors: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    draft: bool = False
    kind: str = "event"  # event (of `events:`), article (an article without events), claim (a claim group)


@dataclass
class Article:
    id: str
    path: str
    title: str
    date: DateValue
    sources: list[Source]
    body: str
    summary: str | None = None
    declared_actors: list[str] = field(default_factory=list)
    declared_topics: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    draft: bool = False
    # derived
    actors: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    mentions: dict[str, int] = field(default_factory=dict)
    entries: list[Event] = field(default_factory=list)
    place_ids: list[str] = field(default_factory=list)  # places of `places:` and the body, linked

    @property
    def all_figures(self) -> list[Figure]:
        return self.figures + [f for e in self.events for f in e.figures]


@dataclass
class Note:
    id: str
    path: str
    title: str
    date: DateValue
    author: str
    body: str
    kind: str = "context"
    actors: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)


@dataclass
class Actor:
    id: str
    path: str
    name: str
    body: str
    kind: str = "other"
    aliases: list[str] = field(default_factory=list)
    affiliation: list[str] = field(default_factory=list)
    role: str | None = None
    country: str | None = None


@dataclass
class Topic:
    id: str
    path: str
    title: str
    body: str
    keywords: list[str] = field(default_factory=list)
    figures: list[str] = field(default_factory=list)
    summary: str | None = None
    labels: dict[str, tuple[str | None, str | None, int]] = field(default_factory=dict)  # kind -> (label, unit, line)


@dataclass
class Place:
    id: str
    path: str
    name: str
    body: str
    kind: str = "other"
    aliases: list[str] = field(default_factory=list)
    lat: float | None = None
    lon: float | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    pcode: str | None = None
    within: str | None = None
    source: str | None = None  # where the coordinates come from
    within_line: int | None = field(default=None, compare=False)  # file line of `within` (for messages)

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass
class Page:
    """An ordinary content page (about, methodology) passed through untouched."""

    path: str


@dataclass
class Briefing:
    """Everything loaded from one content folder, keyed by id, in id order."""

    articles: dict[str, Article] = field(default_factory=dict)
    notes: dict[str, Note] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    index_body: str | None = None  # body of content/index.md, shown above the home page
    changed: dict[str, dt.date] = field(default_factory=dict)  # file path -> last change (git)
    digests: dict[str, str] = field(default_factory=dict)  # file path -> hash of its bytes (caches key on it)
    # derived (in the briefing that generator.derive.derive returns)
    entries: list[Event] = field(default_factory=list)  # timeline order, oldest first
    figures: list[Figure] = field(default_factory=list)
