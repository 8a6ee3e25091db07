"""Briefing's options: the one definition of every option, its default and its check.

The ``briefing`` section of ``plugins:`` in mkdocs.yml holds the options of :data:`PLUGIN_OPTIONS`;
:func:`check` validates one of them, and both the MkDocs adapter (``engine/plugin.py``, when
mkdocs.yml loads) and ``briefing ingest`` (:func:`options_from`) call it, so a bad value fails
the same way, at configuration load, wherever it is read. This module imports nothing of Briefing:
every layer may read it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from generator.errors import BriefingError

DATE_ORDERS = ("DMY", "MDY", "YMD")
SEARCH_BACKENDS = ("lunr", "pagefind", "auto")


class ConfigError(BriefingError, ValueError):
    """An option of the ``briefing`` plugin with a value Briefing cannot use; the message says why."""


@dataclass(frozen=True)
class Options:
    """Every option with its default (written here only)."""

    title: str = "Briefing"  # title of the home page; in mkdocs.yml unset means site_name
    timezone: str = "UTC"  # datetimes in front matter are read in this zone
    languages: tuple[str, ...] = ("en",)  # languages of date texts ("12 avril 2019" needs fr)
    date_order: str = "DMY"  # order of numeric dates; unset in mkdocs.yml: DMY, with a warning on ambiguous ones
    date_order_explicit: bool = False  # date_order was set in mkdocs.yml (no warning then)
    latest: int = 12  # entries on the home page
    month_page_threshold: int = 200  # a month with more entries gets a timeline page of its own
    timeline_entries: int = 300  # /timeline/ holds the newest months up to this many entries; older months have pages
    page_entries: int = 300  # most entries (or ledger rows) on a month or ledger page; more are split by day
    site_url: str = "/"  # absolute base for links in data files read elsewhere (timeline.json); from site_url
    history: bool = True  # read file change dates from git
    profile_entries: int = 50  # newest entries and articles listed on an actor or topic page; older ones by month
    ledger_rows: int = 100  # ledger rows on a topic page; older claims go to monthly ledger pages
    search_backend: str = "auto"
    """lunr: Material's search (one index every reader downloads whole); pagefind: Pagefind's chunked
    index, built after the build, in Material's search box (needs `pip install 'pagefind[bin]'`);
    auto: pagefind from engine/pagefind.py AUTO_PAGEFIND_ARTICLES articles on, lunr below."""
    feed_id: str = ""
    """The tagging entity (RFC 4151) of feed and entry ids, "example.org,2019": a domain or email the desk held
    on that date. Ids are tag:<feed_id>:<item>, so they never change with site_url; unset (""): the site name
    made a DNS label, with the year 2000 (:func:`tagging_entity`)."""
    markdown_extensions: tuple[str, ...] = ()  # mkdocs.yml's markdown_extensions (not a plugin option)
    trusted_html: bool = False
    """Allow active content in bodies: <script>, <iframe> from non-https addresses, on...= event handlers,
    javascript:/vbscript:/data: URLs. Off by default: check and build report each as an error; set it for a
    desk that embeds widgets on purpose (README: Trust model)."""
    map_tiles: tuple[str, str] | None = None
    """(url, attribution) of a tile server the /map/ page adds under its points; None (the default): only the
    country boundaries shipped with the site, and no request to any other host (:func:`check_map_tiles`)."""


# The options an editor writes in mkdocs.yml, and what each value must be.
PLUGIN_OPTIONS: dict[str, object] = {
    "title": str,
    "timezone": "timezone",
    "languages": list,
    "date_order": DATE_ORDERS,
    "latest": int,
    "month_page_threshold": int,
    "timeline_entries": int,
    "page_entries": int,
    "profile_entries": int,
    "ledger_rows": int,
    "search_backend": SEARCH_BACKENDS,
    "trusted_html": bool,
    "feed_id": "feed_id",
    "map_tiles": "map_tiles",
}
# Unset has a meaning of its own (title: site_name; date_order: DMY with warnings; feed_id: from site_name).
UNSET_MEANS_SOMETHING = ("title", "date_order", "feed_id")
TAGGING_ENTITY = re.compile(r"^[a-z0-9]([a-z0-9.@-]*[a-z0-9])?,\d{4}(-\d{2}(-\d{2})?)?$", re.IGNORECASE)


def tagging_entity(name: str) -> str:
    """The default ``feed_id`` of a site name: "Battle for Tripoli, 2019" -> "battle-for-tripoli-2019,2000"."""
    label = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "briefing"
    return f"{label},2000"


def plugin_default(name: str):
    """The value an unset option of mkdocs.yml takes before :func:`options_from` (None: see UNSET_MEANS_SOMETHING)."""
    if name in UNSET_MEANS_SOMETHING:
        return None
    default = Options.__dataclass_fields__[name].default
    return list(default) if isinstance(default, tuple) else default


def check(name: str, value):
    """The value of option ``name`` as written in mkdocs.yml, checked; raises :class:`ConfigError`."""
    if value is None:
        return plugin_default(name)
    kind = PLUGIN_OPTIONS[name]
    if kind == "timezone":
        if not isinstance(value, str):
            raise ConfigError(f"must be a time zone name like 'Africa/Tripoli', not {value!r}")
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ConfigError(f"unknown time zone '{value}'; use a name of the IANA time zone database, "
                              "like 'UTC' or 'Africa/Tripoli'") from None
        return value
    if kind == "feed_id":
        if not isinstance(value, str) or not TAGGING_ENTITY.match(value):
            raise ConfigError(f"must be a domain or email and a date (RFC 4151), like 'example.org,2019', "
                              f"not {value!r}")
        return value
    if kind == "map_tiles":
        return check_map_tiles(value)
    if isinstance(kind, tuple):
        if value not in kind:
            raise ConfigError(f"must be one of {', '.join(map(repr, kind))}, not {value!r}")
        return value
    if kind is list:
        if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
            raise ConfigError(f"must be a list of texts, like [en, fr], not {value!r}")
        return value
    if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
        raise ConfigError(f"must be a whole number, not {value!r}")
    if not isinstance(value, kind):
        raise ConfigError(f"must be {kind.__name__}, not {value!r}")
    return value


def check_map_tiles(value) -> tuple[str, str]:
    """``map_tiles: {url: https://.../{z}/{x}/{y}.png, attribution: "..."}`` -> (url, attribution). A checked
    value (the pair) is checked again as the mapping it came from."""
    if isinstance(value, tuple) and len(value) == 2:
        value = {"url": value[0], "attribution": value[1]}
    if not isinstance(value, Mapping):
        raise ConfigError("must be a mapping with 'url' and 'attribution', like {url: 'https://tile.example.org/"
                          f"{{z}}/{{x}}/{{y}}.png', attribution: '(c) Example'}}, not {value!r}")
    unknown = sorted(set(value) - {"url", "attribution"})
    if unknown:
        raise ConfigError(f"unknown key {unknown[0]!r}; the keys are 'url' and 'attribution'")
    url, attribution = value.get("url"), value.get("attribution")
    if not isinstance(url, str) or not url.startswith("https://") or any(
            f"{{{k}}}" not in url for k in "zxy") or any(c.isspace() or c in "\"'<>" for c in url):
        raise ConfigError(f"'url' must be an https:// URL template with {{z}}, {{x}} and {{y}}, not {url!r}")
    if not isinstance(attribution, str) or not attribution.strip():
        raise ConfigError("'attribution' is required: the credit line the tile server asks for, like "
                          "'(c) OpenStreetMap contributors'")
    return (url, attribution.strip())


def options_from(plugin: Mapping, site_name: str | None = None, site_url: str | None = None, **more) -> Options:
    """Options from the ``briefing`` section of mkdocs.yml (checked or not) and the site's settings.

    ``more`` sets options that mkdocs.yml does not hold (``history``)."""
    values = {}
    for name in PLUGIN_OPTIONS:
        try:
            values[name] = check(name, plugin.get(name))
        except ConfigError as exc:
            raise ConfigError(f"option '{name}': {exc}") from None
    return Options(
        title=values["title"] or site_name or Options.title,
        timezone=values["timezone"],
        languages=tuple(values["languages"]),
        date_order=values["date_order"] or Options.date_order,
        date_order_explicit=values["date_order"] is not None,
        latest=values["latest"],
        month_page_threshold=values["month_page_threshold"],
        timeline_entries=values["timeline_entries"],
        page_entries=values["page_entries"],
        site_url=(site_url.rstrip("/") + "/") if site_url else Options.site_url,
        profile_entries=values["profile_entries"],
        ledger_rows=values["ledger_rows"],
        search_backend=values["search_backend"],
        trusted_html=values["trusted_html"],
        map_tiles=values["map_tiles"],
        feed_id=values["feed_id"] or tagging_entity(site_name or values["title"] or Options.title),
        **more,
    )

