"""Front-matter values checked against the tables of :mod:`generator.model.schema`: each value of a
key type is read (dates resolved) or reported with its line; id references are kept for the end."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from generator.model import schema
from generator.model.dates import DateError, DateSettings, resolve_checked
from generator.model.discover import ID_RE
from generator.model.frontmatter import Where, data_line, typename
from generator.model.problems import Problems, did_you_mean
from generator.model.types import Source
from generator.model.yamlload import LDict
from generator.model.words import WEB_URL

KEBAB_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
INVALID = object()


@dataclass
class Ref:
    kind: str  # actors, topics, articles
    id: str
    where: Where
    line0: int


@dataclass
class Validator:
    """Checks front-matter values against the tables of schema.py, collecting problems and id references."""

    settings: DateSettings
    problems: Problems = field(default_factory=Problems)
    refs: list[Ref] = field(default_factory=list)
    broken: set[tuple[str, str]] = field(default_factory=set)  # items whose file has errors
    digests: dict[str, str] = field(default_factory=dict)  # shown path -> hash of the file's bytes

    # ---- validation against the tables of schema.py ---------------------------------------

    def fields(self, data: LDict, table: dict, where: Where, what: str, base: dt.date | None = None) -> dict:
        out: dict = {}
        lines = getattr(data, "lines", {})
        for key in data:
            if key not in table:
                where.warning(
                    lines.get(key, data_line(data)),
                    f"unknown key '{key}' in {what}{did_you_mean(key, table)}; it is ignored",
                )
        for key, spec in table.items():
            if key not in data:
                if spec.required:
                    where.error(data_line(data), f"missing required key '{key}' in {what}")
                    out[key] = INVALID
                continue
            line0 = lines.get(key, data_line(data))
            out[key] = self.value(data[key], spec, key, where, line0, base, getattr(data, "raw", None))
        return out

    def value(self, value, spec: schema.Key, key: str, where: Where, line0: int, base: dt.date | None,
              raw: dict | None = None):
        t = spec.type
        if t == "string":
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
            return value.strip()
        if t in ("date", "event-date"):
            try:
                resolved = resolve_checked(value, self.settings, base=base if t == "event-date" else None)
            except DateError as exc:
                where.error(line0, f"'{key}': {exc}")
                return INVALID
            if resolved.warning:
                where.warning(line0, f"'{key}': {resolved.warning}")
            return resolved.value
        if t == "bool":
            if not isinstance(value, bool):
                where.error(line0, f"'{key}' must be true or false")
                return INVALID
            return value
        if t == "int":
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                where.error(line0, f"'{key}' must be a whole number >= 0, not {value!r}")
                return INVALID
            return value
        if t == "enum":
            if value not in spec.choices:
                where.error(
                    line0,
                    f"'{key}' must be one of {', '.join(spec.choices)}, not {value!r}{did_you_mean(value, spec.choices)}",
                )
                return INVALID
            return value
        if t == "kebab":
            if not isinstance(value, str) or not KEBAB_RE.match(value):
                where.error(line0, f"'{key}' must be a lowercase kebab-case id like 'civilians-killed', not {value!r}")
                return INVALID
            return value
        if t in ("ids", "strings", "kebabs"):
            items = self.list_of(value, key, where, line0)
            if items is INVALID:
                return INVALID
            out = []
            item_lines = getattr(value, "lines", [])
            for i, item in enumerate(items):
                iline = item_lines[i] if i < len(item_lines) else line0
                if not isinstance(item, str) or not item.strip():
                    where.error(iline, f"'{key}' items must be text, not {item!r}")
                    continue
                if t == "ids" and not ID_RE.match(item):
                    where.error(iline, f"'{item}' in '{key}' is not a valid id (lowercase letters, digits and hyphens)")
                    continue
                if t == "kebabs" and not KEBAB_RE.match(item):
                    where.error(iline, f"'{item}' in '{key}' is not a kebab-case figure kind")
                    continue
                if t == "ids":
                    self.refs.append(Ref(key if key in ("actors", "topics", "articles") else "actors", item, where, iline))
                out.append(item.strip())
            return out
        if t == "sources":
            return self.sources(value, where, line0)
        if t == "events":
            return self.records(value, key, where, line0, schema.EVENT, "an event", base)
        if t == "figures":
            return self.records(value, key, where, line0, schema.FIGURE, "a figure", base)
        raise AssertionError(t)  # pragma: no cover - the tables only use the types above

    def list_of(self, value, key: str, where: Where, line0: int):
        if isinstance(value, list):
            return value
        example = value if isinstance(value, str) else "..."
        where.error(line0, f"'{key}' must be a list; write it as {key}: [{example}]")
        return INVALID

    def records(self, value, key, where, line0, table, what, base):
        items = self.list_of(value, key, where, line0)
        if items is INVALID:
            return INVALID
        out = []
        for i, item in enumerate(items):
            iline = value.lines[i] if i < len(getattr(value, "lines", [])) else line0
            if not isinstance(item, dict):
                where.error(iline, f"each item of '{key}' must be a mapping of keys (like 'date:' and 'title:'), not {typename(item)}")
                continue
            out.append((self.fields(item, table, where, what, base), data_line(item)))
        return out

    def sources(self, value, where: Where, line0: int):
        items = value if isinstance(value, list) else [value]
        out = []
        for i, item in enumerate(items):
            iline = value.lines[i] if isinstance(value, list) and i < len(value.lines) else line0
            if isinstance(item, str) and item.strip():
                out.append(Source(item.strip()))
            elif isinstance(item, dict):
                f = self.fields(item, schema.SOURCE, where, "a source", None)
                if f["name"] is INVALID or f.get("url") is INVALID:
                    continue
                url = f.get("url")
                if url is not None and not WEB_URL.match(url):
                    where.error(item.lines.get("url", iline), f"source url must start with http:// or https://, not {url!r}")
                    continue
                out.append(Source(f["name"], url))
            else:
                where.error(iline, "'source' must be a name, {name: ..., url: ...}, or a list of them")
        if not out:
            return INVALID
        return out


def ok(values: dict) -> bool:
    return all(v is not INVALID for v in values.values())
