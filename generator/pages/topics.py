"""The topics page and one page per topic: its figure ledger (older rows on monthly ledger pages),
charts of the figures it follows, its articles and notes."""

from __future__ import annotations

from collections import defaultdict

from generator.derive import latest_claims, period_end
from generator.derive.ranges import ranges
from generator.model.types import PRECISIONS
from generator.pages.charts import Point, chart_block, source_colours
from generator.derive.labels import FigureLabels
from generator.pages.filters import figure_label, format_date_short, month_label, plural
from generator.pages.output import Generated
from generator.pages.urls import rel_url, src_of


def pages(r) -> list[Generated]:
    briefing, index, options = r.b, r.index, r.options
    out = [Generated("topics/index.md", r.render("topics.md.j2", "topics/index.md", title="Topics"), in_nav=True)]
    for topic in briefing.topics.values():
        src = src_of("topics", topic.id)
        kinds = topic.figures
        if kinds:
            ledger = [f for f in briefing.figures if f.kind in kinds]
        else:
            ids = {a.id for a in index.articles_by_topic.get(topic.id, [])}
            ledger = [f for f in briefing.figures if any(a in ids for a in f.articles or [f.article])]
        arts = index.articles_by_topic.get(topic.id, [])
        rows = ledger_table(ledger)
        ledger_pages = []
        all_ranges = ranges(ledger)
        shown = shown_rows(rows, options.ledger_rows, options.page_entries)
        if len(rows) > shown:
            by_month: dict[tuple[int, int], list] = defaultdict(list)
            for row in rows:
                by_month[(row[0].year, row[0].month)].append(row)
            older = {(row[0].year, row[0].month) for row in rows[shown:]}
            for month in sorted(older, reverse=True):
                chunks = ledger_parts(by_month[month], options.page_entries)
                for i, month_rows in enumerate(chunks):
                    stem = f"{month[0]:04d}-{month[1]:02d}" + (f"-{month_rows[0][0].day:02d}" if i else "")
                    lsrc = f"topics/{topic.id}/ledger/{stem}.md"
                    label = month_label(month) + (f", {ledger_days(month_rows)}" if len(chunks) > 1 else "")
                    ledger_pages.append((month, lsrc, label))
                    days = {row[0] for row in month_rows}
                    month_ranges = [rg for rg in all_ranges if period_end(rg[0][0].as_of) in days]
                    key = (r.context_key, topic.title, month, label, repr(month_rows), repr(month_ranges),
                           frozenset(r.article_key(a) for _, _, claims in month_rows for f in claims
                                     for a in f.articles or [f.article]))
                    out.append(r.reuse(lsrc, key, lambda lsrc=lsrc, month=month, month_rows=month_rows, topic=topic,
                                       label=label, month_ranges=month_ranges: Generated(lsrc, r.render(
                        "ledger.md.j2", lsrc, title=f"{topic.title}: figure ledger, {label}",
                        meta={"search": {"exclude": True}},
                        topic=topic, month=month, label=label, rows=month_rows, ranges=month_ranges,
                        labels=r.labels.with_topic(topic)))))
        labels = r.labels.with_topic(topic)
        # the topic page: the ranges of its newest ledger rows (the ledger pages show the others)
        shown_days = {row[0] for row in rows[:shown]}
        page_ranges = [rg for rg in all_ranges if period_end(rg[0][0].as_of) in shown_days]
        out.append(Generated(src, r.render(
            "topic.md.j2", src, title=topic.title, topic=topic, ledger_pages=ledger_pages, labels=labels,
            meta={**r.updated([topic.path] + [a.path for a in arts]),
                  "bf_feed": {"title": f"{topic.title} · {options.title}", "path": f"topics/{topic.id}/feed.xml"}}, ledger=rows, shown=shown, key_figures=latest_claims(ledger),
            charts=topic_charts(topic, ledger, src, chart_colours(briefing), labels), ranges=page_ranges,
            more_ranges=len(all_ranges) - len(page_ranges),
        )))
    return out


def chart_colours(briefing) -> dict[str, int]:
    """Every source charted anywhere in the briefing, one colour each (the same on every topic page)."""
    charted = {kind for t in briefing.topics.values() for kind in t.figures}
    return source_colours(f.source for f in briefing.figures if f.kind in charted)


def topic_charts(topic, ledger: list, src: str, colours: dict[str, int] | None = None,
                 labels: FigureLabels | None = None) -> list[tuple[str, str, str]]:
    """(kind, title, SVG) for each figure kind the topic charts, one series per source. A point is drawn
    at the start of its as-of date (a May report without a day at 1 May): a point at the end of
    its period could show a count falling that never fell; its label gives the period."""
    labels = labels or FigureLabels().with_topic(topic)
    out = []
    charted = [kind for kind in topic.figures if any(f.kind == kind for f in ledger)]
    total = min(CHART_TOTAL, CHART_PAGE // max(1, len(charted)))
    for kind in topic.figures:
        claims = [f for f in ledger if f.kind == kind]
        if not claims:
            continue
        series: dict[str, list[Point]] = defaultdict(list)
        for f in thin_claims(claims, total):
            href = rel_url(src, src_of("articles", f.article), f"#e-{f.event}" if f.event else "")
            series[f.source].append(Point(f.as_of.start, f.value, href, figure_label(f, labels),
                                          f.qualifier != "exact"))
        first = min(f.as_of.start for f in claims)
        last = max(f.as_of.start for f in claims)
        when = (f"on {format_date_short(first)}" if first == last
                else f"{format_date_short(first)} to {format_date_short(last)}")
        unit = labels.unit(kind)
        title = f"{labels.label(kind)}{f' ({unit})' if unit else ''}: claims by source, {when}"
        desc = (f"{plural(len(claims), 'claim')} from {plural(len(series), 'source')} ({', '.join(sorted(series))}). "
                f"Latest: " + "; ".join(figure_label(f, labels) for f in latest_claims(claims)) + ".")
        out.append((kind, title, chart_block(f"chart-{topic.id}-{kind}", title, desc, dict(series), colours)))
    return out


CHART_POINTS = 120  # per source; beyond it, the latest claim of each week (then month, quarter, year) is charted
CHART_TOTAL = 240  # per chart (a chart is drawn twice, wide and narrow): fewer per source when there are many
CHART_PAGE = 600  # on a topic page, all its charts together: fewer per chart when it charts many figures


def thin_claims(claims: list, total: int = CHART_TOTAL) -> list:
    """Claims to chart: all of them, or for a long series the latest per source and week (or
    month, quarter, year), so a chart stays readable and small. The ledger always lists every claim."""
    by_source: dict[str, list] = defaultdict(list)
    for f in claims:
        by_source[f.source].append(f)
    limit = max(12, min(CHART_POINTS, total // max(1, len(by_source))))
    out = []
    for source in sorted(by_source):
        series = sorted(by_source[source], key=lambda f: (f.as_of.start, f.value))
        for bucket in (lambda d: d.isocalendar()[:2], lambda d: (d.year, d.month),
                       lambda d: (d.year, (d.month - 1) // 3), lambda d: d.year):
            if len(series) <= limit:
                break
            latest: dict = {}
            for f in series:
                latest[bucket(f.as_of.start)] = f
            series = list(latest.values())
        out.extend(series)
    return out


def ledger_table(ledger: list) -> list[tuple]:
    """Claims grouped by (as-of date, kind), newest first: conflicting claims share a row. A claim
    as of a week, month or year is placed by the end of its period, like the timeline."""
    rows: dict[tuple, list] = defaultdict(list)
    for f in ledger:
        rows[(period_end(f.as_of), PRECISIONS.index(f.as_of.precision), f.as_of.start, f.kind)].append(f)
    return [(key[0], key[3], sorted(claims, key=lambda f: (f.source, f.value)))
            for key, claims in sorted(rows.items(), key=lambda kv: kv[0], reverse=True)]


def shown_rows(rows: list, most: int, claims: int) -> int:
    """How many of the newest ledger rows a topic page shows: at most ``most`` rows holding at most
    ``claims`` claims (conflicting claims share a row, so a row can hold many), and at least one."""
    total = 0
    for n, (_, _, row_claims) in enumerate(rows[:most]):
        total += len(row_claims)
        if total > claims and n:
            return n
    return min(most, len(rows))


def ledger_parts(rows: list, bound: int) -> list[list]:
    """A month's ledger rows (newest first) in pages of at most ``bound`` rows and claims, whole
    days together (a day with more is cut on its own, a row never)."""
    bound = max(1, bound)
    parts: list[list] = []
    current: list = []
    size = 0
    days: list[list] = []
    for row in rows:
        if days and days[-1][0][0] == row[0]:
            days[-1].append(row)
        else:
            days.append([row])
    for day in days:
        day_size = sum(max(1, len(claims)) for _, _, claims in day)
        if current and size + day_size > bound:
            parts.append(current)
            current, size = [], 0
        for row in day:
            if current and size + len(row[2]) > bound:
                parts.append(current)
                current, size = [], 0
            current.append(row)
            size += max(1, len(row[2]))
    if current:
        parts.append(current)
    return parts


def ledger_days(rows: list) -> str:
    """The days some ledger rows cover: "9–10 March"."""
    first, last = rows[-1][0], rows[0][0]
    name = f"{last:%B}"
    return f"{first.day} {name}" if first == last else f"{first.day}–{last.day} {name}"
