"""Actor mentions (spec section 5): names and aliases as whole words, case- and
diacritics-insensitive, except capital acronyms of 2-6 letters which match only
in capitals. Overlaps resolve to the longest match ("UN-backed government" is the
GNA, not the UN). All aliases compile into one regular expression per rule, so
cost grows with the text, not with aliases times text.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
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


# Words so common that an alias made of them would tie its actor to nearly every article:
# a short list per site language (``languages`` in mkdocs.yml), for a warning when actors load.
_COMMON_WORDS = {
    "en": "a an and are as at be but by for from had has have he her his i in is it its no not of on or "
          "our she so that the their them they this to up us was we were who will with you",
    "fr": "a au aux avec ce ces dans de des du elle en est et il ils je la le les leur lui mais me ne nous "
          "on ou par pas pour qui sa se son sont sur ta te tu un une vous y",
    "es": "a al como con de del el ella en es esta este la las lo los mas no o para pero por que se sin "
          "su sus un una y ya",
    "de": "am an auch auf aus bei das dem den der des die ein eine er es im in ist mit nicht oder sie "
          "sind und von vor zu zum zur",
    "it": "a ai al alla che con da del della di e gli i il in la le lo ma non per si su un una",
    "pt": "a ao as com da das de do dos e em na nas no nos o os para por que se um uma",
    "ar": "في من على إلى الى "
          "عن مع و أو هذا هذه "
          "التي الذي أن إن كان "
          "قد لا ما ثم",
}
COMMON_WORDS = {lang: frozenset(fold_only(w) for w in words.split()) for lang, words in _COMMON_WORDS.items()}
LANGUAGE_NAMES = {"en": "English", "fr": "French", "es": "Spanish", "de": "German", "it": "Italian",
                  "pt": "Portuguese", "ar": "Arabic"}


def common_word(word: str, languages) -> str | None:
    """Why ``word`` would match nearly everywhere as an alias, or None.

    Capital acronyms match only in capitals, so they never count; otherwise a word (or
    words) from the list of a site language does, and so does any lowercase word of
    fewer than 3 letters (it matches in any case).
    """
    word = " ".join(word.split())
    if not word or _ACRONYM.match(word):
        return None
    folded = fold_only(word).split()
    for language in languages:
        code = language.replace("_", "-").split("-")[0].lower()  # en-GB, pt_BR
        common = COMMON_WORDS.get(code)
        if common and all(w in common for w in folded):
            name = LANGUAGE_NAMES.get(code, language)
            return f"a common {name} word" if len(folded) == 1 else f"made of common {name} words"
    if len(word) < 3 and word.islower():
        return "shorter than 3 letters and lowercase, so it matches in any case"
    return None


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    actor: str


FOUND_MAX = 200_000
_MATCHERS: dict[tuple, "Matcher"] = {}


def matcher_for(names: dict[str, list[str]]) -> "Matcher":
    """The Matcher for these names, reused while the names stay the same (and with it, its
    results per text)."""
    return reused(_MATCHERS, Matcher, names)


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
