"""Derived facts (README: How items are connected): mentions, topics, the timeline, figures, co-occurrence.

``derive(briefing)`` leaves the loaded model as it is: it returns an :class:`Index` whose
``briefing`` is the briefing as the pages show it (drafts left out unless asked for; copies of the
articles and events with their derived fields filled: mentions, actors, topics, entries; the
timeline and the figures), and the lookups that the page templates need.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from generator.cache import BuildCache
from generator.derive.claims import claim_entries, claim_key, entry_sort_key, entry_topics, period_end, unique_claims
from generator.derive.labels import FigureLabels
from generator.derive.mentions import Matcher, matcher_for
from generator.derive.places import PlaceIndex, link_places
from generator.derive.topics import classifier_for
from generator.model.types import Article, Briefing, Event, Figure

__all__ = ["Index", "derive", "entry_sort_key", "first_paragraph", "latest_claims", "period_end"]


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARKS = re.compile(r"[*_`]+")


def first_paragraph(body: str) -> str:
    """The first paragraph of a Markdown body as plain text (the default summary)."""
    for block in re.split(r"\n\s*\n", body.strip()):
        block = block.strip()
        if not block or block.startswith(("#", "<", "```", "|", "!", ">", "---")):
            continue
        text = _MD_MARKS.sub("", _MD_LINK.sub(r"\1", " ".join(block.split())))
        return text
    return ""


@dataclass
class Index:
    """Lookups derived once for the pages."""

    matcher: Matcher
    briefing: Briefing = field(default_factory=Briefing)  # the derived briefing the pages show
    entries_by_actor: dict[str, list[Event]] = field(default_factory=dict)
    entries_by_topic: dict[str, list[Event]] = field(default_factory=dict)
    articles_by_actor: dict[str, list[Article]] = field(default_factory=dict)
    articles_by_topic: dict[str, list[Article]] = field(default_factory=dict)
    notes_by_actor: dict[str, list] = field(default_factory=dict)
    notes_by_topic: dict[str, list] = field(default_factory=dict)
    notes_by_article: dict[str, list] = field(default_factory=dict)
    cooccurring: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    mentions: dict[str, int] = field(default_factory=dict)
    figures_by_kind: dict[str, list[Figure]] = field(default_factory=dict)
    places: PlaceIndex = field(default_factory=PlaceIndex)


def _merge(declared: list[str], detected, known) -> list[str]:
    out = [x for x in declared if x in known]
    for x in detected:
        if x in known and x not in out:
            out.append(x)
    return out


def derive(briefing: Briefing, *, include_drafts: bool = False, cache: BuildCache | None = None) -> Index:
    loaded = briefing
    cache = cache or BuildCache()
    matcher = matcher_for({a.id: [a.name, *a.aliases] for a in briefing.actors.values()}, cache.matchers)
    classifier = classifier_for({t.id: [t.title, *t.keywords] for t in briefing.topics.values()}, cache.classifiers)
    actors, topics = briefing.actors, briefing.topics
    articles = {k: _copy(a) for k, a in loaded.articles.items() if include_drafts or not a.draft}

    entries: list[Event] = []
    figures: list[Figure] = []
    for article in articles.values():
        text = "\n".join([article.title, article.summary or "", article.body])
        # each part on its own (no name across their joins); the body's scan is kept for its links
        article.mentions = dict(Counter(m.actor for part in (article.title, article.summary or "", article.body)
                                        for m in matcher.find(part)))
        article.actors = _merge(article.declared_actors, article.mentions, actors)
        article.topics = _merge(article.declared_topics, sorted(classifier.topics(text)), topics)
        if article.summary is None:
            article.summary = first_paragraph(article.body)
        if article.events:
            for event in article.events:
                etext = f"{event.title}\n{event.summary}"
                event.actors = _merge(event.declared_actors, matcher.actors(etext), actors)
                event.topics = entry_topics(event.declared_topics, sorted(classifier.topics(etext)),
                                            [f.kind for f in event.figures], article.topics, topics,
                                            event.topics_given)
                event.draft = article.draft
            article.entries = list(article.events)
        else:
            article.entries = [
                Event(
                    id=article.id,
                    article=article.id,
                    date=article.date,
                    title=article.title,
                    summary=article.summary,
                    figures=article.figures,
                    actors=list(article.actors),
                    topics=entry_topics(article.declared_topics,
                                        sorted(classifier.topics(f"{article.title}\n{article.summary}")),
                                        [f.kind for f in article.figures], article.topics, topics),
                    draft=article.draft,
                    kind="article",
                )
            ]
        figures.extend(article.all_figures)

    # A claim group becomes an entry when no event or article entry carries the claim, in the
    # article that reported it first.
    shown = {claim_key(f) for e in (e for a in articles.values() for e in a.entries) for f in e.figures}
    first_report = {}
    labels = FigureLabels.of_topics(topics.values())
    for f in sorted(figures, key=lambda f: (articles[f.article].date.start, f.article)):
        first_report.setdefault(claim_key(f), f.article)
    for article in articles.values():
        if article.events:
            for claim in claim_entries(article, shown, first_report, labels):
                claim.actors = _merge([], matcher.actors(claim.title), actors)
                claim.topics = entry_topics([], [], [f.kind for f in claim.figures], article.topics, topics)
                article.entries.append(claim)
        entries.extend(article.entries)
    figures = unique_claims(figures, articles)

    entries.sort(key=entry_sort_key)
    figures.sort(key=lambda f: (f.kind, f.as_of.start, f.source, f.value, f.article))
    briefing = replace(loaded, articles=articles, entries=entries, figures=figures)
    index = Index(matcher, briefing)

    pairs: dict[str, Counter] = defaultdict(Counter)
    for entry in entries:
        for a in entry.actors:
            index.entries_by_actor.setdefault(a, []).append(entry)
            for b in entry.actors:
                if a != b:
                    pairs[a][b] += 1
        for t in entry.topics:
            index.entries_by_topic.setdefault(t, []).append(entry)
    for a, counter in pairs.items():
        index.cooccurring[a] = sorted(counter.items(), key=lambda kv: (-kv[1], actors[kv[0]].name))

    for article in sorted(briefing.articles.values(), key=lambda a: (a.date.start, a.id)):
        for a in article.actors:
            index.articles_by_actor.setdefault(a, []).append(article)
            index.mentions[a] = index.mentions.get(a, 0) + article.mentions.get(a, 0)
        for t in article.topics:
            index.articles_by_topic.setdefault(t, []).append(article)
    for note in sorted(briefing.notes.values(), key=lambda n: (n.date.start, n.id)):
        for a in note.actors:
            index.notes_by_actor.setdefault(a, []).append(note)
        for t in note.topics:
            index.notes_by_topic.setdefault(t, []).append(note)
        for art in note.articles:
            index.notes_by_article.setdefault(art, []).append(note)
    for f in figures:
        index.figures_by_kind.setdefault(f.kind, []).append(f)
    index.places = link_places(briefing)
    return index


def _copy(article: Article) -> Article:
    """The article and its events as new objects, for derive to fill (the loaded ones stay as loaded)."""
    return replace(article, events=[replace(e) for e in article.events])


def latest_claims(figures: list[Figure]) -> list[Figure]:
    """The latest claim per figure kind: every claim of the latest as-of date, side by side (a
    claim as of a month counts as of the month's end)."""
    by_kind: dict[str, list[Figure]] = defaultdict(list)
    for f in figures:
        by_kind[f.kind].append(f)
    out = []
    for kind in sorted(by_kind):
        latest = max(period_end(f.as_of) for f in by_kind[kind])
        out.extend(sorted((f for f in by_kind[kind] if period_end(f.as_of) == latest), key=lambda f: (f.source, f.value)))
    return out
