"""The front-matter tables (README: Content guide), as data.

Validation (``validate.py``, with the key types of ``keytypes.py``) and the JSON Schema walk these
tables; nothing else restates them.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model.types import ACTOR_KINDS, NOTE_KINDS, PLACE_KINDS, PRECISIONS, QUALIFIERS, STATUSES


@dataclass(frozen=True)
class Key:
    type: str  # string, date, event-date, bool, int, ids, strings, kebab, kebabs, sources, events, figures, topic-figures, enum
    required: bool = False
    choices: tuple[str, ...] = ()
    help: str = ""


ARTICLE = {
    "title": Key("string", True, help="headline"),
    "date": Key("date", True, help="publication date"),
    "source": Key("sources", True, help="where it was reported: a name, {name, url}, or a list of them"),
    "summary": Key("string", help="one-paragraph summary; default: the first paragraph of the body"),
    "actors": Key("ids", help="actor ids, merged with the actors detected in the text"),
    "topics": Key("ids", help="topic ids, merged with keyword classification"),
    "places": Key("strings", help="place ids or names (a name or alias of a place is linked to it)"),
    "events": Key("events", help="timeline entries; without it the article itself is one entry"),
    "figures": Key("figures", help="figure claims, dated at the article date unless as_of"),
    "draft": Key("bool", help="excluded from the built site, shown by serve"),
}

EVENT = {
    "date": Key("event-date", True, help="when it happened; may be relative to the article date"),
    "end": Key("event-date", help="end of a range"),
    "precision": Key("enum", choices=PRECISIONS, help="overrides the inferred precision"),
    "title": Key("string", True, help="one line"),
    "summary": Key("string", help="a few sentences"),
    "actors": Key("ids", help="actor ids, merged with detection over title and summary"),
    "topics": Key("ids", help="topic ids, merged with keyword classification"),
    "place": Key("string", help="a place id or name (a name or alias of a place is linked to it)"),
    "status": Key("enum", choices=STATUSES, help="default: reported"),
    "figures": Key("figures"),
}

FIGURE = {
    "kind": Key("kebab", True, help="killed, wounded, displaced, civilians-killed, oil-output-bpd, ..."),
    "value": Key("int", True, help="integer >= 0"),
    "qualifier": Key("enum", choices=QUALIFIERS, help="'more than 8,000' is more-than, 'nearly 1,000' nearly; default: exact"),
    "as_of": Key("event-date", help="default: the event's or article's date"),
    "source": Key("string", True, help="who states it: WHO, OCHA, IOM, NOC"),
    "scope": Key("string", help="e.g. 'Tripoli and surroundings since 4 April'"),
}

NOTE = {
    "title": Key("string", True),
    "date": Key("date", True),
    "author": Key("string", True),
    "kind": Key("enum", choices=NOTE_KINDS, help="default: context"),
    "actors": Key("ids"),
    "topics": Key("ids"),
    "articles": Key("ids", help="article ids the note is about"),
}

ACTOR = {
    "name": Key("string", True),
    "kind": Key("enum", choices=ACTOR_KINDS, help="default: other"),
    "aliases": Key("strings", help="spellings, transliterations, Arabic script, press descriptions"),
    "affiliation": Key("ids", help="actor ids"),
    "role": Key("string"),
    "country": Key("string"),
}

TOPIC = {
    "title": Key("string", True),
    "keywords": Key("strings", help="words that put an article or event in this topic"),
    "figures": Key("topic-figures", help="figure kinds this topic charts: a kind, or {kind, label, unit} to say how pages name it"),
    "summary": Key("string"),
}

FIGURE_LABEL = {
    "kind": Key("kebab", True, help="the figure kind, e.g. oil-output-bpd"),
    "label": Key("string", help="what pages call it, e.g. 'oil output'"),
    "unit": Key("string", help="e.g. 'barrels a day', '%'; default: from the kind's suffix (-bpd, -pct, -usd)"),
}

PLACE = {
    "name": Key("string", True),
    "kind": Key("enum", choices=PLACE_KINDS, help="default: other; facility: an airport, a port, an oil field"),
    "aliases": Key("strings", help="spellings and transliterations, Arabic script"),
    "lat": Key("number", help="latitude, WGS 84, -90 to 90"),
    "lon": Key("number", help="longitude, WGS 84, -180 to 180"),
    "country": Key("string", help="ISO 3166-1 code (alpha-2 or alpha-3)"),
    "admin1": Key("string", help="first-level administrative division"),
    "pcode": Key("string", help="OCHA P-code"),
    "within": Key("string", help="the id of the place it lies in"),
    "source": Key("string", help="where the coordinates come from"),
}

SOURCE = {
    "name": Key("string", True),
    "url": Key("string", help="http(s) address"),
}

KINDS = {"articles": ARTICLE, "notes": NOTE, "actors": ACTOR, "topics": TOPIC, "places": PLACE}
