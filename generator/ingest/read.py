"""Reading a seed document: plain text, Markdown or HTML, into plain text.

HTML goes through :class:`html.parser.HTMLParser` (never regular expressions):
scripts, styles, navigation and footers are dropped, block elements become
paragraphs, entities are decoded. A few ``<meta>`` values (publication time,
site name, canonical URL) are kept as evidence for the front matter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import PurePath

from generator.errors import BriefingError


class ReadError(BriefingError, ValueError):
    """A document that cannot be ingested; the message says why and what to do."""


@dataclass
class Document:
    name: str  # how to show it: a path, or "-" for standard input
    kind: str  # "text", "markdown" or "html"
    text: str  # plain text: paragraphs separated by blank lines
    body: str  # what goes below the front matter (the source text, raw HTML escaped)
    title: str | None = None  # a title the document states (HTML <h1>/<title>, Markdown front matter)
    title_evidence: str = ""
    meta: dict[str, str] = field(default_factory=dict)  # published, site_name, url, date (front matter)


_MAGIC = {
    b"%PDF": "a PDF file",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or a Word/OpenDocument file)",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Word/Excel file",
}
_HTML_SNIFF = re.compile(r"<(?:!doctype\s+html|html|head|body|article|p|div|h[1-6])[\s>]", re.I)


def read_bytes(raw: bytes, name: str) -> Document:
    """Decode and extract one document; raise :class:`ReadError` with a clear message."""
    for magic, what in _MAGIC.items():
        if raw.startswith(magic):
            raise ReadError(f"{name}: this is {what}, not text; convert it to text, Markdown or HTML first")
    head = raw[:8192]
    if b"\x00" in head:
        raise ReadError(f"{name}: this is a binary file, not text; ingest reads plain text, Markdown or HTML")
    kind = _kind(name, raw)
    text = _decode(raw, name, kind)
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > max(8, len(text[:8192]) // 100):
        raise ReadError(f"{name}: this looks like a binary file (control characters), not text")
    if not text.strip():
        raise ReadError(f"{name}: the file is empty; there is nothing to ingest")
    if kind == "html":
        doc = _from_html(text, name)
    elif kind == "markdown":
        doc = _from_markdown(text, name)
    else:
        doc = Document(name, "text", _normalise(text), escape_html(_normalise(text)))
    if not doc.text.strip():
        raise ReadError(f"{name}: no text found in the document (only markup?); there is nothing to ingest")
    return doc


def _kind(name: str, raw: bytes) -> str:
    suffix = PurePath(name).suffix.lower()
    if suffix in (".html", ".htm", ".xhtml"):
        return "html"
    if suffix in (".md", ".markdown", ".mdown"):
        return "markdown"
    sniff = raw[:2048].decode("utf-8", "replace").lstrip()
    if sniff.startswith("<") and _HTML_SNIFF.search(sniff):
        return "html"
    return "text"


def _decode(raw: bytes, name: str, kind: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if kind == "html":
            m = re.search(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", raw[:4096], re.I)
            if m:
                try:
                    return raw.decode(m[1].decode("ascii"))
                except (LookupError, UnicodeDecodeError):
                    pass
        line = raw[: exc.start].count(b"\n") + 1
        raise ReadError(
            f"{name}: line {line}: not valid UTF-8 (byte {raw[exc.start]:#04x}); save the file as UTF-8 text"
        ) from None


def _normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n") + "\n"


def escape_html(text: str) -> str:
    """Escape what would let raw HTML through Markdown: every '<' (and a bare '&' before it)."""
    return text.replace("<", "&lt;")


# ---- Markdown -----------------------------------------------------------------------------

_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*\n", re.S)
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARKS = re.compile(r"(?<!\w)[*_]{1,3}|[*_]{1,3}(?!\w)|`+")
_JS_LINK = re.compile(r"\]\(\s*(?:javascript|vbscript|data):[^)]*\)", re.I)


def _from_markdown(text: str, name: str) -> Document:
    text = _normalise(text)
    meta: dict[str, str] = {}
    title = None
    evidence = ""
    m = _FRONT.match(text)
    if m:
        import yaml

        try:
            data = yaml.safe_load(m[1])
        except yaml.YAMLError:
            data = None
        if isinstance(data, dict):
            if isinstance(data.get("title"), str) and data["title"].strip():
                title = " ".join(data["title"].split())
                evidence = "title: in the document's own front matter"
            if data.get("date") is not None:
                meta["date"] = str(data["date"])
        text = text[m.end():]
    plain_lines = []
    in_code = False
    for line in text.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
            continue
        if in_code:
            plain_lines.append(line)
            continue
        plain_lines.append(markdown_line_to_text(line))
    plain = "\n".join(plain_lines)
    plain = _strip_tags_keep_text(plain)
    body = _JS_LINK.sub("](#)", escape_html(text))
    return Document(name, "markdown", _normalise(plain), body, title, evidence, meta)


def markdown_line_to_text(line: str) -> str:
    line = re.sub(r"^\s{0,3}#{1,6}\s+", "", line)  # heading marks
    line = re.sub(r"\s+#+\s*$", "", line)
    line = re.sub(r"^\s{0,3}>\s?", "", line)  # quotes
    line = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", line)  # list marks
    line = _MD_LINK.sub(r"\1", line)
    return _MD_MARKS.sub("", line)


def _strip_tags_keep_text(text: str) -> str:
    """Inline HTML in Markdown: keep the text, drop the tags and what scripts contain."""
    if "<" not in text:
        return text
    parser = _TextExtractor()
    parser.feed(text)
    parser.close()
    return "\n\n".join(parser.blocks())


# ---- HTML ---------------------------------------------------------------------------------

_SKIP = {"script", "style", "noscript", "template", "svg", "nav", "footer", "aside", "form", "iframe",
         "button", "select", "object", "canvas", "math"}
_BLOCK = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table", "section",
          "article", "header", "main", "blockquote", "figcaption", "figure", "pre", "dd", "dt", "dl", "hr",
          "address"}
_VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"}


class _TextExtractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self._blocks: list[str] = []
        self._current: list[str] = []
        self._skip: list[str] = []  # stack of skipped open elements
        self.title = ""
        self._in_title = False
        self.h1 = ""
        self._h1: list[str] | None = None
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attrs = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            self._meta(attrs)
            return
        if tag == "title":
            self._in_title = True
            return
        if tag == "time" and attrs.get("datetime") and "time" not in self.meta:
            self.meta["time"] = attrs["datetime"]
        if tag in _SKIP:
            if tag not in _VOID:
                self._skip.append(tag)
            return
        if tag in _BLOCK:
            self._flush()
        if tag == "h1" and self._h1 is None and not self.h1:
            self._h1 = []

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
            return
        if self._skip and tag == self._skip[-1]:
            self._skip.pop()
            return
        if self._skip and tag in self._skip:
            while self._skip and self._skip.pop() != tag:
                pass
            return
        if tag in _BLOCK:
            self._flush()
        if tag == "h1" and self._h1 is not None:
            self.h1 = " ".join("".join(self._h1).split())
            self._h1 = None

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in _BLOCK:
            self._flush()

    def handle_data(self, data):
        if self._in_title:
            self.title += data
            return
        if self._skip:
            return
        parts = re.split(r"\n[ \t]*\n", data)  # blank lines in text (Markdown with inline HTML) end a block
        for i, part in enumerate(parts):
            if i:
                self._flush()
            self._current.append(part)
        if self._h1 is not None:
            self._h1.append(data)

    def _meta(self, attrs):
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        value = " ".join(attrs.get("content", "").split())
        if not value:
            return
        names = {
            "article:published_time": "published",
            "datepublished": "published",
            "date": "published",
            "dc.date": "published",
            "og:site_name": "site_name",
            "og:url": "url",
            "og:title": "og_title",
        }
        if key in names and names[key] not in self.meta:
            self.meta[names[key]] = value

    def _flush(self):
        text = " ".join("".join(self._current).split())
        if text:
            self._blocks.append(text)
        self._current = []

    def blocks(self) -> list[str]:
        self._flush()
        return self._blocks


def _from_html(text: str, name: str) -> Document:
    parser = _TextExtractor()
    try:
        parser.feed(text)
        parser.close()
    except Exception as exc:  # html.parser is lenient; this is a last resort
        raise ReadError(f"{name}: cannot read this HTML: {exc}") from None
    blocks = parser.blocks()
    plain = "\n\n".join(blocks) + "\n" if blocks else ""
    meta = dict(parser.meta)
    if "published" not in meta and "time" in meta:
        meta["published"] = meta["time"]
    title, evidence = None, ""
    if parser.h1:
        title, evidence = parser.h1, "the page's first <h1>"
    elif " ".join(parser.title.split()):
        title, evidence = " ".join(parser.title.split()), "the page's <title>"
    return Document(name, "html", plain, escape_html(plain), title, evidence, meta)
