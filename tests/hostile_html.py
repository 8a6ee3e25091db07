"""Rendering a draft's body as the site does, and auditing the HTML with a real parser (issue 12)."""

from __future__ import annotations

import html
from html.parser import HTMLParser

import markdown

# Briefing's required extensions (generator.engine.plugin.REQUIRED_EXTENSIONS)
SITE_EXTENSIONS = ["attr_list", "md_in_html", "tables", "admonition", "toc"]
ALLOWED_SCHEMES = ("http", "https", "mailto")
# attributes whose value a browser loads or follows as a URL
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "background", "cite", "codebase",
                  "longdesc", "lowsrc", "dynsrc", "manifest", "ping", "srcset", "xlink:href", "icon", "profile",
                  "usemap", "archive", "classid", "imagesrcset"}


def source_text(body: str) -> str:
    """The seed's text in a draft's body: the block under ingest's summary, unindented (issue 16)."""
    import textwrap

    return textwrap.dedent(body.split('"Source text: rewrite before publishing"\n', 1)[1])


def render(body: str) -> str:
    return markdown.markdown(body, extensions=SITE_EXTENSIONS)


def scheme(url: str) -> str | None:
    """The scheme a browser reads: entities decoded, controls and whitespace dropped; None if relative."""
    seen = None
    while seen != url:
        seen = url
        url = html.unescape(url)
    url = "".join(ch for ch in url if ord(ch) > 32 and not 127 <= ord(ch) < 160 and not ch.isspace())
    head, colon, _ = url.partition(":")
    if not colon or not head or not head[0].isascii() or not head[0].isalpha():
        return None
    if not all(c.isascii() and (c.isalnum() or c in "+-.") for c in head):
        return None
    return head.lower()


class Audit(HTMLParser):
    """Elements, and every script, event handler or URL attribute outside the allow-list."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.problems: list[str] = []
        self.links: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        if tag == "script":
            self.problems.append("a <script> element")
        for name, value in attrs:
            name = name.lower()
            if name.startswith("on"):
                self.problems.append(f"an event handler {name}={value!r} on <{tag}>")
            if name in URL_ATTRIBUTES or name.endswith(":href"):
                if scheme(value or "") not in ALLOWED_SCHEMES:
                    self.problems.append(f"<{tag} {name}={value!r}>: not http, https or mailto")
                elif tag == "a" and name == "href":
                    self.links.append(value)

    def handle_data(self, data):
        self.text.append(data)


def audit(body: str) -> Audit:
    parser = Audit()
    parser.feed(render(body))
    parser.close()
    return parser
