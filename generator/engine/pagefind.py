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

import hashlib
import json
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
    digests: dict | None = None  # index name -> hash of its pages (for the next warm build)
    indexed: int = 1  # indexes Pagefind wrote in this run
    indexes: int = 1  # indexes of the site


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


SHARDS_FILE = "briefing-shards.json"  # in pagefind/: the year indexes the browser merges (mergeIndex)
_YEAR = re.compile(r"^(\d{4})-")
_GLOB_SPECIAL = re.compile(r"[{}\[\],!*?\\]")
MAX_UNDATED = 500  # articles whose id does not start with a year, listed one by one in the main index's glob


def shards(site: Path) -> dict[str, tuple[str, list[Path]]]:
    """The site's HTML pages by index: the articles of each year (by the year their id starts with,
    articles/<yyyy>-.../) in one each, every other page in "main"; name -> (Pagefind's glob, files).
    One index of every page when no article has a year in its id, when too many have none, or when
    a name would not read as itself in a glob."""
    groups: dict[str, list[Path]] = {"main": []}
    main_globs: set[str] = set()
    undated: set[str] = set()
    odd = False  # a name with a glob's special characters
    for path in sorted(site.rglob("*.html")):
        parts = path.relative_to(site).parts
        if parts[0] == OUTPUT_SUBDIR or parts[0].startswith("."):
            continue
        odd = odd or any(_GLOB_SPECIAL.search(part) for part in parts)
        if parts[0] == "articles" and len(parts) > 2:
            year = _YEAR.match(parts[1])
            if year:
                groups.setdefault(year[1], []).append(path)
                continue
            undated.add(parts[1])
            main_globs.add(f"articles/{parts[1]}/**/*.html")
        elif len(parts) == 1 or parts[0] == "articles":
            main_globs.add("/".join(parts))
        else:
            main_globs.add(f"{parts[0]}/**/*.html")
        groups["main"].append(path)
    if len(groups) == 1 or len(undated) > MAX_UNDATED or odd:
        return {"main": ("**/*.{html}", [p for files in groups.values() for p in files])}
    globs = sorted(main_globs)
    out = {"main": ("{" + ",".join(globs) + "}" if len(globs) > 1 else (globs[0] if globs else "none.html"),
                    groups.pop("main"))}
    for year in sorted(groups):
        out[year] = (f"articles/{year}-*/**/*.html", groups[year])
    return out


def _digest(site: Path, files: list[Path]) -> str:
    h = hashlib.blake2b(digest_size=16)
    for path in files:
        h.update(path.relative_to(site).as_posix().encode() + b"\0")
        h.update(hashlib.blake2b(path.read_bytes(), digest_size=16).digest())
    return h.hexdigest()


def index_site(site_dir: Path | str, *, binary: Path | None = None,
               exclude_selectors: tuple[str, ...] = EXCLUDE_SELECTORS, timeout: float | None = 3600,
               logger: logging.Logger | None = None, previous: dict[str, str] | None = None) -> IndexStats:
    """Run Pagefind on a built site: one index per year of articles in ``<site_dir>/pagefind/<yyyy>/``
    and one of every other page in ``<site_dir>/pagefind/`` (:func:`shards`), which the search box
    merges. ``previous`` (a warm build, whose site folder started as a copy of the previous site):
    each index's hash of its pages then; an index whose pages are the same is kept as it is."""
    logger = logger or log
    site = Path(site_dir).resolve()
    if not site.is_dir():
        raise PagefindError(f"no built site at {site}")
    exe = binary or find_pagefind()
    out = site / OUTPUT_SUBDIR
    groups = shards(site)
    digests = {name: _digest(site, files) for name, (_, files) in groups.items()}
    keep = {name for name in groups if previous and previous.get(name) == digests[name]
            and (out / ("" if name == "main" else name) / "pagefind-entry.json").is_file()}
    if not keep:
        shutil.rmtree(out, ignore_errors=True)  # no stale chunks from an earlier build
    elif out.is_dir():
        for entry in out.iterdir():  # what a kept index does not own goes (a year's index, a year gone)
            owner = entry.name if entry.is_dir() and re.fullmatch(r"\d{4}", entry.name) else "main"
            if owner not in keep:
                _remove(entry)
    logger.info("Indexing the site for search with Pagefind ...")
    started = time.perf_counter()
    counts = {"pages": 0, "words": 0, "languages": 0}
    outputs, marked = [], False
    for name, (glob, files) in groups.items():
        if name in keep:
            marked = True
            continue
        subdir = OUTPUT_SUBDIR if name == "main" else f"{OUTPUT_SUBDIR}/{name}"
        output = _run(exe, site, subdir, glob, exclude_selectors, timeout)
        outputs.append(output)
        for key, value in parse_output(output).items():
            counts[key] = max(counts[key], value) if key == "languages" else counts[key] + value
        marked = marked or "Did not find a data-pagefind-body element" not in output
    years = sorted(name for name in groups if name != "main")
    (out / SHARDS_FILE).write_text(json.dumps({"merge": [f"{y}/" for y in years]}) + "\n", "utf-8")
    seconds = time.perf_counter() - started
    output = "\n".join(outputs)
    stats = IndexStats(counts["pages"], counts["words"], counts["languages"], seconds, marked, output,
                       digests, len(groups) - len(keep), len(groups))
    if not (out / "pagefind.js").is_file():
        raise PagefindError(f"Pagefind ran but wrote no {OUTPUT_SUBDIR}/pagefind.js:\n{output.strip()[-2000:]}")
    if stats.pages == 0 and not keep:
        logger.warning("Pagefind indexed no pages: search will find nothing")
    if not marked:
        logger.warning("Pagefind found no page marked data-pagefind-body and indexed whole pages (navigation and "
                       "footer too): a theme/main.html of your own replaces Briefing's; extend its 'content' block "
                       "(see README, 'Search at scale')")
    logger.info(f"Pagefind indexed {stats.pages:,} pages ({stats.words:,} words) in {seconds:.1f} s "
                f"({stats.indexed} of {stats.indexes} indexes; the others unchanged)")
    return stats


def _run(exe: Path, site: Path, subdir: str, glob: str, exclude_selectors: tuple[str, ...],
         timeout: float | None) -> str:
    cmd = [str(exe), "--site", str(site), "--output-subdir", subdir, "--glob", glob]
    for selector in exclude_selectors:
        cmd += ["--exclude-selectors", selector]
    try:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=timeout,
                              cwd=site, env={**os.environ, "NO_COLOR": "1"})
    except OSError as exc:
        raise PagefindError(f"could not run Pagefind ({exe}): {exc}. Reinstall it with: {INSTALL_HINT}") from exc
    except subprocess.TimeoutExpired as exc:
        raise PagefindError(f"Pagefind did not finish within {timeout:.0f} s") from exc
    output = proc.stdout or ""
    for line in output.splitlines():
        if line.strip():
            log.debug("pagefind: %s", line)
    if proc.returncode != 0:
        tail = "\n".join(output.strip().splitlines()[-15:])
        raise PagefindError(f"Pagefind failed (exit {proc.returncode}):\n{tail}")
    return output


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink()
