"""Actors, topics and attribution, from the project's own actors and topics.

Mentions use the site's :class:`~generator.derive.mentions.Matcher` (README: How items are connected),
so ingest finds exactly what the build will detect. Topic keywords are matched
the same way as :class:`~generator.derive.TopicClassifier`, keeping the words
that matched as evidence.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from generator.derive.mentions import Matcher, Mention
from generator.derive.topics import TopicClassifier
from generator.ingest.text import REPORTING_CUES
from generator.model.types import Actor, Topic

_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
_ROLE = (r"representative|spokesperson|spokesman|spokeswoman|envoy|official|officials|chief|head|director|"
         r"coordinator|report|reports|figures|data|count|tally|estimate|estimates|statement|toll|sources?")
_CUE_WINDOW = 200  # far more than the cues below can span
_END_PUNCT = ' .!?"”'
_AFTER_CUE = re.compile(
    rf"(?:['’]s)?(?:\s*\([^)]{{1,40}}\))?(?:\s*,\s*[^,]{{1,60}},)?\s+(?:[\w-]+\s+){{0,2}}?(?:{REPORTING_CUES}|{_ROLE})\b",
    re.I,
)
_BEFORE_STRONG = re.compile(r"(?:according\s+to|reported\s+by|cited\s+by|citing|quoting|figures\s+from|"
                            r"data\s+from|(?:said|says|told)\s+(?:an?\s+)?)\s*(?:the\s+)?(?:[\w'’-]+\s+){0,2}$", re.I)
_HEADLINE = re.compile(r"[:–—-]\s*(?:the\s+)?$")
_OTHER_SOURCE = re.compile(
    r"(?P<src>(?:(?:the|a|an|local|some)\s+)?(?:residents|witnesses|medics|doctors|officials|sources|"
    r"(?:hospital|health|local|security|military|medical|government|city)\s+(?:sources?|officials?)|"
    r"(?:a|an)\s+(?:\w+\s+)?(?:military|security|medical|hospital)\s+source|"
    r"(?:the\s+)?(?:[A-Z][\w'’-]+\s+){0,4}(?:Red\s+Crescent|Red\s+Cross|Ministry(?:\s+of\s+[A-Z]\w+)?)|"
    r"(?:the\s+)?(?:[\w'’-]+\s+){0,2}(?:ministry|authorities|authority|municipality|council)))"
    rf"(?:\s*,\s*[^,]{{1,60}},)?\s+(?:{REPORTING_CUES})\b"
)
_SPOKESMAN_FOR = re.compile(
    r"\b(?:spokes(?:man|woman|person)|official|officials|representative|source|sources)\s+(?:for|of|from|in)\s+"
    r"(?P<src>(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:government|ministry|army|forces|authorities|council|"
    r"municipality|hospital|agency|office))\b",
    re.I,
)
_ACCORDING = re.compile(r"according\s+to\s+(?P<src>(?:the\s+)?(?:[A-Z][\w'’-]+\s+){0,4}[A-Z][\w'’-]+|"
                        r"(?:the\s+)?(?:residents|witnesses|medics|officials|sources|(?:[\w-]+\s+){0,2}"
                        r"(?:ministry|authorities|authority)))", re.I)


@dataclass
class Attribution:
    label: str  # what goes into the figure's source
    words: str  # the words it came from
    actor: str | None  # actor id, if one
    strength: int  # 3 stated (said, according to), 1 the only organisation named


class Vocabulary:
    """What ingest knows about a briefing: its actors and topics."""

    def __init__(self, actors: dict[str, Actor], topics: dict[str, Topic]):
        self.actors = actors
        self.topics = topics
        self.matcher = Matcher({a.id: [a.name, *a.aliases] for a in actors.values()})
        self.classifier = TopicClassifier({t.id: [t.title, *t.keywords] for t in topics.values()})

    # ---- actors and topics ------------------------------------------------------------------

    def find_actors(self, text: str) -> list[tuple[str, str]]:
        """(actor id, evidence) in order of first mention."""
        words: dict[str, Counter] = {}
        for m in self.matcher.find(text):
            words.setdefault(m.actor, Counter())[" ".join(text[m.start: m.end].split())] += 1
        out = []
        for actor, counter in words.items():
            parts = [f'"{w}"' + (f" ×{n}" if n > 1 else "") for w, n in counter.most_common(4)]
            out.append((actor, ", ".join(parts)))
        return out

    def find_topics(self, text: str) -> list[tuple[str, str]]:
        hits: dict[str, Counter] = {}
        for word, topics in self.classifier.matches(text):
            for topic in topics:
                hits.setdefault(topic, Counter())[word] += 1
        order = sorted(hits, key=lambda t: (-sum(hits[t].values()), t))
        return [(t, ", ".join(f'"{w}"' + (f" ×{n}" if n > 1 else "") for w, n in hits[t].most_common(4)))
                for t in order]

    # ---- attribution ------------------------------------------------------------------------

    def label(self, actor_id: str) -> str:
        actor = self.actors[actor_id]
        for alias in actor.aliases:
            if _ACRONYM.match(alias):
                return alias
        return actor.name

    def _source_actor(self, actor_id: str) -> tuple[str, str | None]:
        """A person speaks for the organisation they belong to."""
        actor = self.actors[actor_id]
        if actor.kind == "person":
            for org in actor.affiliation:
                if org in self.actors:
                    return self.label(org), org
        return self.label(actor_id), actor_id

    def attribution(self, sentence: str) -> Attribution | None:
        """Who the sentence says states its numbers, if it says so."""
        best: tuple[int, int, Mention] | None = None
        organisations: list[Mention] = []
        tail = len(sentence.rstrip(_END_PUNCT))  # after it, only punctuation
        for m in self.matcher.find(sentence):
            actor = self.actors[m.actor]
            # the words around the mention: windows, not the whole sentence (linear in a long sentence)
            lo, hi = max(0, m.start - _CUE_WINDOW), m.end + _CUE_WINDOW
            score = 0
            if _AFTER_CUE.match(sentence, m.end, hi) or _BEFORE_STRONG.search(sentence, lo, m.start):
                score = 3
            elif _HEADLINE.search(sentence, lo, m.start) and m.end >= tail:
                score = 3
            if actor.kind in ("organisation",):
                organisations.append(m)
                score += 1 if score else 0
            if score and (best is None or score > best[0]):
                best = (score, -m.start, m)
        if best is not None:
            m = best[2]
            label, actor_id = self._source_actor(m.actor)
            return Attribution(label, _cue_words(sentence, m), actor_id, 3)
        for pattern in (_ACCORDING, _SPOKESMAN_FOR, _OTHER_SOURCE):
            found = pattern.search(sentence)
            if found:
                src = re.sub(r"^(?:the|a|an|some)\s+", "", " ".join(found.group("src").split()), flags=re.I)
                if self.matcher.find(src):
                    continue
                return Attribution(src, " ".join(found.group().split()), None, 3)
        distinct = {m.actor for m in organisations}
        if len(distinct) == 1:
            m = organisations[0]
            label, actor_id = self._source_actor(m.actor)
            return Attribution(label, sentence[m.start: m.end] + " (the only organisation named)", actor_id, 1)
        return None


def _cue_words(sentence: str, m: Mention) -> str:
    start = max(0, m.start - 25)
    end = min(len(sentence), m.end + 30)
    text = sentence[start:end]
    if start > 0:
        text = "…" + text.split(" ", 1)[-1] if " " in text else text
    if end < len(sentence):
        text = text.rsplit(" ", 1)[0] + "…"
    return " ".join(text.split())
