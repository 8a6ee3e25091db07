"""Typed items from validated front matter: articles with their events and figures, notes, actors
and topics."""

from __future__ import annotations

import datetime as dt

from generator.model import schema
from generator.model.frontmatter import Where, data_line
from generator.model.types import Actor, Article, DateValue, Event, Figure, Note, Place, Topic
from generator.model.validate import INVALID, Validator, ok
from generator.model.yamlload import LDict


def _figure(f: dict, article: str, event: str | None, default_date: DateValue, line: int) -> Figure:
    return Figure(
        kind=f["kind"],
        value=f["value"],
        source=f["source"],
        as_of=f.get("as_of") or default_date,
        qualifier=f.get("qualifier") or "exact",
        scope=f.get("scope"),
        article=article,
        event=event,
        line=line,
    )


def _figures(records, where: Where, article: str, event: str | None, default_date: DateValue) -> list[Figure]:
    return [
        _figure(f, article, event, default_date, where.base + line0)
        for f, line0 in records or []
        if ok(f)
    ]


def _events(records, where: Where, article_id: str, article_date: DateValue, settings) -> list[Event]:
    events = []
    for n, (f, line0) in enumerate(records or [], start=1):
        if not ok(f):
            continue
        date: DateValue = f["date"]
        end: DateValue | None = f.get("end")
        precision = f.get("precision") or date.precision
        if end is not None and (end.end or end.start) < date.start:
            where.error(line0, f"event ends ({end.end or end.start}) before it starts ({date.start})")
            continue
        last = end.end or end.start if end is not None else date.end
        date = DateValue(date.start, precision, last, date.text)
        if date.start > article_date.start:
            where.warning(line0, f"event '{f['title']}' is dated {date.start}, after its article ({article_date.start})")
        entry_id = f"{article_id}--{n}"
        events.append(
            Event(
                id=entry_id,
                article=article_id,
                date=date,
                title=f["title"],
                summary=f.get("summary") or "",
                status=f.get("status") or "reported",
                place=f.get("place"),
                declared_actors=f.get("actors") or [],
                declared_topics=f.get("topics") or [],
                figures=_figures(f.get("figures"), where, article_id, entry_id, date),
                line=where.base + line0,
                topics_given=isinstance(f.get("topics"), list),
            )
        )
    return events


def article(loader: Validator, data, body, where: Where, ident: str, today: dt.date) -> Article | None:
    # The publication date comes first: event dates are relative to it.
    head = {k: data[k] for k in ("date",) if k in data}
    lines = getattr(data, "lines", {})
    date = None
    if "date" in head:
        date = loader.value(head["date"], schema.ARTICLE["date"], "date", where, lines.get("date", 0), None)
    rest = LDict({k: v for k, v in data.items() if k != "date"})
    rest.line, rest.lines = data_line(data), {k: v for k, v in lines.items() if k != "date"}
    rest.raw = getattr(data, "raw", {})
    table = {k: v for k, v in schema.ARTICLE.items() if k != "date"}
    f = loader.fields(rest, table, where, "an article", base=date.start if isinstance(date, DateValue) else None)
    if "date" not in data:
        where.error(data_line(data), "missing required key 'date' in an article")
        return None
    if date is INVALID or not ok({k: f[k] for k in ("title", "source")}):
        return None
    if date.start > today:
        where.warning(lines.get("date", 0), f"publication date {date.start} is in the future")
    events = _events(f.get("events") if f.get("events") is not INVALID else None, where, ident, date, loader.settings)
    figures = f.get("figures")
    return Article(
        id=ident,
        path=where.path,
        title=f["title"],
        date=date,
        sources=f["source"],
        body=body,
        summary=_opt(f.get("summary")),
        declared_actors=_opt(f.get("actors")) or [],
        declared_topics=_opt(f.get("topics")) or [],
        places=_opt(f.get("places")) or [],
        events=events,
        figures=_figures(_opt(figures), where, ident, None, date),
        draft=bool(_opt(f.get("draft"))),
    )


def _opt(value):
    return None if value is INVALID else value


def _note(f, ident, path, body) -> Note:
    return Note(ident, path, f["title"], f["date"], f["author"], body, f.get("kind") or "context",
                f.get("actors") or [], f.get("topics") or [], f.get("articles") or [])


def _actor(f, ident, path, body) -> Actor:
    return Actor(ident, path, f["name"], body, f.get("kind") or "other", f.get("aliases") or [],
                 f.get("affiliation") or [], f.get("role"), f.get("country"))


def _topic(f, ident, path, body) -> Topic:
    figures = f.get("figures") or []  # (kind, label, unit, line) from keytypes.TopicFigures
    return Topic(ident, path, f["title"], body, f.get("keywords") or [], [k for k, *_ in figures], f.get("summary"),
                 {k: (label, unit, line) for k, label, unit, line in figures if label or unit})


def _place(f, ident, path, body) -> Place:
    return Place(ident, path, f["name"], body, f.get("kind") or "other", f.get("aliases") or [], f.get("lat"),
                 f.get("lon"), f.get("country"), f.get("admin1"), f.get("pcode"), f.get("within"), f.get("source"))


BUILDERS = {"notes": _note, "actors": _actor, "topics": _topic, "places": _place}
