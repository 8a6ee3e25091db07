"""The home page: the latest entries and the key figures."""

from __future__ import annotations

from generator.derive import latest_claims
from generator.model.types import Briefing
from generator.pages.jsonld import dataset
from generator.pages.output import Generated


def pages(r) -> list[Generated]:
    briefing, options = r.b, r.options
    article_paths = [a.path for a in briefing.articles.values()]
    all_paths = article_paths + [x.path for kind in (briefing.notes, briefing.actors, briefing.topics)
                                 for x in kind.values()]
    return [Generated("index.md", r.render(
        "home.md.j2", "index.md", title=options.title,
        meta={"hide": ["navigation", "toc"], **r.updated(all_paths),
              "bf_jsonld": dataset(briefing, options.site_url, options.title)},
        latest=list(reversed(briefing.entries))[: options.latest],
        key_figures=latest_claims(key_figures(briefing)),
    ), in_nav=True)]


def key_figures(briefing: Briefing) -> list:
    """Figures of the kinds that topics chart (all figures if no topic charts any)."""
    kinds = {k for t in briefing.topics.values() for k in t.figures}
    return [f for f in briefing.figures if not kinds or f.kind in kinds]
