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

# Figure kinds as readers say them. A kind ending in a unit suffix has that unit; any other kind
# is read from its words ("health-workers-killed": "Health workers killed").
KIND_LABELS = {
    "incident-killed": "killed in the incident",
    "incident-wounded": "wounded in the incident",
    "idps-in-collective-shelters": "displaced people in collective shelters",
    "oil-gas-share-of-exports-pct": "oil and gas share of exports",
    "oil-revenue-change-pct": "change in oil revenue",
    "armed-group": "armed group",
}
UNIT_SUFFIXES = {"-bpd": "barrels a day", "-pct": "%", "-usd": "US dollars"}


def kind_unit(kind: str) -> str:
    """The unit of a figure kind ("oil-output-bpd": "barrels a day"), or "" for a count."""
    return next((unit for suffix, unit in UNIT_SUFFIXES.items() if kind.endswith(suffix)), "")


def kind_label(kind: str) -> str:
    """ "oil-output-at-risk-pct": "Oil output at risk"; "incident-killed": "Killed in the incident"."""
    if kind in KIND_LABELS:
        text = KIND_LABELS[kind]
    else:
        text = next((kind[:-len(s)] for s in UNIT_SUFFIXES if kind.endswith(s)), kind).replace("-", " ")
    return text[:1].upper() + text[1:]


def value_with_unit(value: int, kind: str) -> str:
    unit = kind_unit(kind)
    return f"{value:,}{unit}" if unit == "%" else f"{value:,} {unit}" if unit else f"{value:,}"


def figure_words(f) -> str:
    """ "about 1,300,000 barrels a day of oil output": "Oil output: about 1,300,000 barrels a day"
    for a kind with a unit, "53 killed in the incident" for a count (lower case, plain text)."""
    qualifier = QUALIFIER_WORDS[f.qualifier]
    value = (qualifier + " " if qualifier else "") + value_with_unit(f.value, f.kind)
    label = kind_label(f.kind).lower()
    return f"{label}: {value}" if kind_unit(f.kind) else f"{value} {label}"


def figure_value_html(f) -> str:
    """The same words as HTML, the number in bold (every part is from code or escaped)."""
    qualifier = QUALIFIER_WORDS[f.qualifier]
    value = (html.escape(qualifier) + " " if qualifier else "") + f"<strong>{html.escape(value_with_unit(f.value, f.kind))}</strong>"
    label = html.escape(kind_label(f.kind).lower())
    return f"{label}: {value}" if kind_unit(f.kind) else f"{value} {label}"

def month_label(month: tuple[int, int]) -> str:
    return format_date(DateValue(dt.date(month[0], month[1], 1), "month"))

def figure_label(f) -> str:
    return (f"{figure_words(f)}, per {f.source}, "
            f"as of {format_date(f.as_of)}")

def format_date_short(day) -> str:
    return f"{day.day} {day.strftime('%b')} {day.year}"

def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
