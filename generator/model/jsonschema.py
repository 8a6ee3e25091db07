"""JSON Schema of the front matter (README: Content guide), generated from :mod:`generator.model.schema`.

The keys, which of them are required, their choices and their help all come from the
tables in ``schema.py`` (and the enums of ``types.py`` behind them), and each key type says how it is
written in JSON Schema (``keytypes.py``); this module assembles the document. Editors (VS Code's YAML extension, remark,
pre-commit hooks, ...) use it for completion and validation; ``briefing check`` remains the
authority (it also resolves dates and checks that ids refer to existing files).

The schema declares draft 2019-09, the first draft with the ``$defs`` keyword it keeps its shared parts
under (draft-07 says ``definitions``); VS Code's YAML extension and ajv (``Ajv2019``) read it.
"""

from __future__ import annotations

import copy
import datetime as dt
import json

from generator.model import schema
from generator.model.discover import ID_RE
from generator.model.keytypes import KEBAB_RE, KEY_TYPES, ref
from generator.model.schema import Key

DRAFT = "https://json-schema.org/draft/2019-09/schema"


# What each kind is, where its files are, and its table. Order is the order of ``$defs``.
FILE_KINDS = {
    "article": ("articles", "content/articles/**/*.md", "An article: one news item.", schema.ARTICLE),
    "note": ("notes", "content/notes/**/*.md", "An editor note: context, analysis, correction or caveat.",
             schema.NOTE),
    "actor": ("actors", "content/actors/*.md",
              "An actor: person, armed group, government, organisation or state. The body is the profile.",
              schema.ACTOR),
    "topic": ("topics", "content/topics/*.md", "A topic. The body is its introduction.", schema.TOPIC),
    "place": ("places", "content/places/*.md", "A place: a country, region, city, district or facility, with "
              "its coordinates. The body is its description.", schema.PLACE),
}
PART_KINDS = {
    "event": ("An event: one timeline entry of an article (an item of 'events').", schema.EVENT),
    "figure": ("A figure: a claim, with who states it (an item of 'figures').", schema.FIGURE),
    "source": ("Where an article was reported: a name and an http(s) address.", schema.SOURCE),
}
KINDS = tuple(FILE_KINDS) + ("event", "figure")

_DATE_HELP = ("A date: YAML date or datetime (2019-04-12, 2019-04-12T14:30:00+02:00), ISO text, also partial "
              "(\"2019-04\" is a month, \"2019\" a year), or words (12 April 2019).")
_EVENT_DATE_HELP = (_DATE_HELP[:-1] + "; for events also words relative to the article's date "
                    "(on Friday, yesterday, last week, 4 April, early April).")


def _helpers() -> dict[str, dict]:
    """Shared definitions used by the key types."""
    text = {"type": "string", "pattern": r"\S"}
    return {
        "text": {**text, "description": "Non-empty text."},
        "id": {"type": "string", "pattern": ID_RE.pattern,
               "description": "An id: a file name without .md (lowercase letters, digits and hyphens, at most 80)."},
        "kebab": {"type": "string", "pattern": KEBAB_RE.pattern,
                  "description": "A kebab-case name such as civilians-killed or oil-output-bpd."},
        "date": {
            "description": _DATE_HELP,
            "anyOf": [text, {"type": "integer", "minimum": 1000, "maximum": 9999}],
            "examples": ["2019-04-12", "2019-04", "12 April 2019"],
        },
        "event-date": {
            "description": _EVENT_DATE_HELP,
            "anyOf": [text, {"type": "integer", "minimum": 1000, "maximum": 9999}],
            "examples": ["2019-04-12", "on Friday", "week of 8 April 2019", "early April"],
        },
        "sources": {
            "description": "Where it was reported: a name, {name, url}, or a list of them.",
            "anyOf": [
                ref("text"),
                ref("source"),
                {"type": "array", "minItems": 1, "items": {"anyOf": [ref("text"), ref("source")]}},
            ],
        },
    }


def _value(key: Key, name: str, owner: str) -> dict:
    """JSON Schema of one key of a table (``owner`` is the table's kind), as its key type describes it."""
    out = KEY_TYPES[key.type].json(key, name, owner)
    if key.help:
        # a referenced value is wrapped to keep its help (draft-07 tools ignore siblings of $ref)
        out = {"allOf": [out], "description": key.help} if "$ref" in out else {**out, "description": key.help}
    return out


def _object(table: dict[str, Key], owner: str, title: str, description: str) -> dict:
    out = {
        "title": title,
        "description": description,
        "type": "object",
        "properties": {name: _value(key, name, owner) for name, key in table.items()},
        # unknown keys are a warning in `briefing check`; editors flag them so typos show at once
        "additionalProperties": False,
    }
    required = [name for name, key in table.items() if key.required]
    if required:
        out["required"] = required
    return out


def definitions() -> dict[str, dict]:
    """Every ``$defs`` entry: the file kinds, events, figures, sources and the shared value types."""
    defs: dict[str, dict] = {}
    for kind, (folder, glob, description, table) in FILE_KINDS.items():
        defs[kind] = _object(table, kind, f"Briefing {kind} front matter", f"{description} Files: {glob}")
    for kind, (description, table) in PART_KINDS.items():
        defs[kind] = _object(table, kind, f"Briefing {kind}", description)
    defs.update(_helpers())
    return defs


def front_matter_schema(kind: str | None = None) -> dict:
    """The JSON Schema of every kind (``kind=None``), or a standalone schema of one kind.

    With no kind the document's root accepts the front matter of any file kind; a tool should
    map each folder to its kind's schema (``front_matter_schema("article")``) for useful messages.
    """
    defs = definitions()
    if kind is None:
        return {
            "$schema": DRAFT,
            "title": "Briefing front matter",
            "description": ("Front matter of a briefing's content files. Each file kind is under $defs: "
                            + ", ".join(f"{k} ({v[1]})" for k, v in FILE_KINDS.items())
                            + "; events and figures are parts of articles."),
            "anyOf": [ref(k) for k in FILE_KINDS],
            "$defs": defs,
        }
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; choose one of {', '.join(KINDS)}")
    root = copy.deepcopy(defs.pop(kind))
    return {"$schema": DRAFT, **root, "$defs": defs}


def dumps(value: dict) -> str:
    """The schema as JSON text, as ``briefing schema`` prints it."""
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def json_ready(data):
    """Front matter as PyYAML loads it, made JSON-shaped for a JSON Schema validator.

    YAML dates and datetimes become ISO text (what a YAML 1.2 editor sees anyway).
    """
    if isinstance(data, dict):
        return {str(k): json_ready(v) for k, v in data.items()}
    if isinstance(data, list):
        return [json_ready(v) for v in data]
    if isinstance(data, (dt.date, dt.datetime)):
        return data.isoformat()
    return data
