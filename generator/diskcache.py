"""The :class:`BuildCache` on disk: what one ``briefing build`` computed per item (each file's
validation, the matchers' and classifiers' results per text, each entry's HTML, each generated
page) kept in a folder (``.cache/briefing/`` beside mkdocs.yml) for the build in the next process.

Every entry of a BuildCache is keyed by everything its value depends on (content hashes, options,
the context), so reusing one changes what is computed again, never what is built. On disk the
whole file is keyed once more by :func:`code_version`: Briefing's version and a hash of its own
code and templates (an edited Briefing never reads a cache of another), and by a ``salt`` the
caller gives (the options that change output).

The file is one header line of JSON (format, code version, salt, size and BLAKE2b checksum of the
payload), then the payload: a pickle read by :class:`_Unpickler`, which builds only the classes of
:data:`ALLOWED` (plain data: Briefing's model records, dates, paths, compiled patterns) and refuses
every other global, so a forged file cannot run code; the checksum catches a truncated or damaged
one. The cache folder is the desk's own (its CI restores it with ``actions/cache``, which only the
repository's own workflows write), and still nothing in it is trusted: a file that is missing,
truncated, damaged, of another format, of another Briefing or another salt, or that unpickles to
anything but the expected shape is ignored with one INFO line (never a warning: a strict build
must not fail on it), and the build computes everything again. It is written to a temporary file
in the same folder and renamed over the previous one (atomic): a build killed midway leaves the
previous cache or none, never half of one.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import tempfile
from pathlib import Path

import generator
from generator.cache import BuildCache

FORMAT = 2
NAME = "build-cache.bin"
MAGIC = b"briefing-build-cache\n"
HEADER_SIZE = 512  # the JSON header line, padded with spaces
DEFAULT_DIR = ".cache/briefing"  # beside mkdocs.yml

# The BuildCache fields kept on disk (environments hold compiled Jinja code: never kept).
FIELDS = ("validated", "matchers", "classifiers", "entry_html", "pages", "site")

# module -> the names the unpickler may build from it (classes of plain data, and re's compiler).
ALLOWED = {
    "builtins": {"set", "frozenset", "slice", "complex", "bytearray"},
    "datetime": {"date", "datetime", "time", "timedelta", "timezone"},
    "zoneinfo": {"ZoneInfo"},
    "zoneinfo._zoneinfo": {"ZoneInfo"},
    "pathlib": {"Path", "PosixPath", "PurePosixPath", "WindowsPath", "PureWindowsPath"},
    "re": {"_compile"},
    "collections": {"OrderedDict", "defaultdict"},
}
ALLOWED_MODULES = ("generator.model.", "generator.derive.", "generator.pages.output", "generator.config")


class _Unpickler(pickle.Unpickler):
    """Builds only the globals of :data:`ALLOWED`, and classes of Briefing's model, derive and
    output modules (never a function of them): anything else is a damaged or forged file."""

    def find_class(self, module: str, name: str):
        if name in ALLOWED.get(module, ()):
            return super().find_class(module, name)
        if module.startswith(ALLOWED_MODULES) or module in {m.rstrip(".") for m in ALLOWED_MODULES}:
            found = super().find_class(module, name)
            if isinstance(found, type):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a build cache")


def code_version() -> str:
    """Briefing's version and a hash of every file of the package (code, templates, assets)."""
    h = hashlib.blake2b(digest_size=16)
    h.update(generator.__version__.encode())
    package = Path(generator.__file__).parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            h.update(path.relative_to(package).as_posix().encode() + b"\0")
            h.update(hashlib.blake2b(path.read_bytes(), digest_size=16).digest())
    return h.hexdigest()


class DiskCache:
    """The cache file in ``folder``, for builds with the same ``salt``."""

    def __init__(self, folder: Path | str, salt: str, logger: logging.Logger | None = None):
        self.folder = Path(folder)
        self.path = self.folder / NAME
        self.salt = hashlib.blake2b(salt.encode(), digest_size=16).hexdigest()
        self.log = logger or logging.getLogger("mkdocs.plugins.briefing")
        self._version: str | None = None
        self.status = "build cache not read"  # what load() found, in words (``briefing build`` prints it)

    @property
    def version(self) -> str:
        if self._version is None:
            self._version = code_version()
        return self._version

    def load(self, cache: BuildCache) -> bool:
        """Fill ``cache`` from the file; False (and an INFO line saying why) when there is none
        that this build can use."""
        try:
            kept = self._read()
        except FileNotFoundError:
            return self._tell(False, f"no build cache in {self.folder} yet; building everything")
        except Exception as exc:  # noqa: BLE001 - whatever is wrong with it, the file is not used
            return self._tell(False, f"build cache {self.path} ignored ({_why(exc)}); building everything")
        for name in FIELDS:
            setattr(cache, name, kept[name])
        return self._tell(True, f"build cache read from {self.path}")

    def _tell(self, read: bool, status: str) -> bool:
        self.status = status
        self.log.info("Briefing: %s", status)
        return read

    def _read(self) -> dict:
        with open(self.path, "rb") as f:
            if f.readline(len(MAGIC) + 1) != MAGIC:
                raise ValueError("not a Briefing build cache")
            header = json.loads(f.readline(HEADER_SIZE + 1))
            if not isinstance(header, dict) or header.get("format") != FORMAT:
                raise ValueError("another format")
            if header.get("version") != self.version:
                raise ValueError("written by another version of Briefing")
            if header.get("salt") != self.salt:
                raise ValueError("built with other options")
            start = f.tell()
            h, size = hashlib.blake2b(digest_size=32), 0
            while block := f.read(1 << 20):  # the checksum first, reading in blocks: never the whole file at once
                h.update(block)
                size += len(block)
            if size != header.get("size"):
                raise ValueError("truncated" if size < (header.get("size") or 0) else "longer than written")
            if h.hexdigest() != header.get("checksum"):
                raise ValueError("checksum mismatch")
            f.seek(start)
            kept = _Unpickler(f).load()
        if not isinstance(kept, dict) or set(kept) != set(FIELDS) or not all(isinstance(kept[n], dict) for n in FIELDS):
            raise ValueError("unexpected contents")
        return kept

    def save(self, cache: BuildCache) -> None:
        """Write ``cache`` (what this build used) in place of the previous file, atomically. The
        pickle goes to the file as it is made (no copy of it in memory) through the checksum; the
        header, of a fixed size, is written last. A cache that cannot be written is an INFO line:
        the site is built all the same."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".build-cache-", dir=self.folder)
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(MAGIC + b" " * HEADER_SIZE + b"\n")
                    out = _Checksummed(f)
                    pickle.Pickler(out, pickle.HIGHEST_PROTOCOL).dump({name: getattr(cache, name) for name in FIELDS})
                    header = json.dumps({"format": FORMAT, "version": self.version, "salt": self.salt,
                                         "size": out.size, "checksum": out.h.hexdigest()}, sort_keys=True).encode()
                    f.seek(len(MAGIC))
                    f.write(header.ljust(HEADER_SIZE))
                os.chmod(tmp, 0o644)
                os.replace(tmp, self.path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except (OSError, pickle.PicklingError, TypeError, AttributeError) as exc:
            self.log.info("Briefing: build cache not written to %s (%s)", self.folder, _why(exc))
            return
        self.log.info("Briefing: build cache written to %s (%.1f MB)", self.path, out.size / 1e6)


class _Checksummed:
    """A binary file the pickler writes to, hashing and counting what goes through."""

    def __init__(self, f):
        self.f = f
        self.h = hashlib.blake2b(digest_size=32)
        self.size = 0

    def write(self, data) -> int:
        self.h.update(data)
        self.size += len(data)
        return self.f.write(data)


def _why(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
