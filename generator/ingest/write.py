"""Writing a draft: the article id, and front matter in which every guess carries
``# inferred: <the words it came from>`` (values from the command line carry ``# given:``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import textwrap
from pathlib import Path, PurePath

import yaml

from generator.model.text import fold_only
from generator.ingest.infer import Draft, Value
from generator.model import sourcetext, yamlload
from generator.ingest.markup import escape_text
from generator.ingest.text import clip, sentences

ID_MAX = 80
_PLAIN = re.compile(r"^[a-z][a-z0-9-]*$")
_YAML_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "nan", "inf"}


def slug(text: str) -> str:
    text = re.sub(r"['’ʼ‘`]", "", fold_only(text))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def article_id(date: dt.date, title: str, fallback: str = "") -> str:
    """``<yyyy-mm-dd>-<title words>``, at most 80 characters, cut at a word."""
    prefix = date.isoformat()
    words = slug(title) or slug(PurePath(fallback).stem if fallback and fallback != "-" else "") or "article"
    room = ID_MAX - len(prefix) - 1
    if len(words) > room:
        cut = words[: room + 1]
        words = cut.rsplit("-", 1)[0] if "-" in cut else cut[:room]
    return f"{prefix}-{words.strip('-')}"


def printable(text: str) -> str:
    """The text on one line, without what YAML refuses to read (controls, DEL, C1, U+FFFE/U+FFFF)."""
    text = " ".join(str(text).split())
    return "".join(ch for ch in text if not (ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 or ch in "\ufffe\uffff"))


def scalar(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = printable(value)
    if _PLAIN.match(text) and text not in _YAML_WORDS:
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _comment(value: Value | None = None, *, evidence: str = "", given: bool = False) -> str:
    if value is not None:
        evidence, given = value.evidence, value.given
    evidence = printable(evidence)
    if len(evidence) > 160:
        evidence = evidence[:159].rstrip() + "…"
    return f"  # {'given' if given else 'inferred'}: {evidence}"


def _quote(words: str) -> str:
    return f'"{printable(words)}"'


def front_matter(draft: Draft) -> str:
    lines = [
        "---",
        f"# Draft written by `briefing ingest` from {printable(draft.name)}. "
        "Every value marked \"# inferred:\" is a guess,",
        "# followed by the words it came from: check each one against the text below, then remove 'draft: true'.",
        f"title: {scalar(draft.title.value)}{_comment(draft.title)}",
        f"date: {scalar(draft.date.value)}{_comment(draft.date)}",
    ]
    src = draft.source.value
    if isinstance(src, dict):
        lines.append(f"source:{_comment(draft.source)}")
        lines.append(f"  name: {scalar(src['name'])}")
        lines.append(f"  url: {scalar(src['url'])}")
    else:
        lines.append(f"source: {scalar(src)}{_comment(draft.source)}")
    lines.append("draft: true")
    if draft.summary is not None:
        lines.append(f"summary: {scalar(draft.summary.value)}{_comment(draft.summary)}")
    if draft.actors:
        lines.append("actors:")
        lines.extend(f"  - {scalar(a)}{_comment(evidence=ev)}" for a, ev in draft.actors)
    if draft.topics:
        lines.append("topics:")
        lines.extend(f"  - {scalar(t)}{_comment(evidence=ev)}" for t, ev in draft.topics)
    if draft.figures:
        lines.append("figures:")
        for f in draft.figures:
            lines.append(f"  - kind: {scalar(f.kind)}{_comment(evidence=_quote(f.words))}")
            lines.append(f"    value: {f.value}{_comment(evidence=_quote(f.number))}")
            qualifier = _quote(f.qualifier_words) if f.qualifier_words else "no qualifier before the number"
            lines.append(f"    qualifier: {f.qualifier}{_comment(evidence=qualifier)}")
            source = f.source_evidence if f.source_undecided else _quote(f.source_evidence)
            if f.source_undecided:
                source = "UNDECIDED, " + source
            lines.append(f"    source: {scalar(f.source)}{_comment(evidence=source)}")
            lines.append(f"    as_of: {scalar(f.as_of)}{_comment(evidence=f.as_of_evidence)}")
            if f.scope:
                lines.append(f"    scope: {scalar(f.scope)}{_comment(evidence=_quote(f.scope_words))}")
    if draft.events:
        lines.append("events:")
        for e in draft.events:
            lines.append(f"  - date: {scalar(e.date.written)}{_comment(evidence=f'{_quote(e.expression)} = {e.date.note}')}")
            if e.date.precision:
                lines.append(f"    precision: {e.date.precision}{_comment(evidence=_quote(e.expression))}")
            lines.append(f"    title: {scalar(e.title)}{_comment(evidence='the sentence, shortened')}")
            lines.append(f"    summary: {scalar(e.summary)}{_comment(evidence='the sentence with the date')}")
    lines.append("---")
    text = "\n".join(lines) + "\n"
    data = yaml.safe_load("\n".join(lines[1:-1]))  # what we write must read back as what we meant
    if not isinstance(data, dict) or data.get("draft") is not True or "title" not in data:
        raise AssertionError("ingest wrote front matter that does not read back")  # pragma: no cover
    return text


def render(draft: Draft) -> str:
    """Front matter, a short summary, and the seed's text in a marked block: it is wire copy, to be
    rewritten before publishing (``briefing check`` warns while a published article holds it)."""
    block = f'!!! {sourcetext.KIND} "{sourcetext.TITLE}"\n\n' + textwrap.indent(draft.body.strip("\n"), "    ")
    return front_matter(draft) + "\n" + short_summary(draft) + "\n\n" + block + "\n"


def short_summary(draft: Draft) -> str:
    """The first sentence of the summary ingest found, escaped; or a line asking for one."""
    if draft.summary is None:
        return "*Summary: to be written.*"
    first = sentences(str(draft.summary.value))
    text = clip(first[0].text if first else draft.summary.value, 240)
    return escape_text(text, at_start=True)


def is_draft(path: Path) -> bool:
    """Whether the file's front matter says ``draft: true`` (read with the hardened loader of content).

    A file that cannot be read, or whose front matter does not say so, is not a draft.
    """
    try:
        fm, _body, _line = yamlload.split(path.read_text("utf-8"))
        if fm is None:
            return False
        data, _duplicates = yamlload.HANDLER.load(fm)
    except (OSError, UnicodeDecodeError, ValueError, RecursionError, MemoryError):
        return False
    return isinstance(data, dict) and data.get("draft") is True


def existing(articles: Path, ident: str) -> Path | None:
    """An article with this id anywhere under the articles folder (ids are unique across sub-folders)."""
    if not articles.is_dir():
        return None
    for path in articles.rglob(f"{ident}.md"):
        return path
    return None
