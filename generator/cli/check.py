"""``briefing check``: load and validate the content, print every problem."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from generator import build as flow
from generator.cli.project import project_of, rel, report


@click.command()
@click.argument("path", required=False, default=".", type=click.Path(path_type=Path))
@click.option("--stats", is_flag=True, help="Also print a summary: figure kinds, sources, actors nothing is "
              "about, and figures no topic charts.")
def check(path: Path, stats: bool):
    """Load and validate all content; print every problem as path:line: level: message.

    PATH is a project folder (with mkdocs.yml), an mkdocs.yml, or a content folder.
    Exits 1 if there is any error. With --stats, a summary of the content follows on stdout.
    """
    content, options, root = project_of(path)
    started = time.perf_counter()
    result = flow.check(rel(content), options, root=root)
    errors = report(result.problems)
    b = result.briefing
    summary = (
        f"checked {len(b.articles)} articles, {len(b.notes)} notes, {len(b.actors)} actors, "
        f"{len(b.topics)} topics in {time.perf_counter() - started:.2f}s: "
        f"{errors} error(s), {len(result.problems.warnings)} warning(s)"
    )
    click.echo(summary, err=True)
    if stats:
        from generator.cli.stats import stats as summarise  # derives the briefing: only when asked

        for line in summarise(b):
            click.echo(line)
    sys.exit(1 if errors else 0)
