"""First-mention links in article bodies (README: How items are connected).

The first mention of each actor becomes a Markdown link to the actor's page.
Code (fenced, indented, inline), links, headings, HTML and reference
definitions are never rewritten.
"""

from __future__ import annotations

import re
from typing import Callable

from generator.derive.mentions import Matcher

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_SKIP_LINE = re.compile(r"^(?:\s{0,3}#|\s{0,3}<|\s{0,3}\[[^\]]+\]:|    |\t)")
_PROTECTED = re.compile(
    r"<a\b[^>]*>.*?</a\s*>"             # HTML links, with their text
    r"|`+[^`]*`+"                      # inline code
    r"|!?\[[^\]]*\]\([^)]*\)"          # inline links and images
    r"|!?\[[^\]]*\]\[[^\]]*\]"         # reference links
    r"|\[[^\]]*\]"                     # bracketed text (could become a link)
    r"|<[^>\n]+>"                      # HTML tags and autolinks
    r"|https?://\S+"                   # bare URLs
)


# Python-Markdown's block-level tags: a line opening one starts a raw HTML block.
_BLOCK_TAGS = (
    "address|article|aside|blockquote|body|canvas|colgroup|dd|details|div|dl|dt|fieldset|figcaption|figure|"
    "footer|form|h[1-6]|header|hr|html|iframe|legend|li|main|map|math|menu|nav|noscript|object|ol|output|p|"
    "pre|progress|script|section|style|summary|table|tbody|td|textarea|tfoot|th|thead|tr|ul|video"
)
_HTML_BLOCK = re.compile(rf"^\s{{0,3}}</?(?:{_BLOCK_TAGS})\b(?![^>]*\bmarkdown\b)", re.I)


def link_first_mentions(body: str, matcher: Matcher, url_for: Callable[[str], str],
                        expected: set[str] | None = None) -> str:
    """``expected``: the actors known to be mentioned; scanning stops once all are linked.
    The body's mentions come from ``matcher.find``, which keeps them from derive's scan."""
    mentions = matcher.find(body)
    if not mentions:
        return body
    spans = _linkable_spans(body, stop=mentions[-1].end)
    linked: set[str] = set()
    out: list[str] = []
    pos = 0
    i = 0  # index into spans
    for mention in mentions:
        if mention.actor in linked:
            continue
        while i < len(spans) and spans[i][1] < mention.end:
            i += 1
        if i == len(spans):
            break
        if spans[i][0] > mention.start:
            continue  # not wholly inside text that may be rewritten
        linked.add(mention.actor)
        out.append(body[pos:mention.start])
        out.append(f"[{body[mention.start:mention.end]}]({url_for(mention.actor)})")
        pos = mention.end
        if expected is not None and linked >= expected:
            break
    out.append(body[pos:])
    return "".join(out)


def _linkable_spans(body: str, stop: int) -> list[tuple[int, int]]:
    """(start, end) offsets of the text in ``body`` where a mention may become a link: plain
    paragraph text outside code, links, headings, HTML and reference definitions. Spans of
    consecutive lines join, so a name broken across lines is one mention."""
    spans: list[tuple[int, int]] = []
    fence: str | None = None
    in_html = False
    lines = body.splitlines(keepends=True)
    offset = 0

    def add(start: int, end: int) -> None:
        if start >= end:
            return
        if spans and spans[-1][1] == start:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))

    for n, line in enumerate(lines):
        if offset > stop:
            break
        begin, offset = offset, offset + len(line)
        if in_html:  # a raw HTML block runs to the next blank line; Markdown is not rendered in it
            in_html = bool(line.strip())
            continue
        if fence is None and _HTML_BLOCK.match(line):
            in_html = True
            continue
        m = _FENCE.match(line)
        if fence is not None:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
            continue
        if m:
            fence = m.group(1)
            continue
        if not line.strip():
            continue  # a blank line ends a paragraph: no link spans it
        following = lines[n + 1] if n + 1 < len(lines) else ""
        if _SKIP_LINE.match(line) or _is_setext_underline(line) or _is_setext_underline(following):
            continue
        pos = 0
        for p in _PROTECTED.finditer(line):
            add(begin + pos, begin + p.start())
            pos = p.end()
        add(begin + pos, begin + len(line))
    return spans


_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")


def _is_setext_underline(line: str) -> bool:
    return bool(_SETEXT.match(line))
