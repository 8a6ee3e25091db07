"""schema.org JSON-LD for search engines and dataset search (issue 17, item 7): a ``NewsArticle`` on
each article page, a ``Dataset`` listing the data files on the home page.

Pages carry it in their meta (``bf_jsonld``); the theme's ``main.html`` writes it in ``<head>`` with
Jinja's ``tojson``, which escapes ``<``, ``>``, ``&`` and ``'`` so no value can close the script.
"""

from __future__ import annotations

from generator.model.types import Article, Briefing
from generator.pages.data import base_url, last_change

CONTEXT = "https://schema.org"
ACTOR_TYPES = {"person": "Person", "state": "Country"}  # every other kind: Organization
DATA_FILES = {
    "briefing.json": "application/json", "briefing.schema.json": "application/schema+json",
    "timeline.json": "application/json", "datapackage.json": "application/json",
    "entries.csv": "text/csv", "figures.csv": "text/csv", "actors.csv": "text/csv", "articles.csv": "text/csv",
    "entry-actors.csv": "text/csv", "acled.csv": "text/csv",
    "entries.geojson": "application/geo+json", "places.geojson": "application/geo+json",
}


def news_article(briefing: Briefing, article: Article, site_url: str, site_title: str) -> dict:
    base = base_url(site_url)
    changed = briefing.changed.get(article.path)
    out = {
        "@context": CONTEXT,
        "@type": "NewsArticle",
        "headline": article.title,
        "datePublished": article.date.start.isoformat(),
        "dateModified": (changed or article.date.start).isoformat(),
        "isBasedOn": [s.url for s in article.sources if s.url],
        "sourceOrganization": [{"@type": "Organization", "name": s.name} for s in article.sources],
        "publisher": {"@type": "Organization", "name": site_title},
        "about": [{"@type": ACTOR_TYPES.get(briefing.actors[a].kind, "Organization"),
                   "name": briefing.actors[a].name, "url": f"{base}actors/{a}/"} for a in article.actors],
        "url": f"{base}articles/{article.id}/",
    }
    if article.summary:
        out["description"] = article.summary
    return out


def dataset(briefing: Briefing, site_url: str, title: str) -> dict:
    """The briefing's data files as a schema.org Dataset (relative URLs without an absolute site_url)."""
    base = base_url(site_url) if site_url.startswith(("http://", "https://")) else ""
    days = [e.date.start for e in briefing.entries]
    out = {
        "@context": CONTEXT,
        "@type": "Dataset",
        "name": title,
        "description": (f"The data behind {title}: dated timeline entries, sourced claims (figures, never averaged) "
                        "with their ranges, actors and articles, as JSON (with a JSON Schema), CSV with HXL "
                        "hashtags, an ACLED-shaped view and a Frictionless data package."),
        "url": base or "./",
        "isAccessibleForFree": True,
        "distribution": [{"@type": "DataDownload", "name": name, "encodingFormat": kind,
                          "contentUrl": f"{base}data/{name}"} for name, kind in DATA_FILES.items()],
    }
    if last_change(briefing):
        out["dateModified"] = last_change(briefing)
    if days:
        out["temporalCoverage"] = f"{min(days).isoformat()}/{max(days).isoformat()}"
    return out
