"""Where pages live: docs-tree paths of items and months, their directory URLs, and relative links."""

from __future__ import annotations

import functools
import posixpath

def src_of(kind: str, ident: str) -> str:
    """Docs-tree path of an item page; its URL is /<kind>/<id>/ (README: What gets published)."""
    return f"{kind}/{ident}.md"

def entry_anchor(e) -> str:
    """Where an entry is on its article's page: its own anchor (an event or a claim group, listed
    under "On the timeline"), or the top for an article without events."""
    return "" if e.kind == "article" else f"#e-{e.id}"

def entry_path(e) -> str:
    """The URL path of an entry, from the site root."""
    return f"articles/{e.article}/{entry_anchor(e)}"

def month_src(year: int, month: int) -> str:
    return f"timeline/{year:04d}/{month:02d}.md"

@functools.lru_cache(maxsize=65536)
def relpath(target: str, start: str) -> str:
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
