"""``briefing build``: check the content, then build the site with MkDocs; one loading pass."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from generator import build as flow
from generator.cache import BuildCache
from generator.diskcache import DEFAULT_DIR, DiskCache
from generator.engine import warm
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
@click.option("--cache-dir", type=click.Path(path_type=Path), default=None,
              help=f"Where Briefing keeps its per-item work between builds (default: {DEFAULT_DIR} beside mkdocs.yml).")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the build cache.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Processes that validate content files (default: the number of cores; 1: none besides this one).")
def build(config_file: Path, site_dir: Path | None, strict: bool, force: bool, cache_dir: Path | None,
          no_cache: bool, workers: int | None):
    """Check the content, then build the site. Exits non-zero on any error.

    The site is built beside the previous one and swapped in only when the build succeeded.
    """
    if not config_file.is_file():
        raise click.ClickException(f"{config_file}: no such file; run this in a briefing project or pass -f")
    with mkdocs_warnings():  # the warnings that fail a strict build, and why a build failed
        _build(config_file, site_dir, strict, force, None if no_cache else cache_dir or DEFAULT_DIR,
               workers or flow.default_workers())


def _build(config_file: Path, site_dir: Path | None, strict: bool, force: bool, cache_dir, workers: int) -> None:
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
    disk = None
    if cache_dir is not None:  # relative to the project (CI restores it there)
        disk = DiskCache(project / cache_dir, repr(options))
        disk.load(cache)
        click.echo(f"briefing: {disk.status}", err=True)
    result = flow.check(Path(cfg.docs_dir), options, root=project, cache=cache, keep=True, workers=workers)
    if report(result.problems, root=project):
        click.echo("briefing: not building: fix the errors above first", err=True)
        sys.exit(1)
    started = time.perf_counter()
    preview = environment = None
    if disk is not None:
        # A warm build renders only the pages that changed, from a copy of the previous site
        environment = warm.environment_key(cfg, warm.search_backend(options.search_backend, cfg.docs_dir))
        preview = warm.previous_site(cache.site, environment, cfg.site_dir)
        click.echo("briefing: " + ("warm build: only changed pages are rendered" if preview is not None
                                   else "building every page"), err=True)
    dirty = preview is not None
    try:
        cfg.plugins.on_startup(command="build", dirty=dirty)
        plugin = cfg.plugins["briefing"]
        plugin.cache = cache
        plugin.force_site_dir = force
        plugin.workers = workers
        if dirty:
            plugin.pagefind_previous = cache.site.get("pagefind")
        if disk is not None:
            preview = plugin.preview = preview or warm.WarmPreview()
        try:
            with warm.dirty_warning_dropped():
                mkdocs_build(cfg, dirty=dirty)
        finally:
            cfg.plugins.on_shutdown()
    except (Abort, MkDocsException) as exc:
        click.echo(f"briefing: build failed: {exc}", err=True)
        sys.exit(1)
    if disk is not None:
        # Only what this build used: each file's validation of its current content
        digests = result.briefing.digests
        cache.validated = {k: v for k, v in cache.validated.items() if digests.get(k[2]) == k[3]}
        cache.site = warm.kept(preview, environment, cfg.site_dir, plugin.pagefind_digests)
        disk.save(cache)
    click.echo(f"briefing: built {cfg.site_dir} in {time.perf_counter() - started:.1f}s", err=True)
