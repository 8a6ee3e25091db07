"""Front matter checked against the tables of :mod:`generator.model.schema`: unknown and missing
keys, and each value read by its key type (:mod:`generator.model.keytypes`) or reported with its
line; id references are kept for the end."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from generator.model import schema
from generator.model.frontmatter import Where, data_line
from generator.model.keytypes import INVALID, KEY_TYPES, Ref
from generator.model.problems import Problems, did_you_mean
from generator.model.safety import BodyChecker
from generator.model.types import DateSettings
from generator.model.yamlload import LDict

@dataclass
class Validator:
    """Checks front-matter values against the tables of schema.py, collecting problems and id references."""

    settings: DateSettings
    problems: Problems = field(default_factory=Problems)
    refs: list[Ref] = field(default_factory=list)
    broken: set[tuple[str, str]] = field(default_factory=set)  # items whose file has errors
    digests: dict[str, str] = field(default_factory=dict)  # shown path -> hash of the file's bytes
    bodies: BodyChecker | None = None  # None: trusted_html, bodies are not checked

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
        """The value of one key, read by its type (model/keytypes.py); INVALID after an error."""
        return KEY_TYPES[spec.type].read(self, value, spec, key, where, line0, base, raw)


def ok(values: dict) -> bool:
    return all(v is not INVALID for v in values.values())
