"""``briefing ingest FILE...``: seed documents to draft articles (README: Turn source documents into draft articles)."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import click

from generator.model.dates import DateError, resolve
from generator.model import walk
from generator.model.problems import one_line
from generator.ingest import (
    IngestError,
    ReadError,
    article_id,
    draft_of,
    existing,
    find_project,
    is_draft,
    render,
)
from generator.ingest.duplicates import Corpus
from generator.ingest.markup import web_url
from generator.ingest.report import summary


def _say(text: str, err: bool = False) -> None:
    """Print a line (or lines) of ingest's output with every control character of a seed shown as an
    escape (``\\x1b``): an untrusted seed's title or a file's name must not drive the terminal."""
    click.echo("\n".join(one_line(line) for line in text.split("\n")), err=err)


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


@click.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--date", "date_text", metavar="DATE",
              help="Publication date (2019-04-12 or 12 April 2019). Default: a full date stated in the text.")
@click.option("--source", metavar="NAME", help="Who published it, e.g. Reuters. Default: the page's site name.")
@click.option("--url", metavar="URL", help="Address of the original (http or https).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder to write drafts into. Default: the project's content/articles.")
@click.option("--project", "project_path", type=click.Path(path_type=Path), default=Path("."), show_default=True,
              help="The briefing project (folder with mkdocs.yml or content/) whose actors and topics to use.")
@click.option("--force", is_flag=True,
              help="Replace a draft (a file with draft: true) that already has the same id.")
@click.option("--dry-run", is_flag=True, help="Print what would be inferred; write nothing.")
@click.option("--skip-duplicates", is_flag=True,
              help="Skip a seed whose URL or text matches an article already in content/ (a probable duplicate).")
def ingest(files, date_text, source, url, out_dir, project_path, force, dry_run, skip_duplicates):
    """Turn seed documents (plain text, Markdown or HTML; '-' for standard input) into draft articles.

    Each FILE becomes content/articles/<date>-<title>.md with draft: true and the front matter
    ingest could infer: title, date, source, actors, topics, figures and candidate events.
    Every guess is marked '# inferred: <the words it came from>' for review. Existing files
    are never overwritten, and --force replaces only drafts (draft: true), never a published article.
    """
    project = find_project(project_path)  # a ProjectError is one error line (cli/__init__.py)
    date = None
    if date_text is not None:
        try:
            value = resolve(date_text, project.settings)
        except DateError as exc:
            raise click.BadParameter(str(exc), param_hint="--date") from None
        if value.precision != "day":
            raise click.BadParameter(f"'{date_text}' is not a day; give the full publication date, "
                                     "like 2019-04-12", param_hint="--date")
        date = value.start
    if url is not None and web_url(url) is None:
        raise click.BadParameter(f"{url!r} must start with http:// or https:// and name a host",
                                 param_hint="--url")
    if source is not None and not source.strip():
        raise click.BadParameter("give a name", param_hint="--source")
    if files.count("-") > 1:
        raise click.UsageError("standard input ('-') can be read only once")
    out = out_dir if out_dir is not None else project.articles
    total = len(files)
    written: dict[str, Path] = {}
    failed = skipped = 0
    corpus = Corpus.of(project.articles)
    for n, name in enumerate(files, start=1):
        progress = f"[{n}/{total}] " if total > 1 else ""
        try:
            raw = _read(name, project.root)
            draft = draft_of(raw, name, project, date=date, date_words=date_text or "", source=source, url=url)
        except (ReadError, IngestError) as exc:
            failed += 1
            _say(f"{progress}briefing ingest: {exc}", err=True)
            continue
        for note in draft.notes:
            _say(f"{progress}{note}", err=True)
        ident = article_id(draft.date.value, draft.title.value, name)
        target = out / f"{ident}.md"
        urls = [draft.source.value["url"]] if isinstance(draft.source.value, dict) else []
        twin = corpus.match(urls, draft.body)
        if twin is not None and not (force and twin.path.resolve() == target.resolve()):
            what = "skipped" if skip_duplicates else "written anyway; --skip-duplicates skips it"
            _say(f"{progress}briefing ingest: {name}: probable duplicate of {_shown(twin.path)} "
                       f"({twin.why}); {what}", err=True)
            if skip_duplicates:
                skipped += 1
                continue
        clash = written.get(ident) or existing(project.articles, ident) or existing(out, ident)
        replaceable = (clash is not None and ident not in written and clash.resolve() == target.resolve()
                       and is_draft(clash))
        if clash is not None and not (force and replaceable):
            failed += 1
            if ident in written:
                why, hint = "was written from an earlier file of this run", ""
            elif clash.resolve() != target.resolve():
                why, hint = "already exists", "; ids must be unique, so rename or remove that file first"
            elif not replaceable:
                why, hint = ("already exists and is not a draft (its front matter has no 'draft: true')",
                             "; --force replaces only drafts, so rename or remove that file first")
            else:
                why, hint = "already exists", "; pass --force to replace it"
            _say(f"{progress}briefing ingest: {name}: {_shown(clash)} {why} (id '{ident}'); "
                       f"not overwriting{hint}", err=True)
            continue
        if dry_run:
            _say(f"{progress}{name} -> {_shown(target)} (dry run, not written)")
        else:
            out.mkdir(parents=True, exist_ok=True)
            target.write_text(render(draft), "utf-8")
            written[ident] = target
            corpus.add(target, urls, draft.body)
            _say(f"{progress}{name} -> {_shown(target)} (draft{', replaced' if clash else ''})")
        _say(summary(draft))
    done = total - failed - skipped
    verb = "would write" if dry_run else "wrote"
    _say(f"briefing ingest: {verb} {done} of {total} draft(s)"
               + (f" into {_shown(out)}" if done else "") + (f"; {failed} failed" if failed else "")
               + (f"; {skipped} skipped as probable duplicates" if skipped else ""),
               err=True)
    if failed:
        sys.exit(1)


# a seed larger than this is refused (a link to /dev/zero, a disk image), never read into memory
MAX_SEED_BYTES = 20 * 1024 * 1024


def _read(name: str, root: Path) -> bytes:
    """The bytes of one seed. Only a regular file is read (never a named pipe, device or socket), at most
    MAX_SEED_BYTES; a path through a symbolic link is read only when the link leads inside the project
    (``root``), since seeds are untrusted and git stores links. One ReadError line for anything else."""
    if name == "-":
        stream = sys.stdin.buffer if hasattr(sys.stdin, "buffer") else None
        raw = stream.read(MAX_SEED_BYTES + 1) if stream is not None else sys.stdin.read().encode("utf-8")
        return _capped(raw, name)
    given, real = Path(os.path.abspath(name)), Path(os.path.realpath(name))
    inside = {Path(os.path.abspath(root)), Path(os.path.realpath(root))}
    # the file itself is a link, or a link inside the project (seeds/ -> elsewhere) is on the way
    linked = os.path.islink(given) or (real != given and any(given.is_relative_to(r) for r in inside))
    if linked and not real.is_relative_to(Path(os.path.realpath(root))):
        raise ReadError(f"{name}: leads by a symbolic link to {real}, outside the project; ingest follows links "
                        "only inside the project (give the file itself)")
    try:
        info = real.stat()
        if stat.S_ISDIR(info.st_mode):
            raise ReadError(f"{name}: is a folder; give the files in it (e.g. {name}/*)")
        if not stat.S_ISREG(info.st_mode):
            raise ReadError(f"{name}: is {walk.file_kind(info.st_mode)}, not a regular file; ingest reads files only")
        if info.st_size > MAX_SEED_BYTES:
            raise ReadError(f"{name}: is {info.st_size:,} bytes, larger than the limit of "
                            f"{MAX_SEED_BYTES // (1024 * 1024)} MB for a seed")
        fd = os.open(real, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as stream:
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):  # swapped since the check
                raise ReadError(f"{name}: is not a regular file; ingest reads files only")
            return _capped(stream.read(MAX_SEED_BYTES + 1), name)
    except FileNotFoundError:
        raise ReadError(f"{name}: no such file") from None
    except OSError as exc:
        raise ReadError(f"{name}: cannot read it: {exc.strerror}") from None


def _capped(raw: bytes, name: str) -> bytes:
    if len(raw) > MAX_SEED_BYTES:
        raise ReadError(f"{name}: is larger than the limit of {MAX_SEED_BYTES // (1024 * 1024)} MB for a seed")
    return raw


