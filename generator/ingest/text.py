"""Paragraphs and sentences of plain text, with their positions; the reporting verbs that ingest
reads attribution with; :func:`clip` for reports. (Month names, number words and the web address
pattern, which dates read too, are in :mod:`generator.model.words`.)"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREVIATIONS = {
    "dr", "mr", "mrs", "ms", "prof", "gen", "col", "lt", "maj", "sgt", "capt", "cpt", "st", "no", "vs", "jr", "sr",
    "rev", "gov", "sen", "rep", "fr", "inc", "ltd", "co", "corp", "dept", "est", "approx", "fig", "ca", "cf",
    "e.g", "i.e", "u.s", "u.n", "u.k", "e.u", "adm", "brig", "cmdr", "pres", "mt", "ft", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}
# Verbs that say a sentence reports a statement ("WHO said", "OCHA estimated"): infer.py reads
# attribution of figures and events with them.
REPORTING = r"(?:said|says|told|tells|reported|reports|announced|stated|added|confirmed|estimated|counted|wrote)"
# The cues actors.py takes as "this organisation states it" right after its name: more tenses and
# "puts", "warns", "notes"; not "wrote". The two lists differ on purpose as far as the tests go;
# merging them changes what ingest writes, so it waits for an issue that may change ingest's output.
REPORTING_CUES = (r"said|says|say|told|tells|reported|reports|estimated|estimates|counted|counts|announced|announces|"
                  r"stated|states|added|adds|confirmed|confirms|recorded|records|put|puts|warned|warns|noted|notes")

# a sentence end: from the first of its marks (so a long run of dots is read once, not once a dot)
_CANDIDATE = re.compile(r"(?<![.!?…])[.!?…]+[\"”’')\]]*\s+")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_GERMAN_MONTH = re.compile(r"(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|"
                           r"Dezember)\b")
_WORD_WINDOW = 40  # longer than any abbreviation or run of initials it is compared with
_QUOTES_OPEN = "\"“‘'([«"


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offset in the document's plain text
    paragraph: int  # index of its paragraph


def paragraphs(text: str) -> list[tuple[int, str]]:
    """(offset, text) of each block separated by blank lines."""
    out = []
    for m in re.finditer(r"(?:[^\n]|\n(?!\s*\n))+", text):
        block = m.group()
        if block.strip():
            out.append((m.start(), block))
    return out


def _lines_of(block: str, offset: int) -> list[tuple[int, str]]:
    """Lines of a block as units, unless the block looks hard-wrapped (then it is one unit)."""
    lines = [(m.start() + offset, m.group()) for m in re.finditer(r"[^\n]+", block)]
    if len(lines) >= 3:
        lengths = sorted(len(t) for _, t in lines[:-1])
        if lengths and lengths[len(lengths) // 2] >= 50:
            return [(offset, block)]
    return lines


def sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    for p, (offset, block) in enumerate(paragraphs(text)):
        for unit_offset, unit in _lines_of(block, offset):
            for start, end in _split(unit):
                piece = unit[start:end]
                stripped = piece.strip()
                if not stripped:
                    continue
                lead = len(piece) - len(piece.lstrip())
                out.append(Sentence(" ".join(stripped.split()), unit_offset + start + lead, p))
    return out


def _split(unit: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for m in _CANDIDATE.finditer(unit):
        nxt = unit[m.end(): m.end() + 2]
        if not nxt:
            continue
        first = nxt[0]
        if first in _QUOTES_OPEN and len(nxt) > 1:
            first = nxt[1]
        if not (first.isupper() or first.isdigit()):
            continue
        if unit[m.start()] == ".":
            word = _WORD_BEFORE.search(unit, max(start, m.start() - _WORD_WINDOW), m.start())
            if word:
                w = word.group(1).lower()
                if w in _ABBREVIATIONS or (len(w) == 1 and w.isalpha()) or re.fullmatch(r"(?:\w\.)+\w", w):
                    continue
                if w.isdigit() and len(w) <= 2 and _GERMAN_MONTH.match(unit, m.end()):
                    continue  # "am 7. Oktober": a German date, not the end of a sentence
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(unit)))
    return spans


def clip(text, width: int = 90) -> str:
    """Text on one line, cut to ``width`` characters with an ellipsis (for reports)."""
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
