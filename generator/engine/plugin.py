"""The MkDocs plugin ``briefing``: a thin adapter around :mod:`generator.build`."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files, InclusionLevel

from generator import build
from generator.cache import BuildCache
from generator.config import PLUGIN_OPTIONS, ConfigError, check, options_from, plugin_default
from generator.errors import BriefingError
from generator.engine import pagefind, search
from generator.engine.preview import Preview
from generator.engine import sitedir

log = logging.getLogger("mkdocs.plugins.briefing")
_ID = re.compile(r'\sid="([^"]+)"')
_TOKEN = re.compile(r"<!--(BFBLOCK[0-9a-f]{12}N[0-9]+)-->")

REQUIRED_EXTENSIONS = ("attr_list", "md_in_html", "tables", "toc", "admonition")
THEME_DIR = str(Path(__file__).parent.parent / "theme")


class _Option(c.BaseConfigOption):
    """An option of the ``briefing`` plugin, checked by generator.config when mkdocs.yml loads."""

    def __init__(self, name: str):
        super().__init__()
        self.name = name
        self.default = plugin_default(name)

    def run_validation(self, value):
        try:
            return check(self.name, value)
        except ConfigError as exc:
            raise ValidationError(str(exc)) from None


# The plugin's options as MkDocs reads them: generator.config defines each one, its default and its check.
BriefingConfig = type("BriefingConfig", (Config,), {name: _Option(name) for name in PLUGIN_OPTIONS})


class BriefingPlugin(BasePlugin):
    config_class = BriefingConfig

    def __init__(self):
        self.serving = False
        self.dirty = False
        self.force_site_dir = False  # `briefing build --force`: replace a site_dir that is not a Briefing site
        self.staging: sitedir.Staging | None = None  # this build's staging folder beside site_dir
        self._site_dir = None  # site_dir as mkdocs.yml or -d gave it
        self._config = None
        self.blocks: dict[str, dict[str, str]] = {}  # src_uri -> token -> HTML
        self.preview = Preview(dirty=False)
        # What this plugin's builds hand to the next one: one `briefing serve` session, or one build
        # (`briefing build` puts in it the content its check loaded; the build takes it from there).
        self.cache = BuildCache()
        self.pagefind = None  # the Pagefind binary when this build indexes with it
        self.told_serve_search = False

    def on_startup(self, *, command, dirty):
        self.serving = command == "serve"
        self.dirty = dirty
        self.preview = Preview(dirty=self.serving and dirty)
        self.cache = BuildCache()

    def on_shutdown(self):
        # MkDocs keeps this instance for the whole process (it has on_startup): the next command in
        # the same process (tests, an embedding tool) starts from a plain build.
        self.serving = False
        self.dirty = False
        self.force_site_dir = False
        self.preview = Preview(dirty=False)
        self.cache = BuildCache()
        self.told_serve_search = False

    @event_priority(100)  # before other plugins read site_dir
    def _guard(self, config):
        """Refuse links out of the project, link loops and named pipes before MkDocs walks docs_dir
        (it follows every link); refuse a site_dir the build must not replace; build beside it."""
        self.staging = None
        problems = [problem for folder in (config.docs_dir, config.theme.custom_dir) if folder
                    for problem in build.file_problems(folder, _shown)]
        for problem in problems:
            log.error(str(problem))
        if problems:
            raise PluginError(f"{len(problems)} file(s) a build must not read or publish; see above")
        if self.serving:
            return config  # MkDocs serves from a temporary folder of its own
        reason = site_dir_refusal(config, force=self.force_site_dir)
        if reason is not None:
            raise PluginError(f"site_dir '{config.site_dir}' {reason}")
        self.staging = sitedir.Staging(config.site_dir)
        self._site_dir, self._config = config.site_dir, config
        config.site_dir = self.staging.start(keep_current=self.dirty)
        return config

    def _configure(self, config):
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
        for css in build.ASSET_CSS:
            if css not in config.extra_css:
                config.extra_css.append(css)
        for js in build.ASSET_JS:
            if all(str(x) != js for x in config.extra_javascript):
                config.extra_javascript.append(js)
        if config.nav is None:
            config.nav = [
                {"Home": "index.md"},
                {"Timeline": "timeline/index.md"},
                {"Map": "map/index.md"},
                {"Actors": "actors/index.md"},
                {"Topics": "topics/index.md"},
                {"Notes": "notes/index.md"},
            ]
        search.configure(self, config, THEME_DIR)
        return config

    on_config = CombinedEvent(_guard, _configure)

    @event_priority(100)  # before Material's search plugin writes its index
    def _keep_search_whole(self, *, config):
        if self.preview.dirty:
            self.preview.merge_search(search.material_search(config), self._files)

    def on_nav(self, nav, *, config, files):
        self._files = files
        return nav

    def on_env(self, env, *, config, files):
        # MkDocs makes a new theme environment for every build; under `briefing serve` the compiled
        # templates are kept (Jinja2 checks each template's source before it reuses its code).
        if self.serving:
            env.bytecode_cache = self.preview.bytecode_cache
        return env

    def _pagefind(self, *, config):
        if self.pagefind is None:
            return
        try:
            pagefind.index_site(config.site_dir, binary=self.pagefind, logger=log)
        except pagefind.PagefindError as exc:
            raise PluginError(str(exc)) from exc

    @event_priority(-1000)  # after every other post_build event (Pagefind's index, other plugins)
    def _swap(self, *, config):
        """The site is complete: swap it in for the previous one (not when strict mode is about to fail)."""
        staging, self.staging = self.staging, None
        if staging is None:
            return
        config.site_dir = self._site_dir
        if config.strict and _warned():
            staging.discard()  # MkDocs aborts right after this event; the previous site stays
            return
        try:
            staging.commit()
        except BriefingError as exc:  # the site folder cannot be replaced nor filled: one line, no traceback
            raise PluginError(str(exc)) from None
        log.debug(f"Briefing: the new site is in {config.site_dir}")

    on_post_build = CombinedEvent(_keep_search_whole, _pagefind, _swap)

    def on_build_error(self, *, error):
        staging, self.staging = self.staging, None
        if staging is not None:
            staging.discard()
            self._config.site_dir = self._site_dir

    def on_files(self, files: Files, *, config) -> Files:
        self.preview.start(config)
        docs = Path(config.docs_dir)
        project = Path(config.config_file_path).parent if config.config_file_path else docs.parent
        overrides = [Path(config.theme.custom_dir) / "briefing"] if config.theme.custom_dir else []
        result = build.run(
            docs,
            options_from(self.config, config.site_name, config.site_url,
                         markdown_extensions=tuple(map(str, config.markdown_extensions))),
            include_drafts=self.serving,
            root=project,
            overrides=overrides,
            cache=self.cache,
        )
        for problem in result.problems.sorted():
            (log.error if problem.level == "error" else log.warning)(str(problem))
        if result.problems.errors:
            raise PluginError(f"{len(result.problems.errors)} error(s) in the briefing's content; see above")

        # The generated pages replace the editors' files of each kind. Markdown files there with
        # another extension (x.MD, x.markdown) are errors above; they are never published either.
        replaced = set(result.sources)
        replaced.add("index.md")
        for f in list(files):
            if f.src_uri in replaced or build.unpublished(f.src_uri):
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
            files.append(self.preview.file(config, page.path, page.content, page.blocks, inclusion))
        self.preview.forget_missing(config, {page.path for page in result.pages})
        if self.preview.dirty:
            log.info("Briefing: %d of %d generated files unchanged since the previous build",
                     self.preview.reused, len(result.pages))
        return files

    def on_page_content(self, html, *, page, config, files):
        # The HTML blocks (entry lists, chips, ledgers) kept out of the Markdown go in after the
        # theme, at on_post_page: neither Material's search parser nor the theme walks them (the
        # search index leaves them out on purpose). Here each token's paragraph becomes a comment.
        # MkDocs validates links to anchors against the ids it saw in the Markdown: add the ids
        # of the blocks now.
        blocks = self.blocks.get(page.file.src_uri, {})
        for token, block in blocks.items():
            paragraph = f"<p>{token}</p>"
            if paragraph not in html:
                raise PluginError(f"{page.file.src_uri}: a Briefing block went missing in Markdown conversion")
            html = html.replace(paragraph, f"<!--{token}-->")
            if page.present_anchor_ids is not None:
                page.present_anchor_ids.update(_ID.findall(block))
        return html

    def on_post_page(self, output, *, page, config):
        self.preview.built.add(page.url)
        blocks = self.blocks.get(page.file.src_uri)
        if blocks:
            # Pagefind indexes the final HTML: it leaves the blocks out, as Material's search does
            wrap = "<div data-pagefind-ignore>{}</div>" if self.pagefind else "{}"
            output = _TOKEN.sub(lambda m: wrap.format(blocks[m.group(1)]) if m.group(1) in blocks else m.group(),
                                output)
        return output


def site_dir_refusal(config, *, force: bool = False) -> str | None:
    """Why this build must not write to config.site_dir (see :func:`generator.engine.sitedir.refusal`)."""
    docs = Path(config.docs_dir)
    project = Path(config.config_file_path).parent if config.config_file_path else docs.parent
    return sitedir.refusal(config.site_dir, project=project, docs_dir=docs, theme_dir=config.theme.custom_dir,
                           force=force)


def _warned() -> bool:
    """Whether MkDocs' strict-mode counter saw a warning or an error in this build."""
    from mkdocs.utils import CountHandler

    return any(isinstance(h, CountHandler) and h.get_counts() for h in logging.getLogger("mkdocs").handlers)


def _shown(path) -> str:
    try:
        return Path(path).relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)
