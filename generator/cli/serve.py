"""``briefing serve``: MkDocs' live preview with drafts shown, rebuilding only what changed."""

from __future__ import annotations

import logging
from pathlib import Path

import click

from generator.cli.project import load_mkdocs_config, show_mkdocs_log


@click.command()
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
    show_mkdocs_log(logging.INFO)  # "Building documentation...", "Serving on ...", rebuilds
    # MkDocs' dirty build renders only pages whose file is modified; the plugin tells it which
    # generated pages changed (generator/preview.py).
    # The project's own theme folder is watched too, not the installed themes (MkDocs polls every
    # watched file twice a second, and Material's templates are thousands of icons).
    cfg = load_mkdocs_config(config_file)
    custom = [cfg.theme.custom_dir] if cfg.theme.custom_dir and Path(cfg.theme.custom_dir).is_dir() else []
    mkdocs_serve(str(config_file), dev_addr=dev_addr, open_in_browser=open_in_browser,
                 build_type=None if full_rebuild else "dirty", watch=custom)
