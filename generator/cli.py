"""The ``briefing`` command: check, build and serve a briefing project (spec section 7)."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import time
from pathlib import Path

import click

from generator import __version__, pipeline


def _show_mkdocs_log(level: int) -> None:
    """Print MkDocs' and Briefing's log records (``mkdocs.*`` loggers) like ``mkdocs`` does."""
    logger = logging.getLogger("mkdocs")
    if any(getattr(h, "_briefing", False) for h in logger.handlers):
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    handler._briefing = True
    logger.addHandler(handler)
    logger.setLevel(level)
    logger.propagate = False


@contextlib.contextmanager
def _mkdocs_warnings():
    """MkDocs' and Briefing's warnings and errors (``mkdocs.*`` loggers) on stderr while it runs."""
    logger = logging.getLogger("mkdocs")
    if any(getattr(h, "_briefing", False) for h in logger.handlers):
        yield  # already shown
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)


def _config_file(path: Path) -> Path | None:
    if path.is_file():
        return path
    for name in ("mkdocs.yml", "mkdocs.yaml"):
        if (path / name).is_file():
            return path / name
    return None


def _load_mkdocs_config(config_file: Path, **overrides):
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    try:
        return load_config(str(config_file), **overrides)
    except ConfigurationError as exc:
        raise click.ClickException(f"{config_file}: {exc}") from None


def _project(path: Path) -> tuple[Path, pipeline.Options, Path]:
    """(content folder, options, folder that problem paths are relative to) for PATH."""
    config_file = _config_file(path)
    if config_file is None:
        if not path.is_dir():
            raise click.ClickException(f"{path}: no such file or folder")
        # a bare content folder
        return path, pipeline.Options(), Path.cwd()
    return _briefing_of(_load_mkdocs_config(config_file), config_file)


def _briefing_of(cfg, config_file: Path) -> tuple[Path, pipeline.Options, Path]:
    from generator.plugin import options_from

    plugin = cfg.plugins.get("briefing")
    if plugin is None:
        raise click.ClickException(f"{config_file}: add 'briefing' to the plugins list to use Briefing")
    return Path(cfg.docs_dir), options_from(plugin.config, cfg.site_name, cfg.site_url), Path.cwd()


def _rel(p: Path) -> Path:
    try:
        return p.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return p


def report(problems) -> int:
    """Print problems sorted by path and line; return the number of errors."""
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    items = problems.sorted()
    for p in items:
        click.echo(str(p), err=True)
        if annotate:
            click.echo(p.github())
    return len(problems.errors)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefing")
def main():
    """Briefing: build a searchable briefing site from Markdown articles, notes, actors and topics."""


@main.command()
@click.argument("path", required=False, default=".", type=click.Path(path_type=Path))
def check(path: Path):
    """Load and validate all content; print every problem as path:line: level: message.

    PATH is a project folder (with mkdocs.yml), an mkdocs.yml, or a content folder.
    Exits 1 if there is any error.
    """
    content, options, root = _project(path)
    started = time.perf_counter()
    result = pipeline.check(_rel(content), options, root=root)
    errors = report(result.problems)
    b = result.briefing
    summary = (
        f"checked {len(b.articles)} articles, {len(b.notes)} notes, {len(b.actors)} actors, "
        f"{len(b.topics)} topics in {time.perf_counter() - started:.2f}s: "
        f"{errors} error(s), {len(result.problems.warnings)} warning(s)"
    )
    click.echo(summary, err=True)
    sys.exit(1 if errors else 0)


@main.command()
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
    with _mkdocs_warnings():  # the warnings that fail a strict build, and why a build failed
        _build(config_file, site_dir, strict, force)


def _build(config_file: Path, site_dir: Path | None, strict: bool, force: bool) -> None:
    from generator.plugin import site_dir_refusal

    overrides = {"strict": strict}
    if site_dir is not None:
        overrides["site_dir"] = str(site_dir)
    cfg = _load_mkdocs_config(config_file, **overrides)
    reason = site_dir_refusal(cfg, force=force)
    if reason is not None:
        raise click.ClickException(f"not building into {cfg.site_dir}: it {reason}")
    content, options, root = _briefing_of(cfg, config_file)
    result = pipeline.check(_rel(content), options, root=root)
    if report(result.problems):
        click.echo("briefing: not building: fix the errors above first", err=True)
        sys.exit(1)
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.exceptions import Abort, MkDocsException

    started = time.perf_counter()
    try:
        cfg.plugins.on_startup(command="build", dirty=False)
        cfg.plugins["briefing"].force_site_dir = force
        try:
            mkdocs_build(cfg)
        finally:
            cfg.plugins.on_shutdown()
    except (Abort, MkDocsException) as exc:
        click.echo(f"briefing: build failed: {exc}", err=True)
        sys.exit(1)
    click.echo(f"briefing: built {cfg.site_dir} in {time.perf_counter() - started:.1f}s", err=True)


@main.command()
@click.option("-f", "--config-file", type=click.Path(path_type=Path), default=Path("mkdocs.yml"), show_default=True)
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, help="IP address and port to serve on.")
@click.option("--open", "open_in_browser", is_flag=True, help="Open the site in a browser.")
@click.option("--full-rebuild", is_flag=True,
              help="After a change, render every page again (by default only the pages whose content changed).")
def serve(config_file: Path, dev_addr: str, open_in_browser: bool, full_rebuild: bool):
    """Live preview with drafts shown; rebuilds when content changes."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    if not config_file.is_file():
        raise click.ClickException(f"{config_file}: no such file; run this in a briefing project or pass -f")
    _show_mkdocs_log(logging.INFO)  # "Building documentation...", "Serving on ...", rebuilds
    # MkDocs' dirty build renders only pages whose file is modified; the plugin tells it which
    # generated pages changed (generator/preview.py).
    # The project's own theme folder is watched too, not the installed themes (MkDocs polls every
    # watched file twice a second, and Material's templates are thousands of icons).
    cfg = _load_mkdocs_config(config_file)
    custom = [cfg.theme.custom_dir] if cfg.theme.custom_dir and Path(cfg.theme.custom_dir).is_dir() else []
    mkdocs_serve(str(config_file), dev_addr=dev_addr, open_in_browser=open_in_browser,
                 build_type=None if full_rebuild else "dirty", watch=custom)


from generator.commands.ingest import ingest as _ingest; main.add_command(_ingest)  # noqa: E402,E702
from generator.commands.new import new as _new; main.add_command(_new)  # noqa: E402,E702
from generator.commands.schema import schema as _schema; main.add_command(_schema)  # noqa: E402,E702


if __name__ == "__main__":  # pragma: no cover
    main()
