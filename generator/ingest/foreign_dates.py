"""Dates in French, German, Italian, Spanish, Portuguese, Dutch and Arabic seeds (issue 16: other
languages): a full date stated in the text ("18 avril 2019", "3. Mai 2019", "4 de abril de 2019",
"18 أبريل 2019") as the publication date, and weekday names, "yesterday" and "today" ("vendredi",
"ieri", "gestern", "الجمعة") as candidate events, resolved against the publication date and written
as ISO dates (the dates module reads English words only).
"""

from __future__ import annotations

import datetime as dt
import re

from generator.ingest.languages import _MONTHS
from generator.model.types import DateValue

_WEEKDAYS = {  # Monday first
    "fr": "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "de": "montag dienstag mittwoch donnerstag freitag samstag sonntag",
    "it": "lunedì martedì mercoledì giovedì venerdì sabato domenica",
    "es": "lunes martes miércoles jueves viernes sábado domingo",
    "pt": "segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo",
    "nl": "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag",
    "ar": "الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد",
}
_RELATIVE = {  # (yesterday, today)
    "fr": ("hier", "aujourd'hui"), "de": ("gestern", "heute"), "it": ("ieri", "oggi"), "es": ("ayer", "hoy"),
    "pt": ("ontem", "hoje"), "nl": ("gisteren", "vandaag"), "ar": ("أمس", "اليوم"),
}


def _compiled(lang: str):
    months = _MONTHS[lang].split()
    month_re = "|".join(sorted(map(re.escape, months), key=len, reverse=True))
    full = re.compile(rf"(?<!\d)(\d{{1,2}})(?:\.|er|º)?\s+(?:de\s+)?({month_re})\s+(?:de\s+)?(\d{{4}})(?!\d)", re.I)
    days = _WEEKDAYS[lang].split()
    day_re = "|".join(map(re.escape, days))
    yesterday, today = _RELATIVE[lang]
    words = re.compile(rf"(?<!\w)[وب]?(?:{day_re}|{re.escape(yesterday)}|{re.escape(today)})(?!\w)", re.I)
    return months, full, days, words


def publication_date(text: str, lang: str) -> tuple[dt.date, str] | None:
    """The first full date stated in the text, in its language."""
    if lang not in _WEEKDAYS:
        return None
    months, full, _, _ = _compiled(lang)
    for m in full.finditer(text):
        month = [x.lower() for x in months].index(m.group(2).lower()) % 12 + 1 if lang != "ar" else \
            _arabic_month(m.group(2))
        try:
            return dt.date(int(m.group(3)), month, int(m.group(1))), " ".join(m.group().split())
        except ValueError:
            continue
    return None


def _arabic_month(name: str) -> int:
    return {"يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "مايو": 5, "يونيو": 6, "يوليو": 7,
            "أغسطس": 8, "سبتمبر": 9, "أكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12}[name]


def relative_dates(sentence: str, base: dt.date, lang: str) -> list[tuple[int, str, DateValue, str]]:
    """(start, words, date, note) for each weekday name, "yesterday" or "today" of a sentence."""
    if lang not in _WEEKDAYS:
        return []
    _, _, days, words = _compiled(lang)
    yesterday, today = _RELATIVE[lang]
    out = []
    for m in words.finditer(sentence):
        word = m.group().lower().lstrip("وب") if lang == "ar" and m.group()[0] in "وب" and m.group()[1:].lower() in (
            *days, yesterday, today) else m.group().lower()
        if word == yesterday.lower():
            day, note = base - dt.timedelta(days=1), "the day before the publication date"
        elif word == today.lower():
            day, note = base, "the publication date"
        else:
            weekday = [d.lower() for d in days].index(word)
            day = base - dt.timedelta(days=(base.weekday() - weekday) % 7)
            note = "that weekday, on or before the publication date"
        out.append((m.start(), m.group(), DateValue(day, text=day.isoformat()), f"{day} ({note})"))
    return out
