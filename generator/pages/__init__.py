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
from generator.pages import places as place_pages
from generator.pages import map as map_page
from generator.pages.data import briefing_json
from generator.pages.datapackage import open_data
from generator.pages.feeds import feed_pages
from generator.pages.geojson import geojson_files
from generator.pages.monthdata import month_files
from generator.pages.months import group_by_month, layout
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
    lay = layout(months, options.month_page_threshold, options.timeline_entries, options.page_entries)
    r = Renderer(briefing, index, options, env, lay.own_page, cache)
    r.entry_pages = lay.entry_page
    # an entry's page decides the links to it (its article's "See it on the timeline")
    r.context_key = context_key(briefing, options, lay.own_page, overrides) + repr(
        [(p.src, p.entries[0].id) for ps in lay.parts.values() for p in ps if p.index])

    out: list[Generated] = [
        *home.pages(r),
        *timeline.pages(r, lay),
        *actors.pages(r),
        *topics.pages(r),
        *place_pages.pages(r),
        *notes.pages(r),
        *articles.pages(r),
        *changes.pages(r),
    ]
    out = [replace(g, blocks=g.content.blocks) if isinstance(g.content, Markdown) else g for g in out]
    out.extend(feed_pages(r))
    r.keep_for_next_build()
    out.append(Generated("data/briefing.json", briefing_json(briefing, index, options.site_url)))
    out.extend(open_data(briefing, index, options))
    out.extend(month_files(briefing, lay))
    out.append(Generated("data/timeline.json", timeline_json(briefing, options.title, options.site_url)))
    out.extend(Generated(path, content) for path, content in geojson_files(briefing, index, r.timeline_src))
    out.extend(map_page.pages(r, out))  # reads the GeoJSON above
    out.extend(Generated(path, content) for path, content in asset_files())
    return out
