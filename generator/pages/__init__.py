"""Pages (spec section 6) as Markdown rendered from Jinja2 templates, plus data files.

``build_pages`` returns plain :class:`Generated` records (a path in the docs tree and
its content); the MkDocs plugin turns them into ``File.generated`` files, and any
other engine could take them as they are.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import html
import json
import os
import posixpath
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import quote

import jinja2

from generator.cache import BuildCache
from generator.config import Options
from generator.model.dates import format_date
from generator.derive import Index, latest_claims
from generator.model.types import Briefing, DateValue, Event
from generator.pages.static import asset_files
from generator.pages.charts import Point, line_chart, sparkline, weekly_counts
from generator.pages.data import briefing_json
from generator.pages.feeds import FEED_SIZE, atom_feed
from generator.pages.links import link_first_mentions
from generator.pages.timelinejs import timeline_json

TEMPLATES = Path(__file__).parent / "templates"
QUALIFIER_WORDS = {"exact": "", "at-least": "at least", "about": "about", "up-to": "up to"}


@dataclass(frozen=True)
class Generated:
    """A page or file for the docs tree.

    Big HTML blocks (lists of timeline entries) are not part of the Markdown: ``content`` holds a
    token for each (a word alone in its paragraph, ``BFBLOCK<hash>N<n>``), and ``blocks`` maps the
    token to its HTML. An engine puts the HTML in for ``<p>token</p>`` after converting the
    Markdown (the MkDocs plugin does it after the theme, in ``on_post_page``), so the Markdown
    converter never walks thousands of entries; :meth:`inline` gives the page in one piece.
    """

    path: str  # in the docs tree, e.g. "actors/khalifa-haftar.md"
    content: str | bytes
    in_nav: bool = False
    draft: bool = False
    blocks: dict[str, str] = field(default_factory=dict)

    def inline(self) -> str | bytes:
        content = self.content
        for token, block in self.blocks.items():
            content = content.replace(f"\n{token}\n", f"\n{block}\n")
        return content


class Markdown(str):
    """Rendered Markdown that carries the HTML blocks its tokens stand for."""

    blocks: dict[str, str]


# Python-Markdown's backslash-escapable characters, plus "|" (tables)
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def md_escape(value) -> str:
    """Text from front matter, safe inside Markdown: shows as typed, never as markup."""
    if value is None:
        return ""
    text = _MD_SPECIAL.sub(r"\\\1", " ".join(str(value).split()))
    return html.escape(text, quote=False)


def attr_escape(value) -> str:
    return html.escape(str(value if value is not None else ""), quote=True)


def url_escape(value: str) -> str:
    """An http(s) URL made safe inside a Markdown link: no spaces, brackets or quotes."""
    return quote(str(value), safe=":/?#@!$&'*+,;=%~")


def number(value: int) -> str:
    return f"{value:,}"


def kind_label(kind: str) -> str:
    return kind.replace("-", " ").capitalize()


def src_of(kind: str, ident: str) -> str:
    """Docs-tree path of an item page; its URL is /<kind>/<id>/ (spec section 2)."""
    return f"{kind}/{ident}.md"


def month_src(year: int, month: int) -> str:
    return f"timeline/{year:04d}/{month:02d}.md"


@functools.lru_cache(maxsize=65536)
def _relpath(target: str, start: str) -> str:
    return posixpath.relpath(target, start)


def page_url(src: str) -> str:
    """The directory URL of a page (MkDocs' use_directory_urls): "topics/x.md" -> "topics/x/"."""
    stem = src[:-3]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def rel_url(from_src: str, to_src: str, anchor: str = "") -> str:
    """A link from one page to another in raw HTML, where MkDocs does not rewrite links."""
    target = page_url(to_src)
    base = page_url(from_src)
    rel = posixpath.relpath(target or ".", base or ".")
    rel = "" if rel == "." else rel + "/"
    return (rel or "./") + anchor


def month_label(month: tuple[int, int]) -> str:
    return format_date(DateValue(dt.date(month[0], month[1], 1), "month"))


def months_of(entries: list[Event]) -> list[tuple[tuple[int, int], int]]:
    """(month, number of entries), in the order the entries come."""
    counts: dict[tuple[int, int], int] = {}
    for e in entries:
        key = (e.date.start.year, e.date.start.month)
        counts[key] = counts.get(key, 0) + 1
    return list(counts.items())


def figure_label(f) -> str:
    qualifier = QUALIFIER_WORDS[f.qualifier]
    return (f"{qualifier + ' ' if qualifier else ''}{f.value:,} {kind_label(f.kind).lower()}, per {f.source}, "
            f"as of {format_date(f.as_of)}")


def topic_charts(topic, ledger: list, src: str) -> list[tuple[str, str]]:
    """(kind, SVG) for each figure kind the topic charts, one series per source."""
    out = []
    for kind in topic.figures:
        claims = [f for f in ledger if f.kind == kind]
        if not claims:
            continue
        series: dict[str, list[Point]] = defaultdict(list)
        for f in thin_claims(claims):
            href = rel_url(src, src_of("articles", f.article), f"#e-{f.event}" if f.event else "")
            series[f.source].append(Point(f.as_of.start, f.value, href, figure_label(f)))
        first = min(f.as_of.start for f in claims)
        last = max(f.as_of.start for f in claims)
        when = (f"on {format_date_short(first)}" if first == last
                else f"{format_date_short(first)} to {format_date_short(last)}")
        title = f"{kind_label(kind)}: claims by source, {when}"
        desc = (f"{_plural(len(claims), 'claim')} from {_plural(len(series), 'source')} ({', '.join(sorted(series))}). "
                f"Latest: " + "; ".join(figure_label(f) for f in latest_claims(claims)) + ".")
        out.append((kind, line_chart(f"chart-{topic.id}-{kind}", title, desc, dict(series))))
    return out


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


CHART_POINTS = 120  # per source; beyond it, the latest claim of each week (then month) is charted


def thin_claims(claims: list) -> list:
    """Claims to chart: all of them, or for a long series the latest per source and week (or
    month), so a chart stays readable and small. The ledger always lists every claim."""
    by_source: dict[str, list] = defaultdict(list)
    for f in claims:
        by_source[f.source].append(f)
    out = []
    for source in sorted(by_source):
        series = sorted(by_source[source], key=lambda f: (f.as_of.start, f.value))
        for bucket in (lambda d: d.isocalendar()[:2], lambda d: (d.year, d.month)):
            if len(series) <= CHART_POINTS:
                break
            latest: dict = {}
            for f in series:
                latest[bucket(f.as_of.start)] = f
            series = list(latest.values())
        out.extend(series)
    return out


def format_date_short(day) -> str:
    return f"{day.day} {day.strftime('%b')} {day.year}"


def ledger_rows(ledger: list) -> list[tuple]:
    """Claims grouped by (as-of date, kind), newest first: conflicting claims share a row."""
    rows: dict[tuple, list] = defaultdict(list)
    for f in ledger:
        rows[(f.as_of.start, f.kind)].append(f)
    return [(day, kind, sorted(claims, key=lambda f: (f.source, f.value)))
            for (day, kind), claims in sorted(rows.items(), key=lambda kv: (kv[0][0], kv[0][1]), reverse=True)]


def actor_activity(actor_id: str, index: Index, briefing: Briefing) -> str:
    entries = index.entries_by_actor.get(actor_id, [])
    if not briefing.entries or not entries:
        return ""
    start, end = briefing.entries[0].date.start, briefing.entries[-1].date.start
    counts = weekly_counts([e.date.start for e in entries], start, end)
    title = (f"{len(entries)} entries over {len(counts)} weeks, {format_date_short(start)} to "
             f"{format_date_short(end)}; busiest week: {max(counts)}")
    return sparkline(f"spark-{actor_id}", title, counts)


def stale_entries(actor, entries: list, briefing: Briefing) -> int:
    """Entries whose article changed after the actor's profile file (git dates; entry dates if unknown)."""
    edited = briefing.changed.get(actor.path)
    if edited is None:
        return 0
    newer = 0
    for e in entries:
        article = briefing.articles[e.article]
        when = briefing.changed.get(article.path, e.date.start)
        if when > edited:
            newer += 1
    return newer


def environment(overrides: list[Path] | None = None, kept: dict | None = None) -> jinja2.Environment:
    """The Jinja2 environment, made once per set of override folders: its compiled templates are
    reused by later builds that share ``kept`` (a BuildCache's: ``briefing serve``); Jinja2 reloads
    a template file that changed."""
    kept = {} if kept is None else kept
    key = tuple(str(p) for p in (overrides or []) if p.is_dir())
    env = kept.get(key)
    if env is None:
        env = kept[key] = _environment(overrides)
    return env


def _environment(overrides: list[Path] | None = None) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(str(p)) for p in (overrides or []) if p.is_dir()]
    loaders.append(jinja2.FileSystemLoader(str(TEMPLATES)))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # Markdown output: every value goes through |md or |attr
    )
    env.filters.update(md=md_escape, attr=attr_escape, url=url_escape, human=format_date, number=number, kind_label=kind_label)
    env.globals.update(qualifier_words=QUALIFIER_WORDS, src_of=src_of)
    return env


class _Renderer:
    def __init__(self, briefing: Briefing, index: Index, options: Options, env: jinja2.Environment,
                 big_months: set[tuple[int, int]], cache: BuildCache):
        self.big_months = big_months
        self.cache = cache
        self._entry_versions: dict[tuple, tuple] = {}  # (entry, depth, show_date) -> (version, HTML)
        self._generic: dict[tuple, str] = {}
        self.context_key = ""
        self._entry_template = env.get_template("_entry.html.j2")
        self.b = briefing
        self.index = index
        self.options = options
        self.env = env

    def render(self, template: str, page: str, title: str, meta: dict | None = None, **context) -> str:
        page_dir = posixpath.dirname(page) or "."

        def rel(target: str) -> str:
            return _relpath(target, page_dir)

        depth = page_url(page).count("/")
        prefix = "../" * depth

        def href(target: str) -> str:
            """The URL of a page's source path, relative to this page (for HTML; Markdown uses rel)."""
            return prefix + page_url(target) or "./"

        # Material's page options. The title is HTML-escaped here because Material puts
        # page.meta.title into <title> and the header as it is (MkDocs' own title from the
        # H1 would be unescaped by Material's `striptags` in <title>).
        meta = {"hide": ["navigation"], **(meta or {}), "title": html.escape(" ".join(title.split()))}
        head = "---\n" + json.dumps(meta, sort_keys=True) + "\n---\n\n"
        blocks: dict[str, str] = {}

        def entry_html(entry: Event, show_date: bool = True) -> str:
            return self.entry_html(entry, depth, show_date)

        token_base = "BFBLOCK" + hashlib.blake2b(page.encode(), digest_size=6).hexdigest() + "N"

        def slot(caller) -> str:
            """{% call slot() %}HTML{% endcall %}: the HTML is kept out of the Markdown. The token is
            a plain word in a paragraph of its own: no raw HTML for Python-Markdown to parse."""
            token = f"{token_base}{len(blocks)}"
            blocks[token] = caller().strip()
            return f"\n\n{token}\n\n"

        text = Markdown(head + self.env.get_template(template).render(
            b=self.b, ix=self.index, opts=self.options, page=page, rel=rel, timeline_src=self.timeline_src,
            entry_html=entry_html, href=href, months_of=months_of, month_label=month_label,
            timeline_month_src=self.month_home, slot=slot, **context,
        ))
        text.blocks = blocks
        return text

    def month_home(self, month: tuple[int, int]) -> str:
        """The timeline page that shows a month: its own page, or the timeline page."""
        return month_src(*month) if month in self.big_months else "timeline/index.md"

    def entry_html(self, entry: Event, depth: int, show_date: bool) -> str:
        """An entry's HTML, rendered once per page depth (its links are relative), and kept for the
        next build in the process while its article file and the context are unchanged."""
        key = (entry.id, depth, show_date)
        done = self._entry_versions.get(key)
        if done is not None:
            return done[1]
        version = (self.article_key(entry.article), entry.draft)
        cached = self.cache.entry_html.get(key)
        if cached is not None and cached[0] == version:
            html_text = cached[1]
        else:
            # Rendered once for every depth: only the relative prefix of its links differs.
            generic = self._generic.get((entry.id, show_date))
            if generic is None:
                generic = self._generic[entry.id, show_date] = self._entry_template.render(
                    b=self.b, e=entry, prefix=_PREFIX, show_date=show_date).strip()
            html_text = generic.replace(_PREFIX, "../" * depth)
        self._entry_versions[key] = (version, html_text)
        return html_text

    def article_key(self, article_id: str) -> tuple:
        """What an article's page and entries depend on: its file, its change date, and the context
        (actors, topics, notes, options, templates, month pages)."""
        path = self.b.articles[article_id].path
        return (article_id, self.b.digests.get(path), self.b.changed.get(path), self.context_key)

    def keep_for_next_build(self) -> None:
        self.cache.entry_html = self._entry_versions

    def updated(self, paths: list[str]) -> dict:
        """Material's "last update" for a page: the latest change among its input files."""
        days = [self.b.changed[p] for p in paths if p in self.b.changed]
        return {"revision_date": format_date(DateValue(max(days)))} if days else {}

    def timeline_src(self, entry: Event) -> str:
        """The timeline page that shows an entry: its month page if the month has one."""
        return self.month_home((entry.date.start.year, entry.date.start.month))


_PREFIX = "\x00prefix\x00"  # stands for the page's way back to the site root in entry HTML


def context_key(briefing: Briefing, options: Options, big: set, overrides: list[Path] | None) -> str:
    """A hash of everything besides its own file that an article page or entry can show: actors'
    names and aliases, topics' titles and keywords (they decide what an article mentions and
    belongs to), the notes about articles, the options, which months have their own page, and
    the template overrides (by modification time)."""
    h = hashlib.blake2b(digest_size=16)
    # Only what article pages, entries, ledgers and feeds show of them: editing an actor's profile
    # text or a note's body renders no article again.
    for a in briefing.actors.values():
        h.update(repr((a.id, a.name, a.aliases)).encode())
    for t in briefing.topics.values():
        h.update(repr((t.id, t.title, t.keywords)).encode())
    for n in briefing.notes.values():
        h.update(repr((n.id, n.title, n.date, n.kind, n.articles, n.actors, n.topics)).encode())
    h.update(repr((options, sorted(big))).encode())
    stamp_files(h, [f for folder in overrides or [] if folder.is_dir() for f in sorted(folder.rglob("*"))])
    return h.hexdigest()


def stamp_files(h, paths) -> None:
    """Add each file's path and modification time to the hash ``h`` (missing files are skipped)."""
    for p in paths:
        try:
            h.update(f"{p}\0{os.stat(p).st_mtime_ns}\n".encode())
        except OSError:
            continue


def group_by_month(entries: list[Event]) -> list[tuple[tuple[int, int], list[Event]]]:
    """Entries newest month first, newest first within a month.

    Entries dated only to the month (or year) come after the month's dated days, never
    among the entries of its 1st.
    """
    months: dict[tuple[int, int], list[Event]] = defaultdict(list)
    for e in reversed(entries):
        months[(e.date.start.year, e.date.start.month)].append(e)
    for month_entries in months.values():
        month_entries.sort(key=lambda e: e.date.precision in ("month", "year"))  # stable
    return sorted(months.items(), reverse=True)


def group_by_day(entries: list[Event]) -> list[tuple[str, list[Event]]]:
    """Consecutive entries with the same displayed date, as (label, entries)."""
    groups: list[tuple[str, list[Event]]] = []
    for e in entries:
        label = format_date(e.date)
        if groups and groups[-1][0] == label:
            groups[-1][1].append(e)
        else:
            groups.append((label, [e]))
    return groups


def key_figures(briefing: Briefing) -> list:
    """Figures of the kinds that topics chart (all figures if no topic charts any)."""
    kinds = {k for t in briefing.topics.values() for k in t.figures}
    return [f for f in briefing.figures if not kinds or f.kind in kinds]


def build_pages(
    briefing: Briefing,
    index: Index,
    options: Options = Options(),
    overrides: list[Path] | None = None,
    cache: BuildCache | None = None,
) -> list[Generated]:
    """Every page and data file. Pages and entry HTML whose inputs did not change since the build
    that shared ``cache`` are not rendered again; each build keeps only what it used."""
    cache = cache or BuildCache()
    env = environment(overrides, cache.environments)
    out: list[Generated] = []
    entries = briefing.entries
    months = group_by_month(entries)
    big = {m for m, es in months if len(es) > options.month_page_threshold}
    r = _Renderer(briefing, index, options, env, big, cache)
    kept: dict[str, tuple] = {}

    def reuse(src: str, key: tuple, make) -> Generated:
        """A page of the previous build in this process when its key is the same, else make()."""
        hit = cache.pages.get(src)
        page = hit[1] if hit is not None and hit[0] == key else make()
        kept[src] = (key, page)
        return page

    r.context_key = context_key(briefing, options, big, overrides)
    article_paths = [a.path for a in briefing.articles.values()]
    all_paths = article_paths + [x.path for kind in (briefing.notes, briefing.actors, briefing.topics)
                                 for x in kind.values()]

    out.append(Generated("index.md", r.render(
        "home.md.j2", "index.md", title=options.title,
        meta={"hide": ["navigation", "toc"], **r.updated(all_paths)},
        latest=list(reversed(entries))[: options.latest],
        key_figures=latest_claims(key_figures(briefing)),
    ), in_nav=True))
    out.append(Generated("timeline/index.md", r.render(
        "timeline.md.j2", "timeline/index.md", title="Timeline",
        meta={**r.updated(article_paths), "search": {"exclude": True}}, months=months, big=big, group_by_day=group_by_day,
    ), in_nav=True))
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
            "month.md.j2", src, title=format_date(DateValue(dt.date(*month, 1), "month")),
            meta={"search": {"exclude": True}}, month=month, entries=month_entries, group_by_day=group_by_day,
            newer=where(newer) if newer else None, older=where(older) if older else None,
        )))

    out.append(Generated("actors/index.md", r.render("actors.md.j2", "actors/index.md", title="Actors"), in_nav=True))
    span = (entries[0].date.start, entries[-1].date.start) if entries else None
    for actor in briefing.actors.values():
        src = src_of("actors", actor.id)
        actor_entries = index.entries_by_actor.get(actor.id, [])
        # An actor page shows its own file, its entries and articles, the notes about it, and the
        # span of the whole timeline (its activity chart).
        key = (r.context_key, briefing.digests.get(actor.path), briefing.changed.get(actor.path), span,
               frozenset(r.article_key(a) for a in {e.article for e in actor_entries}
                         | {a.id for a in index.articles_by_actor.get(actor.id, [])}),
               tuple(n.id for n in index.notes_by_actor.get(actor.id, [])))
        out.append(reuse(src, key, lambda src=src, actor=actor, actor_entries=actor_entries: Generated(src, r.render(
            "actor.md.j2", src, title=actor.name,
            meta={"search": {"boost": 2}, **r.updated([actor.path]),
                  "bf_feed": {"title": f"{actor.name} · {options.title}", "path": f"actors/{actor.id}/feed.xml"}},
            actor=actor,
            activity=actor_activity(actor.id, index, briefing),
            stale=stale_entries(actor, actor_entries, briefing),
            edited=briefing.changed.get(actor.path),
        ))))

    out.append(Generated("topics/index.md", r.render("topics.md.j2", "topics/index.md", title="Topics"), in_nav=True))
    for topic in briefing.topics.values():
        src = src_of("topics", topic.id)
        kinds = topic.figures
        if kinds:
            ledger = [f for f in briefing.figures if f.kind in kinds]
        else:
            ids = {a.id for a in index.articles_by_topic.get(topic.id, [])}
            ledger = [f for f in briefing.figures if f.article in ids]
        arts = index.articles_by_topic.get(topic.id, [])
        rows = ledger_rows(ledger)
        ledger_pages = []
        if len(rows) > options.ledger_rows:
            by_month: dict[tuple[int, int], list] = defaultdict(list)
            for row in rows:
                by_month[(row[0].year, row[0].month)].append(row)
            older = {(row[0].year, row[0].month) for row in rows[options.ledger_rows:]}
            for month in sorted(older, reverse=True):
                lsrc = f"topics/{topic.id}/ledger/{month[0]:04d}-{month[1]:02d}.md"
                ledger_pages.append((month, lsrc))
                month_rows = by_month[month]
                key = (r.context_key, topic.title, month, repr(month_rows),
                       frozenset(r.article_key(f.article) for _, _, claims in month_rows for f in claims))
                out.append(reuse(lsrc, key, lambda lsrc=lsrc, month=month, month_rows=month_rows: Generated(lsrc, r.render(
                    "ledger.md.j2", lsrc, title=f"{topic.title}: figure ledger, {month_label(month)}",
                    meta={"search": {"exclude": True}},
                    topic=topic, month=month, rows=month_rows))))
        out.append(Generated(src, r.render(
            "topic.md.j2", src, title=topic.title, topic=topic, ledger_pages=ledger_pages,
            meta={**r.updated([topic.path] + [a.path for a in arts]),
                  "bf_feed": {"title": f"{topic.title} · {options.title}", "path": f"topics/{topic.id}/feed.xml"}}, ledger=rows, key_figures=latest_claims(ledger),
            charts=topic_charts(topic, ledger, src),
        )))

    out.append(Generated("notes/index.md", r.render("notes.md.j2", "notes/index.md", title="Editor notes"), in_nav=True))
    for note in briefing.notes.values():
        src = src_of("notes", note.id)
        out.append(Generated(src, r.render(
            "note.md.j2", src, title=note.title, note=note, meta=r.updated([note.path]),
            note_articles=[briefing.articles[a] for a in note.articles if a in briefing.articles],
        )))

    def article_page(article, src: str) -> Generated:
        body = link_first_mentions(
            article.body, index.matcher,
            lambda a: _relpath(src_of("actors", a), posixpath.dirname(src)),
            expected=set(article.mentions),
        )
        return Generated(src, r.render("article.md.j2", src, title=article.title, meta=r.updated([article.path]),
                                       article=article, body=body), draft=article.draft)

    for article in briefing.articles.values():
        src = src_of("articles", article.id)
        out.append(reuse(src, r.article_key(article.id), lambda article=article, src=src: article_page(article, src)))
    r.keep_for_next_build()

    def feed(path: str, page: str, title: str, feed_entries: list[Event]) -> Generated:
        latest = sorted(feed_entries, key=lambda e: (e.date.start, e.id), reverse=True)[:FEED_SIZE]
        key = (r.context_key, page, title, tuple((e.id, r.article_key(e.article)) for e in latest))
        return reuse(path, key, lambda: Generated(path, atom_feed(
            briefing, latest, title=title, feed_path=path, page_path=page,
            site_title=options.title, site_url=options.site_url)))

    out = [replace(g, blocks=g.content.blocks) if isinstance(g.content, Markdown) else g for g in out]
    out.append(feed("feed.xml", "", options.title, entries))
    for actor in briefing.actors.values():
        out.append(feed(f"actors/{actor.id}/feed.xml", f"actors/{actor.id}/", f"{actor.name} · {options.title}",
                        index.entries_by_actor.get(actor.id, [])))
    for topic in briefing.topics.values():
        out.append(feed(f"topics/{topic.id}/feed.xml", f"topics/{topic.id}/", f"{topic.title} · {options.title}",
                        index.entries_by_topic.get(topic.id, [])))
    cache.pages = kept
    out.append(Generated("data/briefing.json", briefing_json(briefing, index)))
    out.append(Generated("data/timeline.json", timeline_json(briefing, options.title, options.site_url)))
    out.extend(Generated(path, content) for path, content in asset_files())
    return out
