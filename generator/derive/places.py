"""Places (README: Add a place): an event's ``place`` and an article's ``places:`` linked to the
registry by id, name or alias; places mentioned in articles found with the actors' matcher; the
entries, articles, figures and actors of each place (and of the places within it)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from generator.derive.mentions import Matcher
from generator.model.places import ancestors
from generator.model.text import fold_only
from generator.model.types import Briefing, Event, Figure, Place


class PlaceNames:
    """Resolves a written place (an id, a name or an alias, any case or diacritics) to a place id."""

    def __init__(self, places: dict[str, Place]):
        self.places = places
        self._exact: dict[str, str] = {}
        self._folded: dict[str, str] = {}
        for place in places.values():
            for word in (place.name, *place.aliases):
                word = " ".join(word.split())
                if word:
                    self._exact.setdefault(word, place.id)
                    self._folded.setdefault(fold_only(word), place.id)
        self.matcher = Matcher({p.id: [p.name, *p.aliases] for p in places.values()})

    def resolve(self, text: str | None) -> str | None:
        if not text:
            return None
        text = " ".join(text.split())
        if text in self.places:
            return text
        found = self._exact.get(text) or self._folded.get(fold_only(text))
        if found is None and "," in text:  # "Mitiga airport, Tripoli": the place, then where it lies
            head = text.split(",", 1)[0].strip()
            found = self._exact.get(head) or self._folded.get(fold_only(head))
        return found

    def mentioned(self, text: str) -> Counter:
        return Counter(m.actor for m in self.matcher.find(text))


@dataclass
class PlaceIndex:
    """What the place pages and data files need, per place id."""

    entries: dict[str, list[Event]] = field(default_factory=dict)  # there or within, timeline order
    own_entries: dict[str, list[Event]] = field(default_factory=dict)  # there itself
    articles: dict[str, list[str]] = field(default_factory=dict)  # article ids, oldest first
    figures: dict[str, list[Figure]] = field(default_factory=dict)  # claims whose scope names it
    actors: dict[str, list[tuple[str, int]]] = field(default_factory=dict)  # most entries first
    unlinked: list[tuple[str, str, int]] = field(default_factory=list)  # (name, path, line) matching no place


def link_places(briefing: Briefing) -> PlaceIndex:
    """Fill ``place_id`` of each entry and ``place_ids`` of each article (the derived copies), and
    index them. An article entry (an article without events) takes the article's first listed place."""
    names = PlaceNames(briefing.places)
    out = PlaceIndex()
    for article in sorted(briefing.articles.values(), key=lambda a: (a.date.start, a.id)):
        declared = []
        for written in article.places:
            ident = names.resolve(written)
            if ident is None:
                out.unlinked.append((written, article.path, 1))
            elif ident not in declared:
                declared.append(ident)
        detected = Counter()
        for part in (article.title, article.summary or "", article.body):
            detected.update(names.mentioned(part))
        article.place_ids = declared + sorted((p for p in detected if p not in declared),
                                              key=lambda p: (-detected[p], p))
        for entry in article.entries:
            if entry.kind == "article":
                entry.place_id = declared[0] if declared else None
            else:
                entry.place_id = names.resolve(entry.place)
                if entry.place and entry.place_id is None:
                    out.unlinked.append((entry.place, article.path, entry.line or 1))
        for ident in article.place_ids:
            for p in [ident, *ancestors(briefing.places, ident)]:
                if article.id not in out.articles.setdefault(p, []):
                    out.articles[p].append(article.id)
    for entry in briefing.entries:
        if entry.place_id is None:
            continue
        out.own_entries.setdefault(entry.place_id, []).append(entry)
        for p in [entry.place_id, *ancestors(briefing.places, entry.place_id)]:
            out.entries.setdefault(p, []).append(entry)
    for f in briefing.figures:
        for p in names.mentioned(f.scope or ""):
            out.figures.setdefault(p, []).append(f)
    for p, entries in out.entries.items():
        counts = Counter(a for e in entries for a in e.actors)
        out.actors[p] = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return out


def unlinked_names(briefing: Briefing) -> dict[str, list[str]]:
    """Free-text place names that match no place: name -> the 'path:line' where each is written."""
    found: dict[str, list[str]] = {}
    for name, path, line in link_places(briefing).unlinked:
        found.setdefault(name, []).append(f"{path}:{line}")
    return dict(sorted(found.items(), key=lambda kv: kv[0].casefold()))
