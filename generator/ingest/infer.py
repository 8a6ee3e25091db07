"""From a read document to a draft article: every value with the words it came from."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import PurePath
from urllib.parse import urlparse

from generator.model.dates import DateError, DateSettings, resolve
from generator.errors import BriefingError
from generator.ingest.actors import Vocabulary
from generator.ingest.events import (
    EventGuess,
    WrittenDate,
    expressions,
    is_range_bound,
    publication_date,
    resolve_expression,
    title_of,
)
from generator.ingest.figures import FigureGuess, Unsure, find_figures
from generator.ingest.foreign_dates import publication_date as foreign_publication_date, relative_dates
from generator.ingest.headline import headline
from generator.ingest.languages import detect
from generator.ingest.markup import web_url
from generator.ingest.read import Document
from generator.ingest.text import REPORTING, Sentence, clip, sentences


class IngestError(BriefingError, ValueError):
    """This document cannot become a draft; the message says what to do."""


@dataclass
class Value:
    value: object
    evidence: str
    given: bool = False  # from the command line, not inferred


@dataclass
class Draft:
    name: str
    title: Value
    date: Value  # a dt.date
    source: Value  # str or {"name", "url"}
    body: str
    summary: Value | None = None
    actors: list[tuple[str, str]] = field(default_factory=list)
    topics: list[tuple[str, str]] = field(default_factory=list)
    figures: list[FigureGuess] = field(default_factory=list)
    events: list[EventGuess] = field(default_factory=list)
    unsure: list[Unsure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # warnings about the seed: "path:line: warning: ..."


def infer(doc: Document, vocabulary: Vocabulary, settings: DateSettings, *, date: dt.date | None = None,
          date_words: str = "", source: str | None = None, url: str | None = None) -> Draft:
    unsure: list[Unsure] = []
    title = _title(doc, unsure)
    lang = detect(doc.text, settings.languages)
    try:
        published = _date(doc, date, date_words, settings, unsure, lang)
    except IngestError as exc:
        if doc.notes:  # e.g. the date was in front matter that could not be used
            raise IngestError("\n".join([*doc.notes, str(exc)])) from None
        raise
    src = _source(doc, source, url, unsure)
    sents = sentences(doc.text)
    text_for_mentions = doc.text if title.value in doc.text else f"{title.value}\n{doc.text}"
    draft = Draft(doc.name, title, published, src, doc.body, _summary(doc, title.value), unsure=unsure,
                  notes=list(doc.notes))
    draft.actors = vocabulary.find_actors(text_for_mentions)
    draft.topics = vocabulary.find_topics(text_for_mentions)
    draft.figures = _figures(sents, vocabulary, settings, published.value, src, unsure, lang)
    draft.events = _events(sents, settings, published.value, unsure) if lang == "en" else \
        _foreign_events(sents, published.value, lang)
    if not draft.actors:
        unsure.append(Unsure("no known actor is named (actors come from content/actors)", ""))
    if not draft.figures:
        unsure.append(Unsure("no figure found", ""))
    return draft


# ---- title, date, source, summary -----------------------------------------------------------

def _title(doc: Document, unsure: list[Unsure]) -> Value:
    if doc.title:
        title, evidence = doc.title, doc.title_evidence
    else:
        first = next((line.strip() for line in doc.text.split("\n") if line.strip()), "")
        title, evidence = " ".join(first.split()), "the first non-empty line"
    if len(title) > 150:
        cut = title[:140].rsplit(" ", 1)[0] + "…"
        unsure.append(Unsure("the first line is long for a title; shortened", title[:90] + "…"))
        title = cut
    return Value(title, evidence)


def _date(doc: Document, date: dt.date | None, date_words: str, settings: DateSettings,
          unsure: list[Unsure], lang: str = "en") -> Value:
    stated = None
    for key, what in (("published", "the page's publication time"), ("date", "the document's own front matter")):
        if key in doc.meta:
            try:
                stated = (resolve(doc.meta[key], settings).start, f"{what}: {doc.meta[key]}")
                break
            except DateError:
                unsure.append(Unsure(f"{what} is not a date", doc.meta[key]))
    if stated is None:
        found = publication_date(doc.text) or foreign_publication_date(doc.text, lang)
        if found:
            stated = (found[0], f'"{found[1]}", the first full date in the text')
    if date is not None:
        if stated and stated[0] != date:
            unsure.append(Unsure(f"--date {date} differs from the date stated in the text ({stated[0]})", stated[1]))
        return Value(date, f"--date {date_words or date}", given=True)
    if stated is None:
        raise IngestError(
            f"{doc.name}: no publication date: the text states no full date (like 12 April 2019); "
            "give one with --date YYYY-MM-DD"
        )
    return Value(stated[0], stated[1])


def _source(doc: Document, source: str | None, url: str | None, unsure: list[Unsure]) -> Value:
    given_link = url or doc.meta.get("url")
    link = web_url(given_link)
    if given_link and link is None:
        unsure.append(Unsure("the page's URL is not http(s); left out", given_link))
    if source:
        name, evidence, given = source, "--source", True
    elif doc.meta.get("site_name"):
        name, evidence, given = doc.meta["site_name"], "the page's og:site_name", False
    elif link:
        name, evidence, given = urlparse(link).netloc.removeprefix("www."), "the host of the URL", False
    else:
        base = "standard input" if doc.name == "-" else PurePath(doc.name).name
        name, evidence, given = f"seed {base}", "no --source given: the seed's file name", False
        unsure.append(Unsure("the source is not known; give it with --source NAME (and --url URL)", name))
    if link:
        evidence += "; url from " + ("--url" if url else "the page's og:url")
        return Value({"name": name, "url": link}, evidence, given=given and bool(url))
    return Value(name, evidence, given=given)


def _summary(doc: Document, title: str) -> Value | None:
    for block in re.split(r"\n\s*\n", doc.text):
        text = " ".join(block.split())
        if text == title or len(text.split()) < 12 or not re.search(r"[.!?\"”’)]$", text):
            continue
        return Value(text, "the first paragraph that is a full sentence")
    return None


# ---- figures -------------------------------------------------------------------------------

def _figures(sents: list[Sentence], vocabulary: Vocabulary, settings: DateSettings, base: dt.date,
             src: Value, unsure: list[Unsure], lang: str = "en") -> list[FigureGuess]:
    out: list[FigureGuess] = []
    seen: dict[tuple, FigureGuess] = {}
    fallback = src.value["name"] if isinstance(src.value, dict) else src.value
    for i, s in enumerate(sents):
        figures, doubts = find_figures(s.text, lang)
        unsure.extend(doubts)
        if not figures:
            continue
        who = vocabulary.attribution(s.text)
        how = ""
        if (who is None or who.strength < 3) and not re.search(rf"\b{REPORTING}\b", s.text, re.I):
            # a stated attribution earlier in the paragraph ("The WHO said ... Among the dead were ..."),
            # unless this sentence names its own speaker, even one we cannot place
            for prev in reversed(sents[:i]):
                if prev.paragraph != s.paragraph:
                    break
                earlier = vocabulary.attribution(prev.text)
                if earlier is not None and earlier.strength >= 3:
                    who, how = earlier, "an earlier sentence of the paragraph: "
                    break
        as_of = _as_of(s.text, base, settings)
        for f in figures:
            if who is not None:
                f.source, f.source_evidence = who.label, how + who.words
            else:
                f.source, f.source_evidence, f.source_undecided = fallback, "nobody is named: the article's source", True
                unsure.append(Unsure(f"who states {f.value} {f.kind}? (used the article's source)", clip(s.text)))
            if as_of is not None:
                f.as_of, f.as_of_resolved, f.as_of_evidence = as_of
            else:
                f.as_of, f.as_of_resolved, f.as_of_evidence = base, base, "the publication date"
            key = f.key()
            if key in seen:
                first = seen[key]
                if first.as_of_evidence == "the publication date" and as_of is not None:
                    # the headline gave the number, a later sentence dates it
                    first.as_of, first.as_of_resolved, first.as_of_evidence = as_of
                continue
            seen[key] = f
            out.append(f)
    return out


_AS_OF_WINDOW = 200  # a reporting verb and four words, or "as of"
_REPORTED_BEFORE = re.compile(rf"\b{REPORTING}\s+(?:[\w'’-]+\s+){{0,4}}$", re.I)
_AS_OF_BEFORE = re.compile(r"(?:\bas\s+of|\bas\s+at|\bup\s+to)\s*$", re.I)
_SPACES_AND_COMMAS = re.compile(r"[ ,]*")


def _as_of(sentence: str, base: dt.date, settings: DateSettings):
    """The date a sentence gives its numbers: one tied to the reporting verb, or "as of"."""
    lead = _SPACES_AND_COMMAS.match(sentence).end()
    for e in expressions(sentence):
        lo = max(0, e.start - _AS_OF_WINDOW)  # the words before it, not the whole sentence
        tied = (
            _REPORTED_BEFORE.search(sentence, lo, e.start)
            or _AS_OF_BEFORE.search(sentence, lo, e.start)
            or e.start <= lead  # the sentence starts with it
            and re.search(rf"^[^.]*?\b{REPORTING}\b", sentence[e.end:], re.I)
        )
        if not tied:
            continue
        r = resolve_expression(e, base, settings)
        if r is None or r.value.start > base:
            continue
        written = r.written
        return written, r.value.start, f'"{e.text}" = {r.note}'
    return None


# ---- events --------------------------------------------------------------------------------

def _events(sents: list[Sentence], settings: DateSettings, base: dt.date, unsure: list[Unsure]) -> list[EventGuess]:
    out: list[EventGuess] = []
    for s in sents:
        candidates = []
        for e in expressions(s.text):
            if is_range_bound(s.text, e):
                continue
            r = resolve_expression(e, base, settings)
            if r is None:
                unsure.append(Unsure(f'"{e.text}" looks like a date but does not resolve', clip(s.text)))
                continue
            # "14 April" or "in May" in an article of 9 April 2019 is read as 2018: more likely a plan
            yearless = (e.shape in ("day-month", "month-day", "range", "in-month", "part-month")
                        and not re.search(r"\d{4}", e.text))
            if r.value.start > base or (yearless and (base - r.value.start).days > 180):
                unsure.append(Unsure(f'"{e.text}" is after the publication date (planned?); no event', clip(s.text)))
                continue
            candidates.append((e, r))
        # a dateline or byline ("TRIPOLI, April 21, 2019 -", "Published 3 July 2019") is not an event
        dateline = [c for c in candidates if c[0].shape in ("full", "full-mdy", "iso") and c[1].value.start == base
                    and c[0].start < 40]
        if dateline and (len(candidates) > 1 or len(s.text.split()) < 10):
            candidates = [c for c in candidates if c is not dateline[0]]
        if candidates:
            e, r = candidates[0]
            out.append(EventGuess(r, e.text, headline(s.text, e.text), s.text, s.start))
    return out


def _foreign_events(sents: list[Sentence], base: dt.date, lang: str) -> list[EventGuess]:
    """Candidate events of a seed in another language: sentences with a weekday, "yesterday" or "today"."""
    out = []
    for s in sents:
        found = relative_dates(s.text, base, lang)
        if found:
            _, words, value, note = found[0]
            written = WrittenDate(value, value.start, None, f'"{words}" = {note}')
            out.append(EventGuess(written, words, title_of(s.text), s.text, s.start))
    return out
