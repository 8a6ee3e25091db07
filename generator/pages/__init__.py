"""Pages as Markdown rendered from Jinja2 templates, plus data files and feeds.

:func:`build_pages` returns plain :class:`Generated` records (a path in the docs tree and its
content); the MkDocs adapter turns them into ``File.generated`` files, and any other engine could
take them as they are. One module per page family (home, timeline, actors, topics, notes,
articles), beside render (the Jinja environment, slots, entry HTML), urls, filters, months,
charts, links, feeds, data, monthdata, timelinejs and static (the site's own CSS and JavaScript).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from generator.cache import BuildCache
from generator.config import Options
from generator.derive import Index
from generator.model.types import Briefing
from generator.pages import actors, articles, changes, home, notes, timeline, topics
from generator.pages import map as map_page
from generator.pages.data import briefing_json
from generator.pages.datapackage import open_data
from generator.pages.feeds import feed_pages
from generator.pages.monthdata import month_files
from generator.pages.months import group_by_month
from generator.pages.output import Generated, Markdown
from generator.pages.render import Renderer, context_key, environment
from generator.pages.static import asset_files
from generator.pages.timelinejs import timeline_json


def build_pages(
    briefing: Briefing,
    index: Index,
    options: Options = Options(),
    overrides: list[Path] | None = None,
    cache: BuildCache | None = None,
) -> list[Generated]:
    """Every page and data file. Pages and entry HTML whose inputs did not change since the build
    that shared ``cache`` are not rendered again; each build keeps only what it used."""
    cache = cache or BuildCache()
    env = environment(overrides, cache.environments)
    months = group_by_month(briefing.entries)
    big = {m for m, es in months if len(es) > options.month_page_threshold}
    r = Renderer(briefing, index, options, env, big, cache)
    r.context_key = context_key(briefing, options, big, overrides)

    out: list[Generated] = [
        *home.pages(r),
        *timeline.pages(r, months),
        *actors.pages(r),
        *topics.pages(r),
        *notes.pages(r),
        *articles.pages(r),
        *changes.pages(r),
    ]
    out = [replace(g, blocks=g.content.blocks) if isinstance(g.content, Markdown) else g for g in out]
    out.extend(feed_pages(r))
    r.keep_for_next_build()
    out.append(Generated("data/briefing.json", briefing_json(briefing, index, options.site_url)))
    out.extend(open_data(briefing, index, options))
    out.extend(month_files(briefing, months, big))
    out.append(Generated("data/timeline.json", timeline_json(briefing, options.title, options.site_url)))
    out.extend(map_page.pages(r, out))  # reads the GeoJSON above
    out.extend(Generated(path, content) for path, content in asset_files())
    return out
