"""The one-way flow: content files -> model -> derived facts -> pages.

Plain functions and data, no MkDocs types: the plugin, the CLI and the tests all
call :func:`run`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from generator.config import Options
from generator.dates import DateSettings
from generator.derive import Index, derive
from generator.model.history import fallback_changed, last_changed
from generator.model.load import load
from generator.model.problems import Problems
from generator.model.types import Briefing
from generator.pages import Generated, build_pages


@dataclass
class Result:
    briefing: Briefing
    problems: Problems
    index: Index | None = None
    pages: list[Generated] = field(default_factory=list)


def check(content_dir: Path | str, options: Options = Options(), *, root: Path | str | None = None,
          today: dt.date | None = None) -> Result:
    """Load and validate only."""
    briefing, problems = load(content_dir, DateSettings.of(options), root=root, today=today)
    return Result(briefing, problems)


def run(content_dir: Path | str, options: Options = Options(), *, include_drafts: bool = False,
        root: Path | str | None = None, overrides: list[Path] | None = None,
        today: dt.date | None = None) -> Result:
    """Load, validate, derive and render. Pages are rendered only when there is no error."""
    result = check(content_dir, options, root=root, today=today)
    if result.problems.errors:
        return result
    if options.history:
        root_path = Path(root or Path(content_dir).parent)
        changed = last_changed(Path(content_dir), root_path, today)
        result.briefing.changed = changed or fallback_changed(result.briefing, root_path)
    result.index = derive(result.briefing, include_drafts=include_drafts)
    result.pages = build_pages(result.briefing, result.index, options, overrides)
    return result
