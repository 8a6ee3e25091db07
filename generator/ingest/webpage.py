"""The article of a saved web page (issue 16: web pages): trafilatura finds the main text without
navigation, bylines, "Latest News", cookie banners or related links, and reads the page's metadata
(publication date, site name, address) from more kinds of markup than ingest's own reader.

Trafilatura reads only the text it is given (no network). Its HTML goes through the same nh3 cleaning
and reader as any HTML seed (:mod:`.read`), so it adds no trust.
"""

from __future__ import annotations

import nh3

# the <meta> elements whose content ingest keeps as evidence (name, property or itemprop -> key)
META_NAMES = {"article:published_time": "published", "datepublished": "published", "date": "published",
              "dc.date": "published", "og:site_name": "site_name", "og:url": "url", "og:title": "og_title"}


def page_elements(text: str, skip: set[str]) -> str:
    """The page's <title>, <h1>, <time> and <meta> elements (those attributes only), by nh3, with the
    elements in ``skip`` dropped with their content. nh3 is linear in the length of the page; html.parser
    on the raw page is not ('<a ' repeated 13 333 times took 13 s), so it reads this instead."""
    return nh3.clean(text, tags={"title", "meta", "time", "h1"}, clean_content_tags=set(skip),
                     attributes={"meta": {"property", "name", "itemprop", "content"}, "time": {"datetime"}},
                     strip_comments=True, link_rel=None)


def main_content(text: str) -> tuple[str | None, dict[str, str]]:
    """The article of a web page without navigation, bylines, banners and related links, as HTML, and
    the page's metadata, by trafilatura (offline: it reads the given text only); (None, {}) when it
    finds no article (a fragment, a short page): then the whole page is read."""
    try:
        import trafilatura  # imported when an HTML seed is read: it takes a moment to load

        main = trafilatura.extract(text, output_format="html", include_links=True, include_comments=False,
                                   include_tables=True, include_images=False, deduplicate=False)
        found = trafilatura.extract_metadata(text)
    except Exception:  # a page trafilatura cannot parse is read whole, as before
        return None, {}
    meta = {}
    if found is not None:
        for key, ours in (("date", "published"), ("sitename", "site_name"), ("url", "url")):
            value = getattr(found, key, None)
            if isinstance(value, str) and value.strip():
                meta[ours] = " ".join(value.split())
    return (main if main and main.strip() else None), meta
