"""From a file's bytes to its front matter: text checks (binary, UTF-8, empty), the split at the
'---' lines, and the YAML mapping with the line of every key; problems go to the file's line."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from generator.model.problems import Problems
from generator.model.yamlload import HANDLER, FrontMatterError, LDict, split


@dataclass
class Where:
    """Where we are while validating one file: for messages with a line number."""

    path: str
    base: int  # file line of the opening '---'
    problems: Problems
    body_line: int = 1  # file line of the body's first line

    def error(self, line0: int | None, message: str) -> None:
        self.problems.error(self.path, self.base + (line0 or 0), message)

    def warning(self, line0: int | None, message: str) -> None:
        self.problems.warning(self.path, self.base + (line0 or 0), message)


def read_front_matter(path: Path, shown: str, problems: Problems,
                      raw: bytes | None = None) -> tuple[LDict, str, Where] | None:
    """A file's front matter (a mapping with line numbers), its body, and where it is; None after an error."""
    where = Where(shown, 0, problems)
    if raw is None:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            where.error(1, f"cannot read file: {exc.strerror}")
            return None
    if b"\x00" in raw[:8192]:
        where.error(1, "this is a binary file, not Markdown; remove it or save it as UTF-8 text")
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        where.error(line, f"not valid UTF-8 (byte {raw[exc.start]:#04x}); save the file as UTF-8")
        return None
    if not text.strip():
        where.error(1, "empty file; add front matter between '---' lines and a body")
        return None
    try:
        fm, body, base = split(text)
    except FrontMatterError as exc:
        where.error(1, str(exc))
        return None
    if fm is None:
        where.error(1, "no front matter; start the file with a '---' line, the keys, and another '---' line")
        return None
    where.base = base
    where.body_line = text.count("\n", 0, len(text) - len(body)) + 1
    try:
        data, duplicates = HANDLER.load(fm)
    except FrontMatterError as exc:
        where.error(exc.line, str(exc))
        return None
    for key, line0 in duplicates:
        where.error(line0, f"duplicate key '{key}': only the last one would be kept; remove one")
    if data is None:
        data = LDict()
        data.lines = {}
    if not isinstance(data, dict):
        where.error(1, f"front matter must be a mapping of keys to values, not a {typename(data)}")
        return None
    return data, body, where


def data_line(data) -> int:
    return getattr(data, "line", 0)


def typename(value) -> str:
    if isinstance(value, bool):
        return "true/false value"
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dt.date):
        return "date"
    if isinstance(value, (int, float)):
        return "number"
    return type(value).__name__
