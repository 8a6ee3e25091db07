"""``/data/timeline/<yyyy>-<mm>.json``: one small file per month with a page of its own, which the
timeline's filter loads only when a filter is on (so it covers the whole briefing without the
timeline page carrying every entry)."""

from __future__ import annotations

from generator.model.dates import format_date
from generator.model.places import ancestors
from generator.pages.data import safe_json
from generator.pages.output import Generated
from generator.pages.urls import entry_path


def month_json_path(month: tuple[int, int]) -> str:
    return "data/timeline/%04d-%02d.json" % month


def month_files(briefing, months: list, big: set) -> list[Generated]:
    """A file for each month in ``big``: its entries, newest first, with what the filter matches."""
    out = []
    for month, entries in months:
        if month not in big:
            continue
        rows = []
        for e in entries:
            rows.append({
                "id": e.id, "date": e.date.iso, "label": format_date(e.date), "title": e.title,
                "url": entry_path(e), "kind": e.kind, "status": e.status,
                "actors": list(e.actors), "topics": list(e.topics),
                "summary": e.summary or "", "place": e.place or "",
                **({"places": [e.place_id, *ancestors(briefing.places, e.place_id)]} if e.place_id else {}),
            })
        out.append(Generated(month_json_path(month), safe_json({"month": "%04d-%02d" % month, "entries": rows})))
    return out
