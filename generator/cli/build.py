"""``briefing build``: check the content, then build the site with MkDocs; one loading pass."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from generator import build as flow
from generator.cache import BuildCache
from generator.cli.project import load_mkdocs_config, mkdocs_warnings, options_of, report
from generator.engine.plugin import site_dir_refusal


@click.command()
@click.option("-f", "--config-file", type=click.Path(path_type=Path), default=Path("mkdocs.yml"),
              show_default=True, help="The project's mkdocs.yml.")
@click.option("-d", "--site-dir", type=click.Path(path_type=Path), default=None,
              help="Where to write the site (default: site_dir of mkdocs.yml).")
@click.option("--strict/--no-strict", default=True, show_default=True,
              help="Fail on any warning (MkDocs' strict mode).")
@click.option("--force", is_flag=True,
              help="Replace the site folder even if it holds files and is not a site Briefing built.")
def build(config_file: Path, site_dir: Path | None, strict: bool, force: bool):
    """Check the content, then build the site. Exits non-zero on any error.

    The site is built beside the previous one and swapped in only when the build succeeded.
    """
    if not config_file.is_file():
        raise click.ClickException(f"{config_file}: no such file; run this in a briefing project or pass -f")
    with mkdocs_warnings():  # the warnings that fail a strict build, and why a build failed
        _build(config_file, site_dir, strict, force)


def _build(config_file: Path, site_dir: Path | None, strict: bool, force: bool) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.exceptions import Abort, MkDocsException

    overrides = {"strict": strict}
    if site_dir is not None:
        overrides["site_dir"] = str(site_dir)
    cfg = load_mkdocs_config(config_file, **overrides)
    reason = site_dir_refusal(cfg, force=force)
    if reason is not None:
        raise click.ClickException(f"not building into {cfg.site_dir}: it {reason}")
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
        plugin = cfg.plugins["briefing"]
        plugin.cache = cache
        plugin.force_site_dir = force
        try:
            mkdocs_build(cfg)
        finally:
            cfg.plugins.on_shutdown()
    except (Abort, MkDocsException) as exc:
        click.echo(f"briefing: build failed: {exc}", err=True)
        sys.exit(1)
    click.echo(f"briefing: built {cfg.site_dir} in {time.perf_counter() - started:.1f}s", err=True)
