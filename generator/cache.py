"""What one build hands to the next: a :class:`BuildCache` that a build, or a ``briefing serve``
session, owns and passes down (load, derive, pages). No module keeps content or results of its own.

A fresh BuildCache is a build from scratch; reusing one across builds changes what is computed
again, never what is built (every entry is keyed by everything its value depends on). Two
``lru_cache``s remain at module level, each on a pure function of its arguments (what it returns
depends on nothing else): model/dates.py's reading of a date text and pages/urls.py's relpath.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field


@dataclass
class BuildCache:
    # model/load.py: (kind, id, shown path, digest, date settings, today) -> one file's validation
    validated: dict = field(default_factory=dict)
    # derive: actors' names -> Matcher, topics' keywords -> TopicClassifier (each with its results per text)
    matchers: dict = field(default_factory=dict)
    classifiers: dict = field(default_factory=dict)
    # pages: template override folders -> Jinja environment (its compiled templates)
    environments: dict = field(default_factory=dict)
    # pages: page path -> (key, page) and (entry, depth, show_date) -> (version, HTML) of the previous build
    pages: dict = field(default_factory=dict)
    entry_html: dict = field(default_factory=dict)
    # build.py: content that `briefing build` loaded to check it, for its one build to take
    # engine: what the previous site was built from (engine/warm.py: environment key, site
    # fingerprint, each generated file's hash, each page's search entries); kept on disk only
    site: dict = field(default_factory=dict)
    loaded: tuple | None = None  # (what was loaded: folder, root, settings, today; the check's Result)


def stamp_files(h, paths) -> None:
    """Add each file's path and modification time to the hash ``h`` (missing files are skipped)."""
    for p in paths:
        try:
            h.update(f"{p}\0{os.stat(p).st_mtime_ns}\n".encode())
        except OSError:
            continue


def hash_files(h, paths) -> None:
    """Add each file's path and a hash of its bytes to the hash ``h`` (what a cache kept on disk
    compares: a fresh checkout gives every file a new modification time; missing files are skipped)."""
    for p in paths:
        try:
            data = open(p, "rb").read()
        except OSError:
            continue
        h.update(f"{p}\0".encode() + hashlib.blake2b(data, digest_size=16).digest())
