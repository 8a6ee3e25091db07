"""The search backend of a build (the plugin's ``search_backend`` option): Material's lunr search, or
Pagefind's index in Material's search box; the preview always keeps Material's search."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from generator import build
from generator.engine import pagefind

log = logging.getLogger("mkdocs.plugins.briefing")
# search_backend: pagefind adds this folder to the theme: its partials/search.html draws Material's search box
# for assets/briefing/search-pagefind.js (copied from it as a theme file) instead of Material's lunr code
PAGEFIND_THEME_DIR = str(Path(__file__).parent.parent / "theme_pagefind")
PAGEFIND_JS = "assets/briefing/search-pagefind.js"


def configure(plugin, config, theme_dir: str) -> None:
    """Choose the backend of this build (on the plugin: search_backend, pagefind); for pagefind, Material's
    search box without Material's lunr index."""
    plugin.pagefind = None
    backend = plugin.config.search_backend
    if backend == "auto" and plugin.serving and plugin.told_serve_search:
        backend = "lunr"  # the preview's choice is made: no need to count the articles again
    if backend == "auto":
        articles = build.count_articles(config.docs_dir)
        backend = pagefind.auto_backend(articles)
        log.debug(f"search_backend: auto: {articles} articles, so {backend}")
    if backend == "pagefind" and plugin.serving:
        # Pagefind indexes the whole site after every build (seconds at 1,000 articles); the preview
        # keeps Material's search, which a dirty rebuild updates page by page.
        if not plugin.told_serve_search:
            log.info("briefing serve: the preview searches with Material's built-in search; "
                     "the built site uses Pagefind")
            plugin.told_serve_search = True
        backend = "lunr"
    if backend == "pagefind":
        try:
            plugin.pagefind = pagefind.find_pagefind()  # fail now rather than after a long build
        except pagefind.PagefindError as exc:
            if plugin.config.search_backend != "auto":
                raise PluginError(str(exc)) from exc
            log.warning(f"search_backend: auto: {articles} articles call for Pagefind, but {exc}; "
                        "using Material's lunr search meanwhile")
            backend = "lunr"
    plugin.search_backend = backend
    if backend != "pagefind":
        return
    dirs = config.theme.dirs
    if PAGEFIND_THEME_DIR not in dirs:
        dirs.insert(dirs.index(theme_dir) if theme_dir in dirs else 0, PAGEFIND_THEME_DIR)
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


def material_search(config):
    """Material's search plugin when it is in use (not with search_backend: pagefind)."""
    from material.plugins.search.plugin import SearchPlugin

    for plugin in config.plugins.values():
        if isinstance(plugin, SearchPlugin) and getattr(plugin, "search_index", None) is not None:
            return plugin
    return None


def date_titles(material, dates: dict[str, str]) -> None:
    """Material's lunr index: a dated page's own entry (an article's, a note's: ``dates`` maps its url to
    the date, from the page meta ``bf_date``) has the date after its title. Material's results always
    show a page's title, its text only where the query matched best, so every result shows the date.
    Idempotent (the preview keeps entries from build to build)."""
    if material is None:
        return
    for entry in material.search_index.entries:
        date = dates.get(entry["location"])
        if date and not entry["title"].endswith(f" · {date}"):
            entry["title"] += f" · {date}"
