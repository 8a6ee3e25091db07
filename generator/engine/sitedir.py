"""The site folder of a build: which folders a build may replace, and the swap that replaces one.

A build writes into a staging folder beside the site (``.site.briefing-new`` next to ``site``) and,
only when everything succeeded, swaps it in: the previous site stays byte for byte as it was after
any failure, a killed process included. Every site written this way holds a small marker file, so
that a later build knows the folder is a site it may replace. The site folder's own top-level
dot-entries (``site/.git`` of a gh-pages checkout, ``.htaccess``) go over into the new site, as
MkDocs' own clean keeps them. A site folder that cannot be renamed (a mount point) is filled in place.
"""

from __future__ import annotations

import ctypes
import errno
import logging
import os
import shutil
import sys
from pathlib import Path

from generator.errors import BriefingError

log = logging.getLogger("mkdocs.plugins.briefing")

MARKER = ".briefing-site"
MARKER_TEXT = b"A site built by Briefing: the next `briefing build` into this folder replaces all of it.\n"


def _real(path: Path | str) -> Path:
    return Path(os.path.realpath(path))


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def is_site(folder: Path) -> bool:
    """A folder Briefing built: with the marker, or (sites built before the marker) with the
    home page and the briefing's data file."""
    return (folder / MARKER).is_file() or (
        (folder / "index.html").is_file() and (folder / "data" / "briefing.json").is_file())


def _homes() -> set[Path]:
    """The user's home folder, as $HOME says and as the password database says."""
    homes = set()
    try:
        homes.add(_real(Path.home()))
    except (RuntimeError, KeyError):
        pass
    try:
        import pwd

        homes.add(_real(pwd.getpwuid(os.getuid()).pw_dir))
    except (ImportError, KeyError, AttributeError):
        pass
    return homes


def refusal(site_dir: Path | str, *, project: Path | str, docs_dir: Path | str, theme_dir: Path | str | None = None,
            force: bool = False) -> str | None:
    """Why a build must not write to ``site_dir`` (it would delete what the folder holds), or None.

    Never, ``force`` or not: the filesystem root, the home folder or any folder above it, the project
    folder or any folder above it, the content, theme and seeds folders, .git or anything inside them,
    a folder holding an mkdocs.yml. Unless ``force``: a folder that holds files and is not a site
    Briefing built.
    """
    site = _real(site_dir)
    project = _real(project)
    if site == site.parent:
        return "is the root of the filesystem: a build never replaces it"
    for home in sorted(_homes()):
        if site == home:
            return "is your home folder: a build never replaces it; choose a folder of its own for the site"
        if _inside(home, site):
            return (f"holds your home folder, {home}: a build never replaces it; choose a folder of its own for "
                    "the site")
    inputs = [("the project folder", project, False), ("the content folder (docs_dir)", _real(docs_dir), True)]
    if theme_dir:
        inputs.append(("the theme folder (custom_dir)", _real(theme_dir), True))
    inputs += [("the project's theme/ folder", project / "theme", True),
               ("the project's seeds/ folder", project / "seeds", True),
               ("the project's .git folder", project / ".git", True)]
    for name, folder, nothing_inside in inputs:
        if site == folder:
            return f"is {name}"
        if _inside(folder, site):
            return f"holds {name}, {folder}"
        if nothing_inside and _inside(site, folder):
            return f"is inside {name}, {folder}"
    if (site / "mkdocs.yml").exists() or (site / "mkdocs.yaml").exists():
        return "holds an mkdocs.yml: it is a project, not a site"
    if os.path.lexists(site) and not site.is_dir():
        return "is a file, not a folder"
    if not force and site.is_dir() and any(site.iterdir()) and not is_site(site):
        return (f"holds files and is not a site Briefing built (it has no {MARKER} file): the build would "
                "delete them; empty it or choose another folder (`briefing build --force` replaces it anyway)")
    return None


class Staging:
    """One build's staging folder beside ``site_dir``, swapped in by :meth:`commit`."""

    def __init__(self, site_dir: Path | str):
        self.site = _real(site_dir)  # a site_dir that is a link: the folder it leads to is replaced
        self.new = self.site.with_name(f".{self.site.name}.briefing-new")
        self.old = self.site.with_name(f".{self.site.name}.briefing-old")

    def start(self, keep_current: bool = False) -> str:
        """Clear what a killed build left; return the folder to build into. ``keep_current`` (a
        dirty build, which writes only the changed pages) starts from a copy of the current site."""
        if not self.site.exists() and self.old.is_dir() and not self.old.is_symlink():
            os.rename(self.old, self.site)  # killed between the two renames of a swap: the previous site
        if self.site.is_dir() and (self.new / MARKER).is_file() and not self.new.is_symlink():
            # killed within a commit, after it carried the site's dot-entries over: they go back
            _carry(self.new, self.site, [])
        for stale in (self.new, self.old, self.site / TRASH):
            _remove(stale)
        if keep_current and self.site.is_dir():
            shutil.copytree(self.site, self.new, symlinks=True, ignore=_top_dot_entries(self.site))
        return str(self.new)

    def commit(self) -> None:
        """Put the built site in place of the previous one, with the previous one's dot-entries."""
        self.new.mkdir(parents=True, exist_ok=True)
        (self.new / MARKER).write_bytes(MARKER_TEXT)
        carried: list[str] = []
        try:
            if not self.site.is_dir():
                os.rename(self.new, self.site)
                return
            _carry(self.site, self.new, carried)
            if _exchange(self.new, self.site):  # one atomic step: there is always a site to serve
                _remove(self.new)  # now the previous site
                return
            os.rename(self.site, self.old)
        except OSError as exc:
            if self.site.is_dir():
                _carry(self.new, self.site, [], only=carried)  # the site keeps its dot-entries whatever comes next
            if exc.errno not in _CANNOT_RENAME or not self.site.is_dir():
                self.discard()
                raise BriefingError(f"cannot put the new site in {self.site}: {exc.strerror}") from None
            self._fill_in_place(exc)
            return
        try:
            os.rename(self.new, self.site)
        except OSError as exc:
            os.rename(self.old, self.site)
            _carry(self.new, self.site, [], only=carried)
            self.discard()
            raise BriefingError(f"cannot put the new site in {self.site}: {exc.strerror}") from None
        _remove(self.old)

    def _fill_in_place(self, cause: OSError) -> None:
        """The site folder cannot be renamed (a mount point): set its entries aside inside it, move the
        new site's in, then delete the old ones; on failure put the old ones back and say so."""
        trash = self.site / TRASH
        aside: list[str] = []
        moved: list[str] = []
        new_names = sorted(os.listdir(self.new))
        try:
            trash.mkdir()
            for name in sorted(os.listdir(self.site)):
                if name != TRASH and (not name.startswith(".") or name in new_names):
                    os.rename(self.site / name, trash / name)
                    aside.append(name)
            for name in new_names:
                shutil.move(self.new / name, self.site / name)
                moved.append(name)
        except OSError as exc:
            for name in moved:
                _remove(self.site / name)
            for name in aside:
                os.rename(trash / name, self.site / name)
            _remove(trash)
            self.discard()
            raise BriefingError(f"cannot replace {self.site} ({cause.strerror}) nor fill it in place "
                                f"({exc.strerror}); the previous site is still there") from None
        _remove(trash)
        _remove(self.new)
        log.info(f"Briefing: {self.site} cannot be replaced in one step ({cause.strerror}: a mount point?); "
                 "filled it in place")

    def discard(self) -> None:
        _remove(self.new)


TRASH = ".briefing-old"  # inside a site filled in place: its previous entries, until the new ones are in
_CANNOT_RENAME = {errno.EBUSY, errno.EXDEV, errno.EPERM, errno.EACCES}  # a mount point, mostly


def _carry(source: Path, target: Path, done: list[str], only: list[str] | None = None) -> None:
    """Move the top-level dot-entries of ``source`` (or those named in ``only``) that ``target`` lacks into
    ``target``, never the marker; each one moved is added to ``done`` at once (a failure may follow)."""
    for name in sorted(os.listdir(source)) if only is None else only:
        if name.startswith(".") and name not in (MARKER, TRASH) and not os.path.lexists(target / name):
            os.rename(source / name, target / name)
            done.append(name)


def _top_dot_entries(top: Path):
    return lambda folder, names: [n for n in names if n.startswith(".")] if Path(folder) == top else []


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux renameat2 RENAME_EXCHANGE); False where it is not available."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    return renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0
