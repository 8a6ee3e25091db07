"""Checks across files, run once every file is loaded (README: Check your work). Each is linear in
the number of items (a dictionary pass, never a comparison of every pair), so ``briefing check``
stays fast at 10,000 articles.

- a note that lists an article published after the note's own date (it cites the future);
- two articles filed from the same source page on the same day (probably one story filed twice);
- two topics that label one figure kind differently.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from generator.model.datewords import format_date, last_day
from generator.model.problems import Problems
from generator.model.types import Article, Briefing
from generator.model.validate import Ref


def check_across(briefing: Briefing, refs: list[Ref], problems: Problems) -> None:
    _future_citations(briefing, refs)
    _filed_twice(briefing, problems)
    _labelled_twice(briefing, problems)


def _future_citations(briefing: Briefing, refs: list[Ref]) -> None:
    """A note's ``articles:`` entry published after the note: a warning at that entry's line."""
    notes = {note.path: note for note in briefing.notes.values()}
    for ref in refs:
        if ref.kind != "articles" or ref.where.path not in notes:
            continue
        note, cited = notes[ref.where.path], briefing.articles.get(ref.id)
        if cited is None or cited.date.start <= last_day(note.date):
            continue
        ref.where.warning(ref.line0, f"this note is dated {format_date(note.date)} but cites '{ref.id}', "
                                     f"published {format_date(cited.date)}, after it; date the note on or after "
                                     f"{cited.date.start.isoformat()}, or remove the article")


def same_page(url: str) -> str:
    """A url as a key for "the same page": scheme, case of the host, fragment and a final '/' aside."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("", parts.netloc.lower().removeprefix("www."), path, parts.query, ""))


def _filed_twice(briefing: Briefing, problems: Problems) -> None:
    """Two articles with the same source urls (every one of them) and the same publication day: a
    warning on the later file, naming the first. Different stories from one page (a report that
    covers two days, two articles citing the same page among others) are not flagged."""
    first: dict[tuple, Article] = {}
    for art in briefing.articles.values():
        urls = frozenset(same_page(s.url) for s in art.sources if s.url)
        if not urls:
            continue
        key = (urls, art.date.start)
        other = first.setdefault(key, art)
        if other is art:
            continue
        source = next(s for s in art.sources if s.url)
        problems.warning(art.path, source.line, f"same source as {other.path} ({source.url}), published the same "
                                                f"day: probably one story filed twice; merge the two articles, "
                                                f"or fix the url")


def _labelled_twice(briefing: Briefing, problems: Problems) -> None:
    """A figure kind labelled differently by two topics: a warning on the later one. Its own page
    shows its label; every other page (articles, the timeline, the home page, data files) the first's."""
    first: dict[str, tuple] = {}
    for topic in briefing.topics.values():
        for kind, (label, unit, line) in topic.labels.items():
            other = first.setdefault(kind, (topic, label, unit))
            if other[0] is topic or other[1:] == (label, unit):
                continue
            problems.warning(topic.path, line, f"figure kind '{kind}' is labelled differently in {other[0].path}; "
                                               f"pages other than this topic's show that label: give both the same")
