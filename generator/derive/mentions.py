"""Actor mentions (README: How items are connected): names and aliases as whole words, case- and
diacritics-insensitive, except capital acronyms of 2-6 letters which match only
in capitals. Overlaps resolve to the longest match ("UN-backed government" is the
GNA, not the UN). All aliases compile into one regular expression per rule, so
cost grows with the text, not with aliases times text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from generator.model.text import fold, fold_only

_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    actor: str


FOUND_MAX = 200_000


def matcher_for(names: dict[str, list[str]], kept: dict | None = None) -> "Matcher":
    """The Matcher for these names, reused from ``kept`` (a BuildCache's) while the names stay the
    same (and with it, its results per text)."""
    return reused({} if kept is None else kept, Matcher, names)


def per_text(cache: dict, text: str, compute):
    """``compute(text)``, kept in ``cache`` (emptied when it reaches FOUND_MAX texts)."""
    found = cache.get(text)
    if found is None:
        if len(cache) >= FOUND_MAX:
            cache.clear()
        found = cache[text] = compute(text)
    return found


def reused(cache: dict, make, words: dict[str, list[str]]):
    """``make(words)``, kept in ``cache`` while ``words`` stay the same (one entry: the current briefing)."""
    key = tuple((item, tuple(ws)) for item, ws in sorted(words.items()))
    made = cache.get(key)
    if made is None:
        cache.clear()
        made = cache[key] = make(words)
    return made


class Matcher:
    """Finds actor mentions in text. Build once per briefing, reuse for every text."""

    def __init__(self, names: dict[str, list[str]]):
        """``names`` maps actor id to its name and aliases."""
        folded: dict[str, str] = {}
        capitals: dict[str, str] = {}
        for actor, words in names.items():
            for word in words:
                word = " ".join(word.split())
                if not word:
                    continue
                if _ACRONYM.match(word):
                    capitals.setdefault(word, actor)
                else:
                    folded.setdefault(fold_only(word), actor)
        self._folded = folded
        self._capitals = capitals
        self._folded_re = _compile(folded, 0)  # the text is folded to lower case first
        self._capitals_re = _compile(capitals, 0)
        self._found: dict[str, list[Mention]] = {}

    def find(self, text: str) -> list[Mention]:
        """Non-overlapping mentions in text order; where candidates overlap the longest wins.

        Results are kept per text (``briefing serve`` rebuilds after every edit, and most texts
        have not changed); treat the list as read-only."""
        return per_text(self._found, text, self._find)

    def _find(self, text: str) -> list[Mention]:
        found: list[Mention] = []
        if self._folded_re is not None:
            ftext, index = fold(text)
            for m in self._folded_re.finditer(ftext):
                matched = m.group(1)
                if index is None:
                    start, end = m.start(1), m.start(1) + len(matched)
                else:
                    start = index[m.start(1)]
                    end = index[m.start(1) + len(matched) - 1] + 1
                found.append(Mention(start, end, self._folded[" ".join(matched.split())]))
        if self._capitals_re is not None:
            for m in self._capitals_re.finditer(text):
                found.append(Mention(m.start(1), m.end(1), self._capitals[m.group(1)]))
        if len(found) < 2:
            return found
        found.sort(key=lambda x: (x.start, -x.end))
        if all(a.end <= b.start for a, b in zip(found, found[1:])):
            return found  # no overlaps: the usual case
        # A candidate inside a longer one is part of it ("UN" in "UN-backed government"),
        # even when that longer one loses to another: drop contained candidates first.
        outer: list[Mention] = []
        reach = -1
        for mention in found:
            if mention.end <= reach:
                continue
            outer.append(mention)
            reach = mention.end
        # Then partial overlaps: the longest wins.
        outer.sort(key=lambda x: (-(x.end - x.start), x.start))
        taken: list[Mention] = []
        starts: list[int] = []
        for mention in outer:
            i = bisect.bisect_left(starts, mention.start)
            if i > 0 and taken[i - 1].end > mention.start:
                continue
            if i < len(taken) and taken[i].start < mention.end:
                continue
            taken.insert(i, mention)
            starts.insert(i, mention.start)
        return taken

    def actors(self, text: str) -> dict[str, int]:
        """Mention counts per actor id."""
        counts: dict[str, int] = {}
        for m in self.find(text):
            counts[m.actor] = counts.get(m.actor, 0) + 1
        return counts


def _compile(words: dict[str, str], flags: int) -> re.Pattern | None:
    if not words:
        return None
    # The aliases go into the pattern as a trie: Python's re tries the alternatives of a flat
    # alternation one by one at every position, while a trie shares prefixes (4-5x faster
    # with 50 actors). Longer aliases are tried first at every branch, so the alternation
    # prefers the longest alias at a position; the lookahead finds candidates at every
    # position, so overlapping aliases can compete.
    first = "".join(sorted({re.escape(w[0]) for w in words}))
    return re.compile(rf"(?<!\w)(?=[{first}])(?=({trie_pattern(words)})(?!\w))", flags)


def trie_pattern(words) -> str:
    """A regular expression matching exactly ``words``, longest first, with any run of
    whitespace where a word has a space."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(" " if ch.isspace() else ch, {})
        node[""] = {}
    return _trie_re(trie)


def _trie_re(node: dict) -> str:
    ends = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        head = r"\s+" if ch == " " else re.escape(ch)
        branches.append(head + _trie_re(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:  # the word may end here: greedy, so the longer words are tried first
        return body + "?" if len(branches) == 1 and len(branches[0]) == 1 else f"(?:{body})?"
    return body
