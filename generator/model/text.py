"""Text folding: case, diacritics and typographic punctuation, for matching names and keywords
(derive's mentions and topics) and for making ids from titles (ingest)."""

from __future__ import annotations

import re
import unicodedata

_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_PUNCT_CHARS = re.compile("[\u2019\u2018\u02bc\u2010-\u2014\u00a0]")
_PUNCT = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-",
                        "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u00a0": " "})


def fold(text: str) -> tuple[str, list[int] | None]:
    """Case- and diacritics-folded text, with the index in ``text`` of every folded character.

    The index is ``None`` when folding kept every position (plain ASCII, the usual case).
    """
    if _PUNCT_CHARS.search(text):
        text = text.translate(_PUNCT)
    if text.isascii():
        return text.lower(), None
    out: list[str] = []
    index: list[int] = []
    pos = 0
    for run in _NON_ASCII.finditer(text):
        if run.start() > pos:  # plain ASCII: one slice, positions kept
            out.append(text[pos:run.start()].lower())
            index.extend(range(pos, run.start()))
        for i in range(run.start(), run.end()):
            for part in unicodedata.normalize("NFKD", text[i]):
                if unicodedata.combining(part):
                    continue
                folded = part.casefold()
                out.append(folded)
                index.extend([i] * len(folded))
        pos = run.end()
    if pos < len(text):
        out.append(text[pos:].lower())
        index.extend(range(pos, len(text)))
    return "".join(out), index


def fold_only(text: str) -> str:
    return fold(text)[0]
