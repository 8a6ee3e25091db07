"""A warm ``briefing build``: start from the previous site and render only the pages that changed.

``briefing serve`` already builds like this (:mod:`generator.engine.preview`: MkDocs' dirty build,
an :class:`UnchangedFile` for each generated page that came out the same, Material's search index
kept whole). A ``briefing build`` with the build cache (:mod:`generator.diskcache`) does the same
across processes: the cache keeps each generated file's hash and each page's search entries, and
the next build, in a new process, copies the previous site into its staging folder and has MkDocs
render only the pages whose Markdown changed. It does so only when

- everything else a page's HTML depends on hashes the same (:func:`environment_key`: mkdocs.yml,
  every file of the theme folders (an installed theme by its version), Briefing's own code, MkDocs' and
  Material's versions, the files of docs_dir that are not content items, SOURCE_DATE_EPOCH, the
  search backend), and
- the site folder is the one that build left (:func:`site_fingerprint`: the path, size and
  modification second of every file in it),

and otherwise builds everything, as a clean build does. Either way the site is the same, byte for
byte, as a clean build's (tests/test_disk_cache.py), and the new site is swapped in atomically.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
from importlib import metadata
from pathlib import Path

from generator import build
from generator.engine import pagefind
from generator.engine.preview import Preview, _DropDirtyWarning
from generator.engine.sitedir import MARKER, is_site


class WarmPreview(Preview):
    """The Preview of one ``briefing build`` that keeps the build cache: never decides on its own
    to rebuild everything (the caller compared :func:`environment_key` already)."""

    def __init__(self, digests: dict | None = None, search_entries: dict | None = None):
        super().__init__(dirty=False)  # MkDocs' warning on dirty builds is dropped by dirty_warning_dropped()
        self.dirty = True  # hash every generated file and keep the search entries of every page
        self.digests = dict(digests or {})
        self.search_entries = dict(search_entries or {})

    def start(self, config) -> None:
        self.built = set()
        self.reused = 0


@contextlib.contextmanager
def dirty_warning_dropped():
    """MkDocs warns on every dirty build; a warm build is one on purpose, and must pass --strict."""
    logger = logging.getLogger("mkdocs.commands.build")
    drop = _DropDirtyWarning()
    logger.addFilter(drop)
    try:
        yield
    finally:
        logger.removeFilter(drop)


def previous_site(cache: dict, environment: str, site_dir) -> WarmPreview | None:
    """The Preview of a warm build from what the cache kept of the previous site, or None (build
    everything) when the environment or the site folder is not the same as then."""
    if not cache or cache.get("environment") != environment:
        return None
    fingerprint = site_fingerprint(site_dir)
    if fingerprint is None or fingerprint != cache.get("fingerprint"):
        return None
    return WarmPreview(cache.get("digests"), cache.get("search"))


def kept(preview: WarmPreview, environment: str, site_dir, pagefind: dict | None = None) -> dict:
    """What the next build needs of this one (after the new site is in place)."""
    return {"environment": environment, "fingerprint": site_fingerprint(site_dir),
            "digests": dict(preview.digests), "search": dict(preview.search_entries),
            "pagefind": dict(pagefind or {})}


def search_backend(option: str, docs_dir) -> str:
    """The search backend a build will use (as engine/search.py's configure chooses it)."""
    backend = pagefind.auto_backend(build.count_articles(docs_dir)) if option == "auto" else option
    if backend == "pagefind" and option == "auto":
        try:
            pagefind.find_pagefind()
        except pagefind.PagefindError:
            return "lunr"
    return backend


def environment_key(config, backend: str) -> str:
    """A hash of everything but a generated page's own Markdown that its HTML depends on
    (``backend``: the search backend, which changes every page's search box)."""
    h = hashlib.blake2b(digest_size=16)
    h.update(build.code_version().encode())
    h.update(f"search={backend}\n".encode())
    for dist in ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "pygments"):
        try:
            h.update(f"{dist}={metadata.version(dist)}\n".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{dist}=none\n".encode())
    h.update(f"SOURCE_DATE_EPOCH={os.environ.get('SOURCE_DATE_EPOCH', '')}\n".encode())
    if config.config_file_path:
        _hash_file(h, Path(config.config_file_path), "mkdocs.yml")
    for i, folder in enumerate(config.theme.dirs):
        if {"site-packages", "dist-packages"} & set(Path(folder).parts):
            h.update(f"[theme {i}: installed]\n".encode())  # an installed theme: its version above says it
        else:
            _hash_tree(h, f"theme {i}", Path(folder), lambda rel: True)
    docs = Path(config.docs_dir)
    # content items are the generated pages' business (their own hashes); everything else in docs_dir counts
    _hash_tree(h, "docs", docs, lambda rel: not (len(rel.parts) > 1 and rel.parts[0] in build.KIND_FOLDERS and rel.suffix == ".md"))
    return h.hexdigest()


def site_fingerprint(site_dir: Path | str) -> str | None:
    """Path, size and modification second of every file of a site Briefing built (None if it is not one)."""
    site = Path(site_dir)
    if not site.is_dir() or not is_site(site):
        return None
    h = hashlib.blake2b(digest_size=16)
    for root, dirs, files in os.walk(site):
        top = Path(root) == site
        dirs[:] = sorted(d for d in dirs if not (top and d.startswith(".")))
        for name in sorted(files):
            if top and name.startswith(".") and name != MARKER:
                continue
            st = os.lstat(os.path.join(root, name))
            rel = os.path.relpath(os.path.join(root, name), site)
            h.update(f"{rel}\0{st.st_size}\0{int(st.st_mtime)}\n".encode())
    return h.hexdigest()


def _hash_file(h, path: Path, shown: str) -> None:
    try:
        data = path.read_bytes()
    except OSError:
        data = b"\0unreadable"
    h.update(shown.encode() + b"\0" + hashlib.blake2b(data, digest_size=16).digest())


def _hash_tree(h, name: str, folder: Path, counts) -> None:
    h.update(f"[{name}]\n".encode())
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if path.is_file() and "__pycache__" not in rel.parts and counts(rel):
            _hash_file(h, path, rel.as_posix())
