"""Topics of a text (README: How items are connected): a topic belongs to a text when one of its
keywords (or its title) occurs as whole words, case- and diacritics-insensitive. Ingest proposes
topics with the same classifier, so it finds what the build will."""

from __future__ import annotations

import re
from collections import defaultdict

from generator.derive.mentions import per_text, reused, trie_pattern
from generator.model.text import fold_only


class TopicClassifier:
    """A topic belongs to a text when one of its keywords occurs as whole words."""

    def __init__(self, keywords: dict[str, list[str]]):
        self._topics: dict[str, set[str]] = defaultdict(set)
        for topic, words in keywords.items():
            for word in words:
                w = " ".join(fold_only(word).split())
                if w:
                    self._topics[w].add(topic)
        self._re = re.compile(rf"(?<!\w)(?:{trie_pattern(self._topics)})(?!\w)") if self._topics else None
        self._found: dict[str, frozenset[str]] = {}

    def topics(self, text: str) -> frozenset[str]:
        """Topic ids whose keywords occur in text (kept per text, like Matcher.find)."""
        return per_text(self._found, text, self._topics_of)

    def matches(self, text: str) -> list[tuple[str, set[str]]]:
        """Each keyword occurrence in text, in order: (the keyword as folded, its topic ids)."""
        if self._re is None:
            return []
        out = []
        for m in self._re.finditer(fold_only(text)):
            word = " ".join(m.group().split())
            out.append((word, self._topics[word]))
        return out

    def _topics_of(self, text: str) -> frozenset[str]:
        found: set[str] = set()
        for _, topics in self.matches(text):
            found |= topics
        return frozenset(found)


def classifier_for(keywords: dict[str, list[str]], kept: dict | None = None) -> TopicClassifier:
    return reused({} if kept is None else kept, TopicClassifier, keywords)
