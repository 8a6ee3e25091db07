"""Load and validate a content folder into a :class:`Briefing` (spec sections 1-4).

Every problem is collected, never raised: the caller gets the briefing built from
the valid files and the full list of problems, each with its file and line.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import pickle
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.dates import DateError, DateSettings, RelativeDateError, resolve_checked
from generator.derive.mentions import common_word
from generator.model import schema, walk
from generator.model.problems import Problems, did_you_mean
from generator.model.safety import BodyChecker
from generator.model.types import (
    Actor,
    Article,
    Briefing,
    DateValue,
    Event,
    Figure,
    Note,
    Source,
    Topic,
)
from generator.model.yamlload import HANDLER, FrontMatterError, LDict, split

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
KEBAB_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
INVALID = object()
# Characters that XML (feed.xml) and HTML cannot carry: C0 controls but tab, newline and
# carriage return; DEL; lone surrogates; U+FFFE and U+FFFF.
CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
# Names, aliases, titles and keywords are matched in every text, through a pattern nested as
# deep as the longest of them; no real name comes near this.
MATCHED_MAX = 150


@dataclass
class _File:
    """Where we are while validating one file: for messages with a line number."""

    path: str
    base: int  # file line of the opening '---'
    problems: Problems
    body_line: int = 1  # file line of the body's first line

    def error(self, line0: int | None, message: str) -> None:
        self.problems.error(self.path, self.base + (line0 or 0), message)

    def warning(self, line0: int | None, message: str) -> None:
        self.problems.warning(self.path, self.base + (line0 or 0), message)


@dataclass
class _Ref:
    kind: str  # actors, topics, articles
    id: str
    where: _File
    line0: int


@dataclass
class _Loader:
    settings: DateSettings
    problems: Problems = field(default_factory=Problems)
    refs: list[_Ref] = field(default_factory=list)
    broken: set[tuple[str, str]] = field(default_factory=set)  # items whose file has errors
    digests: dict[str, str] = field(default_factory=dict)  # shown path -> hash of the file's bytes
    bodies: BodyChecker | None = None  # None: trusted_html, bodies are not checked

    # ---- reading -------------------------------------------------------------------------

    def read(self, path: Path, shown: str, raw: bytes | None = None) -> tuple[LDict, str, _File] | None:
        where = _File(shown, 0, self.problems)
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
            where.error(1, f"front matter must be a mapping of keys to values, not a {_typename(data)}")
            return None
        return data, body, where

    # ---- validation against the tables of schema.py ---------------------------------------

    def fields(self, data: LDict, table: dict, where: _File, what: str, base: dt.date | None = None) -> dict:
        out: dict = {}
        lines = getattr(data, "lines", {})
        for key in data:
            if key not in table:
                where.warning(
                    lines.get(key, data_line(data)),
                    f"unknown key '{key}' in {what}{did_you_mean(key, table)}; it is ignored",
                )
        for key, spec in table.items():
            if key not in data:
                if spec.required:
                    where.error(data_line(data), f"missing required key '{key}' in {what}")
                    out[key] = INVALID
                continue
            line0 = lines.get(key, data_line(data))
            out[key] = self.value(data[key], spec, key, where, line0, base, getattr(data, "raw", None))
        return out

    def value(self, value, spec: schema.Key, key: str, where: _File, line0: int, base: dt.date | None,
              raw: dict | None = None):
        t = spec.type
        if t == "string":
            if isinstance(value, bool):
                written = raw.get(key, "yes" if value else "no") if raw else ("yes" if value else "no")
                where.error(line0, f"'{key}' was read as {str(value).lower()}; put the text in quotes: {key}: \"{written}\"")
                return INVALID
            if isinstance(value, (int, float, dt.date)):
                where.error(line0, f"'{key}' must be text, not a {_typename(value)}; put it in quotes")
                return INVALID
            if not isinstance(value, str) or not value.strip():
                where.error(line0, f"'{key}' must be non-empty text")
                return INVALID
            if _control(value, key, where, line0):
                return INVALID
            return value.strip()
        if t in ("date", "event-date"):
            try:
                resolved = resolve_checked(value, self.settings, base=base if t == "event-date" else None)
            except RelativeDateError as exc:
                message = str(exc)
                if t == "event-date":  # no base: the article's own date is missing or invalid
                    text = " ".join(str(value).split())
                    message = (f"'{text}' is relative, so it needs the article's 'date' to resolve against; "
                               f"give the article a valid date, or write this one in full (e.g. 12 April 2019)")
                where.error(line0, f"'{key}': {message}")
                return INVALID
            except DateError as exc:
                where.error(line0, f"'{key}': {exc}")
                return INVALID
            if resolved.warning:
                where.warning(line0, f"'{key}': {resolved.warning}")
            return resolved.value
        if t == "bool":
            if not isinstance(value, bool):
                where.error(line0, f"'{key}' must be true or false")
                return INVALID
            return value
        if t == "int":
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                where.error(line0, f"'{key}' must be a whole number >= 0, not {value!r}")
                return INVALID
            return value
        if t == "enum":
            if value not in spec.choices:
                where.error(
                    line0,
                    f"'{key}' must be one of {', '.join(spec.choices)}, not {value!r}{did_you_mean(value, spec.choices)}",
                )
                return INVALID
            return value
        if t == "kebab":
            if not isinstance(value, str) or not KEBAB_RE.fullmatch(value):
                where.error(line0, f"'{key}' must be a lowercase kebab-case id like 'civilians-killed', not {value!r}")
                return INVALID
            return value
        if t in ("ids", "strings", "kebabs"):
            items = self.list_of(value, key, where, line0)
            if items is INVALID:
                return INVALID
            out = []
            item_lines = getattr(value, "lines", [])
            for i, item in enumerate(items):
                iline = item_lines[i] if i < len(item_lines) else line0
                if not isinstance(item, str) or not item.strip():
                    where.error(iline, f"'{key}' items must be text, not {item!r}")
                    continue
                if _control(item, key, where, iline):
                    continue
                if t == "ids" and not ID_RE.fullmatch(item):
                    where.error(iline, f"'{item}' in '{key}' is not a valid id (lowercase letters, digits and hyphens)")
                    continue
                if t == "kebabs" and not KEBAB_RE.fullmatch(item):
                    where.error(iline, f"'{item}' in '{key}' is not a kebab-case figure kind")
                    continue
                if t == "ids":
                    self.refs.append(_Ref(key if key in ("actors", "topics", "articles") else "actors", item, where, iline))
                out.append(item.strip())
            return out
        if t == "sources":
            return self.sources(value, where, line0)
        if t == "events":
            return self.records(value, key, where, line0, schema.EVENT, "an event", base)
        if t == "figures":
            return self.records(value, key, where, line0, schema.FIGURE, "a figure", base)
        raise AssertionError(t)  # pragma: no cover - the tables only use the types above

    def list_of(self, value, key: str, where: _File, line0: int):
        if isinstance(value, list):
            return value
        example = value if isinstance(value, str) else "..."
        where.error(line0, f"'{key}' must be a list; write it as {key}: [{example}]")
        return INVALID

    def records(self, value, key, where, line0, table, what, base):
        items = self.list_of(value, key, where, line0)
        if items is INVALID:
            return INVALID
        out = []
        for i, item in enumerate(items):
            iline = value.lines[i] if i < len(getattr(value, "lines", [])) else line0
            if not isinstance(item, dict):
                where.error(iline, f"each item of '{key}' must be a mapping of keys (like 'date:' and 'title:'), not {_typename(item)}")
                continue
            out.append((self.fields(item, table, where, what, base), data_line(item)))
        return out

    def sources(self, value, where: _File, line0: int):
        items = value if isinstance(value, list) else [value]
        out = []
        for i, item in enumerate(items):
            iline = value.lines[i] if isinstance(value, list) and i < len(value.lines) else line0
            if isinstance(item, str) and item.strip():
                if not _control(item, "source", where, iline):
                    out.append(Source(item.strip()))
            elif isinstance(item, dict):
                f = self.fields(item, schema.SOURCE, where, "a source", None)
                if f["name"] is INVALID or f.get("url") is INVALID:
                    continue
                url = f.get("url")
                if url is not None and not re.match(r"^https?://[^\s/$.?#][^\s]*$", url, re.I):
                    where.error(item.lines.get("url", iline), f"source url must start with http:// or https://, not {url!r}")
                    continue
                out.append(Source(f["name"], url))
            else:
                where.error(iline, "'source' must be a name, {name: ..., url: ...}, or a list of them")
        if not out:
            return INVALID
        return out


def data_line(data) -> int:
    return getattr(data, "line", 0)


def _control(text: str, key: str, where: _File, line0: int) -> bool:
    """Report a character that a page or feed.xml cannot carry; True if there is one."""
    m = CONTROL_RE.search(text)
    if m is None:
        return False
    where.error(line0, f"'{key}' contains the control character U+{ord(m.group()):04X}, which web pages and "
                       f"feed.xml cannot carry; remove it (it often comes with text pasted from a PDF or a terminal)")
    return True


def _typename(value) -> str:
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


def _ok(values: dict) -> bool:
    return all(v is not INVALID for v in values.values())


def _figure(f: dict, article: str, event: str | None, default_date: DateValue, line: int) -> Figure:
    return Figure(
        kind=f["kind"],
        value=f["value"],
        source=f["source"],
        as_of=f.get("as_of") or default_date,
        qualifier=f.get("qualifier") or "exact",
        scope=f.get("scope"),
        article=article,
        event=event,
        line=line,
    )


def _figures(records, where: _File, article: str, event: str | None, default_date: DateValue) -> list[Figure]:
    return [
        _figure(f, article, event, default_date, where.base + line0)
        for f, line0 in records or []
        if _ok(f)
    ]


def _events(records, where: _File, article_id: str, article_date: DateValue, settings) -> list[Event]:
    events = []
    for n, (f, line0) in enumerate(records or [], start=1):
        if not _ok(f):
            continue
        date: DateValue = f["date"]
        end: DateValue | None = f.get("end")
        precision = f.get("precision") or date.precision
        if end is not None and (end.end or end.start) < date.start:
            where.error(line0, f"event ends ({end.end or end.start}) before it starts ({date.start})")
            continue
        last = end.end or end.start if end is not None else date.end
        date = DateValue(date.start, precision, last, date.text)
        if date.start > article_date.start:
            where.warning(line0, f"event '{f['title']}' is dated {date.start}, after its article ({article_date.start})")
        entry_id = f"{article_id}--{n}"
        events.append(
            Event(
                id=entry_id,
                article=article_id,
                date=date,
                title=f["title"],
                summary=f.get("summary") or "",
                status=f.get("status") or "reported",
                place=f.get("place"),
                declared_actors=f.get("actors") or [],
                declared_topics=f.get("topics") or [],
                figures=_figures(f.get("figures"), where, article_id, entry_id, date),
                line=where.base + line0,
            )
        )
    return events


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
KIND_FOLDERS = {"articles": True, "notes": True, "actors": False, "topics": False}


def discover(content_dir: Path, scanned: walk.Scan | None = None) -> dict[str, list[Path]]:
    """The content files of each kind, sorted, as spec section 1 lays them out.

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
    a backup x.md~): Briefing would not read them, and MkDocs would publish them as they are."""
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
        else:
            out.append((path, f"a backup copy of '{name}' in {folder}/ would be published as it is, drafts and "
                              "all; remove it"))
    return out


def load(content_dir: Path | str, settings: DateSettings = DateSettings(), *, root: Path | str | None = None,
         today: dt.date | None = None, check_bodies: bool = True) -> tuple[Briefing, Problems]:
    """Load every content file under ``content_dir``.

    Paths in problems are shown relative to ``root`` (default: the content folder's parent).
    Bodies are checked for active content (:mod:`generator.model.safety`) unless ``check_bodies``
    is false (``trusted_html: true``).
    """
    content_dir = Path(content_dir)
    root = Path(root) if root is not None else content_dir.parent
    loader = _Loader(settings, bodies=BodyChecker() if check_bodies else None)
    problems = loader.problems
    briefing = Briefing()
    seen: dict[tuple[str, str], str] = {}
    today = today or dt.date.today()

    scanned = walk.scan(content_dir)
    for path, message in scanned.problems + misnamed(content_dir, scanned):
        problems.error(_shown(path, root), 1, message)
    for kind, paths in discover(content_dir, scanned).items():
        for path in paths:
            shown = _shown(path, root)
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
            key = (kind, ident, shown, digest, settings, today, check_bodies)
            cached = _VALIDATED.get(key)
            if cached is None:
                cached = _VALIDATED[key] = _validate(loader, kind, ident, path, shown, raw, today)
            item = cached.replay(loader)
            if item is not None:
                getattr(briefing, kind)[ident] = item
            else:
                loader.broken.add((kind, ident))
    if len(_VALIDATED) > 4 * _VALIDATED_MAX // 3:  # forget files of earlier versions
        for key in list(_VALIDATED)[: len(_VALIDATED) - _VALIDATED_MAX]:
            del _VALIDATED[key]

    index = content_dir / "index.md"
    if index in scanned.files:  # a regular file (a named pipe is never opened)
        shown = _shown(index, root)
        read = loader.read(index, shown) if index.read_bytes().lstrip().startswith(b"---") else None
        briefing.index_body = read[1] if read else index.read_text("utf-8-sig")
        _check_body(loader, briefing.index_body, read[2] if read else _File(shown, 0, problems))

    _check_refs(loader, briefing)
    briefing.digests = loader.digests
    return briefing, problems


@dataclass
class _Validated:
    """One file's result: the item (pickled: every load gets its own copy), and the problems and
    id references it gave. ``briefing build`` loads twice (check, then build) and ``briefing serve``
    loads after every edit; a file that did not change is validated once."""

    item: bytes | None
    problems: list
    refs: list[tuple[str, str, str, int, int]]  # kind, id, path, base, line0

    def replay(self, loader: _Loader):
        loader.problems.items.extend(self.problems)
        for kind, ident, path, base, line0 in self.refs:
            loader.refs.append(_Ref(kind, ident, _File(path, base, loader.problems), line0))
        return pickle.loads(self.item) if self.item is not None else None


_VALIDATED: dict[tuple, _Validated] = {}
_VALIDATED_MAX = 50_000


def _validate(loader: _Loader, kind: str, ident: str, path: Path, shown: str, raw: bytes,
              today: dt.date) -> _Validated:
    """Read and validate one file with a loader of its own, to keep what it adds."""
    own = _Loader(loader.settings, bodies=loader.bodies)
    item = None
    read = own.read(path, shown, raw)
    if read is not None:
        data, body, where = read
        if kind == "articles":
            item = _article(own, data, body, where, ident, today)
        else:
            f = own.fields(data, schema.KINDS[kind], where, f"an {kind[:-1]}" if kind[0] in "aeiou" else f"a {kind[:-1]}")
            if kind in _MATCHED:
                _matched_words(own, kind, data, f, where)
            item = _BUILDERS[kind](f, ident, shown, body) if _ok(f) else None
        _check_body(own, body, where)
    refs = [(r.kind, r.id, r.where.path, r.where.base, r.line0) for r in own.refs]
    return _Validated(pickle.dumps(item, pickle.HIGHEST_PROTOCOL) if item is not None else None,
                      list(own.problems.items), refs)


def _check_body(loader: _Loader, body: str, where: _File) -> None:
    """Active content in a body (unless trusted_html), each at its file line."""
    if loader.bodies is None:
        return
    for finding in loader.bodies.check(body):
        loader.problems.error(where.path, where.body_line + finding.line - 1, finding.message)


# Per kind: the single word key and the list key whose words are matched in every text.
_MATCHED = {"actors": ("name", "aliases", "actor", "alias"), "topics": ("title", "keywords", "topic", "keyword")}


def _matched_words(loader: _Loader, kind: str, data, f: dict, where: _File) -> None:
    """Names, aliases, titles and keywords find mentions in every text: refuse what would break
    the matching (a word of 1,000 characters), warn about what would match nearly everywhere."""
    one, many, what, item = _MATCHED[kind]
    lines = getattr(data, "lines", {})
    if isinstance(f.get(one), str) and len(f[one]) > MATCHED_MAX:
        where.error(lines.get(one, 0), f"'{one}' is {len(f[one])} characters long; it is matched in every text, "
                                       f"so keep it to at most {MATCHED_MAX}")
        f[one] = INVALID
    words = data.get(many)
    if not isinstance(words, list) or f.get(many) is INVALID:
        return
    kept = []
    for i, word in enumerate(words):
        line0 = words.lines[i] if i < len(getattr(words, "lines", [])) else lines.get(many, 0)
        if not isinstance(word, str) or word.strip() not in (f.get(many) or []):
            continue  # already reported
        word = word.strip()
        if len(word) > MATCHED_MAX:
            where.error(line0, f"{item} of {len(word)} characters in '{many}'; {many} are matched in every "
                               f"text, so keep each to at most {MATCHED_MAX}")
            continue
        kept.append(word)
        why = common_word(word, loader.settings.languages)
        if why:
            where.warning(line0, f"{item} '{word}' is {why}: it would tie this {what} to nearly every article; "
                                 f"remove it or make it longer" + (" (or write an acronym in capitals: capitals "
                                 f"match only capitals)" if len(word) < 3 else ""))
    f[many] = kept


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _article(loader: _Loader, data, body, where: _File, ident: str, today: dt.date) -> Article | None:
    # The publication date comes first: event dates are relative to it.
    head = {k: data[k] for k in ("date",) if k in data}
    lines = getattr(data, "lines", {})
    date = None
    if "date" in head:
        date = loader.value(head["date"], schema.ARTICLE["date"], "date", where, lines.get("date", 0), None)
    rest = LDict({k: v for k, v in data.items() if k != "date"})
    rest.line, rest.lines = data_line(data), {k: v for k, v in lines.items() if k != "date"}
    rest.raw = getattr(data, "raw", {})
    table = {k: v for k, v in schema.ARTICLE.items() if k != "date"}
    f = loader.fields(rest, table, where, "an article", base=date.start if isinstance(date, DateValue) else None)
    if "date" not in data:
        where.error(data_line(data), "missing required key 'date' in an article")
        return None
    if date is INVALID or not _ok({k: f[k] for k in ("title", "source")}):
        return None
    if date.start > today:
        where.warning(lines.get("date", 0), f"publication date {date.start} is in the future")
    events = _events(f.get("events") if f.get("events") is not INVALID else None, where, ident, date, loader.settings)
    figures = f.get("figures")
    return Article(
        id=ident,
        path=where.path,
        title=f["title"],
        date=date,
        sources=f["source"],
        body=body,
        summary=_opt(f.get("summary")),
        declared_actors=_opt(f.get("actors")) or [],
        declared_topics=_opt(f.get("topics")) or [],
        places=_opt(f.get("places")) or [],
        events=events,
        figures=_figures(_opt(figures), where, ident, None, date),
        draft=bool(_opt(f.get("draft"))),
    )


def _opt(value):
    return None if value is INVALID else value


def _note(f, ident, path, body) -> Note:
    return Note(ident, path, f["title"], f["date"], f["author"], body, f.get("kind") or "context",
                f.get("actors") or [], f.get("topics") or [], f.get("articles") or [])


def _actor(f, ident, path, body) -> Actor:
    return Actor(ident, path, f["name"], body, f.get("kind") or "other", f.get("aliases") or [],
                 f.get("affiliation") or [], f.get("role"), f.get("country"))


def _topic(f, ident, path, body) -> Topic:
    return Topic(ident, path, f["title"], body, f.get("keywords") or [], f.get("figures") or [], f.get("summary"))


_BUILDERS = {"notes": _note, "actors": _actor, "topics": _topic}


def _check_refs(loader: _Loader, briefing: Briefing) -> None:
    known = {"actors": briefing.actors, "topics": briefing.topics, "articles": briefing.articles}
    for ref in loader.refs:
        pool = known[ref.kind]
        if ref.id not in pool and (ref.kind, ref.id) not in loader.broken:
            ref.where.error(
                ref.line0,
                f"unknown {ref.kind[:-1]} id '{ref.id}'{did_you_mean(ref.id, pool)}; "
                f"add content/{ref.kind}/{ref.id}.md or fix the id",
            )
