"""``/data/timeline/<yyyy>-<mm>[-<dd>].json``: one small file per page of a month that is not on
/timeline/ (pages.months.layout), which the timeline's filter loads only when a filter is on (so
it covers the whole briefing without the timeline page carrying every entry). A file holds the
entries of one page, so it stays as small as the page."""

from __future__ import annotations

from generator.model.dates import format_date
from generator.model.places import ancestors
from generator.pages.data import safe_json
from generator.pages.output import Generated
from generator.pages.urls import entry_path


def month_json_path(month: tuple[int, int]) -> str:
    return "data/timeline/%04d-%02d.json" % month


def month_files(briefing, lay) -> list[Generated]:
    """A file for each page of a month with pages of its own: its entries, newest first, with what
    the filter matches."""
    out = []
    for month, month_parts in lay.parts.items():
        for part in month_parts:
            rows = []
            for e in part.entries:
                rows.append({
                    "id": e.id, "date": e.date.iso, "label": format_date(e.date), "title": e.title,
                    "url": entry_path(e), "kind": e.kind, "status": e.status,
                    "actors": list(e.actors), "topics": list(e.topics),
                    "summary": e.summary or "", "place": e.place or "",
                    **({"places": [e.place_id, *ancestors(briefing.places, e.place_id)]} if e.place_id else {}),
                })
            out.append(Generated(part.data, safe_json({"month": "%04d-%02d" % month, "entries": rows})))
    return out
