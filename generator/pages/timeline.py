"""The timeline page, and a page of its own for each month with many entries."""

from __future__ import annotations

from generator.pages.filters import month_label
from generator.pages.months import group_by_day
from generator.pages.output import Generated
from generator.pages.urls import month_src


def pages(r, months: list) -> list[Generated]:
    """``months``: the entries grouped by month (pages.months.group_by_month); months in
    ``r.big_months`` get a page of their own."""
    big = r.big_months
    out = [Generated("timeline/index.md", r.render(
        "timeline.md.j2", "timeline/index.md", title="Timeline",
        meta={**r.updated([a.path for a in r.b.articles.values()]), "search": {"exclude": True}},
        months=months, big=big, group_by_day=group_by_day,
    ), in_nav=True)]
    keys = [m for m, _ in months]

    def where(month: tuple[int, int]) -> str:
        """A month's own page, or its section of the timeline page."""
        return month_src(*month) if month in big else "timeline/index.md#%04d-%02d" % month
    for i, (month, month_entries) in enumerate(months):
        if month not in big:
            continue
        src = month_src(*month)
        newer = keys[i - 1] if i > 0 else None
        older = keys[i + 1] if i + 1 < len(keys) else None
        out.append(Generated(src, r.render(
            "month.md.j2", src, title=month_label(month),
            meta={"search": {"exclude": True}}, month=month, entries=month_entries, group_by_day=group_by_day,
            newer=where(newer) if newer else None, older=where(older) if older else None,
        )))
    return out
