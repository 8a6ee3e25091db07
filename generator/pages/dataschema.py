"""``/data/briefing.schema.json``: the JSON Schema (2020-12) of ``/data/briefing.json``, the contract
that ``schema_version`` names (README: What gets published).

Keys may be added in a minor version (objects stay open to them); a key removed or renamed, or a
type changed, is a new major version.
"""

from __future__ import annotations

from generator.model.types import ACTOR_KINDS, NOTE_KINDS, PRECISIONS, QUALIFIERS, STATUSES
from generator.pages.data import SCHEMA_VERSION

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_PATH = "data/briefing.schema.json"

_TEXT = {"type": "string"}
_OPT_TEXT = {"type": ["string", "null"]}
_DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_OPT_DATE = {"anyOf": [_DATE, {"type": "null"}]}
_IDS = {"type": "array", "items": {"$ref": "#/$defs/id"}}
_TEXTS = {"type": "array", "items": _TEXT}
_URL = {"type": "string", "format": "uri-reference",
        "description": "/articles/<id>/ without an absolute site_url; with one, site_url followed by that path."}
_COUNT = {"type": "integer", "minimum": 0}


def _object(description: str, properties: dict) -> dict:
    return {"type": "object", "description": description, "required": list(properties),
            "properties": properties}


def _list(description: str, properties: dict) -> dict:
    return {"type": "array", "items": _object(description, properties)}


def briefing_schema(site_url: str = "/") -> dict:
    """The schema; ``site_url`` (absolute) gives it its ``$id``."""
    absolute = site_url.startswith(("http://", "https://"))
    ident = {"$id": site_url + SCHEMA_PATH} if absolute else {}
    return {
        "$schema": DRAFT,
        **ident,
        "title": "Briefing dataset (briefing.json)",
        "description": "The whole normalized dataset of a briefing: one list per kind of item. "
                       "Keys may be added within a major version; none is removed or renamed.",
        "type": "object",
        "required": ["schema_version", "generated", "articles", "notes", "events", "actors", "topics",
                     "figures", "ranges"],
        "properties": {
            "schema_version": {"type": "string", "const": SCHEMA_VERSION,
                               "description": "Version of this contract (major.minor)."},
            "generated": {**_OPT_DATE, "description": "The briefing's last content change (git, or the newest "
                          "article or note date), never the build's clock."},
            "articles": _list("An article: one news item.", {
                "id": {"$ref": "#/$defs/id"}, "title": _TEXT, "date": _DATE,
                "source": {"type": "array", "items": {
                    "type": "object", "required": ["name", "url"],
                    "properties": {"name": _TEXT, "url": {"type": ["string", "null"], "format": "uri"}}}},
                "summary": _OPT_TEXT, "actors": _IDS, "topics": _IDS, "places": _TEXTS,
                "events": {**_IDS, "description": "Ids of its timeline entries (items of events)."},
                "url": _URL,
            }),
            "notes": _list("An editor note.", {
                "id": {"$ref": "#/$defs/id"}, "title": _TEXT, "date": _DATE, "author": _TEXT,
                "kind": {"enum": list(NOTE_KINDS)}, "actors": _IDS, "topics": _IDS, "articles": _IDS, "url": _URL,
            }),
            "events": _list("A timeline entry, in timeline order.", {
                "id": {"$ref": "#/$defs/entry-id"},
                "kind": {"enum": ["event", "article", "claim"]},
                "date": _DATE, "end": _OPT_DATE, "precision": {"enum": list(PRECISIONS)},
                "date_text": _TEXT, "title": _TEXT, "summary": _TEXT, "actors": _IDS, "topics": _IDS,
                "status": {"enum": list(STATUSES)}, "place": _OPT_TEXT, "article": {"$ref": "#/$defs/id"},
                "place_id": {"anyOf": [{"$ref": "#/$defs/id"}, {"type": "null"}],
                             "description": "The id of the place that 'place' names, when the registry has it."},
                "url": _URL,
            }),
            "actors": _list("A person, armed group, government, organisation or state.", {
                "id": {"$ref": "#/$defs/id"}, "name": _TEXT, "kind": {"enum": list(ACTOR_KINDS)},
                "aliases": _TEXTS, "affiliation": _IDS, "role": _OPT_TEXT, "country": _OPT_TEXT, "url": _URL,
                "mentions": _COUNT, "entries": _COUNT,
            }),
            "topics": _list("A topic.", {
                "id": {"$ref": "#/$defs/id"}, "title": _TEXT, "summary": _OPT_TEXT, "keywords": _TEXTS,
                "figures": {"type": "array", "items": _TEXT, "description": "Figure kinds the topic charts."},
                "url": _URL,
            }),
            "figures": _list("A claim, one per claim however many articles report it.", {
                "id": _TEXT, "kind": _TEXT, "value": {"type": "integer"},
                "qualifier": {"enum": list(QUALIFIERS)}, "as_of": _DATE,
                "as_of_precision": {"enum": list(PRECISIONS)}, "source": _TEXT, "scope": _OPT_TEXT,
                "article": {"$ref": "#/$defs/id"}, "articles": {**_IDS, "minItems": 1},
                "event": {"anyOf": [{"$ref": "#/$defs/entry-id"}, {"type": "null"}]},
            }),
            "ranges": _list("The range of the claims of one kind, scope and as-of period (more than one claim): "
                            "never an average. low: the lowest exact, about, at-least or more-than claim; high: "
                            "the highest exact, about, up-to or nearly claim (null when the top is open).", {
                "kind": _TEXT, "scope": _OPT_TEXT, "as_of": _DATE, "as_of_precision": {"enum": list(PRECISIONS)},
                "low": {"type": ["integer", "null"]}, "high": {"type": ["integer", "null"]},
                "claims": {"type": "integer", "minimum": 2}, "sources": {**_TEXTS, "minItems": 1},
                "figures": {**_TEXTS, "minItems": 2},
            }),
        },
        "$defs": {
            "id": {"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]*$"},
            "entry-id": {"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]*(--(claim-)?[0-9]+)?$"},
        },
    }
