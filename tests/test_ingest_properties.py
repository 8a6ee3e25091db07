"""Property tests (hypothesis) for issue 12, the ingest part: whatever a seed holds, the body ingest
writes renders, with Python-Markdown and the site's extensions, to text and http/https/mailto links only.

Each example is a random mixture of hostile Markdown and HTML (obfuscated schemes, reference
definitions, attribute lists, raw tags, autolinks, comments, nested brackets, ...) fed to ingest as
a text, a Markdown and an HTML seed; the draft it makes is rendered (no site build) and read back
with html.parser (tests/hostile_html.py).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.ingest import find_project, infer, read_bytes, render
from generator.ingest.markup import escape_text, normalise
from generator.ingest.read import ReadError
from generator.model import yamlload
from hostile_html import source_text, audit

ROOT = Path(__file__).resolve().parent.parent
PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def project():
    return find_project(ROOT)


# ---- the pieces of a hostile seed ------------------------------------------------------------

def _obfuscated_char(ch: str) -> st.SearchStrategy[str]:
    """One character of a scheme as a browser would still read it."""
    return st.sampled_from([
        ch, ch.upper(), f"&#{ord(ch)};", f"&#x{ord(ch):x};", f"&#X{ord(ch):X};", f"&#0000{ord(ch)};",
        f"&#{ord(ch)}", f"{ch}&#x09;", f"{ch}&Tab;", f"{ch}&NewLine;", f"{ch}\t", f"{ch}\n", f"{ch}\x00",
        f"&amp;#{ord(ch)};",
    ])


@st.composite
def schemes(draw) -> str:
    name = draw(st.sampled_from(["javascript", "vbscript", "data", "livescript", "file", "jar", "http",
                                 "https", "mailto", "ftp"]))
    if draw(st.booleans()):
        name = "".join(draw(_obfuscated_char(c)) for c in name)
    colon = draw(st.sampled_from([":", ":", "&#58;", "&colon;", "&#x3a;", "%3A"]))
    lead = draw(st.sampled_from(["", "", " ", "\x01", "\t", "&#32;", "\u00a0"]))
    return lead + name + colon


@st.composite
def urls(draw) -> str:
    rest = draw(st.sampled_from(["alert(1)", "alert(document.cookie)//", "//example.org/x?a=1&b=2",
                                 "text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "a@example.org",
                                 "//evil.example/%0aalert(1)", "msgbox(1)", "", "(x)", "//a.b/c d", '//a.b/"><']))
    return draw(schemes()) + rest


WORDS = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12) | st.sampled_from([
    "x", "Read", "the WHO", "20 people killed", "", " ", "&", "&amp;", "&#106;", "*", "_", "`", "\\", "!", "#",
    "1.", "-", "+", ">", "|", "{", "}", "[", "]", "(", ")", "<", "![", "]]", "[[", "\\[", "\x02", "\x03",
])


@st.composite
def fragments(draw) -> str:
    text, url, url2 = draw(WORDS), draw(urls()), draw(urls())
    ref = draw(st.sampled_from(["r", "R", "1", "x y"]))
    shapes = [
        f"[{text}]({url})", f"[{text}]({url} \"t\")", f"[{text}](<{url}>)", f"![{text}]({url})",
        f"[{text}][{ref}]\n\n[{ref}]: {url}\n", f"[{ref}]: {url}", f"[{text}][]\n\n[{text}]: {url}",
        f"<{url}>", f"*{text}*{{: onmouseover=\"alert(1)\" }}", f"{text}\n{{: onclick=\"alert(1)\" }}",
        f"[{text}](https://example.org/){{: href=\"{url}\" onclick=\"x\" }}", f"# {text} {{: onload=x }}",
        f"[[{text}]({url})]({url2})", f"[{text}](({url}))", f"[{text}]({url}(x))", f"\\[{text}]({url})",
        f'<a href="{url}" onclick="alert(1)">{text}</a>', f"<a href='{url}'>{text}", f"<a href={url}>{text}</a>",
        "<script>alert(1)</script>", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>", "<img src=x onerror=alert(1)>",
        f'<iframe src="{url}"></iframe>', f"<!-- {text} --><!--> <a href=\"{url}\">x</a> -->",
        f'<div markdown="1">\n[{text}]({url})\n</div>', f'<span markdown="1">*{text}*</span>',
        f'!!! note "{text}"\n    [{text}]({url})', "[TOC]", f"| a | b |\n|---|---|\n| [{text}]({url}) | y |",
        f'<svg onload="alert(1)"><a xlink:href="{url}">x</a></svg>', f'<math><mi href="{url}">x</mi></math>',
        f'<form action="{url}"><button formaction="{url}">x</button></form>', f'<object data="{url}"></object>',
        f'<meta http-equiv="refresh" content="0;url={url}">', f'<base href="{url}">',
        f'<p style="background:url({url})">{text}</p>', f'<video poster="{url}"></video>',
        f"<img srcset=\"{url} 1x\">", f"<details open ontoggle=alert(1)>{text}</details>",
        f"`{text}` ``[{text}]({url})``", f"```\n[{text}]({url})\n```", f"    [{text}]({url})",
        f"> [{text}]({url})", f"1. [{text}]({url})", f"- [{text}]({url})", f"{text}\n===", f"{text}\n---",
        f"&lt;script&gt;{text}&lt;/script&gt;", "&#60;script&#62;alert(1)&#60;/script&#62;",
        f"<https://example.org/{text}>", f"[{text}](https://example.org/a)", f"[{text}](mailto:a@example.org)",
        f'<a href="https://example.org/{text}">{text}</a>', f'!<a href="https://example.org/">{text}</a>',
        f'<a href="https://example.org/">{text}</a>{{: onclick="alert(1)" href="{url}" }}',
        f"[{text}](mailto:a@example.org){{: onmouseover=alert(1) }}", '{: onclick="alert(1)" }', text,
    ]
    return draw(st.sampled_from(shapes))


@st.composite
def documents(draw) -> str:
    parts = draw(st.lists(fragments(), min_size=1, max_size=8))
    seps = draw(st.lists(st.sampled_from([" ", "\n", "\n\n", "\t", ""]), min_size=len(parts), max_size=len(parts)))
    body = "".join(p + s for p, s in zip(parts, seps))
    return "Clashes near Tripoli\n\n" + body + "\n"


# ---- the properties ----------------------------------------------------------------------------

def _front_and_body(text: str) -> tuple[dict, str]:
    fm, body, _ = yamlload.split(text)
    data, duplicates = yamlload.HANDLER.load(fm)
    assert duplicates == []
    return data, body


@PROPERTY
@given(doc=documents(), kind=st.sampled_from(["seed.txt", "seed.md", "seed.html"]),
       front=st.sampled_from(["", "---\ntitle: T\n---\n", "---\ntitle: [x]({u})\n---\n", "---\n: [\n---\n"]))
def test_body_ingest_writes_has_no_active_content(project, doc, kind, front):
    raw = (front.replace("{u}", "javascript:alert(1)") + doc).encode("utf-8")
    try:
        document = read_bytes(raw, kind)
    except ReadError:
        return  # e.g. too many control characters: refused, nothing written
    draft = infer(document, project.vocabulary, project.settings, date=dt.date(2019, 4, 12))
    data, body = _front_and_body(render(draft))
    assert data["draft"] is True
    found = audit(body)
    assert found.problems == []
    assert found.tags <= {"p", "a", "div", "em"}, found.tags  # ingest's summary line and source-text block
    found = audit(source_text(body))
    assert found.tags <= {"p", "a"}, found.tags  # nothing of the seed became markup


PLAIN = st.lists(st.sampled_from(list("\\`*_{}[]()>#+-.!|<&;:=~^\"' \t\nax1") + ["&#106;", "&amp;", "1. ", "---",
                                 "[TOC]", "!!! note", "{: #x }", "<b>", "]: ", "https://a.b"])
                 | st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=20).map("".join)


@PROPERTY
@given(text=PLAIN)
def test_escaped_text_shows_as_typed(text):
    """escape_text: whatever the text, Python-Markdown shows exactly it, as one paragraph of text."""
    block = normalise([(text, None)])
    if not block:
        return
    [(plain, _)] = block
    found = audit(escape_text(plain, at_start=True))
    assert found.tags == {"p"}
    assert "".join(found.text) == plain
