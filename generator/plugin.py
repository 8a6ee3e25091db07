"""The MkDocs plugin ``briefing``: a thin adapter around :mod:`generator.pipeline`."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files, InclusionLevel

from generator import pipeline
from generator import searchindex, sitedir
from generator.model import walk
from generator.model.load import KIND_FOLDERS, discover, nested_item
from generator.model.problems import Problem
from generator.pages import ASSET_CSS, ASSET_JS
from generator.preview import Preview

log = logging.getLogger("mkdocs.plugins.briefing")
_ID = re.compile(r'\sid="([^"]+)"')
_TOKEN = re.compile(r"<!--(BFBLOCK[0-9a-f]{12}N[0-9]+)-->")

REQUIRED_EXTENSIONS = ("attr_list", "md_in_html", "tables", "toc", "admonition")
THEME_DIR = str(Path(__file__).parent / "theme")
# search_backend: pagefind adds this folder to the theme: its partials/search.html draws Material's search box
# for assets/briefing/search-pagefind.js (copied from it as a theme file) instead of Material's lunr code
PAGEFIND_THEME_DIR = str(Path(__file__).parent / "theme_pagefind")
PAGEFIND_JS = "assets/briefing/search-pagefind.js"
KINDS = tuple(KIND_FOLDERS)


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
    search_backend = c.Choice(searchindex.BACKENDS, default="auto")
    """lunr: Material's search (one index every reader downloads whole); pagefind: Pagefind's chunked
    index, built after the build, in Material's search box (needs `pip install 'pagefind[bin]'`);
    auto: pagefind from searchindex.AUTO_PAGEFIND_ARTICLES articles on, lunr below."""
    trusted_html = c.Type(bool, default=False)
    """Allow active content in bodies: <script>, <iframe> from non-https addresses, on...= event handlers,
    javascript:/vbscript:/data: URLs. Off by default: check and build report each as an error; set it for a
    desk that embeds widgets on purpose."""


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
        trusted_html=plugin_config.trusted_html,
    )


class BriefingPlugin(BasePlugin[BriefingConfig]):
    def __init__(self):
        self.serving = False
        self.dirty = False
        self.force_site_dir = False  # `briefing build --force`: replace a site_dir that is not a Briefing site
        self.staging: sitedir.Staging | None = None  # this build's staging folder beside site_dir
        self._site_dir = None  # site_dir as mkdocs.yml or -d gave it
        self._config = None
        self.blocks: dict[str, dict[str, str]] = {}  # src_uri -> token -> HTML
        self.preview = Preview(dirty=False)
        self.pagefind = None  # the Pagefind binary when this build indexes with it
        self._told_serve_search = False

    def on_startup(self, *, command, dirty):
        self.serving = command == "serve"
        self.dirty = dirty
        self.preview = Preview(dirty=self.serving and dirty)

    def on_shutdown(self):
        # MkDocs keeps this instance for the whole process (it has on_startup): the next command in
        # the same process (tests, an embedding tool) starts from a plain build.
        self.serving = False
        self.dirty = False
        self.force_site_dir = False
        self.preview = Preview(dirty=False)
        self._told_serve_search = False

    @event_priority(100)  # before other plugins read site_dir
    def _guard(self, config):
        """Refuse links out of the project, link loops and named pipes before MkDocs walks docs_dir
        (it follows every link); refuse a site_dir the build must not replace; build beside it."""
        self.staging = None
        scanned = [(folder, walk.scan(folder)) for folder in (config.docs_dir, config.theme.custom_dir) if folder]
        problems = [(path, message) for folder, s in scanned for path, message in s.problems]
        for path, message in problems:
            log.error(str(Problem(_shown(path), 1, "error", message)))
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
        self._configure_search(config)
        return config

    on_config = CombinedEvent(_guard, _configure)

    def _configure_search(self, config) -> None:
        """search_backend: pagefind: Material's search box without Material's lunr index."""
        self.pagefind = None
        backend = self.config.search_backend
        if backend == "auto" and self.serving and self._told_serve_search:
            backend = "lunr"  # the preview's choice is made: no need to count the articles again
        if backend == "auto":
            articles = len(discover(Path(config.docs_dir))["articles"])
            backend = searchindex.auto_backend(articles)
            log.debug(f"search_backend: auto: {articles} articles, so {backend}")
        if backend == "pagefind" and self.serving:
            # Pagefind indexes the whole site after every build (seconds at 1,000 articles); the preview
            # keeps Material's search, which a dirty rebuild updates page by page.
            if not self._told_serve_search:
                log.info("briefing serve: the preview searches with Material's built-in search; "
                         "the built site uses Pagefind")
                self._told_serve_search = True
            backend = "lunr"
        if backend == "pagefind":
            try:
                self.pagefind = searchindex.find_pagefind()  # fail now rather than after a long build
            except searchindex.PagefindError as exc:
                if self.config.search_backend != "auto":
                    raise PluginError(str(exc)) from exc
                log.warning(f"search_backend: auto: {articles} articles call for Pagefind, but {exc}; "
                            "using Material's lunr search meanwhile")
                backend = "lunr"
        self.search_backend = backend
        if backend != "pagefind":
            return
        dirs = config.theme.dirs
        if PAGEFIND_THEME_DIR not in dirs:
            dirs.insert(dirs.index(THEME_DIR) if THEME_DIR in dirs else 0, PAGEFIND_THEME_DIR)
        if all(str(x) != PAGEFIND_JS for x in config.extra_javascript):
            config.extra_javascript.append(PAGEFIND_JS)
        # Material's header draws the search box (our partials/search.html) only when its search plugin
        # is in config.plugins and enabled. Keep it there, but unhook its events so that it neither parses
        # every page nor writes search/search_index.json. Its on_config may still run: it only reads config.
        search = config.plugins.get("material/search")
        if search is None:
            from material.plugins.search.plugin import SearchPlugin

            search = SearchPlugin()
            search.load_config({})
            dict.__setitem__(config.plugins, "material/search", search)  # for the header only: no events
        elif not search.config.enabled:
            log.warning("search_backend: pagefind, but Material's search plugin has enabled: false, which hides "
                        "the search box")
        for event, methods in config.plugins.events.items():
            if event != "config":  # the list being run right now
                methods[:] = [m for m in methods if getattr(m, "__self__", None) is not search]

    @event_priority(100)  # before Material's search plugin writes its index
    def _keep_search_whole(self, *, config):
        if self.preview.dirty:
            self.preview.merge_search(_material_search(config), self._files)

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
            searchindex.index_site(config.site_dir, binary=self.pagefind, logger=log)
        except searchindex.PagefindError as exc:
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
        staging.commit()
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

        # The generated pages replace the editors' files of each kind. Markdown files there with
        # another extension (x.MD, x.markdown) are errors above; they are never published either.
        replaced = {p.relative_to(docs).as_posix() for paths in discover(docs).values() for p in paths}
        replaced.add("index.md")
        for f in list(files):
            if f.src_uri in replaced or _misnamed(f.src_uri):
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
    """Why this build must not write to config.site_dir (see :func:`generator.sitedir.refusal`)."""
    docs = Path(config.docs_dir)
    project = Path(config.config_file_path).parent if config.config_file_path else docs.parent
    return sitedir.refusal(config.site_dir, project=project, docs_dir=docs, theme_dir=config.theme.custom_dir,
                           force=force)


def _misnamed(src_uri: str) -> bool:
    """A Markdown file in a kind's folder whose name does not end in exactly '.md' (or a backup of one),
    or one in a sub-folder of actors/ or topics/."""
    kind, _, rest = src_uri.partition("/")
    if nested_item(tuple(src_uri.split("/"))):
        return True
    return kind in KIND_FOLDERS and bool(rest) and walk.stray_markdown(rest.rpartition("/")[2]) is not None


def _warned() -> bool:
    """Whether MkDocs' strict-mode counter saw a warning or an error in this build."""
    from mkdocs.utils import CountHandler

    return any(isinstance(h, CountHandler) and h.get_counts() for h in logging.getLogger("mkdocs").handlers)


def _shown(path) -> str:
    try:
        return Path(path).relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


def _material_search(config):
    """Material's search plugin when it is in use (not with search_backend: pagefind)."""
    from material.plugins.search.plugin import SearchPlugin

    for plugin in config.plugins.values():
        if isinstance(plugin, SearchPlugin) and getattr(plugin, "search_index", None) is not None:
            return plugin
    return None
