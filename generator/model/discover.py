"""Which files are content: the folders of each kind (only regular files, never a link out of the
project: :mod:`generator.model.walk`), the id rule for file names, and the path shown in problems."""

from __future__ import annotations

import re
from pathlib import Path

from generator.model import walk
from generator.model.problems import Problems

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")


def item_id(path: Path, shown: str, problems: Problems) -> str | None:
    stem = path.name[:-3] if path.name.endswith(".md") else path.name
    if not ID_RE.fullmatch(stem):  # the whole name: '$' alone would let 'nl\n.md' through
        hint = re.sub(r"[^a-z0-9-]+", "-", stem.lower()).strip("-")[:80] or "an-id"
        problems.error(
            shown,
            1,
            f"{_quoted(stem)} is not a valid id: a file name must be lowercase letters, digits and hyphens "
            f"(at most 80, not starting with a hyphen); rename it, e.g. to '{hint}.md'",
        )
        return None
    return stem


def _quoted(text: str) -> str:
    return f"'{text}'" if text.isprintable() else repr(text)


# The folders of items in content/, each with whether its items may sit in sub-folders. A kind added
# here gets the same rules: only regular '*.md' files are items, other Markdown extensions are errors.
KIND_FOLDERS = {"articles": True, "notes": True, "actors": False, "topics": False, "places": False}


def discover(content_dir: Path, scanned: walk.Scan | None = None) -> dict[str, list[Path]]:
    """The content files of each kind, sorted, as the README's Content guide lays them out.

    Only the regular files that :func:`generator.model.walk.scan` found: never a link out of the
    project, a link loop or a named pipe.
    """
    content_dir = Path(content_dir)
    scanned = scanned if scanned is not None else walk.scan(content_dir)
    found: dict[str, list[Path]] = {kind: [] for kind in KIND_FOLDERS}
    for path in scanned.files:
        parts = path.relative_to(content_dir).parts
        if len(parts) < 2 or parts[0] not in found or not path.name.endswith(".md"):
            continue
        if len(parts) > 2 and not KIND_FOLDERS[parts[0]]:
            continue
        if len(parts) == 2 and path.name == "index.md":  # an index.md of a kind's folder is not an item
            continue
        found[parts[0]].append(path)
    return found


def nested_item(parts: tuple[str, ...]) -> bool:
    """A '.md' file in a sub-folder of a kind whose items live directly in its folder (actors, topics):
    Briefing does not read it, and MkDocs would publish it unchecked."""
    return len(parts) > 2 and parts[0] in KIND_FOLDERS and not KIND_FOLDERS[parts[0]] and parts[-1].endswith(".md")


def misnamed(content_dir: Path, scanned: walk.Scan) -> list[tuple[Path, str]]:
    """Markdown files in a kind's folder whose name does not end in exactly '.md' (x.MD, x.markdown,
    a backup x.md~, an editor's leftover #x.md# or x.md.swp), or in a sub-folder of actors/ or topics/:
    Briefing would not read them, and MkDocs would publish them as they are."""
    out = []
    for path in scanned.files:
        parts = path.relative_to(content_dir).parts
        if nested_item(parts):
            folder = parts[0]
            out.append((path, f"{folder} live directly in {folder}/: a Markdown file in a sub-folder is never "
                              f"read, checked or published; move it to {folder}/{path.name}"))
            continue
        stray = walk.stray_markdown(path.name) if len(parts) >= 2 and parts[0] in KIND_FOLDERS else None
        if stray is None:
            continue
        folder, (what, name) = parts[0], stray
        if what == "extension":
            out.append((path, f"a Markdown file in {folder}/ must end in '.md' (lowercase): a '{path.suffix}' "
                              f"{folder[:-1]} is never read, checked or published; rename it to '{name}'"))
        elif what == "backup":
            out.append((path, f"a backup copy of '{name}' in {folder}/ would be published as it is, drafts and "
                              "all; remove it"))
        else:
            out.append((path, f"{_quoted(path.name)} looks like an editor's leftover copy of '{name}': in {folder}/ "
                              "only names ending in exactly '.md' are items, and this file would be published as "
                              "it is, drafts and all; remove it"))
    return out


def shown_path(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
