"""Incremental preview for ``briefing serve`` (part of the MkDocs adapter).

``briefing serve`` runs MkDocs' dirty build: after an edit MkDocs converts and renders only the
pages whose file says it was modified. Briefing's pages are generated, so MkDocs would count all of
them as modified; :class:`Preview` remembers a hash of every generated page and hands MkDocs an
:class:`UnchangedFile` for each page that came out the same as in the previous build. It also
rebuilds everything when a template or mkdocs.yml changed, removes the output of pages that are
gone, and keeps Material's search index whole (Material's own dirty-reload merge assumes one
changed page).
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

import jinja2
import jinja2.bccache
from mkdocs.structure.files import File, InclusionLevel

from generator.cache import stamp_files

log = logging.getLogger("mkdocs.plugins.briefing")

_DIRTY_WARNING = "A 'dirty' build is being performed"


class UnchangedFile(File):
    """A generated file with the same content as in the previous build: a dirty build skips it."""

    def is_modified(self) -> bool:
        return not os.path.isfile(self.abs_dest_path)


class _DropDirtyWarning(logging.Filter):
    """MkDocs warns on every dirty build; under ``briefing serve`` that is expected, and a warning
    would stop a site with ``strict: true`` from previewing at all."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(_DIRTY_WARNING)


class Preview:
    """What one ``briefing serve`` session keeps from one build to the next."""

    def __init__(self, dirty: bool):
        self.dirty = dirty
        self.digests: dict[str, str] = {}  # generated path -> hash of content and blocks
        self.environment = ""  # hash of templates and config: when it changes, everything is rebuilt
        self.search_entries: dict[str, list] = {}  # page URL -> Material search entries
        self.built: set[str] = set()  # page URLs rendered in this build
        self.reused = 0
        self.bytecode_cache = _MemoryBytecodeCache()
        if dirty:
            logging.getLogger("mkdocs.commands.build").addFilter(_DropDirtyWarning())

    def start(self, config) -> None:
        """Before the files of a build are gathered."""
        self.built = set()
        self.reused = 0
        if not self.dirty:
            return  # every page is rendered anyway
        environment = _environment_key(config)
        if environment != self.environment:
            self.digests = {}  # a template or the config changed: rebuild every page
            self.environment = environment

    def file(self, config, path: str, content, blocks: dict, inclusion: InclusionLevel) -> File:
        """The File for a generated page: an UnchangedFile when it is the same as last time."""
        if not self.dirty:
            return File.generated(config, path, content=content, inclusion=inclusion)
        h = hashlib.blake2b(content if isinstance(content, bytes) else content.encode("utf-8"), digest_size=16)
        for token in sorted(blocks):
            h.update(token.encode())
            h.update(blocks[token].encode())
        digest = h.hexdigest()
        unchanged = self.digests.get(path) == digest
        self.digests[path] = digest
        cls = UnchangedFile if unchanged else File
        f = cls.generated(config, path, content=content, inclusion=inclusion)
        if unchanged and not f.is_modified():
            self.reused += 1
        return f

    def forget_missing(self, config, paths: set[str]) -> None:
        """Remove from the site the output of generated pages that this build no longer has."""
        for path in [p for p in self.digests if p not in paths]:
            del self.digests[path]
            gone = File(path, None, config.site_dir, config.use_directory_urls)
            if os.path.isfile(gone.abs_dest_path):
                os.remove(gone.abs_dest_path)
                log.info("Removed %s (its page is gone)", gone.dest_uri)

    def merge_search(self, search, files) -> None:
        """Material's search index for the whole site: the entries of the pages rendered now,
        and the kept entries of the pages a dirty build skipped."""
        if search is None or getattr(search, "search_index", None) is None:
            return
        urls = [f.page.url for f in files.documentation_pages() if f.page is not None]
        by_url: dict[str, list] = {url: [] for url in self.built}
        for entry in search.search_index.entries:
            url = entry["location"].split("#")[0]
            if url in by_url:
                by_url[url].append(entry)
        self.search_entries.update(by_url)
        search.search_index.entries = [e for url in urls for e in self.search_entries.get(url, [])]
        search.search_index_prev = None  # Material's own merge would drop or repeat entries
        self.search_entries = {url: self.search_entries[url] for url in urls if url in self.search_entries}


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled theme templates kept in memory for the serve session."""

    def __init__(self):
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


def _environment_key(config) -> str:
    """Modification times of mkdocs.yml and of every file in the theme folders but the installed theme's."""
    h = hashlib.blake2b(digest_size=16)
    paths = [config.config_file_path] if config.config_file_path else []
    installed = Path(config.theme.dirs[-1]) if config.theme.dirs else None
    for folder in config.theme.dirs:
        folder = Path(folder)
        if folder == installed or "site-packages" in folder.parts:
            continue
        paths.extend(str(p) for p in sorted(folder.rglob("*")) if p.is_file())
    stamp_files(h, paths)
    return h.hexdigest()
