"""The one-way flow of a build: content files -> model -> history -> derived facts -> pages.

Plain functions and data, no MkDocs types: the MkDocs adapter, the CLI and the tests call
:func:`check` and :func:`run`; an engine reaches the core through this module (and config, cache). ``briefing build`` loads the content once: its check keeps what it
loaded in the :class:`BuildCache` it hands to the build, and :func:`run` takes it from there.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.cache import BuildCache
from generator.config import Options
from generator.diskcache import DEFAULT_DIR as CACHE_DIR, DiskCache, code_version  # for an engine and the CLI
from generator.model.dates import DateSettings
from generator.derive import Index, derive
from generator.model.history import fallback_changed, last_changed
from generator.model import walk
from generator.model.discover import KIND_FOLDERS, discover, nested_item
from generator.model.load import load
from generator.model.pool import default_workers  # for the CLI: `briefing build --workers`
from generator.model.problems import Problem, Problems
from generator.model.safety import EXTENSIONS
from generator.model.types import Briefing
from generator.pages import Generated, build_pages
from generator.pages.static import ASSET_CSS, ASSET_JS  # for an engine: the CSS and JavaScript pages link

__all__ = ["ASSET_CSS", "ASSET_JS", "CACHE_DIR", "DiskCache", "KIND_FOLDERS", "Result", "code_version", "default_workers", "check", "count_articles", "file_problems", "run", "unpublished"]


@dataclass
class Result:
    briefing: Briefing  # as loaded; after run, as derived (index.briefing)
    problems: Problems
    index: Index | None = None
    pages: list[Generated] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # the content files read, relative to the content folder


def _site_extensions(options: Options) -> tuple[str, ...]:
    """The site's Markdown extensions beyond those every Briefing site has (the body check adds those)."""
    return tuple(sorted(set(options.markdown_extensions) - set(EXTENSIONS)))


def _load_key(content_dir, options: Options, root, today) -> tuple:
    return (Path(content_dir).resolve(), Path(root).resolve() if root is not None else None,
            DateSettings.of(options), options.trusted_html, _site_extensions(options), today)


def check(content_dir: Path | str, options: Options = Options(), *, root: Path | str | None = None,
          today: dt.date | None = None, cache: BuildCache | None = None, keep: bool = False,
          workers: int = 1) -> Result:
    """Load and validate only. With ``keep``, the loaded content stays in ``cache`` for the
    :func:`run` of the same content that follows (``briefing build``: one loading pass). With
    ``workers`` > 1, files are validated in that many processes (the result is the same)."""
    scanned = walk.scan(Path(content_dir))
    found = discover(Path(content_dir), scanned)
    briefing, problems = load(content_dir, DateSettings.of(options), root=root, today=today, cache=cache, found=found,
                              scanned=scanned, check_bodies=not options.trusted_html,
                              extensions=_site_extensions(options), workers=workers)
    sources = [p.relative_to(content_dir).as_posix() for paths in found.values() for p in paths]
    result = Result(briefing, problems, sources=sources)
    if keep and cache is not None:
        cache.loaded = (_load_key(content_dir, options, root, today), result)
    return result


def file_problems(folder: Path | str, shown) -> list[Problem]:
    """Links out of the project, link loops and named pipes under ``folder`` (an engine asks before it
    walks a folder itself): one error each, its path shown by ``shown(path)``."""
    return [Problem(shown(path), 1, "error", message) for path, message in walk.scan(Path(folder)).problems]


def unpublished(src_uri: str) -> bool:
    """A file of the content folder that must never be published: a Markdown file in a kind's folder
    whose name holds a Markdown extension but does not end in exactly '.md' (x.MD, a backup x.md~, an
    editor's leftover #x.md# or x.md.swp), or one in a sub-folder of actors/ or topics/ (``check``
    reports each)."""
    kind, _, rest = src_uri.partition("/")
    if nested_item(tuple(src_uri.split("/"))):
        return True
    return kind in KIND_FOLDERS and bool(rest) and walk.stray_markdown(rest.rpartition("/")[2]) is not None


def count_articles(content_dir: Path | str) -> int:
    """How many article files the content folder holds (without reading them)."""
    return len(discover(Path(content_dir))["articles"])


def run(content_dir: Path | str, options: Options = Options(), *, include_drafts: bool = False,
        root: Path | str | None = None, overrides: list[Path] | None = None,
        today: dt.date | None = None, cache: BuildCache | None = None, workers: int = 1) -> Result:
    """Load, validate, derive and render. Pages are rendered only when there is no error."""
    loaded = cache.loaded if cache is not None else None
    if loaded is not None:
        cache.loaded = None  # taken once
    if loaded is not None and loaded[0] == _load_key(content_dir, options, root, today):
        result = loaded[1]
    else:
        result = check(content_dir, options, root=root, today=today, cache=cache, workers=workers)
    if result.problems.errors:
        return result
    briefing = result.briefing
    if options.history:
        root_path = Path(root or Path(content_dir).parent)
        changed = last_changed(Path(content_dir), root_path, today)
        briefing = replace(briefing, changed=changed or fallback_changed(briefing, root_path))
    index = derive(briefing, include_drafts=include_drafts, cache=cache)
    pages = build_pages(index.briefing, index, options, overrides, cache=cache)
    return Result(index.briefing, result.problems, index, pages, result.sources)
