"""Claims and entries (README: How items are connected): one claim per source, kind, value,
qualifier, scope and as-of date however many articles report it; the claim groups that no event
carries as timeline entries; an entry's topics from the entry itself; where a period entry goes.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import re

from generator.derive.labels import FigureLabels
from generator.model.types import PRECISIONS, QUALIFIER_WORDS, Article, DateValue, Event, Figure


def claim_key(f: Figure) -> tuple:
    """What identifies a claim: who says it, what and how much, about what, as of when."""
    d = f.as_of
    return (f.source, f.kind, f.value, f.qualifier, f.scope or "", d.start, d.precision, d.end)


def claim_id(f: Figure) -> str:
    """A stable id: readable, with a short hash of the whole claim so that two claims never share it."""
    digest = hashlib.blake2b(repr(claim_key(f)).encode(), digest_size=4).hexdigest()
    source = re.sub(r"[^a-z0-9]+", "-", f.source.lower()).strip("-") or "source"
    return f"{f.kind}-{f.as_of.start.isoformat()}-{source}-{digest}"


def unique_claims(figures: list[Figure], articles: dict[str, Article]) -> list[Figure]:
    """One figure per claim, naming every article that reports it (earliest first; ``article`` and
    ``event`` are those of the earliest report). The figures given are left as they are."""
    def published(f: Figure) -> tuple:
        a = articles.get(f.article)
        return (a.date.start if a else dt.date.min, f.article)

    groups: dict[tuple, list[Figure]] = {}
    for f in sorted(figures, key=published):
        groups.setdefault(claim_key(f), []).append(f)
    out = []
    for reports in groups.values():
        first = reports[0]
        ids = list(dict.fromkeys(f.article for f in reports))
        out.append(Figure(first.kind, first.value, first.source, first.as_of, first.qualifier, first.scope,
                          first.article, first.event, first.line, id=claim_id(first), articles=ids))
    return out


def claim_words(f: Figure, labels: FigureLabels) -> str:
    """ "at least 205 killed", "oil output: about 1,300,000 barrels a day": the qualifier in words
    that keep its meaning, the value with its unit, the kind as the topics (or the built-in table) say it."""
    words = QUALIFIER_WORDS.get(f.qualifier, "")
    value = (words + " " if words else "") + labels.value(f.value, f.kind)
    return f"{labels.words(f.kind)}: {value}" if labels.unit(f.kind) else f"{value} {labels.words(f.kind)}"


def claim_entries(article: Article, shown: set[tuple], first_report: dict[tuple, str],
                  labels: FigureLabels | None = None) -> list[Event]:
    """The article's claim groups (same source and as-of date) that are on the timeline nowhere
    else: not carried by an event or an article entry (``shown``), and reported here first."""
    groups: dict[tuple, list[Figure]] = {}
    for f in article.figures:
        key = claim_key(f)
        if key in shown or first_report.get(key) != article.id:
            continue
        groups.setdefault((f.source, f.as_of.start, f.as_of.precision, f.as_of.end), []).append(f)
    out = []
    for n, figures in enumerate(groups.values(), start=1):
        title = f"{figures[0].source}: " + ", ".join(claim_words(f, labels or FigureLabels()) for f in figures)
        out.append(Event(id=f"{article.id}--claim-{n}", article=article.id, date=figures[0].as_of, title=title,
                         figures=figures, draft=article.draft, kind="claim"))
    return out


def entry_topics(declared: list[str], found: list[str], kinds: list[str], fallback: list[str],
                 topics: dict, given: bool = False) -> list[str]:
    """An entry's topics: its own ``topics:`` if given (``topics: []`` says: none); otherwise the
    topics whose keywords are in its title and summary (``found``) and those that chart the kinds
    of its figures; only when there are none, its article's (``fallback``)."""
    own = [t for t in declared if t in topics]
    if own or given:
        return own
    out = [t for t in found if t in topics]
    for t in topics.values():
        if t.id not in out and any(k in t.figures for k in kinds):
            out.append(t.id)
    return out or list(fallback)


def period_end(date: DateValue) -> dt.date:
    """Where an entry is placed on the timeline: a day (or a range of days) at its start; a week,
    month or year at the end of its period, never before the days it covers."""
    if date.precision == "day":
        return date.start
    last = date.end or date.start
    if date.precision == "week":
        return max(last, date.start + dt.timedelta(days=6))
    if date.precision == "month":
        return dt.date(last.year, last.month, calendar.monthrange(last.year, last.month)[1])
    return dt.date(last.year, 12, 31)


def entry_sort_key(entry: Event) -> tuple:
    """Timeline order: the day an entry is placed on (period_end), then precision (the days
    before the week, month or year that ends there), start, end, title."""
    date = entry.date
    return (period_end(date), PRECISIONS.index(date.precision), date.start, date.end or date.start,
            entry.title, entry.id)
