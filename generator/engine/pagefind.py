"""Pagefind search for a built site: find the binary, index the pages' main content.

Material's search plugin builds a lunr index that every reader downloads whole and indexes in the
browser: 5.7 MB gzip and about 19 s before the first result at 10,000 articles. Pagefind
(https://pagefind.app) indexes the built HTML once, after the build, into small chunks that the
browser fetches for the words it searches. The ``pagefind`` package on PyPI ships the binary
(``pip install 'pagefind[bin]'``), so no Node is needed.

What gets indexed is decided in the HTML: Briefing's ``main.html`` marks the article content of
each page with ``data-pagefind-body`` (pages with Material's ``search: exclude`` meta, such as the
timeline and ledger month pages, are left unmarked and so are not indexed), and this module tells
Pagefind to skip the elements Material's search skips too (``data-search-exclude``, such as the
entry lists that repeat what articles say) and the headings' permalink signs.

Plain functions, no MkDocs: the plugin calls :func:`find_pagefind` in ``on_config`` (so a missing
binary fails before the build) and :func:`index_site` in ``on_post_build``.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from generator.errors import BriefingError

# "auto" picks Pagefind from this many articles on (bench/README.md, "Search backends": lunr keeps
# the reader waiting longer than Pagefind from a few hundred articles on, and the gap grows with N)
AUTO_PAGEFIND_ARTICLES = 300
INSTALL_HINT = "pip install 'pagefind[bin]'  (Briefing depends on it; reinstall Briefing or install that package)"
OUTPUT_SUBDIR = "pagefind"
# Elements Pagefind leaves out of the index: what Material's lunr search leaves out
# (data-search-exclude, e.g. the timeline entry lists on the home, actor and topic pages), the
# headings' permalink signs, and the Material chrome that sits inside the article element.
EXCLUDE_SELECTORS = ("[data-search-exclude]", ".headerlink", ".md-content__button", ".md-source-file")

log = logging.getLogger(__name__)


def auto_backend(articles: int) -> str:
    """The backend ``search_backend: auto`` means for a briefing of this many articles."""
    return "pagefind" if articles >= AUTO_PAGEFIND_ARTICLES else "lunr"


class PagefindError(BriefingError, RuntimeError):
    """Pagefind is missing or failed; the message says what to do."""


@dataclass(frozen=True)
class IndexStats:
    pages: int
    words: int
    languages: int
    seconds: float
    body_marked: bool  # False: Pagefind found no data-pagefind-body and indexed whole pages
    output: str


def find_pagefind() -> Path:
    """The Pagefind binary: $PAGEFIND_BINARY_PATH, the ``pagefind_bin`` package, or ``pagefind`` on PATH."""
    exe: Path | None = None
    env = os.environ.get("PAGEFIND_BINARY_PATH")
    try:
        from pagefind.service import get_executable  # the PyPI package's own lookup
    except ImportError:
        get_executable = None
    if get_executable is not None:
        try:
            exe = get_executable()
        except OSError:
            exe = None
    if exe is None:
        found = env or shutil.which("pagefind_extended") or shutil.which("pagefind")
        exe = Path(found) if found else None
    if exe is None or not exe.is_file():
        where = f" (PAGEFIND_BINARY_PATH is {env}, which does not exist)" if env else ""
        raise PagefindError(f"search_backend: pagefind needs the Pagefind binary, which is not installed{where}. "
                            f"Install it with: {INSTALL_HINT}")
    return exe


_COUNT = re.compile(r"Indexed (\d+) (pages?|words?|languages?)")


def parse_output(output: str) -> dict[str, int]:
    """Counts from Pagefind's summary ("Indexed 77 pages", "Indexed 1270 words", ...)."""
    counts = {"pages": 0, "words": 0, "languages": 0}
    for number, what in _COUNT.findall(output):
        key = what if what.endswith("s") else what + "s"
        counts[key] = int(number)
    return counts


def index_site(site_dir: Path | str, *, binary: Path | None = None,
               exclude_selectors: tuple[str, ...] = EXCLUDE_SELECTORS, timeout: float | None = 3600,
               logger: logging.Logger | None = None) -> IndexStats:
    """Run Pagefind on a built site; its bundle goes to ``<site_dir>/pagefind/``."""
    logger = logger or log
    site = Path(site_dir).resolve()
    if not site.is_dir():
        raise PagefindError(f"no built site at {site}")
    exe = binary or find_pagefind()
    shutil.rmtree(site / OUTPUT_SUBDIR, ignore_errors=True)  # no stale chunks from an earlier build
    cmd = [str(exe), "--site", str(site), "--output-subdir", OUTPUT_SUBDIR]
    for selector in exclude_selectors:
        cmd += ["--exclude-selectors", selector]
    logger.info("Indexing the site for search with Pagefind ...")
    started = time.perf_counter()
    try:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=timeout,
                              cwd=site, env={**os.environ, "NO_COLOR": "1"})
    except OSError as exc:
        raise PagefindError(f"could not run Pagefind ({exe}): {exc}. Reinstall it with: {INSTALL_HINT}") from exc
    except subprocess.TimeoutExpired as exc:
        raise PagefindError(f"Pagefind did not finish within {timeout:.0f} s") from exc
    seconds = time.perf_counter() - started
    output = proc.stdout or ""
    for line in output.splitlines():
        if line.strip():
            logger.debug("pagefind: %s", line)
    if proc.returncode != 0:
        tail = "\n".join(output.strip().splitlines()[-15:])
        raise PagefindError(f"Pagefind failed (exit {proc.returncode}):\n{tail}")
    counts = parse_output(output)
    marked = "Did not find a data-pagefind-body element" not in output
    stats = IndexStats(counts["pages"], counts["words"], counts["languages"], seconds, marked, output)
    if not (site / OUTPUT_SUBDIR / "pagefind.js").is_file():
        raise PagefindError(f"Pagefind ran but wrote no {OUTPUT_SUBDIR}/pagefind.js:\n{output.strip()[-2000:]}")
    if stats.pages == 0:
        logger.warning("Pagefind indexed no pages: search will find nothing")
    if not marked:
        logger.warning("Pagefind found no page marked data-pagefind-body and indexed whole pages (navigation and "
                       "footer too): a theme/main.html of your own replaces Briefing's; extend its 'content' block "
                       "(see README, 'Search at scale')")
    logger.info(f"Pagefind indexed {stats.pages:,} pages ({stats.words:,} words) in {seconds:.1f} s")
    return stats
