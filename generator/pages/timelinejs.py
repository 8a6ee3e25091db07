"""``/data/timeline.json``: the timeline in TimelineJS3's JSON format.

A newsroom can embed it with TimelineJS (see the README). Text fields are HTML in that
format, so every value is escaped.
"""

from __future__ import annotations

import datetime as dt
import html

from generator.model.dates import format_date
from generator.model.types import Briefing, DateValue
from generator.pages.data import safe_json
from generator.pages.urls import entry_path


def _date_obj(day: dt.date, precision: str) -> dict:
    out = {"year": day.year}
    if precision in ("day", "week", "month"):
        out["month"] = day.month
    if precision in ("day", "week"):
        out["day"] = day.day
    return out


def _end(value: DateValue) -> dict | None:
    if value.end and value.end != value.start:
        return _date_obj(value.end, "day")
    if value.precision == "week":
        return _date_obj(value.start + dt.timedelta(days=6), "day")
    return None


def display_date(value: DateValue) -> str:
    """The resolved date first (with its weekday for a day), the editor's words second:
    "Fri 12 Apr 2019 - 'on Friday'"; a date typed as ISO needs no words."""
    shown = format_date(value)
    if value.precision == "day" and not value.end:
        shown = f"{value.start.strftime('%a')} {shown}"
    words = " ".join((value.text or "").split())
    if words and not words[:4].isdigit() and words.lower() != format_date(value).lower():
        shown += f" - '{words}'"
    return shown


def timeline_json(briefing: Briefing, title: str, base_url: str = "/") -> str:
    events = []
    for e in briefing.entries:
        article = briefing.articles[e.article]
        link = base_url + entry_path(e)
        source = ", ".join(html.escape(s.name) for s in article.sources)
        text = f"<p>{html.escape(e.summary)}</p>" if e.summary else ""
        text += f'<p><a href="{html.escape(link)}">{html.escape(article.title)}</a> ({source})</p>'
        event = {
            "unique_id": f"e-{e.id}",
            "start_date": _date_obj(e.date.start, e.date.precision),
            "text": {"headline": html.escape(e.title), "text": text},
            "display_date": html.escape(display_date(e.date)),
        }
        end = _end(e.date)
        if end:
            event["end_date"] = end
        if e.topics:
            event["group"] = html.escape(briefing.topics[e.topics[0]].title)
        events.append(event)
    data = {"title": {"text": {"headline": html.escape(title), "text": ""}}, "events": events}
    return safe_json(data)
