"""What the commands share: finding a project and its options, MkDocs' configuration (an invalid
one is one clear error), and printing problems."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from dataclasses import replace
from pathlib import Path

import click

from generator.config import Options, options_from


def show_mkdocs_log(level: int) -> None:
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
def mkdocs_warnings():
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


def config_file_of(path: Path) -> Path | None:
    if path.is_file():
        return path
    for name in ("mkdocs.yml", "mkdocs.yaml"):
        if (path / name).is_file():
            return path / name
    return None


def load_mkdocs_config(config_file: Path, **overrides):
    """MkDocs' configuration; an invalid one (a bad option of the briefing plugin too) is one clear error."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    errors: list[str] = []

    def collect(record: logging.LogRecord) -> bool:
        """Errors go into the one message below; warnings are printed as usual."""
        if record.levelno >= logging.ERROR:
            errors.append(record.getMessage())
            return False
        return True

    logger = logging.getLogger("mkdocs.config")
    logger.addFilter(collect)
    try:
        return load_config(str(config_file), **overrides)
    except (ConfigurationError, Abort) as exc:
        raise click.ClickException(f"{config_file}: {'; '.join(errors) or exc}") from None
    finally:
        logger.removeFilter(collect)


def project_of(path: Path) -> tuple[Path, Options, Path]:
    """(content folder, options, folder that problem paths are relative to) for PATH."""
    config_file = config_file_of(path)
    if config_file is None:
        if not path.is_dir():
            raise click.ClickException(f"{path}: no such file or folder")
        # a bare content folder
        return path, Options(), Path.cwd()
    cfg = load_mkdocs_config(config_file)
    return Path(cfg.docs_dir), options_of(cfg, config_file), Path.cwd()


def options_of(cfg, config_file: Path) -> Options:
    plugin = cfg.plugins.get("briefing")
    if plugin is None:
        raise click.ClickException(f"{config_file}: add 'briefing' to the plugins list to use Briefing")
    return options_from(plugin.config, cfg.site_name, cfg.site_url,
                        markdown_extensions=tuple(map(str, cfg.markdown_extensions)))


def rel(p: Path) -> Path:
    try:
        return p.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return p


def report(problems, root: Path | None = None) -> int:
    """Print problems sorted by path and line; return the number of errors. Paths relative to
    ``root`` are shown relative to the current folder."""
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    items = problems.sorted()
    if root is not None:
        items = [replace(p, path=rel(root / p.path).as_posix()) for p in items]
    for p in items:
        click.echo(str(p), err=True)
        if annotate:
            click.echo(p.github())
    return len(problems.errors)
