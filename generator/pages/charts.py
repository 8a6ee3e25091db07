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


def line_chart(chart_id: str, title: str, description: str, series: dict[str, list[Point]],
               width: int = 680, height: int = 280) -> str:
    """One line per series (sorted by name), points linked to their articles. One line of SVG."""
    names = sorted(series)
    per_row = 4
    qualified = any(p.qualified for pts in series.values() for p in pts)
    name_rows = (len(names) + per_row - 1) // per_row
    rows = name_rows + qualified
    left, right, top, bottom = 56, 16, 16, 40 + 18 * rows
    height += 18 * (rows - 1)
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
        f'<svg xmlns="http://www.w3.org/2000/svg" class="bf-chart-svg" viewBox="0 0 {width} {height}" '
        f'role="group" aria-labelledby="{chart_id}-title" aria-describedby="{chart_id}-desc">',
        f'<title id="{chart_id}-title">{e(title)}</title><desc id="{chart_id}-desc">{e(description)}</desc>',
    ]
    for v in range(0, vmax + 1, step):
        parts.append(f'<line class="bf-grid" x1="{left}" x2="{width - right}" y1="{_f(y(v))}" y2="{_f(y(v))}"/>'
                     f'<text class="bf-axis" x="{left - 6}" y="{_f(y(v) + 4)}" text-anchor="end">{_short(v)}</text>')
    for day, label in _date_ticks(start, end):
        parts.append(f'<line class="bf-tick" x1="{_f(x(day))}" x2="{_f(x(day))}" y1="{top + plot_h}" y2="{top + plot_h + 5}"/>'
                     f'<text class="bf-axis" x="{_f(x(day))}" y="{top + plot_h + 18}" text-anchor="middle">{e(label)}</text>')
    parts.append(f'<line class="bf-axis-line" x1="{left}" x2="{width - right}" y1="{top + plot_h}" y2="{top + plot_h}"/>')
    for i, name in enumerate(names):
        pts = sorted(series[name], key=lambda p: (p.day, p.value))
        cls = f"bf-series bf-series-{i % 6}"
        if len(pts) > 1:
            path = " ".join(f"{_f(x(p.day))},{_f(y(p.value))}" for p in pts)
            parts.append(f'<polyline class="{cls}" points="{path}"/>')
        for p in pts:
            mark = f"bf-series-{i % 6} bf-qualified" if p.qualified else cls  # open: the series colour as its ring
            parts.append(f'<a href="{e(p.href)}" aria-label="{e(p.label)}"><circle class="{mark}" cx="{_f(x(p.day))}" '
                         f'cy="{_f(y(p.value))}" r="4"><title>{e(p.label)}</title></circle></a>')
        lx, ly = _legend_at(i, left, top + plot_h, per_row)
        parts.append(f'<circle class="{cls}" cx="{lx + 5}" cy="{ly - 4}" r="4"/>'
                     f'<text class="bf-legend" x="{lx + 14}" y="{ly}">{e(name)}</text>')
    if qualified:  # a legend row of its own: what an open marker means
        lx, ly = _legend_at(name_rows * per_row, left, top + plot_h, per_row)
        parts.append(f'<circle class="bf-legend-open" cx="{lx + 5}" cy="{ly - 4}" r="4"/>'
                     f'<text class="bf-legend" x="{lx + 14}" y="{ly}">open marker: not exact (more than, nearly, about...)</text>')
    parts.append("</svg>")
    return "".join(parts)


def _legend_at(i: int, left: int, axis_y: float, per_row: int) -> tuple[float, float]:
    return left + (i % per_row) * 150, axis_y + 40 + 18 * (i // per_row)


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
