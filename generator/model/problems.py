"""Problems found while loading content, reported as ``path:line: level: message``."""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    level: str  # "error" or "warning"
    message: str

    def __str__(self) -> str:
        # one problem, one line: a file name or a YAML key with a line break in it must not start
        # a line of its own (a line starting with '::' is a command to GitHub Actions)
        return f"{one_line(self.path)}:{self.line}: {self.level}: {one_line(self.message)}"

    def github(self) -> str:
        """The problem as a GitHub Actions workflow command (an annotation on its file and line)."""
        kind = "error" if self.level == "error" else "warning"
        return f"::{kind} file={_github_property(self.path)},line={self.line}::{_github_data(self.message)}"


def one_line(text: str) -> str:
    """``text`` with line breaks and other control characters written as escapes (``\\n``, ``\\x1b``)."""
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if ch == "\t" or unicodedata.category(ch) not in ("Cc", "Zl", "Zp"):
            out.append(ch)
        else:
            out.append(repr(ch)[1:-1])  # \n, \r, \x1b, \u2028
    return "".join(out)


def _github_data(text: str) -> str:
    """Escape the message of a workflow command: '%', CR and LF (GitHub's escapeData)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    """Escape a property value of a workflow command: as data, plus ':' and ',' (escapeProperty)."""
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


@dataclass
class Problems:
    items: list[Problem] = field(default_factory=list)

    def error(self, path: str, line: int | None, message: str) -> None:
        self.items.append(Problem(path, line or 1, "error", message))

    def warning(self, path: str, line: int | None, message: str) -> None:
        self.items.append(Problem(path, line or 1, "warning", message))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.level == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.level == "warning"]

    def sorted(self) -> list[Problem]:
        return sorted(set(self.items))

    def __bool__(self) -> bool:
        return bool(self.items)


def did_you_mean(word: str, choices) -> str:
    """`` (did you mean 'x'?)`` for the closest choice, or an empty string."""
    close = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
