"""The files of a content folder, found without following what must not be followed.

MkDocs walks ``docs_dir`` following every symbolic link; a link to a file outside the project
would publish that file (``content/env.txt -> /proc/self/environ``), a link to one of its own
folders never ends, and a named pipe hangs whoever opens it. :func:`scan` walks the folder first,
without following links it has not checked: it follows a link only when it leads to a file or
folder inside the folder it walks (the content folder, the theme folder) and not back into a folder it
is already in, and it reports every other link and every file that is not a regular file. A link to
elsewhere in the project is refused too: the project holds untrusted seeds, secrets (``.env``), ``.git``
and the previous site, none of which is content. Nothing is opened.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

# MkDocs' Markdown extensions (mkdocs.utils.markdown_extensions) and a few more editors use
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn", ".mdtxt", ".mdtext"})
BACKUP_SUFFIXES = frozenset({".bak", ".orig", ".old", ".tmp"})  # and a trailing '~'
# a Markdown extension anywhere in a name, not followed by a letter or digit ('x.md.swp', '#x.md#',
# 'x.md '; not 'x.mdx' or 'sum.md5')
_MARKDOWN_IN_NAME = re.compile(r"\.(?:%s)(?![a-z0-9])" % "|".join(sorted(s[1:] for s in MARKDOWN_SUFFIXES)), re.I)


def stray_markdown(name: str) -> tuple[str, str] | None:
    """A Markdown file that is not an item file by its name: ('extension', the name it should have)
    for x.MD or x.markdown, ('backup', the file's name) for x.md~ or x.md.bak, ('leftover', the file's
    name) for any other name holding a Markdown extension (an editor's '#x.md#', 'x.md.swp',
    'x.md.save', 'x.md ' with a trailing space); None otherwise (a name ending in exactly '.md' is an
    item, whose id is checked on its own)."""
    stem, suffix = os.path.splitext(name)
    if name.endswith(".md"):
        return None
    if suffix.lower() in MARKDOWN_SUFFIXES:
        return ("extension", f"{stem}.md")
    original = name[:-1] if name.endswith("~") else stem if suffix.lower() in BACKUP_SUFFIXES else None
    if original and os.path.splitext(original)[1].lower() in MARKDOWN_SUFFIXES:
        return ("backup", original)
    found = _MARKDOWN_IN_NAME.search(name)
    if found:
        return ("leftover", name[:found.end()].lstrip("#.") or name)
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


def file_kind(mode: int) -> str:
    """What a file that is not a regular file is, in words (for messages)."""
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device file"
    return "not a regular file"


def scan(folder: Path | str, project: Path | str | None = None) -> Scan:
    """Every regular file under ``folder``, and a problem for every link and special file skipped.

    Links may lead only inside ``folder`` itself; ``project`` (default: :func:`project_of`) only
    words the message of a link that leads elsewhere.
    """
    folder = Path(folder)
    real_folder = Path(os.path.realpath(folder))
    project = Path(os.path.realpath(project)) if project is not None else project_of(folder)
    git = project / ".git"
    name = real_folder.relative_to(project).as_posix() if _inside(real_folder, project) else real_folder.name
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
        if _inside(real, real_folder):
            return None
        if not _inside(real, project) or _inside(real, git):
            return (f"this is a symbolic link to '{target}', outside the project: a build never reads or publishes "
                    "it; copy the file into the project instead")
        where = real.relative_to(project).as_posix() + ("/" if real.is_dir() else "")
        return (f"this is a symbolic link to '{target}', which leads to {where} in the project, outside {name}/: a "
                f"build reads and publishes only what is in {name}/ itself; move or copy it into {name}/")

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
                out.problems.append((child, f"this is {file_kind(mode)}, not a regular file: Briefing never opens "
                                            "it, and a build cannot publish it; remove it"))

    if folder.is_dir():
        walk(folder, (real_folder,))
    out.files.sort()
    return out
