"""``briefing check --stats``: what the briefing holds and what falls through (README: Check your
work): figure kinds and the topics that chart them, sources (and the pages several articles cite),
actors nothing is about, and every
figure whose kind no topic charts (path:line), as the built site shows it (drafts left out)."""

from __future__ import annotations

from collections import Counter

from generator.derive import derive
from generator.derive.places import unlinked_names
from generator.model.crosscheck import same_page
from generator.model.dates import format_date
from generator.model.types import Briefing


def stats(briefing: Briefing) -> list[str]:
    """The summary, line by line; it reads what derive computes (the loaded briefing is left as it is)."""
    derived = derive(briefing).briefing
    charted: dict[str, list[str]] = {}
    for topic in derived.topics.values():
        for kind in topic.figures:
            charted.setdefault(kind, []).append(topic.id)
    figures = derived.figures
    kinds = Counter(f.kind for f in figures)
    out = [f"figure kinds ({len(kinds)}, {len(figures)} figures):"]
    for kind, n in sorted(kinds.items()):
        out.append(f"  {kind}: {n}, charted by {', '.join(charted[kind]) if kind in charted else 'no topic'}")
    out.append(f"sources of figures ({len({f.source for f in figures})}):")
    out += [f"  {name}: {n}" for name, n in sorted(Counter(f.source for f in figures).items())]
    cited = Counter(s.name for a in derived.articles.values() for s in a.sources)
    out.append(f"sources of articles ({len(cited)}):")
    out += [f"  {name}: {n}" for name, n in sorted(cited.items())]
    pages: dict[str, list[str]] = {}  # page -> its url as first written, then the articles citing it
    for art in derived.articles.values():
        for key, url in {same_page(src.url): src.url for src in reversed(art.sources) if src.url}.items():
            pages.setdefault(key, [url]).append(art.path)
    shared = sorted(cited for cited in pages.values() if len(cited) > 2)
    out.append(f"source pages cited by several articles ({len(shared)}):")
    out += [f"  {url}: {', '.join(paths)}" for url, *paths in shared]
    about = {a for art in derived.articles.values() for a in art.actors}
    about |= {a for entry in derived.entries for a in entry.actors}
    about |= {a for note in derived.notes.values() for a in note.actors}
    about |= {a for actor in derived.actors.values() for a in actor.affiliation}
    orphans = [actor for key, actor in sorted(derived.actors.items()) if key not in about]
    out.append(f"actors no article, event or note is about ({len(orphans)}):")
    out += [f"  {actor.path}: {actor.id}" for actor in orphans]
    free = unlinked_names(derived)
    out.append(f"place names no place file has ({len(free)}; briefing places suggest):")
    out += [f"  {name}: {', '.join(where)}" for name, where in free.items()]
    loose = [f for f in figures if f.kind not in charted]
    out.append(f"figures no topic charts ({len(loose)}):")
    paths = {a.id: a.path for a in derived.articles.values()}
    for f in sorted(loose, key=lambda f: (paths.get(f.article, ""), f.line or 0)):
        out.append(f"  {paths.get(f.article, f.article)}:{f.line or 1}: {f.kind} {f.value} ({f.source}, "
                   f"as of {format_date(f.as_of)})")
    return out
