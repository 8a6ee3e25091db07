"""Problems found while loading content, reported as ``path:line: level: message``."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    level: str  # "error" or "warning"
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.level}: {self.message}"

    def github(self) -> str:
        kind = "error" if self.level == "error" else "warning"
        return f"::{kind} file={self.path},line={self.line}::{self.message}"


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
