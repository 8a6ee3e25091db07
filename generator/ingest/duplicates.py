"""Probable duplicates (issue 16: 6): a seed whose address, or whose text, matches an article already in
the content folder. Text is compared by shingles: runs of 5 words, lowercased; a seed is a probable
duplicate when at least half the shingles of the shorter of the two texts are in the other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from generator.model import yamlload

SHINGLE = 5
THRESHOLD = 0.5
_WORD = re.compile(r"[^\W_]+")


def shingles(text: str) -> frozenset[str]:
    words = [w.lower() for w in _WORD.findall(text)]
    return frozenset(" ".join(words[i: i + SHINGLE]) for i in range(max(0, len(words) - SHINGLE + 1)))


def same_address(url: str) -> str:
    """An address as compared: no scheme, no www., no fragment, no trailing slash, host in lowercase."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.rstrip("/")
    return f"{host}{path}" + (f"?{parts.query}" if parts.query else "")


def _urls(value) -> list[str]:
    if isinstance(value, dict):
        return [u for v in value.values() for u in _urls(v)]
    if isinstance(value, list):
        return [u for v in value for u in _urls(v)]
    if isinstance(value, str) and value.startswith(("http://", "https://")):
        return [value]
    return []


@dataclass
class Duplicate:
    path: Path
    why: str  # "the same URL ..." or "73% of the text"


@dataclass
class Corpus:
    """The articles of a content folder, read once per ingest run (and the drafts it writes)."""

    urls: dict[str, Path] = field(default_factory=dict)
    texts: list[tuple[Path, frozenset[str]]] = field(default_factory=list)

    @classmethod
    def of(cls, articles: Path) -> "Corpus":
        corpus = cls()
        if not articles.is_dir():
            return corpus
        for path in sorted(articles.rglob("*.md")):
            try:
                fm, body, _ = yamlload.split(path.read_text("utf-8"))
                data = yamlload.HANDLER.load(fm)[0] if fm is not None else {}
            except (OSError, UnicodeDecodeError, ValueError, RecursionError, MemoryError):
                continue  # briefing check reports it; it cannot be compared
            corpus.add(path, _urls(data.get("source")) if isinstance(data, dict) else [], body)
        return corpus

    def add(self, path: Path, urls: list[str], text: str) -> None:
        for url in urls:
            self.urls.setdefault(same_address(url), path)
        self.texts.append((path, shingles(text)))

    def match(self, urls: list[str], text: str) -> Duplicate | None:
        for url in urls:
            path = self.urls.get(same_address(url))
            if path is not None:
                return Duplicate(path, f"the same URL {url}")
        own = shingles(text)
        best: tuple[float, Path] | None = None
        for path, theirs in self.texts:
            if not own or not theirs:
                continue
            share = len(own & theirs) / min(len(own), len(theirs))
            if share >= THRESHOLD and (best is None or share > best[0]):
                best = (share, path)
        return Duplicate(best[1], f"{best[0]:.0%} of the text") if best else None
