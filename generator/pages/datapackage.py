"""``/data/datapackage.json``: a Frictionless data package (v1 descriptor, read by frictionless-py
and HDX tools) describing every published data file, and the files it describes besides
``briefing.json`` and ``timeline.json``: the CSVs of :mod:`generator.pages.opendata` and the JSON
Schema of :mod:`generator.pages.dataschema` (README: What gets published).

In each CSV the second row holds the HXL hashtags; the package's CSV dialect marks it as a comment
row, so Frictionless reads the data from the third row on.
"""

from __future__ import annotations

import json

from generator.model.types import Briefing
from generator.pages.data import SCHEMA_VERSION, last_change
from generator.pages.dataschema import briefing_schema
from generator.pages.opendata import Column, csv_files
from generator.pages.output import Generated

# Primary and foreign keys between the tables (README: What gets published).
KEYS: dict[str, tuple[str | None, list[tuple[str, str, str]]]] = {
    "entries.csv": ("id", [("article", "articles", "id")]),
    "figures.csv": ("id", [("article", "articles", "id"), ("event", "entries", "id")]),
    "actors.csv": ("id", []),
    "articles.csv": ("id", []),
    "entry-actors.csv": (None, [("entry", "entries", "id"), ("actor", "actors", "id")]),
    "acled.csv": ("event_id_cnty", [("event_id_cnty", "entries", "id")]),
}
DESCRIPTIONS = {
    "entries.csv": "One row per timeline entry (the events list of briefing.json), with HXL hashtags.",
    "figures.csv": "One row per claim (the figures list of briefing.json), with HXL hashtags.",
    "actors.csv": "One row per actor, with HXL hashtags.",
    "articles.csv": "One row per article, with HXL hashtags.",
    "entry-actors.csv": "Which actors each entry is about: one row per entry and actor.",
    "acled.csv": "The events in ACLED's column names, for merging with ACLED data (README: what maps).",
}
DIALECT = {"delimiter": ",", "header": True, "headerRows": [1], "commentRows": [2]}


def _field(c: Column) -> dict:
    out = {"name": c.name, "type": c.type, "rdfType": f"https://hxlstandard.org/standard/1-1final/dictionary/"
           f"#tag_{c.hxl.split('+')[0].lstrip('#')}", "hxl": c.hxl}
    if c.description:
        out["description"] = c.description
    return out


def _resource(path: str, columns: list[Column]) -> dict:
    primary, foreign = KEYS[path]
    schema: dict = {"fields": [_field(c) for c in columns]}
    if primary:
        schema["primaryKey"] = [primary]
    if foreign:
        schema["foreignKeys"] = [{"fields": [f], "reference": {"resource": r, "fields": [k]}} for f, r, k in foreign]
    return {"name": path[:-4], "path": path, "profile": "tabular-data-resource", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8", "description": DESCRIPTIONS[path],
            "dialect": DIALECT, "schema": schema}


def descriptor(briefing: Briefing, title: str, files: dict[str, tuple[list[Column], str]]) -> dict:
    name = "".join(ch if ch.isalnum() else "-" for ch in title.lower()).strip("-")
    while "--" in name:
        name = name.replace("--", "-")
    json_files = [
        ("briefing", "briefing.json", "The whole normalized dataset.", "briefing.schema.json"),
        ("briefing-schema", "briefing.schema.json", "The JSON Schema of briefing.json.", None),
        ("timeline", "timeline.json", "The timeline in TimelineJS3's JSON format.", None),
    ]
    resources = [{"name": n, "path": p, "type": "file", "format": "json", "mediatype": "application/json", "encoding": "utf-8",
                  "description": d, **({"jsonSchema": s} if s else {})} for n, p, d, s in json_files]
    resources += [{"name": n, "path": p, "type": "file", "format": "geojson", "mediatype": "application/geo+json",
                   "encoding": "utf-8", "description": d} for n, p, d in (
        ("entries-geojson", "entries.geojson", "Entries that have a place with coordinates, as RFC 7946 points."),
        ("places-geojson", "places.geojson", "The places of the registry that have coordinates, as RFC 7946 points."))]
    resources += [_resource(path, columns) for path, (columns, _) in files.items()]
    # JSON files beside the tables: a plain data-package (a tabular-data-package holds only tables)
    out = {"profile": "data-package", "name": name or "briefing", "title": title,
           "version": SCHEMA_VERSION, "resources": resources}
    if last_change(briefing):
        out["created"] = last_change(briefing) + "T00:00:00Z"
    return out


def open_data(briefing: Briefing, index, options) -> list[Generated]:
    """The schema of briefing.json, the CSVs and the data package, as files under data/."""
    files = csv_files(briefing, index, options.site_url)
    schema = json.dumps(briefing_schema(options.site_url), indent=2, ensure_ascii=False) + "\n"
    package = json.dumps(descriptor(briefing, options.title, files), indent=2, ensure_ascii=False) + "\n"
    return [
        Generated("data/briefing.schema.json", schema),
        *(Generated(f"data/{path}", text) for path, (_, text) in files.items()),
        Generated("data/datapackage.json", package),
    ]
