"""Figure claims in English sentences (README: Turn source documents into draft articles).

A figure is a number tied to killed, dead, died, wounded, injured, displaced,
fled/flee or evacuated. Each sentence is rewritten with every countable number
replaced by a placeholder ``⟨k⟩``; the patterns below then read the words around
the placeholders:

A  "75 people have been killed", "323 wounded", "More than 8000 flee"
B  "killing at least seven civilians", "has displaced 8,000 people"
C  "Of the dead, at least 18 were civilians", "Seven of the dead ... were civilians",
   "Among the dead were nine civilians", "6 children were among the dead"
F  "the number of people killed ... has risen to 205", "the death toll rose to 174",
   "put the number of wounded at 758", "displacement above 50,000"
S  "..., including seven civilians", "among them 36 civilians" (a group of the figure before it)
U  "... up from about 13,625", "taking the total above 25,000" (the same kind as the figure before it)

A number followed by "and N ..." with no people of its own inherits the group and
qualifier of the figure before it ("seven civilians killed and 10 wounded",
"at least 47 killed and 181 wounded").

Numbers that are years, ages, dates, distances and other measures never get a
placeholder (see :mod:`generator.ingest.numbers`), and a number followed by any
noun that is not a kind of people ("14 vehicles", "3 days") is not a figure.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from dataclasses import dataclass

from generator.ingest.figure_words import (
    AFTER, BEFORE, BEFORE_RE, DISPLACED, FURTHER, GROUPS, KILLED, NOUN_TERMS, PATTERNS, PEOPLE_RE, QUAL, QUAL_ALL,
    phrase,
)
from generator.ingest.languages import foreign_numbers, language, qualifier as foreign_qualifier, read
from generator.ingest.numbers import VAGUE, Number, numbers
from generator.ingest.text import clip


@dataclass
class FigureGuess:
    kind: str
    value: int
    qualifier: str
    scope: str | None
    sentence: str  # the whole sentence
    span: tuple[int, int]  # of the words it came from, in the sentence
    number: str  # the number as written
    qualifier_words: str = ""
    scope_words: str = ""
    source: str | None = None
    source_evidence: str = ""
    source_undecided: bool = False
    as_of: object = None  # a date or a relative date text
    as_of_evidence: str = ""
    as_of_resolved: object = None
    families: str = ""  # "2,725": the families a count of people was given with

    @property
    def words(self) -> str:
        return self.sentence[self.span[0]: self.span[1]]

    def key(self) -> tuple:
        return (self.kind, self.value, self.qualifier, self.source, self.scope)


@dataclass
class Unsure:
    """Something ingest saw but could not turn into a value; shown in the summary."""

    what: str
    words: str


@dataclass
class _Norm:
    text: str
    raw_pos: list[int]  # raw offset of each normalised character
    nums: list[Number]  # countable numbers, by placeholder index

    def raw(self, start: int, end: int, sentence: str) -> tuple[int, int]:
        s = self.raw_pos[start] if start < len(self.raw_pos) else len(sentence)
        e = self.raw_pos[end - 1] + 1 if end - 1 < len(self.raw_pos) else len(sentence)
        # a placeholder ends where its number ends: the number (they are in order and apart) holding e - 1
        k = bisect_right(self.starts, e - 1) - 1
        if k >= 0 and e - 1 < self.nums[k].end:
            e = max(e, self.nums[k].end)
        return s, e

    @functools.cached_property
    def starts(self) -> list[int]:
        return [n.start for n in self.nums]


def _normalise(sentence: str, nums: list[Number]) -> _Norm:
    out: list[str] = []
    pos: list[int] = []
    kept: list[Number] = []
    i = 0
    for n in nums:
        if n.excluded:
            continue
        out.append(sentence[i: n.start])
        pos.extend(range(i, n.start))
        token = f"⟨{len(kept)}⟩"
        out.append(token)
        pos.extend([n.start] * len(token))
        kept.append(n)
        i = n.end
    out.append(sentence[i:])
    pos.extend(range(i, len(sentence)))
    return _Norm("".join(out), pos, kept)


_A_TOTAL_OF = re.compile(r"\s*\ba\s+total\s+of\s*$", re.I)
_QUAL_RE = [(qualifier, re.compile(rf"(?<!\w){phrase(w)}\s*$", re.I)) for qualifier, words in QUAL for w in words]
_QUAL_WINDOW = 60  # characters before a number that can hold its qualifier ("no fewer than", "a total of")


def _qualifier(sentence: str, number: Number) -> tuple[str, str, int]:
    """(qualifier, the words it came from, where they start) for the number, from the words just
    before it: a window of a few words, never the whole sentence (so this is linear in its length)."""
    end = number.start
    total = _A_TOTAL_OF.search(sentence, max(0, end - _QUAL_WINDOW), end)
    if total:
        end = total.start()
    lo = max(0, end - _QUAL_WINDOW)
    best = ("exact", "", -1)
    for qualifier, pattern in _QUAL_RE:
        m = pattern.search(sentence, lo, end)
        if m and len(m.group().strip()) > len(best[1]):
            best = (qualifier, m.group().strip(), m.start())
    if best[0] == "exact" and (number.implied or number.approximate):
        # "a dozen": the number is its own qualifier; "dozens of": at least 12 (README: ingest)
        return number.implied or "about", number.text, -1
    return best


def qualifier_of(sentence: str, number: Number) -> tuple[str, str]:
    """(qualifier, the words it came from) for the number, from the words just before it."""
    qualifier, words, _ = _qualifier(sentence, number)
    return qualifier, words


def find_figures(sentence: str, lang: str = "en") -> tuple[list[FigureGuess], list[Unsure]]:
    """Figures stated in one sentence, in order, and what looked like one but was not decided;
    ``lang`` is the seed's language (:mod:`.languages` reads the others)."""
    foreign = language(lang)
    if foreign is not None:
        return _foreign_figures(sentence, foreign), []
    nums = numbers(sentence)
    norm = _normalise(sentence, nums)
    used: set[int] = set()
    found: list[tuple] = []  # (number index, guess, pattern, group words, names its people)
    for name, pattern in PATTERNS:
        for m in pattern.finditer(norm.text):
            for slot, term_slot in (("n", "term"), ("n2", "term2")):
                if m.groupdict().get(slot) is None:
                    continue
                k = int(m.group(slot))
                if k in used:
                    continue
                term = (m.groupdict().get(term_slot) or m.groupdict().get("term") or "")
                term = " ".join(term.lower().split())
                if name == "U":
                    base = None  # decided below from the figure before it
                elif name == "F":
                    base = KILLED if "toll" in term else NOUN_TERMS.get(term) or AFTER.get(term)
                elif name == "C":
                    base = NOUN_TERMS.get(term)
                elif name == "D":
                    base = DISPLACED
                elif name == "P":
                    base = BEFORE.get(term) or AFTER.get(term)
                elif name == "B":
                    base = BEFORE.get(term)
                else:
                    base = AFTER.get(term)
                if base is None and name not in ("U", "S"):
                    continue
                group_words = m.groupdict().get("group")
                if name == "P":
                    group_words = _group_in(m.groupdict().get("mid"))
                    used.add(int(m.group("fam")))
                elif name == "A" and slot == "n" and m.groupdict().get("n2") is None:
                    group_words = _group_in(m.group("mid"))
                elif name == "A" and slot == "n2":
                    group_words = _group_in(m.group("mid"))
                num = norm.nums[k]
                s, e = norm.raw(m.start(), m.end(), sentence)
                qualifier, qwords, q = _qualifier(sentence, num)
                if qwords:  # the evidence shows the qualifier too: "More than 8000 flee"
                    s = min(s, q) if q >= 0 else s
                guess = FigureGuess(base or "", num.value or 0, qualifier, None, sentence, (s, e), num.text,
                                    qualifier_words=qwords)
                _set_group(guess, group_words)
                if name == "P":  # the ledger counts people; the families are noted
                    guess.families = norm.nums[int(m.group("fam"))].text
                people = m.groupdict().get("mid") if name == "A" else group_words
                used.add(k)
                found.append((k, guess, name, group_words, bool(people and re.search(PEOPLE_RE, people, re.I))))
    found.sort(key=lambda t: norm.nums[t[0]].start)
    out: list[FigureGuess] = []
    previous: FigureGuess | None = None
    main: FigureGuess | None = None  # the last figure that is not a sub-count ("including seven civilians")
    for k, guess, name, group_words, has_people in found:
        num = norm.nums[k]
        between = sentence[previous.span[1]: num.start] if previous and previous.span[1] <= num.start else None
        if name == "U":
            if previous is None:
                continue
            guess.kind = _base(previous.kind)
            if not group_words:
                guess.scope, guess.scope_words = previous.scope, previous.scope_words
        elif name == "S":
            if previous is None or not guess.scope:
                continue  # "including 20 people": nothing new
            guess.kind = _base(previous.kind)
        elif between is not None and not has_people and re.fullmatch(
            rf"\s*,?\s*and\s+(?:{BEFORE_RE}\s+)?(?:{QUAL_ALL}\s+)?", between, re.I
        ):
            # "seven civilians killed and 10 wounded": the 10 are civilians too,
            # "at least 47 killed and 181 wounded": at least 181; after a sub-count ("205 killed,
            # including 18 civilians, and 913 injured") the figure the sub-count belongs to
            like = main if previous is not main and main is not None else previous
            guess.scope, guess.scope_words = like.scope, like.scope_words
            if guess.qualifier == "exact" and not re.search(BEFORE_RE, between, re.I):
                guess.qualifier, guess.qualifier_words = like.qualifier, like.qualifier_words
        if guess.scope:
            guess.kind = f"{guess.scope}-{_base(guess.kind)}"
        _note_scope(guess, num)
        out.append(guess)
        previous = guess
        if name != "S":
            main = guess
    return out, _unsure(sentence, nums, norm, used)


def _foreign_figures(sentence: str, lang) -> list[FigureGuess]:
    out = []
    nums = foreign_numbers(sentence, numbers(sentence), lang)
    for num, kind, group, span in read(sentence, nums, lang):
        q, qwords = foreign_qualifier(sentence, num, lang)
        guess = FigureGuess(f"{group}-{kind}" if group else kind, num.value or 0, q, group, sentence, span,
                            num.text, qualifier_words=qwords, scope_words=group or "")
        out.append(guess)
    return out


def _note_scope(guess: FigureGuess, num: Number) -> None:
    """What the number counts beyond its group: "a further 100,000" displaced are new since the last
    count, not a total; "2,725 families (13,625 individuals)" notes the families."""
    notes = []
    further = FURTHER.search(guess.sentence, max(0, num.start - 40), num.start)
    if further and _base(guess.kind) == DISPLACED:
        notes.append("new since the last count")
        guess.scope_words = " ".join(w for w in (guess.scope_words, further.group().strip()) if w)
    if guess.families:
        notes.append(f"{guess.families} families")
        guess.scope_words = " ".join(w for w in (guess.scope_words, f"{guess.families} families") if w)
    if notes:
        guess.scope = ", ".join([*([guess.scope] if guess.scope else []), *notes])


def _base(kind: str) -> str:
    return kind.rsplit("-", 1)[-1] if kind else kind


_GROUP_RES = [(g, re.compile(rf"(?<!\w){re.escape(g)}(?!\w)")) for g in sorted(GROUPS, key=len, reverse=True)]


def _group_in(words: str | None) -> str | None:
    if not words:
        return None
    low = " ".join(re.sub(r"\([^)]*\)", " ", words).lower().split())  # not the "(including ...)" sub-count
    for g, pattern in _GROUP_RES:
        if pattern.search(low):
            return g
    return None


def _set_group(guess: FigureGuess, group_words: str | None) -> None:
    if not group_words:
        return
    g = GROUPS.get(" ".join(group_words.lower().split()))
    if g:
        guess.scope = g
        guess.scope_words = group_words
        guess.kind = f"{g}-{_base(guess.kind)}" if guess.kind else guess.kind


_TERM_NEAR = re.compile(r"\b(?:killed|dead|died|deaths|wounded|injured|displaced|fled|flee|fleeing|evacuated|"
                        r"casualties|death toll)\b", re.I)


def _unsure(sentence: str, nums: list[Number], norm: _Norm, used: set[int]) -> list[Unsure]:
    """Numbers and vague quantities close to a toll word that did not become figures."""
    out = []
    if not _TERM_NEAR.search(sentence):
        return out
    for k, n in enumerate(norm.nums):
        if k in used:
            continue
        window = _window(sentence, n.start - 40, n.end + 40)
        if _TERM_NEAR.search(window):
            out.append(Unsure(f"'{n.text}' near a toll word is not tied to it", clip(window)))
    for m in VAGUE.finditer(sentence):
        if any(n.start <= m.start() < n.end for k, n in enumerate(norm.nums) if k in used):
            continue
        window = _window(sentence, m.start() - 30, m.end() + 40)
        if _TERM_NEAR.search(window):
            out.append(Unsure(f"'{m.group()}' is not a number", clip(window)))
    if re.search(r"\bcasualties\b", sentence, re.I):
        for k, n in enumerate(norm.nums):
            if k not in used and _CASUALTIES_AFTER.match(sentence, n.end, n.end + 80):
                out.append(Unsure(f"'{n.text} casualties' mixes killed and wounded", clip(sentence)))
    return out


_CASUALTIES_AFTER = re.compile(r"\s+(?:\w+\s+)?casualties", re.I)


def _window(sentence: str, start: int, end: int) -> str:
    """The words around a span, cut at word boundaries."""
    s = sentence.rfind(" ", 0, max(0, start)) + 1 if start > 0 else 0
    e = sentence.find(" ", min(len(sentence), end))
    return sentence[s: e if e != -1 else len(sentence)]
