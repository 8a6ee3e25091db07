"""Rendering pages: the Jinja2 environment (kept in the BuildCache), the :class:`Renderer` with its
HTML slots and entry HTML, and the cache key of everything an article page shows besides its file."""

from __future__ import annotations

import hashlib
import html
import json
import posixpath
from pathlib import Path

import jinja2

from generator.cache import BuildCache, hash_files
from generator.config import Options
from generator.derive import Index
from generator.derive.labels import FigureLabels
from generator.model.dates import format_date
from generator.model.types import Briefing, DateValue, Event
from generator.pages.filters import (QUALIFIER_WORDS, attr_escape, figure_value_html, kind_label, kind_unit, kind_words,
                                     md_escape, month_label, number, url_escape, value_with_unit)
from generator.pages.months import month_of, months_of
from generator.pages.output import Generated, Markdown
from generator.model.places import ancestors
from generator.pages.urls import entry_path, month_src, page_url, relpath, src_of

TEMPLATES = Path(__file__).parent / "templates"
_PREFIX = "\x00prefix\x00"  # stands for the page's way back to the site root in entry HTML


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
    env.filters.update(md=md_escape, attr=attr_escape, url=url_escape, human=format_date, number=number, kind_label=kind_label,
                       kind_unit=kind_unit, kind_words=kind_words, figure_value_html=figure_value_html, value_unit=value_with_unit)
    env.globals.update(qualifier_words=QUALIFIER_WORDS, src_of=src_of, entry_path=entry_path)
    return env


class Renderer:
    """Renders the pages of one build: the templates with their context, the HTML slots, entry HTML
    kept per article, and the pages that the build that shared the BuildCache made already."""

    def __init__(self, briefing: Briefing, index: Index, options: Options, env: jinja2.Environment,
                 big_months: set[tuple[int, int]], cache: BuildCache):
        self.big_months = big_months
        self.entry_pages: dict[str, str] = {}  # entry id -> its timeline page, where a month is split
        self.cache = cache
        self._entry_versions: dict[tuple, tuple] = {}  # (entry, depth, show_date) -> (version, HTML)
        self._generic: dict[tuple, str] = {}
        self.context_key = ""
        self._entry_template = env.get_template("_entry.html.j2")
        self.b = briefing
        self.labels = FigureLabels.of_topics(briefing.topics.values())  # how pages name figure kinds
        self.index = index
        self.options = options
        self.env = env
        self._kept: dict[str, tuple] = {}  # page path -> (key, page) used by this build

    def render(self, template: str, page: str, title: str, meta: dict | None = None, **context) -> str:
        page_dir = posixpath.dirname(page) or "."

        def rel(target: str) -> str:
            return relpath(target, page_dir)

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

        context.setdefault("labels", self.labels)  # a topic page passes its own first
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
                    b=self.b, e=entry, prefix=_PREFIX, show_date=show_date, labels=self.labels,
                    place_chain=lambda p: ancestors(self.b.places, p)).strip()
            html_text = generic.replace(_PREFIX, "../" * depth)
        self._entry_versions[key] = (version, html_text)
        return html_text

    def article_key(self, article_id: str) -> tuple:
        """What an article's page and entries depend on: its file, its change date, and the context
        (actors, topics, notes, options, templates, month pages)."""
        path = self.b.articles[article_id].path
        return (article_id, self.b.digests.get(path), self.b.changed.get(path), self.context_key)

    def reuse(self, src: str, key: tuple, make) -> Generated:
        """The page of the build that shared the BuildCache when its key is the same, else make()."""
        hit = self.cache.pages.get(src)
        page = hit[1] if hit is not None and hit[0] == key else make()
        self._kept[src] = (key, page)
        return page

    def keep_for_next_build(self) -> None:
        """The BuildCache keeps what this build used, and only that."""
        self.cache.entry_html = self._entry_versions
        self.cache.pages = self._kept

    def updated(self, paths: list[str]) -> dict:
        """Material's "last update" for a page: the latest change among its input files."""
        days = [self.b.changed[p] for p in paths if p in self.b.changed]
        return {"revision_date": format_date(DateValue(max(days)))} if days else {}

    def timeline_src(self, entry: Event) -> str:
        """The timeline page that shows an entry: its month page (or the part of it) if the month has one."""
        return self.entry_pages.get(entry.id) or self.month_home(month_of(entry))


def context_key(briefing: Briefing, options: Options, big: set, overrides: list[Path] | None) -> str:
    """A hash of everything besides its own file that an article page or entry can show: actors'
    names and aliases, topics' titles and keywords (they decide what an article mentions and
    belongs to), the notes about articles, the options, which months have their own page, and
    the template overrides (by content)."""
    h = hashlib.blake2b(digest_size=16)
    # Only what article pages, entries, ledgers and feeds show of them: editing an actor's profile
    # text or a note's body renders no article again.
    for a in briefing.actors.values():
        h.update(repr((a.id, a.name, a.aliases, a.kind)).encode())  # kind: the article's JSON-LD
    for t in briefing.topics.values():
        h.update(repr((t.id, t.title, t.keywords, t.labels)).encode())  # labels: how entries name figure kinds
    for p in briefing.places.values():  # an entry's place link and filter (data-places)
        h.update(repr((p.id, p.name, p.aliases, p.within, p.lat, p.lon)).encode())
    for n in briefing.notes.values():
        h.update(repr((n.id, n.title, n.date, n.kind, n.articles, n.actors, n.topics)).encode())
    h.update(repr((options, sorted(big))).encode())
    hash_files(h, [f for folder in overrides or [] if folder.is_dir() for f in sorted(folder.rglob("*")) if f.is_file()])
    return h.hexdigest()
