"""Values as pages show them: escaping for Markdown, HTML attributes and URLs (the Jinja filters),
numbers, labels and short dates."""

from __future__ import annotations

import datetime as dt
import html
import re
from urllib.parse import quote

from generator.derive.labels import KIND_LABELS, UNIT_SUFFIXES, FigureLabels  # noqa: F401 (the tables, for callers)
from generator.derive.claims import claim_words
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

# Figure kinds as readers say them: a topic's labels (derive/labels.py), else the built-in table.
# ``labels`` is the build's FigureLabels; without it, the built-in reading (actor kinds use that too).
def kind_unit(kind: str, labels: FigureLabels | None = None) -> str:
    """The unit of a figure kind ("oil-output-bpd": "barrels a day"), or "" for a count."""
    return (labels or FigureLabels()).unit(kind)


def kind_label(kind: str, labels: FigureLabels | None = None) -> str:
    """ "oil-output-at-risk-pct": "Oil output at risk"; "incident-killed": "Killed in the incident"."""
    return (labels or FigureLabels()).label(kind)


def kind_words(kind: str, labels: FigureLabels | None = None) -> str:
    """The kind inside a sentence: "oil output", "IDPs in shelters"."""
    return (labels or FigureLabels()).words(kind)


def value_with_unit(value: int, kind: str, labels: FigureLabels | None = None) -> str:
    return (labels or FigureLabels()).value(value, kind)


def figure_words(f, labels: FigureLabels | None = None) -> str:
    """ "about 1,300,000 barrels a day of oil output": "oil output: about 1,300,000 barrels a day"
    for a kind with a unit, "53 killed in the incident" for a count (plain text)."""
    return claim_words(f, labels or FigureLabels())


def figure_value_html(f, labels: FigureLabels | None = None) -> str:
    """The same words as HTML, the number in bold (every part is from code or escaped)."""
    labels = labels or FigureLabels()
    qualifier = QUALIFIER_WORDS[f.qualifier]
    value = (html.escape(qualifier) + " " if qualifier else "") + f"<strong>{html.escape(labels.value(f.value, f.kind))}</strong>"
    label = html.escape(labels.words(f.kind))
    return f"{label}: {value}" if labels.unit(f.kind) else f"{value} {label}"

def month_label(month: tuple[int, int]) -> str:
    return format_date(DateValue(dt.date(month[0], month[1], 1), "month"))

def figure_label(f, labels: FigureLabels | None = None) -> str:
    return (f"{figure_words(f, labels)}, per {f.source}, "
            f"as of {format_date(f.as_of)}")

def format_date_short(day) -> str:
    return f"{day.day} {day.strftime('%b')} {day.year}"

def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
