"""The files of a content folder, found without following what must not be followed.

MkDocs walks ``docs_dir`` following every symbolic link; a link to a file outside the project
would publish that file (``content/env.txt -> /proc/self/environ``), a link to one of its own
folders never ends, and a named pipe hangs whoever opens it. :func:`scan` walks the folder first,
without following links it has not checked: it follows a link only when it leads to a file or
folder inside the project (not into ``.git``) and not back into a folder it is already in, and it
reports every other link and every file that is not a regular file. Nothing is opened.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

# MkDocs' Markdown extensions (mkdocs.utils.markdown_extensions) and a few more editors use
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn", ".mdtxt", ".mdtext"})
BACKUP_SUFFIXES = frozenset({".bak", ".orig", ".old", ".tmp"})  # and a trailing '~'


def stray_markdown(name: str) -> tuple[str, str] | None:
    """A Markdown file that is not an item file by its name: ('extension', the name it should have)
    for x.MD or x.markdown, ('backup', the file's name) for x.md~ or x.md.bak; None otherwise."""
    stem, suffix = os.path.splitext(name)
    if suffix.lower() in MARKDOWN_SUFFIXES:
        return None if suffix == ".md" else ("extension", f"{stem}.md")
    original = name[:-1] if name.endswith("~") else stem if suffix.lower() in BACKUP_SUFFIXES else None
    if original and os.path.splitext(original)[1].lower() in MARKDOWN_SUFFIXES:
        return ("backup", original)
    return None


@dataclass
class Scan:
    files: list[Path] = field(default_factory=list)  # regular files, as paths under the folder, sorted
    problems: list[tuple[Path, str]] = field(default_factory=list)  # (path under the folder, message)


def project_of(folder: Path) -> Path:
    """The project a content folder belongs to: the nearest folder above it with an mkdocs.yml,
    else its parent."""
    folder = Path(os.path.realpath(folder))
    for parent in folder.parents:
        if (parent / "mkdocs.yml").is_file() or (parent / "mkdocs.yaml").is_file():
            return parent
    return folder.parent


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _what(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device file"
    return "not a regular file"


def scan(folder: Path | str, project: Path | str | None = None) -> Scan:
    """Every regular file under ``folder``, and a problem for every link and special file skipped.

    ``project`` (default: :func:`project_of`) is where links may lead; the folder itself counts
    as inside too.
    """
    folder = Path(folder)
    real_folder = Path(os.path.realpath(folder))
    project = Path(os.path.realpath(project)) if project is not None else project_of(folder)
    allowed = (project, real_folder)
    git = project / ".git"
    out = Scan()

    def link_problem(path: Path, real: Path | None, exc: OSError | None) -> str | None:
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        if exc is not None:
            if exc.errno == errno.ELOOP:
                return f"this symbolic link to '{target}' never resolves (a loop of links); remove it"
            return f"this symbolic link leads to '{target}', which does not exist; fix or remove it"
        if not any(_inside(real, a) for a in allowed) or _inside(real, git):
            return (f"this is a symbolic link to '{target}', outside the project: a build never reads or publishes "
                    "it; copy the file into the project instead")
        return None

    def walk(path: Path, chain: tuple[Path, ...]) -> None:
        try:
            with os.scandir(path) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            out.problems.append((path, f"cannot read folder: {exc.strerror}"))
            return
        for entry in entries:
            child = path / entry.name
            if entry.is_symlink():
                real = exc = None
                try:
                    real = Path(os.path.realpath(child, strict=True))
                except OSError as e:
                    exc = e
                message = link_problem(child, real, exc)
                if message is not None:
                    out.problems.append((child, message))
                    continue
                try:
                    mode = os.stat(real).st_mode
                except OSError as e:
                    out.problems.append((child, f"cannot read: {e.strerror}"))
                    continue
                if stat.S_ISDIR(mode):
                    if any(_inside(c, real) for c in chain):  # the link leads to a folder it is in
                        out.problems.append((child, f"this symbolic link leads back to a folder it is in "
                                                    f"('{os.readlink(child)}'), so the folder never ends: "
                                                    "remove it"))
                        continue
                    walk(child, chain + (real,))
                    continue
            elif entry.is_dir(follow_symlinks=False):
                walk(child, chain + (chain[-1] / entry.name,))
                continue
            elif entry.is_file(follow_symlinks=False):
                out.files.append(child)
                continue
            else:
                try:
                    mode = entry.stat(follow_symlinks=False).st_mode
                except OSError as e:
                    out.problems.append((child, f"cannot read: {e.strerror}"))
                    continue
            if stat.S_ISREG(mode):
                out.files.append(child)
            else:
                out.problems.append((child, f"this is {_what(mode)}, not a regular file: Briefing never opens "
                                            "it, and a build cannot publish it; remove it"))

    if folder.is_dir():
        walk(folder, (real_folder,))
    out.files.sort()
    return out
