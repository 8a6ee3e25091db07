"""What ingest writes below a draft's front matter: plain text and allowed links, nothing else.

Everything ``briefing ingest`` reads is untrusted. A seed is first reduced to *blocks*: paragraphs
of plain text, where a run of text may carry the URL of a link. The draft's body is then written
from those blocks, never patched afterwards:

- text has every character that Python-Markdown (with the site's extensions ``attr_list``,
  ``md_in_html``, ``tables``, ``admonition``, ``toc``) could read as markup escaped, so it shows
  as typed: ``\\ ` * _ { } [ ] !`` always, ``# > + -`` and the dot of ``1.`` at the start of a
  paragraph, ``<`` as ``&lt;`` and ``&`` as ``&amp;`` where it would start an entity;
- each paragraph is one line, so nothing that needs two lines (tables, setext headings) can form;
- a link is written only when its URL, after entity decoding and control-character stripping
  (what a browser does), has the scheme http, https or mailto; else its text is written as text.

HTML (a seed's, or what Python-Markdown makes of a Markdown seed) is cleaned by nh3 first, with the
same scheme allow-list; :func:`allowed_url` checks each URL again before it is written.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from urllib.parse import quote, urlsplit

ALLOWED_SCHEMES = ("http", "https", "mailto")
WEB_SCHEMES = ("http", "https")

# (text, url or None): a run of a paragraph, a link when it has a URL
Segment = tuple[str, "str | None"]
Block = list[Segment]

_ALWAYS = {"\\": "\\\\", "`": "\\`", "*": "\\*", "_": "\\_", "{": "\\{", "}": "\\}", "[": "\\[", "]": "\\]",
           "!": "\\!", "<": "&lt;"}
_AT_START = "#>+-"
# what may stay in a URL written into Markdown; everything else is percent-encoded
_URL_SAFE = "/:?#@!$&*+,;=%-._~"


def _strip_controls(text: str) -> str:
    """Drop C0 controls, DEL and C1 controls (a browser drops tab and newline from URLs)."""
    return "".join(ch for ch in text if not (ord(ch) < 32 or 127 <= ord(ch) < 160))


def allowed_url(url: str | None, schemes: Iterable[str] = ALLOWED_SCHEMES) -> str | None:
    """The URL as a browser would read it, if its scheme is allowed; else None.

    Entities are decoded until nothing changes and control characters and spaces are dropped
    (as browsers drop tabs and newlines anywhere, and controls and spaces around a URL), so
    ``&#106;avascript:``, ``java&#x09;script:`` or `` JAVASCRIPT:`` are all read as
    ``javascript:``. A URL without a scheme (relative to the seed's own site) is not allowed.
    http and https need a host, mailto an address.
    """
    if not url:
        return None
    seen = None
    while seen != url:
        seen = url
        url = _strip_controls(html.unescape(url)).strip(" \u00a0")
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. a malformed IPv6 host
        return None
    scheme = parts.scheme.lower()
    if scheme not in tuple(schemes):
        return None
    if scheme in WEB_SCHEMES:
        if not parts.netloc or not url[len(scheme):].startswith("://") or not parts.hostname:
            return None
    elif not parts.path.strip("/"):
        return None
    return scheme + url[len(scheme):]


def web_url(url: str | None) -> str | None:
    """An http(s) URL for front matter (``source.url``): a host, and no space in it."""
    found = allowed_url(url, WEB_SCHEMES)
    return found if found and not any(ch.isspace() for ch in found) else None


def markdown_url(url: str) -> str:
    """An allowed URL inside ``[text](...)``: no space, bracket, quote, backslash or '<'."""
    return quote(url, safe=_URL_SAFE)


def escape_text(text: str, at_start: bool = False) -> str:
    """Text that Python-Markdown shows as typed (one line: whitespace must be normalised)."""
    out = []
    for i, ch in enumerate(text):
        if ch in _ALWAYS:
            out.append(_ALWAYS[ch])
        elif ch == "&" and i + 1 < len(text) and (text[i + 1] == "#" or text[i + 1].isalnum()):
            out.append("&amp;")
        else:
            out.append(ch)
    if at_start and text:
        if text[0] in _AT_START:
            out[0] = "\\" + out[0]
        else:  # "1. " starts an ordered list
            digits = len(text) - len(text.lstrip("0123456789"))
            if digits and text[digits: digits + 1] == "." and text[digits + 1: digits + 2] in ("", " "):
                out[digits] = "\\."
    return "".join(out)


def normalise(segments: Iterable[Segment]) -> Block:
    """One paragraph: runs of whitespace become one space, none at either end, no controls;
    a space between two runs of the same link stays in the link; neighbours with the same URL merge."""
    chars: list[tuple[str, str | None]] = []
    pending = False
    for text, url in segments:
        for ch in text:
            if ch.isspace():
                pending = bool(chars)
                continue
            if ord(ch) < 32 or 127 <= ord(ch) < 160:
                continue
            if pending:
                chars.append((" ", url if chars[-1][1] == url else None))
                pending = False
            chars.append((ch, url))
    block: Block = []
    for ch, url in chars:
        if block and block[-1][1] == url:
            block[-1] = (block[-1][0] + ch, url)
        else:
            block.append((ch, url))
    return block


def block_text(block: Block) -> str:
    return "".join(text for text, _ in block)


def block_markdown(block: Block) -> str:
    out = []
    for n, (text, url) in enumerate(block):
        safe = allowed_url(url) if url else None
        if safe:
            out.append(f"[{escape_text(text)}]({markdown_url(safe)})")
        else:
            out.append(escape_text(text, at_start=n == 0))
    return "".join(out)


def body_markdown(blocks: Iterable[Block]) -> str:
    """The draft's body: one escaped paragraph a line, a blank line between paragraphs."""
    paragraphs = [block_markdown(b) for b in blocks if b]
    return "\n\n".join(p for p in paragraphs if p) + "\n"
