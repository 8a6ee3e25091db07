"""The source-text block of an ingested draft (README: Turn source documents into draft articles).

``briefing ingest`` puts the seed's own text in an admonition titled :data:`TITLE` under a short
summary: it is wire copy, not publishable prose. ``briefing check`` (and the build) warn when an
article that is not a draft still holds the block.
"""

from __future__ import annotations

import re

TITLE = "Source text: rewrite before publishing"
KIND = "quote"  # the admonition type ingest writes
_BLOCK = re.compile(rf'^(?:!!!|\?\?\?\+?)\s+[\w-]+(?:\s+[\w-]+)*\s+"{re.escape(TITLE)}"', re.M)


def block_line(body: str) -> int | None:
    """The body line (1-based) where the source-text block starts, or None."""
    m = _BLOCK.search(body)
    return body.count("\n", 0, m.start()) + 1 if m else None


def check_source_text(data, body: str, where) -> None:
    """Warn when an article that is not a draft still holds the source-text block."""
    if not isinstance(data, dict) or data.get("draft") is True:
        return
    line = block_line(body)
    if line is not None:
        where.problems.warning(
            where.path, where.body_line + line - 1,
            f'the article still holds ingest\'s "{TITLE}" block: rewrite the text in your own words and '
            "remove the block (or keep 'draft: true' until then)",
        )
