"""The types of front-matter keys. Each type reads a value (or reports it with its line) and
describes itself as JSON Schema, so the loader (:mod:`generator.model.validate`) and the schema
generator (:mod:`generator.model.jsonschema`) share one definition of every type. The tables of
:mod:`generator.model.schema` name a type by its key in :data:`KEY_TYPES`. ``read(v, value, spec,
key, where, line0, base, raw)``: ``v`` is the Validator (settings, id references, ``fields`` for
nested tables); ``base`` is the article's date for event dates."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from generator.model import schema
from generator.model.datehints import cannot_read
from generator.model.dates import DateError, RelativeDateError, resolve_checked
from generator.model.discover import ID_RE
from generator.model.frontmatter import Where, data_line, typename
from generator.model.problems import did_you_mean
from generator.model.types import Source
from generator.model.words import WEB_URL

KEBAB_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
INVALID = object()  # a value with an error (reported already)
# The loader's test for a source url (WEB_URL), in JSON Schema's regex dialect (no flags)
URL_PATTERN = "^[hH][tT][tT][pP][sS]?" + WEB_URL.pattern.removeprefix("^https?")


@dataclass
class Ref:
    """An id in front matter, checked once every file is loaded."""

    kind: str  # actors, topics, articles
    id: str
    where: Where
    line0: int


# Characters that XML (feed.xml) and HTML cannot carry: C0 controls but tab, newline and
# carriage return; DEL; lone surrogates; U+FFFE and U+FFFF.
CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def control(text: str, key: str, where: Where, line0: int) -> bool:
    """Report a character that a page or feed.xml cannot carry; True if there is one."""
    m = CONTROL_RE.search(text)
    if m is None:
        return False
    where.error(line0, f"'{key}' contains the control character U+{ord(m.group()):04X}, which web pages and "
                       f"feed.xml cannot carry; remove it (it often comes with text pasted from a PDF or a terminal)")
    return True


def ref(name: str) -> dict:
    """JSON Schema: a reference to a shared definition under ``$defs``."""
    return {"$ref": f"#/$defs/{name}"}


class Text:
    def read(self, v, value, spec, key, where, line0, base, raw):
        if isinstance(value, bool):
            written = raw.get(key, "yes" if value else "no") if raw else ("yes" if value else "no")
            where.error(line0, f"'{key}' was read as {str(value).lower()}; put the text in quotes: {key}: \"{written}\"")
            return INVALID
        if isinstance(value, (int, float, dt.date)):
            where.error(line0, f"'{key}' must be text, not a {typename(value)}; put it in quotes")
            return INVALID
        if not isinstance(value, str) or not value.strip():
            where.error(line0, f"'{key}' must be non-empty text")
            return INVALID
        if control(value, key, where, line0):
            return INVALID
        return value.strip()

    def json(self, spec, name, owner) -> dict:
        if (owner, name) == ("source", "url"):
            return {"type": "string", "pattern": URL_PATTERN}
        return ref("text")


class Date:
    def __init__(self, relative: bool):
        self.relative = relative  # event dates: words relative to the article's date are allowed

    def read(self, v, value, spec, key, where, line0, base, raw):
        try:
            resolved = resolve_checked(value, v.settings, base=base if self.relative else None)
        except RelativeDateError as exc:
            message = str(exc)
            if self.relative:  # no base: the article's own date is missing or invalid
                text = " ".join(str(value).split())
                message = (f"'{text}' is relative, so it needs the article's 'date' to resolve against; "
                           f"give the article a valid date, or write this one in full (e.g. 12 April 2019)")
            where.error(line0, f"'{key}': {message}")
            return INVALID
        except DateError as exc:
            message = str(exc)
            named = _file_date(where.path) if base is None and message.startswith("cannot read") else None
            if named is not None:  # the article's own date, as its file name gives it
                message = cannot_read(" ".join(str(value).split()), named)
            where.error(line0, f"'{key}': {message}")
            return INVALID
        if resolved.warning:
            where.warning(line0, f"'{key}': {resolved.warning}")
        return resolved.value

    def json(self, spec, name, owner) -> dict:
        return ref("event-date" if self.relative else "date")


_FILE_DATE = re.compile(r"(?:^|/)(\d{4})-(\d{2})-(\d{2})-[^/]*$")


def _file_date(path: str) -> dt.date | None:
    """The date a file name starts with (2019-04-12-zuwara.md), if it is one."""
    m = _FILE_DATE.search(path)
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3])) if m else None
    except ValueError:
        return None


class Bool:
    def read(self, v, value, spec, key, where, line0, base, raw):
        if not isinstance(value, bool):
            where.error(line0, f"'{key}' must be true or false")
            return INVALID
        return value

    def json(self, spec, name, owner) -> dict:
        return {"type": "boolean"}


class Count:
    def read(self, v, value, spec, key, where, line0, base, raw):
        if isinstance(value, str) and re.fullmatch(r"\d{1,3}(?:[,.' ]\d{3})+", value.strip()):
            where.error(line0, f"'{key}' must be a whole number without separators: write {re.sub(r'[^0-9]', '', value)}, "
                               f"not {value.strip()!r}")
            return INVALID
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            where.error(line0, f"'{key}' must be a whole number >= 0, not {value!r}")
            return INVALID
        return value

    def json(self, spec, name, owner) -> dict:
        return {"type": "integer", "minimum": 0}


class Number:
    """A number (a coordinate): an int or a float, never a bool or text."""

    def read(self, v, value, spec, key, where, line0, base, raw):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
            where.error(line0, f"'{key}' must be a number like 32.8872, not {value!r}")
            return INVALID
        return float(value)

    def json(self, spec, name, owner) -> dict:
        return {"type": "number"}


class Choice:
    def read(self, v, value, spec, key, where, line0, base, raw):
        if value not in spec.choices:
            where.error(
                line0,
                f"'{key}' must be one of {', '.join(spec.choices)}, not {value!r}{did_you_mean(value, spec.choices)}",
            )
            return INVALID
        return value

    def json(self, spec, name, owner) -> dict:
        return {"type": "string", "enum": list(spec.choices)}


class Kebab:
    def read(self, v, value, spec, key, where, line0, base, raw):
        if not isinstance(value, str) or not KEBAB_RE.fullmatch(value):
            where.error(line0, f"'{key}' must be a lowercase kebab-case id like 'civilians-killed', not {value!r}")
            return INVALID
        return value

    def json(self, spec, name, owner) -> dict:
        return ref("kebab")


def list_of(value, key: str, where: Where, line0: int):
    if isinstance(value, list):
        return value
    example = value if isinstance(value, str) else "..."
    where.error(line0, f"'{key}' must be a list; write it as {key}: [{example}]")
    return INVALID


class Words:
    """A list of texts: plain (strings), ids of items (ids) or figure kinds (kebabs)."""

    def __init__(self, item: str):
        self.item = item  # "text", "id" or "kebab": the JSON Schema definition of an item

    def read(self, v, value, spec, key, where, line0, base, raw):
        items = list_of(value, key, where, line0)
        if items is INVALID:
            return INVALID
        out = []
        item_lines = getattr(value, "lines", [])
        for i, item in enumerate(items):
            iline = item_lines[i] if i < len(item_lines) else line0
            if not isinstance(item, str) or not item.strip():
                where.error(iline, f"'{key}' items must be text, not {item!r}")
                continue
            if control(item, key, where, iline):
                continue
            if self.item == "id" and not ID_RE.fullmatch(item):
                where.error(iline, f"'{item}' in '{key}' is not a valid id (lowercase letters, digits and hyphens)")
                continue
            if self.item == "kebab" and not KEBAB_RE.fullmatch(item):
                where.error(iline, f"'{item}' in '{key}' is not a kebab-case figure kind")
                continue
            if self.item == "id":
                v.refs.append(Ref(key if key in ("actors", "topics", "articles") else "actors", item, where, iline))
            out.append(item.strip())
        return out

    def json(self, spec, name, owner) -> dict:
        return {"type": "array", "items": ref(self.item)}


class Sources:
    def read(self, v, value, spec, key, where, line0, base, raw):
        items = value if isinstance(value, list) else [value]
        out = []
        for i, item in enumerate(items):
            iline = value.lines[i] if isinstance(value, list) and i < len(value.lines) else line0
            if isinstance(item, str) and item.strip():
                if not control(item, "source", where, iline):
                    out.append(Source(item.strip()))
            elif isinstance(item, dict):
                f = v.fields(item, schema.SOURCE, where, "a source", None)
                if f["name"] is INVALID or f.get("url") is INVALID:
                    continue
                url = f.get("url")
                if url is not None and not WEB_URL.match(url):
                    where.error(item.lines.get("url", iline), f"source url must start with http:// or https://, not {url!r}")
                    continue
                out.append(Source(f["name"], url, where.base + item.lines.get("url", iline) if url else None))
            else:
                where.error(iline, "'source' must be a name, {name: ..., url: ...}, or a list of them")
        if not out:
            return INVALID
        return out

    def json(self, spec, name, owner) -> dict:
        return ref("sources")


class Records:
    """A list of mappings, each checked against a table: events, figures."""

    def __init__(self, table: str, what: str, definition: str):
        self.table, self.what, self.definition = table, what, definition

    def read(self, v, value, spec, key, where, line0, base, raw):
        items = list_of(value, key, where, line0)
        if items is INVALID:
            return INVALID
        table = getattr(schema, self.table)
        out = []
        for i, item in enumerate(items):
            iline = value.lines[i] if i < len(getattr(value, "lines", [])) else line0
            if not isinstance(item, dict):
                where.error(iline, f"each item of '{key}' must be a mapping of keys (like 'date:' and 'title:'), "
                                   f"not {typename(item)}")
                continue
            out.append((v.fields(item, table, where, self.what, base), data_line(item)))
        return out

    def json(self, spec, name, owner) -> dict:
        return {"type": "array", "items": ref(self.definition)}


class TopicFigures:
    """A topic's ``figures``: each a figure kind, or ``{kind, label, unit}`` that says how pages name
    it; read as (kind, label, unit, line) with line the file's. An unknown key is an error here
    (a misspelt ``unit`` would silently change every page that shows the kind), and so is a kind
    listed twice."""

    def read(self, v, value, spec, key, where, line0, base, raw):
        items = list_of(value, key, where, line0)
        if items is INVALID:
            return INVALID
        out, seen = [], {}
        item_lines = getattr(value, "lines", [])
        for i, item in enumerate(items):
            iline = item_lines[i] if i < len(item_lines) else line0
            label = unit = None
            if isinstance(item, dict):
                lines = getattr(item, "lines", {})
                iline = data_line(item) or iline
                for k in item:
                    if k not in schema.FIGURE_LABEL:
                        where.error(lines.get(k, iline), f"unknown key '{k}' in a figure of '{key}'"
                                                         f"{did_you_mean(str(k), schema.FIGURE_LABEL)}; a figure "
                                                         f"here has kind, label and unit")
                if "kind" not in item:
                    where.error(iline, f"missing required key 'kind' in a figure of '{key}' "
                                       f"(write {{kind: oil-output-bpd, label: oil output}})")
                    continue
                read = {k: v.value(item[k], schema.FIGURE_LABEL[k], k, where, lines.get(k, iline), None)
                        for k in schema.FIGURE_LABEL if k in item}
                if any(x is INVALID for x in read.values()) or any(k not in schema.FIGURE_LABEL for k in item):
                    continue
                kind, label, unit = read["kind"], read.get("label"), read.get("unit")
            elif isinstance(item, str) and KEBAB_RE.fullmatch(item.strip()):
                kind = item.strip()
            else:
                where.error(iline, f"'{item}' in '{key}' is not a kebab-case figure kind "
                                   f"nor {{kind: ..., label: ..., unit: ...}}")
                continue
            if kind in seen:
                where.error(iline, f"figure kind '{kind}' is listed twice in '{key}' (first at line "
                                   f"{where.base + seen[kind]}); keep one")
                continue
            seen[kind] = iline
            out.append((kind, label, unit, where.base + iline))
        return out

    def json(self, spec, name, owner) -> dict:
        label = {"type": "object", "properties": {"kind": ref("kebab"), "label": ref("text"), "unit": ref("text")},
                 "required": ["kind"], "additionalProperties": False}
        return {"type": "array", "items": {"anyOf": [ref("kebab"), label]}}


KEY_TYPES = {
    "string": Text(),
    "date": Date(relative=False),
    "event-date": Date(relative=True),
    "bool": Bool(),
    "int": Count(),
    "number": Number(),
    "enum": Choice(),
    "kebab": Kebab(),
    "ids": Words("id"),
    "strings": Words("text"),
    "kebabs": Words("kebab"),
    "sources": Sources(),
    "events": Records("EVENT", "an event", "event"),
    "figures": Records("FIGURE", "a figure", "figure"),
    "topic-figures": TopicFigures(),
}
