"""The MkDocs plugin ``briefing``: a thin adapter around :mod:`generator.pipeline`."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from generator import pipeline
from generator.model.load import discover
from generator.pages import ASSET_CSS, ASSET_JS

log = logging.getLogger("mkdocs.plugins.briefing")
_ID = re.compile(r'\sid="([^"]+)"')

REQUIRED_EXTENSIONS = ("attr_list", "md_in_html", "tables", "toc", "admonition")
THEME_DIR = str(Path(__file__).parent / "theme")
KINDS = ("articles", "notes", "actors", "topics")


class BriefingConfig(Config):
    title = c.Optional(c.Type(str))
    """Title of the home page; default: site_name."""
    timezone = c.Type(str, default="UTC")
    languages = c.ListOfItems(c.Type(str), default=["en"])
    date_order = c.Optional(c.Choice(("DMY", "MDY", "YMD")))
    """Order of numeric dates; unset means DMY, with a warning on ambiguous ones."""
    latest = c.Type(int, default=12)
    month_page_threshold = c.Type(int, default=200)
    profile_entries = c.Type(int, default=50)
    """Newest entries and articles listed on an actor or topic page; older ones by month."""
    ledger_rows = c.Type(int, default=100)
    """Ledger rows on a topic page; older claims go to monthly ledger pages."""


def options_from(plugin_config: BriefingConfig, site_name: str, site_url: str | None = None) -> pipeline.Options:
    return pipeline.Options(
        site_url=(site_url.rstrip("/") + "/") if site_url else "/",
        title=plugin_config.title or site_name,
        timezone=plugin_config.timezone,
        languages=tuple(plugin_config.languages),
        date_order=plugin_config.date_order or "DMY",
        date_order_explicit=plugin_config.date_order is not None,
        latest=plugin_config.latest,
        month_page_threshold=plugin_config.month_page_threshold,
        profile_entries=plugin_config.profile_entries,
        ledger_rows=plugin_config.ledger_rows,
    )


class BriefingPlugin(BasePlugin[BriefingConfig]):
    def __init__(self):
        self.serving = False
        self.blocks: dict[str, dict[str, str]] = {}  # src_uri -> token -> HTML

    def on_startup(self, *, command, dirty):
        self.serving = command == "serve"

    def on_config(self, config):
        if not config.use_directory_urls:
            raise PluginError("Briefing needs use_directory_urls: true (its pages link to /<kind>/<id>/)")
        # Briefing's template additions sit just above the theme, below the site's custom_dir.
        dirs = config.theme.dirs
        position = 1 if config.theme.custom_dir and dirs and dirs[0] == config.theme.custom_dir else 0
        if THEME_DIR not in dirs:
            dirs.insert(position, THEME_DIR)
        for ext in REQUIRED_EXTENSIONS:
            if ext not in config.markdown_extensions:
                config.markdown_extensions.append(ext)
        for css in ASSET_CSS:
            if css not in config.extra_css:
                config.extra_css.append(css)
        for js in ASSET_JS:
            if all(str(x) != js for x in config.extra_javascript):
                config.extra_javascript.append(js)
        if config.nav is None:
            config.nav = [
                {"Home": "index.md"},
                {"Timeline": "timeline/index.md"},
                {"Actors": "actors/index.md"},
                {"Topics": "topics/index.md"},
                {"Notes": "notes/index.md"},
            ]
        return config

    def on_files(self, files: Files, *, config) -> Files:
        docs = Path(config.docs_dir)
        project = Path(config.config_file_path).parent if config.config_file_path else docs.parent
        overrides = [Path(config.theme.custom_dir) / "briefing"] if config.theme.custom_dir else []
        result = pipeline.run(
            docs,
            options_from(self.config, config.site_name, config.site_url),
            include_drafts=self.serving,
            root=project,
            overrides=overrides,
        )
        for problem in result.problems.sorted():
            (log.error if problem.level == "error" else log.warning)(str(problem))
        if result.problems.errors:
            raise PluginError(f"{len(result.problems.errors)} error(s) in the briefing's content; see above")

        # The generated pages replace the editors' files of each kind.
        replaced = {p.relative_to(docs).as_posix() for paths in discover(docs).values() for p in paths}
        replaced.add("index.md")
        for f in list(files):
            if f.src_uri in replaced:
                files.remove(f)
        self.blocks = {page.path: page.blocks for page in result.pages if page.blocks}
        for page in result.pages:
            if page.draft:
                inclusion = InclusionLevel.DRAFT
            elif page.in_nav or not page.path.endswith(".md"):
                inclusion = InclusionLevel.UNDEFINED
            else:
                inclusion = InclusionLevel.NOT_IN_NAV
            existing = files.get_file_from_path(page.path)
            if existing is not None:
                files.remove(existing)
            files.append(File.generated(config, page.path, content=page.content, inclusion=inclusion))
        return files

    def on_page_content(self, html, *, page, config, files):
        # Put back the HTML blocks (entry lists) that were kept out of the Markdown.
        blocks = self.blocks.get(page.file.src_uri, {})
        for token, block in blocks.items():
            if token not in html:
                raise PluginError(f"{page.file.src_uri}: a Briefing block went missing in Markdown conversion")
            html = html.replace(token, block)
            # MkDocs validates links to anchors against the ids it saw in the Markdown
            if page.present_anchor_ids is not None:
                page.present_anchor_ids.update(_ID.findall(block))
        return html
