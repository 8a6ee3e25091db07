"""CSV files with HXL hashtags (HXL 1.1) for spreadsheets, HDX and HXL tools, and an ACLED-shaped
view (README: What gets published).

Each table is a list of :class:`Column` (name, HXL hashtag, Frictionless type, description), so
the CSV header, the hashtag row and the data package's schema (``datapackage.py``) come from one
definition. Lists of ids are joined with ``, `` (ids never hold a comma), lists of names with ``; ``.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from generator.model.types import Briefing, Event, Figure
from generator.pages.data import base_url
from generator.pages.urls import entry_path

IDS, NAMES = ", ", "; "


@dataclass(frozen=True)
class Column:
    name: str
    hxl: str
    type: str = "string"  # a Frictionless field type
    description: str = ""


def affected(kind: str) -> str | None:
    """Which HXL #affected attribute a figure kind counts: killed, injured or displaced (its last word)."""
    last = kind.rsplit("-", 1)[-1]
    if last in ("killed", "dead", "deaths", "fatalities"):
        return "killed"
    if last in ("injured", "wounded"):
        return "injured"
    if last == "displaced":
        return "displaced"
    return None


def lowest(figures: list[Figure], what: str) -> int | None:
    """The lowest claim of ``what`` (killed, injured, displaced) among an entry's figures, from its most
    general kinds only (``killed`` before ``civilians-killed``: a part is not a low estimate of the whole)."""
    claims = [f for f in figures if affected(f.kind) == what]
    if not claims:
        return None
    fewest = min(f.kind.count("-") for f in claims)
    return min(f.value for f in claims if f.kind.count("-") == fewest)


ENTRIES = [
    Column("id", "#event+id", description="The entry's id (events[].id in briefing.json)."),
    Column("kind", "#event+type", description="event, article (an article without events) or claim (a claim group)."),
    Column("date", "#date+start", "date", "First day of the entry's date."),
    Column("end", "#date+end", "date", "Last day, for an entry over a period; else empty."),
    Column("precision", "#date+precision", description="day, week, month or year."),
    Column("date_text", "#date+text", description="The date in the editor's words."),
    Column("title", "#description+title"),
    Column("summary", "#description+summary"),
    Column("status", "#status", description="reported, claimed, confirmed, denied or disputed."),
    Column("place", "#loc+name"),
    Column("actors", "#group+id+list", description="Ids of actors.csv, joined with ', '."),
    Column("actor_names", "#group+name+list", description="Their names, joined with '; '."),
    Column("topics", "#sector+id+list", description="Topic ids, joined with ', '."),
    Column("article", "#meta+article+id", description="Id of articles.csv."),
    Column("source", "#meta+source", description="The article's sources, joined with '; '."),
    Column("source_url", "#meta+url", description="Their addresses, joined with ' '."),
    Column("url", "#meta+url+page", description="The entry on the site."),
    Column("killed", "#affected+killed", "integer", "The lowest killed claim attached to the entry."),
    Column("injured", "#affected+injured", "integer", "The lowest injured or wounded claim attached to the entry."),
    Column("displaced", "#affected+displaced", "integer", "The lowest displaced claim attached to the entry."),
]
FIGURES = [
    Column("id", "#indicator+id", description="The claim's id (figures[].id in briefing.json)."),
    Column("kind", "#indicator+code", description="What is counted, e.g. civilians-killed."),
    Column("value", "#indicator+value+num", "integer"),
    Column("qualifier", "#indicator+qualifier", description="exact, at-least, more-than, about, nearly or up-to."),
    Column("as_of", "#date+reported", "date", "The date the claim is as of (its first day)."),
    Column("as_of_precision", "#date+precision", description="day, week, month or year."),
    Column("scope", "#loc+name", description="What the count covers, when it is narrower than the briefing."),
    Column("source", "#meta+source", description="Who states it."),
    Column("affected", "#affected+type", description="killed, injured or displaced when the kind counts them."),
    Column("article", "#meta+article+id", description="The earliest article that reports it (articles.csv)."),
    Column("articles", "#meta+article+id+list", description="Every article that reports it, joined with ', '."),
    Column("event", "#event+id", description="The entry that carries it (entries.csv), if any."),
]
ACTORS = [
    Column("id", "#group+id"),
    Column("name", "#group+name"),
    Column("kind", "#group+type", description="person, armed-group, government, organisation, state or other."),
    Column("aliases", "#group+name+alt+list", description="Joined with '; '."),
    Column("affiliation", "#group+affiliation+id+list", description="Ids of actors, joined with ', '."),
    Column("role", "#group+role"),
    Column("country", "#country+name"),
    Column("mentions", "#meta+mentions+num", "integer", "How often the articles name it."),
    Column("entries", "#meta+entries+num", "integer", "How many timeline entries it is in."),
    Column("url", "#meta+url+page"),
]
ARTICLES = [
    Column("id", "#meta+article+id"),
    Column("title", "#description+title"),
    Column("date", "#date+reported", "date", "Publication date."),
    Column("source", "#meta+source", description="Joined with '; '."),
    Column("source_url", "#meta+url", description="Joined with ' '."),
    Column("summary", "#description+summary"),
    Column("actors", "#group+id+list", description="Joined with ', '."),
    Column("topics", "#sector+id+list", description="Joined with ', '."),
    Column("places", "#loc+name+list", description="Joined with '; '."),
    Column("url", "#meta+url+page"),
]
ENTRY_ACTORS = [
    Column("entry", "#event+id", description="Id of entries.csv."),
    Column("actor", "#group+id", description="Id of actors.csv."),
]
ACLED = [
    Column("event_id_cnty", "#event+id"),
    Column("event_date", "#date+occurred", "date"),
    Column("time_precision", "#date+precision+code", "integer", "1 day, 2 week, 3 month or longer (ACLED's codes)."),
    Column("actor1", "#group+name+primary"),
    Column("actor2", "#group+name+secondary"),
    Column("assoc_actor_1", "#group+name+assoc+list", description="The other actors, joined with '; '."),
    Column("location", "#loc+name"),
    Column("latitude", "#geo+lat", "number", "WGS 84, of the entry's place (content/places/); empty without one."),
    Column("longitude", "#geo+lon", "number", "WGS 84, of the entry's place (content/places/); empty without one."),
    Column("source", "#meta+source"),
    Column("notes", "#description"),
    Column("fatalities", "#affected+killed", "integer", "The lowest killed claim attached to the entry; "
           "empty when none (ACLED writes 0)."),
    Column("tags", "#meta+tags", description="status: ...; topic: ... (joined with '; ')."),
]


# A text cell that a spreadsheet would run as a formula (OWASP's "CSV injection"): =, +, -, @, tab, CR.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(column: Column, value) -> object:
    """One CSV cell: empty for None; a text cell that starts like a formula gets a leading apostrophe,
    so Excel, LibreOffice and Google Sheets show it as text instead of running it."""
    if value is None:
        return ""
    if column.type == "string" and isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def to_csv(columns: list[Column], rows: list[list]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([c.name for c in columns])
    writer.writerow([c.hxl for c in columns])
    writer.writerows([[cell(c, v) for c, v in zip(columns, row, strict=True)] for row in rows])
    return out.getvalue()


def _sources(briefing: Briefing, article_id: str) -> tuple[str, str]:
    sources = briefing.articles[article_id].sources
    return NAMES.join(s.name for s in sources), " ".join(s.url for s in sources if s.url)


def entry_rows(briefing: Briefing, base: str) -> list[list]:
    rows = []
    for e in briefing.entries:
        names = NAMES.join(briefing.actors[a].name for a in e.actors)
        rows.append([e.id, e.kind, e.date.start.isoformat(), e.date.end.isoformat() if e.date.end else None,
                     e.date.precision, e.date.text, e.title, e.summary, e.status, e.place, IDS.join(e.actors), names,
                     IDS.join(e.topics), e.article, *_sources(briefing, e.article), base + entry_path(e),
                     *(lowest(e.figures, w) for w in ("killed", "injured", "displaced"))])
    return rows


def figure_rows(briefing: Briefing) -> list[list]:
    return [[f.id, f.kind, f.value, f.qualifier, f.as_of.start.isoformat(), f.as_of.precision, f.scope, f.source,
             affected(f.kind), f.article, IDS.join(f.articles or [f.article]), f.event] for f in briefing.figures]


def actor_rows(briefing: Briefing, index, base: str) -> list[list]:
    return [[a.id, a.name, a.kind, NAMES.join(a.aliases), IDS.join(a.affiliation), a.role, a.country,
             index.mentions.get(a.id, 0), len(index.entries_by_actor.get(a.id, [])), f"{base}actors/{a.id}/"]
            for a in briefing.actors.values()]


def article_rows(briefing: Briefing, base: str) -> list[list]:
    articles = sorted(briefing.articles.values(), key=lambda a: (a.date.start, a.id))
    return [[a.id, a.title, a.date.start.isoformat(), *_sources(briefing, a.id), a.summary, IDS.join(a.actors),
             IDS.join(a.topics), NAMES.join(a.places), f"{base}articles/{a.id}/"] for a in articles]


def time_precision(e: Event) -> int:
    """ACLED's code: 1 a day, 2 a week (or a period of at most 7 days), 3 a month or longer."""
    span = (e.date.end - e.date.start).days if e.date.end else 0
    if e.date.precision == "day" and span == 0:
        return 1
    if e.date.precision in ("day", "week") and span <= 7:
        return 2
    return 3


def coordinates(briefing: Briefing, e: Event) -> tuple:
    """Latitude and longitude of an entry's place (5 decimals, as the GeoJSON), else two empty cells."""
    place = briefing.places.get(e.place_id) if e.place_id else None
    if place is None or not place.located:
        return None, None
    return round(place.lat, 5), round(place.lon, 5)


def acled_rows(briefing: Briefing) -> list[list]:
    """Events and articles without events (claim groups are counts, not events: not in ACLED's shape)."""
    rows = []
    for e in briefing.entries:
        if e.kind == "claim":
            continue
        names = [briefing.actors[a].name for a in e.actors]
        notes = e.title + (": " + e.summary if e.summary else "")
        tags = NAMES.join([f"status: {e.status}"] + [f"topic: {t}" for t in e.topics])
        rows.append([e.id, e.date.start.isoformat(), time_precision(e), names[0] if names else None,
                     names[1] if len(names) > 1 else None, NAMES.join(names[2:]), e.place, *coordinates(briefing, e),
                     _sources(briefing, e.article)[0], notes, lowest(e.figures, "killed"), tags])
    return rows


def csv_files(briefing: Briefing, index, site_url: str = "/") -> dict[str, tuple[list[Column], str]]:
    """Each CSV file's path under data/, with its columns and its text."""
    base = base_url(site_url)
    tables = {
        "entries.csv": (ENTRIES, entry_rows(briefing, base)),
        "figures.csv": (FIGURES, figure_rows(briefing)),
        "actors.csv": (ACTORS, actor_rows(briefing, index, base)),
        "articles.csv": (ARTICLES, article_rows(briefing, base)),
        "entry-actors.csv": (ENTRY_ACTORS, [[e.id, a] for e in briefing.entries for a in e.actors]),
        "acled.csv": (ACLED, acled_rows(briefing)),
    }
    return {name: (columns, to_csv(columns, rows)) for name, (columns, rows) in tables.items()}
