"""Values as pages show them: escaping for Markdown, HTML attributes and URLs (the Jinja filters),
numbers, labels and short dates."""

from __future__ import annotations

import datetime as dt
import html
import re
from urllib.parse import quote

from generator.model.dates import format_date
from generator.model.types import QUALIFIER_WORDS, DateValue

# Python-Markdown's backslash-escapable characters, plus "|" (tables)
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")

def md_escape(value) -> str:
    """Text from front matter, safe inside Markdown: shows as typed, never as markup."""
    if value is None:
        return ""
    text = _MD_SPECIAL.sub(r"\\\1", " ".join(str(value).split()))
    return html.escape(text, quote=False)

def attr_escape(value) -> str:
    return html.escape(str(value if value is not None else ""), quote=True)

def url_escape(value: str) -> str:
    """An http(s) URL made safe inside a Markdown link: no spaces, brackets or quotes."""
    return quote(str(value), safe=":/?#@!$&'*+,;=%~")

def number(value: int) -> str:
    return f"{value:,}"

def kind_label(kind: str) -> str:
    return kind.replace("-", " ").capitalize()

def month_label(month: tuple[int, int]) -> str:
    return format_date(DateValue(dt.date(month[0], month[1], 1), "month"))

def figure_label(f) -> str:
    qualifier = QUALIFIER_WORDS[f.qualifier]
    return (f"{qualifier + ' ' if qualifier else ''}{f.value:,} {kind_label(f.kind).lower()}, per {f.source}, "
            f"as of {format_date(f.as_of)}")

def format_date_short(day) -> str:
    return f"{day.day} {day.strftime('%b')} {day.year}"

def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
