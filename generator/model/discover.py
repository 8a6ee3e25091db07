"""Which files are content: the folders of each kind, the id rule for file names, and the path
shown in problems."""

from __future__ import annotations

import re
from pathlib import Path

from generator.model.problems import Problems

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")


def item_id(path: Path, shown: str, problems: Problems) -> str | None:
    stem = path.name[:-3] if path.name.endswith(".md") else path.name
    if not ID_RE.match(stem):
        hint = re.sub(r"[^a-z0-9-]+", "-", stem.lower()).strip("-")[:80] or "an-id"
        problems.error(
            shown,
            1,
            f"'{stem}' is not a valid id: a file name must be lowercase letters, digits and hyphens "
            f"(at most 80, not starting with a hyphen); rename it, e.g. to '{hint}.md'",
        )
        return None
    return stem


def discover(content_dir: Path) -> dict[str, list[Path]]:
    """The content files of each kind, sorted, as the README's Content guide lays them out."""
    found = {
        "articles": sorted((content_dir / "articles").rglob("*.md")),
        "notes": sorted((content_dir / "notes").rglob("*.md")),
        "actors": sorted((content_dir / "actors").glob("*.md")),
        "topics": sorted((content_dir / "topics").glob("*.md")),
    }
    # an index.md of a kind's folder is not an item
    return {kind: [p for p in paths if not (p.name == "index.md" and p.parent == content_dir / kind)]
            for kind, paths in found.items()}


def shown_path(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
