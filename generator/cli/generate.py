"""``briefing generate``: the docs tree of the briefing for any engine that reads mkdocs.yml."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from generator.cli.project import load_mkdocs_config, options_of, report
from generator.engine import docstree


@click.command()
@click.option("-f", "--config-file", type=click.Path(path_type=Path), default=Path("mkdocs.yml"),
              show_default=True, help="The project's mkdocs.yml.")
@click.option("-o", "--out", type=click.Path(path_type=Path), required=True,
              help="The folder to write: a mkdocs.yml, docs/ and overrides/.")
@click.option("--strict", is_flag=True, help="Fail on warnings about the content too.")
@click.option("--force", is_flag=True, help="Replace OUT even if it holds files and is not a generated tree.")
def generate(config_file: Path, out: Path, strict: bool, force: bool):
    """Write the whole briefing as a docs tree for an engine without Briefing's plugin (Zensical).

    OUT gets every page (the editors' and the generated ones), the data files and feeds, Briefing's
    CSS and JavaScript, its theme additions, and a mkdocs.yml with no `briefing` plugin. Then, e.g.:
    `cd OUT && zensical build`. Nothing is written when the content has an error.
    """
    if not config_file.is_file():
        raise click.ClickException(f"{config_file}: no such file; run this in a briefing project or pass -f")
    cfg = load_mkdocs_config(config_file)  # checks the plugin's options as a build would
    options = options_of(cfg, config_file)
    started = time.perf_counter()
    result = docstree.write_tree(config_file, out, options, force=force, strict=strict)
    errors = report(result.problems, root=config_file.parent)
    if errors or (strict and result.problems.warnings):
        click.echo(f"briefing: nothing generated: fix the {'errors' if errors else 'warnings'} above first", err=True)
        sys.exit(1)
    pages = sum(1 for p in result.pages if p.path.endswith(".md") and not p.draft)
    click.echo(f"briefing: wrote {out} ({pages} generated pages) in {time.perf_counter() - started:.1f}s; "
               f"build it with `zensical build` or `mkdocs build` there", err=True)
