"""Guards against seeds whose shape makes a reader slow (issue 12, red team: 40 KB seeds take seconds).

Python-Markdown's link patterns scan from each '[' to the end of its paragraph when the bracket (or the
'(' after it) is not closed: the time grows as ('[' in a paragraph) x (its length), minutes for a
paragraph of 40 000 '['. A Markdown seed above :data:`MARKDOWN_WORK` (about a second) is read as plain
text instead (:mod:`.read`, with a note). HTML needs no guard here: nh3 (linear) rewrites it before
html.parser reads it.
"""

from __future__ import annotations

import re

MARKDOWN_WORK = 10_000_000  # sum over the paragraphs of ('[' in it) x (its length)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")  # what ends a paragraph: one run of inline markup


def slow_for_markdown(text: str) -> bool:
    """Whether Python-Markdown would take long on ``text``: paragraphs with many '[' for their length,
    like '[' or '[x](' repeated."""
    if text.count("[") * len(text) <= MARKDOWN_WORK:
        return False
    return sum(p.count("[") * len(p) for p in _BLANK_LINE.split(text)) > MARKDOWN_WORK
