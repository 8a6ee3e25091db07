"""``briefing build``: check the content, then build the site with MkDocs; one loading pass."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from generator import build as flow
from generator.cache import BuildCache
from generator.cli.project import load_mkdocs_config, options_of, report


@click.command()
@click.option("-f", "--config-file", type=click.Path(path_type=Path), default=Path("mkdocs.yml"),
              show_default=True, help="The project's mkdocs.yml.")
@click.option("-d", "--site-dir", type=click.Path(path_type=Path), default=None,
              help="Where to write the site (default: site_dir of mkdocs.yml).")
@click.option("--strict/--no-strict", default=True, show_default=True,
              help="Fail on any warning (MkDocs' strict mode).")
def build(config_file: Path, site_dir: Path | None, strict: bool):
    """Check the content, then build the site. Exits non-zero on any error."""
    if not config_file.is_file():
        raise click.ClickException(f"{config_file}: no such file; run this in a briefing project or pass -f")
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.exceptions import Abort, MkDocsException

    overrides = {"strict": strict}
    if site_dir is not None:
        overrides["site_dir"] = str(site_dir)
    cfg = load_mkdocs_config(config_file, **overrides)
    options = options_of(cfg, config_file)
    # One loading pass: the check loads the content as the plugin would, and hands it to the build.
    project = Path(cfg.config_file_path).parent
    cache = BuildCache()
    result = flow.check(Path(cfg.docs_dir), options, root=project, cache=cache, keep=True)
    if report(result.problems, root=project):
        click.echo("briefing: not building: fix the errors above first", err=True)
        sys.exit(1)
    started = time.perf_counter()
    try:
        cfg.plugins.on_startup(command="build", dirty=False)
        cfg.plugins["briefing"].cache = cache
        try:
            mkdocs_build(cfg)
        finally:
            cfg.plugins.on_shutdown()
    except (Abort, MkDocsException) as exc:
        click.echo(f"briefing: build failed: {exc}", err=True)
        sys.exit(1)
    click.echo(f"briefing: built {cfg.site_dir} in {time.perf_counter() - started:.1f}s", err=True)
