"""Small SVG charts rendered at build time: figure claims over time and activity sparklines.

Written by hand rather than with a plotting library: the charts need links on points,
an accessible title and description, colours from the site's CSS (so light and dark
palettes both work), no JavaScript, and byte-identical output across builds. matplotlib
adds tens of megabytes and per-run ids and metadata that must be scrubbed; pygal relies on
JavaScript for its tooltips. Both would still need the linking and theming done by hand.
"""

from __future__ import annotations

import datetime as dt
import html
import math
from dataclasses import dataclass

MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Point:
    day: dt.date
    value: int
    href: str  # relative URL of the article that reports the claim
    label: str  # shown on hover: "more than 8,000 displaced, per UN, as of 12 Apr 2019"
    qualified: bool = False  # "more than", "nearly", "about"...: drawn as an open marker


def _f(x: float) -> str:
    """Fixed, short number formatting so the same input gives the same bytes."""
    text = f"{x:.1f}"
    return text[:-2] if text.endswith(".0") else text


def nice_max(value: int) -> tuple[int, int]:
    """An axis maximum and tick step: 1, 2 or 5 times a power of ten."""
    if value <= 0:
        return 1, 1
    raw_step = value / 4
    power = 10 ** math.floor(math.log10(raw_step))
    for m in (1, 2, 5, 10):
        step = m * power
        if step >= raw_step:
            break
    step = max(1, int(step))
    top = step * math.ceil(value / step)
    return top, step


def _short(value: int) -> str:
    if value >= 1_000_000:
        return _f(value / 1_000_000) + "M"
    if value >= 10_000:
        return _f(value / 1_000) + "k"
    return f"{value:,}"


def _date_ticks(start: dt.date, end: dt.date) -> list[tuple[dt.date, str]]:
    days = (end - start).days
    ticks = []
    if days > 62:
        d = dt.date(start.year, start.month, 1)
        if d < start:
            d = dt.date(d.year + d.month // 12, d.month % 12 + 1, 1)
        if (d - start).days > 12:
            ticks.append((start, f"{start.day} {MONTH_ABBR[start.month - 1]} {start.year}"))
        while d <= end:
            label = f"{MONTH_ABBR[d.month - 1]} {d.year}" if d.month == 1 or not ticks else MONTH_ABBR[d.month - 1]
            ticks.append((d, label))
            d = dt.date(d.year + d.month // 12, d.month % 12 + 1, 1)
    else:
        step = 7 if days > 14 else 1
        d = start
        while d <= end:
            ticks.append((d, f"{d.day} {MONTH_ABBR[d.month - 1]}"))
            d += dt.timedelta(days=step)
    return ticks


PALETTE = 8  # series colours in the stylesheet: .bf-src-0 ... .bf-src-7


def source_colours(sources) -> dict[str, int]:
    """One colour per source across the whole site: the same source has the same colour on every
    chart (and in every legend), whichever other sources a chart shows."""
    return {name: i % PALETTE for i, name in enumerate(sorted(set(sources)))}


def chart_block(chart_id: str, title: str, description: str, series: dict[str, list[Point]],
                colours: dict[str, int] | None = None) -> str:
    """A wide SVG, a narrow one for phones (CSS shows one of them; display: none hides the other
    from screen readers too; both keep their text at least 11 px on screen), and the legend in
    HTML, which both share and which wraps like text."""
    colours = colours or source_colours(series)
    return (line_chart(chart_id, title, description, series, colours)
            + line_chart(chart_id + "-n", title, description, series, colours, 300, 200, 12, "narrow")
            + legend(series, colours))


def legend(series: dict[str, list[Point]], colours: dict[str, int]) -> str:
    """One item per source in its site-wide colour, and what an open marker means if the chart has one."""
    e = html.escape
    items = "".join(f'<li><svg class="bf-swatch" viewBox="0 0 12 12" aria-hidden="true"><circle class="bf-src-{colours[n]}" '
                    f'cx="6" cy="6" r="5"/></svg>{e(n)}</li>' for n in sorted(series))
    if any(p.qualified for pts in series.values() for p in pts):
        items += ('<li><svg class="bf-swatch" viewBox="0 0 12 12" aria-hidden="true"><circle class="bf-legend-open" '
                  'cx="6" cy="6" r="4.5"/></svg>open marker: not exact (more than, nearly, about...)</li>')
    return f'<ul class="bf-legend-list">{items}</ul>'


def line_chart(chart_id: str, title: str, description: str, series: dict[str, list[Point]],
               colours: dict[str, int] | None = None, width: int = 680, height: int = 260, font: int = 15,
               variant: str = "wide") -> str:
    """One line per series (sorted by name), points linked to their articles: one SVG, its text
    ``font`` px in ``width`` viewBox units (the legend is HTML: see ``legend``)."""
    colours = colours or source_colours(series)
    names = sorted(series)
    left, right, top, bottom = 4 * font, 12, 10, 2 * font
    days = [p.day for pts in series.values() for p in pts]
    start, end = min(days), max(days)
    if start == end:
        start, end = start - dt.timedelta(days=3), end + dt.timedelta(days=3)
    span = (end - start).days
    vmax, step = nice_max(max(p.value for pts in series.values() for p in pts))
    plot_w, plot_h = width - left - right, height - top - bottom

    def x(day: dt.date) -> float:
        return left + plot_w * (day - start).days / span

    def y(value: int) -> float:
        return top + plot_h * (1 - value / vmax)

    e = html.escape
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="bf-chart-svg bf-chart-svg--{variant}" viewBox="0 0 {width} {height}" '
        f'style="--bf-chart-font: {font}px" role="group" aria-labelledby="{chart_id}-title" aria-describedby="{chart_id}-desc">',
        f'<title id="{chart_id}-title">{e(title)}</title><desc id="{chart_id}-desc">{e(description)}</desc>',
    ]
    for v in range(0, vmax + 1, step):
        parts.append(f'<line class="bf-grid" x1="{left}" x2="{width - right}" y1="{_f(y(v))}" y2="{_f(y(v))}"/>'
                     f'<text class="bf-axis" x="{left - 5}" y="{_f(y(v) + font / 3)}" text-anchor="end">{_short(v)}</text>')
    placed, edge = [], -math.inf
    for i, (day, label) in enumerate(_date_ticks(start, end)):  # a label that would touch the last one is left out
        w = len(label) * font * 0.6
        anchor = "start" if i == 0 and x(day) - left < w / 2 else "middle"  # the first label stays inside the chart
        tx = x(day) - (font if anchor == "start" else 0)
        lo = tx if anchor == "start" else tx - w / 2
        if lo + w > width:  # the last label ends at the chart's edge
            anchor, tx, lo = "end", width - 1, width - 1 - w
        if lo >= edge + font * 0.8:
            placed.append((day, label, anchor, tx))
            edge = lo + w
    for day, label, anchor, tx in placed:
        parts.append(f'<line class="bf-tick" x1="{_f(x(day))}" x2="{_f(x(day))}" y1="{top + plot_h}" y2="{top + plot_h + 5}"/>'
                     f'<text class="bf-axis bf-axis-x" x="{_f(tx)}" y="{_f(top + plot_h + 5 + font)}" text-anchor="{anchor}">{e(label)}</text>')
    parts.append(f'<line class="bf-axis-line" x1="{left}" x2="{width - right}" y1="{top + plot_h}" y2="{top + plot_h}"/>')
    for name in names:
        pts = sorted(series[name], key=lambda p: (p.day, p.value))
        cls = f"bf-series bf-src-{colours[name]}"
        if len(pts) > 1:
            path = " ".join(f"{_f(x(p.day))},{_f(y(p.value))}" for p in pts)
            parts.append(f'<polyline class="{cls}" points="{path}"/>')
        for p in pts:
            mark = f"bf-src-{colours[name]} bf-qualified" if p.qualified else cls  # open: the series colour as its ring
            circle = f'<circle class="{mark}" cx="{_f(x(p.day))}" cy="{_f(y(p.value))}" r="4"><title>{e(p.label)}</title></circle>'
            parts.append(f'<a href="{e(p.href)}" aria-label="{e(p.label)}">{circle}</a>')
    parts.append("</svg>")
    return "".join(parts)


def sparkline(chart_id: str, title: str, counts: list[int], width: int = 180, height: int = 32) -> str:
    """Bars of entries per week, as inline SVG with a title for screen readers."""
    n = max(1, len(counts))
    top = max(counts) if counts and max(counts) > 0 else 1
    bar = width / n
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="bf-sparkline" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="{chart_id}-title">',
        f'<title id="{chart_id}-title">{html.escape(title)}</title>',
        f'<line class="bf-axis-line" x1="0" x2="{width}" y1="{height - 0.5}" y2="{height - 0.5}"/>',
    ]
    for i, c in enumerate(counts):
        if c:
            h = max(2.0, (height - 2) * c / top)
            parts.append(f'<rect class="bf-spark" x="{_f(i * bar + 0.5)}" y="{_f(height - h)}" '
                         f'width="{_f(max(1.0, bar - 1))}" height="{_f(h)}"/>')
    parts.append("</svg>")
    return "".join(parts)


def weekly_counts(days: list[dt.date], start: dt.date, end: dt.date) -> list[int]:
    """Entries per week (weeks from the Monday of ``start`` to the week of ``end``)."""
    first = start - dt.timedelta(days=start.weekday())
    weeks = (end - first).days // 7 + 1
    counts = [0] * weeks
    for d in days:
        i = (d - first).days // 7
        if 0 <= i < weeks:
            counts[i] += 1
    return counts
