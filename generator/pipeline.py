"""The one-way flow: content files -> model -> derived facts -> pages.

Plain functions and data, no MkDocs types: the plugin, the CLI and the tests all
call :func:`run`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from generator.dates import DateSettings
from generator.derive import Index, derive
from generator.model.history import fallback_changed, last_changed
from generator.model.load import load
from generator.model.problems import Problems
from generator.model.types import Briefing
from generator.pages import Generated, SiteOptions, build_pages


@dataclass(frozen=True)
class Options:
    """Briefing's options, as the plugin section of mkdocs.yml gives them."""

    title: str = "Briefing"
    timezone: str = "UTC"
    languages: tuple[str, ...] = ("en",)
    date_order: str = "DMY"
    date_order_explicit: bool = False
    latest: int = 12
    month_page_threshold: int = 200
    site_url: str = "/"
    history: bool = True  # read file change dates from git
    profile_entries: int = 50
    ledger_rows: int = 100
    trusted_html: bool = False  # bodies may hold script, frames, event handlers (no active-content check)

    @property
    def dates(self) -> DateSettings:
        return DateSettings(self.timezone, tuple(self.languages), self.date_order, self.date_order_explicit)

    @property
    def site(self) -> SiteOptions:
        return SiteOptions(self.title, self.latest, self.month_page_threshold, self.site_url,
                           self.profile_entries, self.ledger_rows)


@dataclass
class Result:
    briefing: Briefing
    problems: Problems
    index: Index | None = None
    pages: list[Generated] = field(default_factory=list)


def check(content_dir: Path | str, options: Options = Options(), *, root: Path | str | None = None,
          today: dt.date | None = None) -> Result:
    """Load and validate only."""
    briefing, problems = load(content_dir, options.dates, root=root, today=today,
                          check_bodies=not options.trusted_html)
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
    result.pages = build_pages(result.briefing, result.index, options.site, overrides)
    return result
