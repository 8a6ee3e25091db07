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
    r"`+[^`]*`+"                       # inline code
    r"|!?\[[^\]]*\]\([^)]*\)"          # inline links and images
    r"|!?\[[^\]]*\]\[[^\]]*\]"         # reference links
    r"|\[[^\]]*\]"                     # bracketed text (could become a link)
    r"|<[^>\n]+>"                      # HTML tags and autolinks
    r"|https?://\S+"                   # bare URLs
)


def link_first_mentions(body: str, matcher: Matcher, url_for: Callable[[str], str]) -> str:
    linked: set[str] = set()
    out: list[str] = []
    fence: str | None = None
    for line in body.splitlines(keepends=True):
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
        if _SKIP_LINE.match(line) or _is_setext_underline(line):
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
