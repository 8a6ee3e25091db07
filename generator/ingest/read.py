"""Reading a seed document: plain text, Markdown or HTML, into plain text and a safe body.

Every seed is untrusted. It becomes paragraphs of plain text whose runs may carry a link's URL
(:mod:`.markup`), and the draft's body is written from those, escaped, with http, https and
mailto links only:

- text: its paragraphs;
- Markdown: front matter read with the hardened loader of content (:mod:`generator.model.yamlload`:
  no aliases, tags or merge keys); the rest converted by Python-Markdown (unless its '[' would make
  that slow, see :mod:`.guard`: then it is read as plain text, with a note) with raw HTML left as text
  (so a ``<script>`` in a Markdown seed shows, escaped, in the draft), then read as HTML;
- HTML: cleaned by nh3 (scripts, styles, navigation, footers and their content dropped, no
  attribute but a link's href, no URL scheme but http, https, mailto), then read with
  :class:`html.parser.HTMLParser` (never regular expressions; never on markup nh3 has not
  rewritten, since html.parser is slow on some malformed shapes): block elements become paragraphs,
  entities are decoded. A few ``<meta>`` values (publication time, site name, canonical URL) of
  the page (by nh3 too) are kept as evidence for the front matter.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import PurePath

import markdown
import nh3

from generator.errors import BriefingError
import generator.ingest.markup as markup
from generator.ingest.guard import slow_for_markdown
from generator.ingest.markup import Block
from generator.ingest.webpage import META_NAMES, main_content, page_elements
from generator.model import yamlload



class ReadError(BriefingError, ValueError):
    """A document that cannot be ingested; the message says why and what to do."""


@dataclass
class Document:
    name: str  # how to show it: a path, or "-" for standard input
    kind: str  # "text", "markdown" or "html"
    text: str  # plain text: paragraphs separated by blank lines
    body: str  # what goes below the front matter: the text escaped, allowed links only (see .markup)
    title: str | None = None  # a title the document states (HTML <h1>/<title>, Markdown front matter)
    title_evidence: str = ""
    meta: dict[str, str] = field(default_factory=dict)  # published, site_name, url, date (front matter)
    notes: list[str] = field(default_factory=list)  # "path:line: warning: ..." for what ingest left out


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
        plain = _normalise(text)
        doc = Document(name, "text", plain, _plain_body(plain))
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


def _plain_body(text: str) -> str:
    return markup.body_markdown([markup.normalise([(b, None)]) for b in re.split(r"\n\s*\n", text)])


def _normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n") + "\n"


# ---- Markdown -----------------------------------------------------------------------------

# how a seed's Markdown is read: the site's extensions (so its links are those the site would make) and fenced code
_MD_EXTENSIONS = ["attr_list", "tables", "admonition", "fenced_code"]


def _from_markdown(text: str, name: str) -> Document:
    text = _normalise(text)
    meta: dict[str, str] = {}
    notes: list[str] = []
    title = None
    evidence = ""
    data, text = _front_matter(text, name, notes)
    if data is not None:
        if isinstance(data.get("title"), str) and data["title"].strip():
            title = " ".join(data["title"].split())
            evidence = "title: in the document's own front matter"
        if isinstance(data.get("date"), (str, int, dt.date)) and not isinstance(data.get("date"), bool):
            meta["date"] = str(data["date"])
    md = markdown.Markdown(extensions=_MD_EXTENSIONS)
    md.preprocessors.deregister("html_block")  # raw HTML stays text: it shows, escaped, in the body
    md.inlinePatterns.deregister("html")
    why = "too many '[' for its length (Python-Markdown would take minutes)" if slow_for_markdown(text) else ""
    try:
        html_text = "" if why else md.convert(text)
    except Exception as exc:  # e.g. RecursionError on '1. ' repeated on one line (nested lists)
        why = f"Python-Markdown cannot read it ({type(exc).__name__})"
    if why:  # pathological markup: read as plain text, with a note
        notes.append(f"{name}:1: warning: {why}; read as plain text, so its links and formatting are text")
        return Document(name, "markdown", text, _plain_body(text), title, evidence, meta, notes)
    blocks = _html_blocks(html_text)
    plain = "\n\n".join(markup.block_text(b) for b in blocks)
    plain = _strip_tags_keep_text(plain)  # for inference, inline HTML is markup: its text only
    return Document(name, "markdown", _normalise(plain), markup.body_markdown(blocks), title, evidence, meta, notes)


def _front_matter(text: str, name: str, notes: list[str]) -> tuple[dict | None, str]:
    """(the seed's front matter, the text below it), read by the hardened loader of content
    (no aliases, tags or merge keys); bad front matter is left out with a one-line note."""
    def note(line: int, message: str) -> None:
        notes.append(f"{name}:{line}: warning: the seed's front matter is not used: {message}")

    try:
        fm, body, opening = yamlload.split(text)
    except yamlload.FrontMatterError as exc:
        note(1, str(exc))
        return None, text
    if fm is None:
        return None, text
    try:
        data, _duplicates = yamlload.HANDLER.load(fm)
    except yamlload.FrontMatterError as exc:
        note(opening + exc.line, str(exc))
        return None, body
    except (ValueError, RecursionError, MemoryError) as exc:  # the loader's limits, whatever they raise
        note(opening, f"{type(exc).__name__}: {exc}")
        return None, body
    if data is not None and not isinstance(data, dict):
        note(opening, "it is not a mapping of keys")
        return None, body
    return data, body


def _strip_tags_keep_text(text: str) -> str:
    """Inline HTML in Markdown: keep the text, drop the tags and what scripts contain."""
    if "<" not in text:
        return text
    parser = _TextExtractor()
    parser.feed(_clean_html(text))  # nh3 first: html.parser alone is slow on some shapes ('<a ' repeated)
    parser.close()
    return "\n\n".join(parser.blocks())


# ---- HTML ---------------------------------------------------------------------------------

_SKIP = {"script", "style", "noscript", "template", "svg", "nav", "footer", "aside", "form", "iframe",
         "button", "select", "object", "canvas", "math"}
_BLOCK = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table", "section",
          "article", "header", "main", "blockquote", "figcaption", "figure", "pre", "dd", "dt", "dl", "hr",
          "address"}
_VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"}

# nh3 (the Ammonia sanitiser) keeps these elements, drops the others but keeps their text, and drops
# _CLEAN_CONTENT with their content; no attribute but a link's href survives, and no URL scheme
# but http, https and mailto
_CLEAN_CONTENT = _SKIP | {"title", "textarea", "noembed", "noframes", "xmp"}
_KEEP = (_BLOCK | {"a", "td", "th"}) - _CLEAN_CONTENT


def _clean_html(text: str) -> str:
    return nh3.clean(text, tags=_KEEP, clean_content_tags=_CLEAN_CONTENT, attributes={"a": {"href"}},
                     url_schemes=set(markup.ALLOWED_SCHEMES), strip_comments=True, link_rel=None)


class _TextExtractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self._blocks: list[Block] = []
        self._current: list[markup.Segment] = []  # (text, the URL of the link it is in)
        self._href: str | None = None
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
        if tag == "a":
            self._href = attrs.get("href") or None
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
        if tag == "a":
            self._href = None
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
            self._current.append((part, self._href))
        if self._h1 is not None:
            self._h1.append(data)

    def _meta(self, attrs):
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        value = " ".join(attrs.get("content", "").split())
        if not value:
            return
        if key in META_NAMES and META_NAMES[key] not in self.meta:
            self.meta[META_NAMES[key]] = value

    def _flush(self):
        block = markup.normalise(self._current)
        if block:
            self._blocks.append(block)
        self._current = []

    def segments(self) -> list[Block]:
        """The paragraphs, each as runs of text with the URL of the link they are in (or None)."""
        self._flush()
        return self._blocks

    def blocks(self) -> list[str]:
        """The paragraphs as plain text."""
        return [markup.block_text(b) for b in self.segments()]


def _html_blocks(text: str) -> list[Block]:
    """Paragraphs (runs of text and links) of an HTML fragment or page, cleaned by nh3 first."""
    parser = _TextExtractor()
    parser.feed(_clean_html(text))
    parser.close()
    return parser.segments()


def _from_html(text: str, name: str) -> Document:
    parser = _TextExtractor()  # the page's title, first <h1> and <meta> values
    main, found = main_content(text)
    try:
        parser.feed(page_elements(text, _SKIP))
        parser.close()
        blocks = _html_blocks(main or text)  # its text and allowed links, from the cleaned article
    except Exception as exc:  # html.parser is lenient; this is a last resort
        raise ReadError(f"{name}: cannot read this HTML: {exc}") from None
    plain = "\n\n".join(markup.block_text(b) for b in blocks) + "\n" if blocks else ""
    meta = {**found, **parser.meta}  # the page's own meta elements first, then what trafilatura read
    if "published" not in meta and "time" in meta:
        meta["published"] = meta["time"]
    title, evidence = None, ""
    if parser.h1:
        title, evidence = parser.h1, "the page's first <h1>"
    elif " ".join(parser.title.split()):
        title, evidence = " ".join(parser.title.split()), "the page's <title>"
    return Document(name, "html", plain, markup.body_markdown(blocks), title, evidence, meta)
