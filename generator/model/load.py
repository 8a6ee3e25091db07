"""Load and validate a content folder into a :class:`Briefing` (README: Content guide).

Every problem is collected, never raised: the caller gets the briefing built from
the valid files and the full list of problems, each with its file and line.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import pickle
from dataclasses import dataclass
from pathlib import Path

from generator.cache import BuildCache
from generator.model import pool, schema, walk
from generator.model.sourcetext import check_source_text
from generator.model.dates import DateSettings
from generator.model.crosscheck import check_across
from generator.model.discover import discover, item_id, misnamed, shown_path
from generator.model.frontmatter import Where, read_front_matter
from generator.model.matched import check_matched
from generator.model.places import check_place, check_within
from generator.model.items import BUILDERS, article
from generator.model.problems import Problems, did_you_mean
from generator.model.safety import HINT, BodyChecker
from generator.model.types import Briefing
from generator.model.validate import Ref, Validator, ok


def load(content_dir: Path | str, settings: DateSettings = DateSettings(), *, root: Path | str | None = None,
         today: dt.date | None = None, cache: BuildCache | None = None,
         found: dict[str, list[Path]] | None = None, scanned: walk.Scan | None = None,
         check_bodies: bool = True, extensions: tuple[str, ...] = (), workers: int = 1) -> tuple[Briefing, Problems]:
    """Load every content file under ``content_dir``.

    Paths in problems are shown relative to ``root`` (default: the content folder's parent).
    A file validated by an earlier build that shares ``cache`` is not validated again.
    ``found`` is what :func:`discover` gives for the folder and ``scanned`` the folder's scan
    (:func:`generator.model.walk.scan`), when the caller has them already. Bodies are checked for
    active content (:mod:`generator.model.safety`) unless ``check_bodies`` is false (trusted_html), rendered with the Markdown ``extensions`` the site adds.
    With ``workers`` > 1 the files not in the cache are validated first in that many processes
    (:func:`_prevalidate`); the result is the same with any number of workers.
    """
    validated = cache.validated if cache is not None else {}
    content_dir = Path(content_dir)
    root = Path(root) if root is not None else content_dir.parent
    loader = Validator(settings, bodies=BodyChecker(extensions) if check_bodies else None)
    problems = loader.problems
    briefing = Briefing()
    seen: dict[tuple[str, str], str] = {}
    today = today or dt.date.today()

    scanned = scanned if scanned is not None else walk.scan(content_dir)
    for path, message in scanned.problems + misnamed(content_dir, scanned):
        problems.error(shown_path(path, root), 1, message)
    found = found if found is not None else discover(content_dir, scanned)
    if workers > 1:
        _prevalidate(found, root, validated, (settings, today, check_bodies, extensions), workers)
    for kind, paths in found.items():
        for path in paths:
            shown = shown_path(path, root)
            ident = item_id(path, shown, problems)
            if ident is None:
                continue
            if (kind, ident) in seen:
                problems.error(shown, 1, f"duplicate {kind[:-1]} id '{ident}': {seen[kind, ident]} has the same file name; rename one")
                continue
            seen[kind, ident] = shown
            try:
                raw = path.read_bytes()
            except OSError as exc:
                problems.error(shown, 1, f"cannot read file: {exc.strerror}")
                loader.broken.add((kind, ident))
                continue
            digest = loader.digests[shown] = hashlib.blake2b(raw, digest_size=16).hexdigest()
            key = (kind, ident, shown, digest, settings, today, check_bodies, extensions)
            cached = validated.get(key)
            if cached is None:
                cached = validated[key] = _validate(loader, kind, ident, path, shown, raw, today)
            item = cached.replay(loader)
            if item is not None:
                getattr(briefing, kind)[ident] = item
            else:
                loader.broken.add((kind, ident))
    if len(validated) > 4 * VALIDATED_MAX // 3:  # forget files of earlier versions
        for key in list(validated)[: len(validated) - VALIDATED_MAX]:
            del validated[key]

    index = content_dir / "index.md"
    if index in scanned.files:  # a regular file (a named pipe is never opened)
        shown = shown_path(index, root)
        read = read_front_matter(index, shown, problems) if index.read_bytes().lstrip().startswith(b"---") else None
        briefing.index_body = read[1] if read else index.read_text("utf-8-sig")
        _check_body(loader, briefing.index_body, read[2] if read else Where(shown, 0, problems))
    if loader.bodies is not None:
        items = {path for paths in found.values() for path in paths}
        for page in scanned.files:
            if page.suffix == ".md" and page != index and page not in items:
                _check_page(loader, page, shown_path(page, root))
            elif page.suffix.lower() in STATIC_MARKUP:
                _check_static(loader, page, shown_path(page, root))

    _check_refs(loader, briefing)
    check_within(briefing.places, problems)
    check_across(briefing, loader.refs, problems)
    briefing.digests = loader.digests
    return briefing, problems

@dataclass
class _Validated:
    """One file's result: the item (pickled: every load gets its own copy), and the problems and
    id references it gave. ``briefing serve`` loads after every edit; a file that did not change
    is validated once (the session's BuildCache keeps it)."""

    item: bytes | None
    problems: list
    refs: list[tuple[str, str, str, int, int]]  # kind, id, path, base, line0

    def replay(self, loader: Validator):
        loader.problems.items.extend(self.problems)
        for kind, ident, path, base, line0 in self.refs:
            loader.refs.append(Ref(kind, ident, Where(path, base, loader.problems), line0))
        return pickle.loads(self.item) if self.item is not None else None

VALIDATED_MAX = 50_000  # files kept in a BuildCache


def _prevalidate(found: dict, root: Path, validated: dict, context: tuple, workers: int) -> None:
    """Validate the files whose key is not in ``validated`` in a pool of processes, and put each
    result there under the key :func:`load` looks up (it reads and replays them in its own order)."""
    todo = []
    for kind, paths in found.items():
        for path in paths:
            shown = shown_path(path, root)
            ident = item_id(path, shown, Problems())  # load reports the file names it refuses
            try:
                raw = path.read_bytes()
            except OSError:
                continue  # load reports it
            key = (kind, ident, shown, hashlib.blake2b(raw, digest_size=16).hexdigest(), *context)
            if ident is not None and key not in validated:
                todo.append((key, path, raw))
    if len(todo) < pool.MIN_ITEMS:
        return
    for keys, results in pool.pool_map(_validate_chunk, [(context, chunk) for chunk in pool.chunks(todo)], workers):
        validated.update(zip(keys, results))


def _validate_chunk(task: tuple) -> tuple[list, list]:
    """In a worker: validate a chunk of files (key, path, bytes) with a loader of its own."""
    (settings, today, check_bodies, extensions), chunk = task
    loader = Validator(settings, bodies=BodyChecker(extensions) if check_bodies else None)
    return ([key for key, _, _ in chunk],
            [_validate(loader, key[0], key[1], path, key[2], raw, today) for key, path, raw in chunk])

def _validate(loader: Validator, kind: str, ident: str, path: Path, shown: str, raw: bytes,
              today: dt.date) -> _Validated:
    """Read and validate one file with a loader of its own, to keep what it adds."""
    own = Validator(loader.settings, bodies=loader.bodies)
    item = None
    read = read_front_matter(path, shown, own.problems, raw)
    if read is not None:
        data, body, where = read
        if kind == "articles":
            item = article(own, data, body, where, ident, today)
            check_source_text(data, body, where)
        else:
            f = own.fields(data, schema.KINDS[kind], where, f"an {kind[:-1]}" if kind[0] in "aeiou" else f"a {kind[:-1]}")
            check_matched(own.settings, kind, data, f, where)
            if kind == "places":
                check_place(data, f, where)
            item = BUILDERS[kind](f, ident, shown, body) if ok(f) else None
            if kind == "places" and item is not None:
                item.within_line = where.base + getattr(data, "lines", {}).get("within", 0)
        _check_body(own, body, where)
    refs = [(r.kind, r.id, r.where.path, r.where.base, r.line0) for r in own.refs]
    return _Validated(pickle.dumps(item, pickle.HIGHEST_PROTOCOL) if item is not None else None,
                      list(own.problems.items), refs)

def _check_body(loader: Validator, body: str, where: Where) -> None:
    """Active content in a body (unless trusted_html), each at its file line."""
    if loader.bodies is None:
        return
    for finding in loader.bodies.check(body):
        loader.problems.error(where.path, where.body_line + finding.line - 1, finding.message)


def _check_page(loader: Validator, path: Path, shown: str) -> None:
    """Active content in a page of the content folder that is not an item (about.md, a kind's index.md):
    MkDocs publishes it as it is. Its front matter is MkDocs' own, so only the body is checked."""
    raw = path.read_bytes()
    if raw.lstrip().startswith(b"---"):
        read = read_front_matter(path, shown, Problems(), raw)  # problems of MkDocs' meta are not ours
        if read is None:
            return
        body, where = read[1], Where(shown, read[2].base, loader.problems, read[2].body_line)
    else:
        try:
            body = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            return
        where = Where(shown, 0, loader.problems)
    _check_body(loader, body, where)


# Files MkDocs copies into the site as they are, which a browser runs script in when opened.
STATIC_MARKUP = (".html", ".htm", ".xhtml", ".svg", ".svgz")


def _check_static(loader: Validator, path: Path, shown: str) -> None:
    """Active content in a static HTML or SVG file of the content folder (unless trusted_html)."""
    raw = path.read_bytes()
    if path.suffix.lower() == ".svgz":
        loader.problems.error(shown, 1, "a compressed SVG cannot be checked for script; publish it as .svg"
                                        + HINT)
        return
    text = raw.decode("utf-8", "replace")
    for finding in loader.bodies.check_html(text):
        loader.problems.error(shown, finding.line, finding.message)


def _check_refs(loader: Validator, briefing: Briefing) -> None:
    known = {"actors": briefing.actors, "topics": briefing.topics, "articles": briefing.articles}
    for ref in loader.refs:
        pool = known[ref.kind]
        if ref.id not in pool and (ref.kind, ref.id) not in loader.broken:
            ref.where.error(
                ref.line0,
                f"unknown {ref.kind[:-1]} id '{ref.id}'{did_you_mean(ref.id, pool)}; "
                f"add content/{ref.kind}/{ref.id}.md or fix the id",
            )
