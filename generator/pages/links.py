"""First-mention links in article bodies (spec section 5).

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
    """``expected``: the actors known to be mentioned; scanning stops once all are linked."""
    linked: set[str] = set()
    out: list[str] = []
    fence: str | None = None
    in_html = False
    lines = body.splitlines(keepends=True)
    for n, line in enumerate(lines):
        if expected is not None and linked >= expected:
            out.extend(lines[n:])
            break
        if in_html:  # a raw HTML block runs to the next blank line; Markdown is not rendered in it
            in_html = bool(line.strip())
            out.append(line)
            continue
        if fence is None and _HTML_BLOCK.match(line):
            in_html = True
            out.append(line)
            continue
        m = _FENCE.match(line)
        if fence is not None:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
            out.append(line)
            continue
        if m:
            fence = m.group(1)
            out.append(line)
            continue
        following = lines[n + 1] if n + 1 < len(lines) else ""
        if _SKIP_LINE.match(line) or _is_setext_underline(line) or (line.strip() and _is_setext_underline(following)):
            out.append(line)
            continue
        out.append(_link_line(line, matcher, url_for, linked))
    return "".join(out)


def _is_setext_underline(line: str) -> bool:
    return bool(re.match(r"^\s{0,3}(=+|-+)\s*$", line))


def _link_line(line: str, matcher: Matcher, url_for, linked: set[str]) -> str:
    parts: list[str] = []
    pos = 0
    for m in _PROTECTED.finditer(line):
        parts.append(_link_text(line[pos:m.start()], matcher, url_for, linked))
        parts.append(m.group())
        pos = m.end()
    parts.append(_link_text(line[pos:], matcher, url_for, linked))
    return "".join(parts)


def _link_text(text: str, matcher: Matcher, url_for, linked: set[str]) -> str:
    if not text.strip():
        return text
    out: list[str] = []
    pos = 0
    for mention in matcher.find(text):
        if mention.actor in linked:
            continue
        linked.add(mention.actor)
        out.append(text[pos:mention.start])
        out.append(f"[{text[mention.start:mention.end]}]({url_for(mention.actor)})")
        pos = mention.end
    out.append(text[pos:])
    return "".join(out)
