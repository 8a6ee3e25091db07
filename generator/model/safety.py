"""Active content in a body: script, non-https frames, event handlers and script URLs.

Editors are trusted to commit, but a pasted embed or a compromised account should not silently
ship script to every reader. A body is rendered the way every site renders it (Python-Markdown
with the extensions MkDocs and the plugin always add) and the HTML is read with the standard
library's HTML parser, so whatever reaches a reader's browser is what is inspected: raw HTML,
attribute lists (``{: onclick=...}``), links and reference definitions (``[r]: javascript:...``),
entities (``&#106;avascript:``, ``java&#x09;script:``). Code spans, indented and fenced code come
out escaped, so they are never flagged.

Rendering costs about a millisecond per kilobyte; :func:`may_be_active` skips it for the bodies
(most of them) that have no ``<``, no ``{`` and no link whose target could be a script URL.

The site turns the check off with ``trusted_html: true`` (``config.Options.trusted_html``).
"""

from __future__ import annotations

import html
import html.parser
import re
from dataclasses import dataclass

# What every site has: MkDocs always adds toc, tables and fenced_code, generator/engine/plugin.py adds the
# rest (REQUIRED_EXTENSIONS there). ``` and ~~~ fences are code.
EXTENSIONS = ("attr_list", "md_in_html", "tables", "toc", "admonition", "fenced_code")
HINT = " (or set trusted_html: true for the briefing plugin in mkdocs.yml)"

SCRIPT_SCHEMES = ("javascript", "vbscript", "data")
# Attributes whose value is a URL the browser loads or follows (any name ending in href or src too).
URL_ATTRS = frozenset({"action", "formaction", "data", "poster", "background", "lowsrc", "dynsrc", "codebase",
                       "cite", "longdesc", "usemap", "ping", "manifest", "icon", "archive", "classid", "profile",
                       "srcset", "imagesrcset"})
FRAMES = ("iframe", "frame")
PLUGINS = ("object", "embed", "applet")

_HTML_OR_ATTRS = re.compile(r"[<{]")
_LINK = re.compile(r"\]\s*[(:]")  # an inline link's target or a reference definition follows
# A link target that cannot be a script URL: http(s), mailto, a fragment, or a relative path
# whose first segment ends before any ':' (no entity, no tab can hide a scheme in these).
_SAFE_TARGET = re.compile(r"\s*(?:https?://|mailto:|[#/.?)]|[\w-]+[/.#?)])", re.I)
_URL_NOISE = re.compile(r"[\t\n\r]")  # browsers drop these anywhere in a URL
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):", re.I)
_META_URL = re.compile(r"url\s*=\s*['\"]?(.*)", re.I | re.S)


@dataclass(frozen=True)
class Finding:
    line: int  # 1-based, within the body
    message: str


def may_be_active(body: str) -> bool:
    """False when the body cannot hold active content, so rendering it can be skipped."""
    if _HTML_OR_ATTRS.search(body):
        return True
    return any(not _SAFE_TARGET.match(body, m.end()) for m in _LINK.finditer(body))


class BodyChecker:
    """Finds active content in bodies; one per load (its Markdown instance is reused).

    ``extensions`` are the site's own Markdown extensions beyond :data:`EXTENSIONS` (footnotes, ...):
    a body is rendered as the site renders it. One that cannot be loaded without its configuration
    is left out."""

    def __init__(self, extensions: tuple[str, ...] = ()):
        self._md = None
        self.extensions = list(EXTENSIONS) + [e for e in extensions if e not in EXTENSIONS]

    def check(self, body: str) -> list[Finding]:
        if not may_be_active(body):
            return []
        if self._md is None:
            import markdown

            self._md = _markdown(self.extensions)
        try:
            rendered = self._md.reset().convert(body)
        except RecursionError:
            return [Finding(1, "the body is nested too deeply to render as Markdown (hundreds of levels of "
                               "quotes, lists or emphasis); simplify it")]
        scanner = _Scanner()
        scanner.scan(rendered)
        return _locate(body, scanner.found)

    def check_html(self, text: str) -> list[Finding]:
        """Active content in a static HTML or SVG file of the content folder (published as it is)."""
        if "<" not in text:
            return []
        scanner = _Scanner()
        scanner.scan(text)
        return _locate(text, scanner.found)


def _markdown(extensions: list[str]):
    import markdown

    try:
        return markdown.Markdown(extensions=extensions)
    except Exception:  # an extension that needs its configuration: render without it
        usable = []
        for name in extensions:
            try:
                markdown.Markdown(extensions=[*usable, name])
            except Exception:
                continue
            usable.append(name)
        return markdown.Markdown(extensions=usable)


@dataclass(frozen=True)
class _Found:
    message: str
    needle: re.Pattern  # finds the construct in a source line (entities decoded, tabs dropped)


def _needle_tag(tag: str) -> re.Pattern:
    return re.compile(rf"<\s*{re.escape(tag)}(?![\w-])", re.I)


def _url_scheme(value: str) -> str | None:
    """The scheme a browser reads in an attribute value (entities are already decoded)."""
    m = _SCHEME.match(_URL_NOISE.sub("", value).lstrip("".join(map(chr, range(33)))))
    return m.group(1).lower() if m else None


def _urls(tag: str, name: str, value: str, attrs: dict[str, str]) -> list[str]:
    """The URLs in an attribute, if it holds any."""
    if name in ("srcset", "imagesrcset"):
        return [part.strip().split(" ")[0] for part in value.split(",")]
    if name in URL_ATTRS or name.endswith(("href", "src")):
        return [value]
    if tag in ("set", "animate") and name in ("to", "values", "from", "by"):  # SVG animating an href
        return value.split(";")
    if tag == "meta" and name == "content" and "refresh" in attrs.get("http-equiv", "").lower():
        m = _META_URL.search(value)
        return [m.group(1)] if m else []
    return []


class _Scanner(html.parser.HTMLParser):
    """Collects active constructs from rendered HTML, in document order."""

    # Browsers read <style> in SVG or MathML as markup: keep only <script> as raw text.
    CDATA_CONTENT_ELEMENTS = ("script",)

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[_Found] = []

    def scan(self, text: str) -> None:
        self.feed(text)
        self.close()

    def _rescan(self, text: str) -> None:
        inner = _Scanner()
        inner.scan(text)
        self.found.extend(inner.found)

    def handle_starttag(self, tag, attrs):
        values = {name: value or "" for name, value in attrs}
        if tag == "script":
            self.found.append(_Found(f"<script> in the body would run in every reader's browser; remove it{HINT}",
                                     _needle_tag(tag)))
        elif tag in FRAMES:
            src = values.get("src", "").strip()
            if "srcdoc" in values:
                self.found.append(_Found(f"<{tag} srcdoc=...> holds a page of its own, which can run script; "
                                         f"embed an https: address instead{HINT}", _needle_tag(tag)))
            elif _url_scheme(src) != "https":
                shown = f"src {src[:60]!r}" if src else "no src"
                self.found.append(_Found(f"<{tag}> with {shown}: embed only https: pages{HINT}", _needle_tag(tag)))
        elif tag == "base":  # moves every relative URL after it, the theme's <script src> included
            self.found.append(_Found(f"<base> in the body changes where every relative address on the page "
                                     f"leads, the theme's scripts included; remove it{HINT}", _needle_tag(tag)))
        elif tag in PLUGINS:
            self.found.append(_Found(f"<{tag}> embeds active content (a plugin or a page); use an https: "
                                     f"<iframe> or a link instead{HINT}", _needle_tag(tag)))
        for name, value in values.items():
            if name.startswith("on"):
                self.found.append(_Found(
                    f"'{name}' attribute on <{tag}>: an event handler runs script in the reader's browser; "
                    f"remove it{HINT}", re.compile(rf"(?<![\w-]){re.escape(name)}\s*=", re.I)))
                continue
            for url in _urls(tag, name, value, values):
                scheme = _url_scheme(url)
                if scheme in SCRIPT_SCHEMES and not (tag in FRAMES and name == "src"):
                    self.found.append(_Found(
                        f"{scheme}: URL in {name} of <{tag}>: such an address can carry script; use an "
                        f"https: address instead{HINT}", _needle_url(url, scheme)))
            if "<" in value and name != "srcdoc":  # markup in a value, which a browser may read as markup
                self._rescan(value)

    handle_startendtag = handle_starttag

    def unknown_decl(self, data):
        # "<![CDATA[ ... ]]>" is CDATA only inside SVG or MathML; anywhere else a browser reads "<![CDATA["
        # as a bogus comment that ends at the first ">", and what follows is markup (this parser skips
        # to "]]>"). Read it as markup in both places: a false alarm in SVG is better than a script.
        if data[:6].upper() == "CDATA[" and ">" in data:
            self._rescan(data.split(">", 1)[1])

    def handle_comment(self, data):
        # Browsers end a comment at "-->", "--!>", or right away at "<!-->" / "<!--->"; this parser only
        # at "-->". What a browser would read after its end is markup.
        for opening in (">", "->"):
            if data.startswith(opening):
                self._rescan(data[len(opening):])
                return
        if "--!>" in data:
            self._rescan(data.split("--!>", 1)[1])


def _needle_url(url: str, scheme: str) -> re.Pattern:
    start = _URL_NOISE.sub("", url).strip()[:40]
    return re.compile(re.escape(start) if len(start) > len(scheme) + 1 else re.escape(scheme + ":"), re.I)


_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def _source_lines(body: str) -> list[str]:
    """The body's lines with code spans and fenced code blanked out: what a finding can come from."""
    lines = []
    fence = None
    for text in body.split("\n"):
        m = _FENCE.match(text)
        if fence is None and m:
            fence = m.group(1)
            text = ""
        elif fence is not None:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
            text = ""
        lines.append(_CODE_SPAN.sub("", text))
    return lines


def _locate(body: str, found: list[_Found]) -> list[Finding]:
    """The line of each finding: the first source line, after the previous one with the same needle,
    where the construct appears outside code (as written, then with entities decoded and tabs
    dropped); the body's first line if none."""
    if not found:
        return []
    raw = body.split("\n")
    plain = _source_lines(body)
    views = [plain, [_URL_NOISE.sub("", html.unescape(text)) for text in plain], raw]
    after: dict[str, int] = {}
    out: list[Finding] = []
    for item in found:
        key = item.needle.pattern
        line = None
        for start in (after.get(key, 0), 0):
            for view in views:
                line = next((i for i in range(start, len(view)) if item.needle.search(view[i])), None)
                if line is not None:
                    break
            if line is not None:
                break
        after[key] = (line or 0) + 1
        finding = Finding((line or 0) + 1, item.message)
        if finding not in out:
            out.append(finding)
    return out
