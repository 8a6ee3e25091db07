"""The timeline page (the newest months), and a page of its own for every other month, split by
day into parts when a month has more entries than a page may hold (pages.months.layout)."""

from __future__ import annotations

from generator.derive import period_end
from generator.pages.filters import month_label
from generator.pages.months import Layout, by_year, group_by_day
from generator.pages.output import Generated


def pages(r, lay: Layout) -> list[Generated]:
    """``lay``: where each entry lives (pages.months.layout)."""
    out = [Generated("timeline/index.md", r.render(
        "timeline.md.j2", "timeline/index.md", title="Timeline",
        meta={**r.updated([a.path for a in r.b.articles.values()]), "search": {"exclude": True}},
        months=lay.sections, inline=lay.inline, parts=lay.parts, archive=by_year(lay.archive),
        archive_parts=[p for month, _ in lay.archive for p in lay.parts[month]],
        group_by_day=group_by_day,
    ), in_nav=True)]
    keys = [m for m, _ in lay.months]

    def where(month: tuple[int, int]) -> str:
        """A month's own page, or its section of the timeline page."""
        return lay.parts[month][0].src if month in lay.parts else "timeline/index.md#%04d-%02d" % month
    for i, (month, _) in enumerate(lay.months):
        if month not in lay.parts:
            continue
        newer = keys[i - 1] if i > 0 else None
        older = keys[i + 1] if i + 1 < len(keys) else None
        month_parts = lay.parts[month]
        for part in month_parts:
            title = month_label(month)
            if len(month_parts) > 1:
                title += ", " + part_label(part)
            out.append(Generated(part.src, r.render(
                "month.md.j2", part.src, title=title,
                meta={"search": {"exclude": True}}, month=month, entries=part.entries, group_by_day=group_by_day,
                newer=where(newer) if newer else None, older=where(older) if older else None,
                part=part, month_parts=month_parts, part_label=part_label,
                before=month_parts[:part.index], after=month_parts[part.index + 1:],
            )))
    return out


def part_label(part) -> str:
    """The days a part of a month covers, by the days its entries are placed on: "9–10 March"."""
    first, last = period_end(part.entries[-1].date).day, period_end(part.entries[0].date).day
    name = month_label(part.month).split(" ")[0]
    return f"{first} {name}" if first == last else f"{first}–{last} {name}"
