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
        numbers = _number_keys(data, where, out) if what == "a figure" else set()
        for key in data:
            if key not in table and key not in numbers:
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
            if out.get(key) is INVALID:  # a number split by a thousands separator (_number_key)
                continue
            out[key] = self.value(data[key], spec, key, where, line0, base, getattr(data, "raw", None))
        return out

    def value(self, value, spec: schema.Key, key: str, where: Where, line0: int, base: dt.date | None,
              raw: dict | None = None):
        """The value of one key, read by its type (model/keytypes.py); INVALID after an error."""
        return KEY_TYPES[spec.type].read(self, value, spec, key, where, line0, base, raw)


def _number(key) -> bool:
    return isinstance(key, (int, float)) and not isinstance(key, bool)


def _number_keys(data: LDict, where: Where, out: dict) -> set:
    """Figure keys that are numbers, each an error: in flow style ``{value: 8,000}`` the comma ends
    the value, so YAML reads ``value: 8`` and a key ``000``; never a silent 8. Returns those keys."""
    raw, lines = getattr(data, "raw", {}), getattr(data, "lines", {})
    keys = list(data)
    found: set = set()
    for i, key in enumerate(keys):
        if not _number(key) or key in found:
            continue
        run = [key]
        while i + len(run) < len(keys) and _number(keys[i + len(run)]) and data[run[-1]] is None:
            run.append(keys[i + len(run)])
        found.update(run)
        written = ",".join(raw.get(("key", k), str(k)) for k in run)
        line = lines.get(key, data_line(data))
        before = keys[i - 1] if i > 0 else None
        if before is not None and not _number(before) and _number(data[before]):
            shown = raw.get(before, str(data[before]))
            whole = shown + written.replace(",", "")
            where.error(line, f"'{before}: {shown},{written}' was read as {before}: {shown} and a key "
                              f"'{written.split(',')[0]}': in a {{...}} mapping a comma ends the value; "
                              f"write {before}: {whole} (no thousands separator)")
            out[before] = INVALID
        else:
            where.error(line, f"a figure key cannot be a number ('{written}'); in a {{...}} mapping a "
                              f"thousands separator splits a number into keys: write 8000, not 8,000")
            out.setdefault("value", INVALID)
    return found


def ok(values: dict) -> bool:
    return all(v is not INVALID for v in values.values())
