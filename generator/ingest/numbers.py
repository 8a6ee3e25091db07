"""Numbers in English text, in digits or words, and what they are when they are not counts.

``numbers(sentence)`` finds "8,000", "8000", "1.5 million", "seven", "twenty-three",
"two hundred and fifty", "a dozen"; each :class:`Number` says why it cannot be a
figure when that is plain from the words around it (a year, an age, a date, a
distance, a time, a percentage...).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from generator.model.words import MONTHS, NUMBER_WORDS

MONTHS = tuple(m.capitalize() for m in MONTHS)
MONTHS_SHORT = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")
MONTH_RE = r"(?:(?:" + "|".join(MONTHS) + r")\b|(?:" + "|".join(MONTHS_SHORT) + r")\b\.?)"

_UNITS = NUMBER_WORDS
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_WORDS = [*_UNITS, *_TENS, *_SCALES, "dozen", "a"]
_WORD = r"(?:" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")"
_WORD_SEQ = re.compile(rf"(?<![\w-]){_WORD}(?:(?:\s*-\s*|\s+and\s+|\s+){_WORD})*(?![\w-])", re.I)
# Thousands grouped with commas ("8,000"), dots ("90.000", as many outlets and translations write them),
# spaces, no-break or thin spaces ("13 625") or apostrophes ("50'000"); a dot before a scale word is a
# decimal point ("1.5 million"), and so is a dot before anything but three digits.
_SCALE_WORDS = r"million|thousand|billion|hundred"
_DIGITS = re.compile(
    r"(?<![\w.,/:'-])(\d{1,3}(?:,\d{3})+|\d{1,3}(?:\.\d{3}){1,4}(?![\d.]|\s+(?:%s)\b)"
    r"|(?<!\d[ \u00a0\u202f\u2009'])\d{1,3}(?:[ \u00a0\u202f\u2009']\d{3}){1,3}(?![ \u00a0\u202f\u2009']?\d)"
    r"|\d+)(?:\.(\d+))?(?:\s+(%s)\b)?(?![\d,]\d|\w)" % (_SCALE_WORDS, _SCALE_WORDS),
    re.I,
)
_GROUPING = re.compile(r"[,. \u00a0\u202f\u2009']")
VAGUE = re.compile(r"(?<!\w)(?:dozens|scores|hundreds|thousands|tens of thousands|hundreds of thousands|"
                   r"several|many|a number)(?: of)?(?!\w)", re.I)
# Quantities in words read as ACLED reads them: the most conservative value, qualified "at-least"
# ("dozens" is 12, "hundreds" 100). "Several", "many" and "a number of" are not read (ACLED's
# placeholder of 10 is a coding convention, not something a reader would put in a ledger).
READ_VAGUE = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000, "tens of thousands": 10_000,
              "hundreds of thousands": 100_000}
_READ_VAGUE = re.compile(r"(?<!\w)(?:tens of thousands|hundreds of thousands|dozens|scores|hundreds|thousands)"
                         r"(?:\s+of)?(?!\w)", re.I)

# What a number is, from the words right after it (matched at its end: Pattern.match(sentence, end, ...))
# and right before it (searched in a window that ends at its start): each looks at _WINDOW characters at
# most, never at the whole sentence, so classifying every number of a sentence is linear in its length.
_WINDOW = 80
_UNIT_AFTER = re.compile(
    r"\s*(?:-\s*)?(?:km|kms|kilomet(?:re|er)s?|miles?|mi|m|metres?|meters?|cm|mm|kg|kilos?|tonnes?|tons?|"
    r"%|per\s*cent|percent|bpd|b/d|barrels?|dollars?|euros?|dinars?|pounds|usd|eur|lyd|hectares?|sq|square|"
    r"mph|km/h|degrees?|°)(?!\w)",
    re.I,
)
_AGE_AFTER = re.compile(r"\s*-?\s*(?:year|month|week|day)s?[- ]olds?\b|\s*years?\s+(?:old|of age)\b", re.I)
_DURATION_AFTER = re.compile(r"-(?:year|month|week|day|hour|minute)s?\b|"
                             r"\s+(?:more\s+|full\s+)?(?:days?|weeks?|months?|years?|hours?|minutes?|nights?|"
                             r"decades?|centuries)\b", re.I)
_AGE_BEFORE = re.compile(r"(?:\baged|\bage of|\bages of|\bages|\bage)\s*$", re.I)
_DATE_AFTER = re.compile(rf"\s*(?:st|nd|rd|th)?\s*(?:of\s+)?{MONTH_RE}|\s*[-–]\s*\d{{1,2}}\s+{MONTH_RE}")
_DATE_BEFORE = re.compile(rf"{MONTH_RE}\s*$|{MONTH_RE}\s+\d{{1,2}}\s*[-–]\s*$")
_TIME_AFTER = re.compile(r"(?:[:.]\d{2}\b|\s*(?:a\.?m\.?|p\.?m\.?|gmt|utc|h\b|hrs\b|o'clock))", re.I)
_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)\b", re.I)
_MONEY_BEFORE = re.compile(r"(?:[$€£]|\bUS\$|\bUSD|\bLYD)\s*$")
_REF_BEFORE = re.compile(r"(?:\bNo\.?|#|\bNumber|\bResolution|\bpage|\bp\.|\bitem|\bflight)\s*$", re.I)
_RANGE = re.compile(r"[-–/]\d|\s*[-–]\s*\d")
_APPOSITION_AGE = re.compile(r"[A-Z][\w'’-]+,\s*$")
_NO_BEFORE = re.compile(r"\bno\s*$", re.I)
_TIME_BEFORE = re.compile(r"\d[:.]$")
_RANGE_BEFORE = re.compile(r"\d\s*[-–/]\s*$")
_COMMA_AFTER = re.compile(r"\s*,")


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    value: int | None  # None when not a whole number
    text: str
    excluded: str | None = None  # why this is not a count ("a year", "an age", "a distance" ...)
    approximate: bool = False  # "a dozen", "a thousand"
    implied: str = ""  # the qualifier the words imply: "at-least" for "dozens of"


def numbers(sentence: str) -> list[Number]:
    found: list[Number] = []
    taken: list[tuple[int, int]] = []
    for m in _DIGITS.finditer(sentence):
        whole = _GROUPING.sub("", m.group(1))
        if len(whole) > 15:  # a run of digits, not a count
            found.append(Number(m.start(), m.end(), None, m.group(), "not a count (too long)"))
            taken.append((m.start(), m.end()))
            continue
        value: float = int(whole)
        if m.group(2):
            value = float(f"{whole}.{m.group(2)}")
        if m.group(3):
            value *= _SCALES[m.group(3).lower()]
        as_int = int(value) if float(value).is_integer() else None
        num = Number(m.start(), m.end(), as_int, m.group())
        found.append(_classify(sentence, num, bare_digits=not m.group(3) and m.group(1).isdigit() and not m.group(2)))
        taken.append((m.start(), m.end()))
    ends = [e for _, e in taken]  # digit spans, in order, not overlapping
    for m in _WORD_SEQ.finditer(sentence):
        k = bisect_right(ends, m.start())  # the first digit span that ends after this starts
        if k < len(taken) and taken[k][0] < m.end():
            continue
        parsed = _parse_words(m.group())
        if parsed is None:
            continue
        value, approximate, lead = parsed
        start = m.start() + lead
        num = Number(start, m.end(), value, sentence[start: m.end()], approximate=approximate)
        found.append(_classify(sentence, num, bare_digits=False))
    for m in _READ_VAGUE.finditer(sentence):
        k = bisect_right(ends, m.start())
        if k < len(taken) and taken[k][0] < m.end() or any(n.start < m.end() and m.start() < n.end for n in found):
            continue
        value = READ_VAGUE[" ".join(m.group().lower().split()).removesuffix(" of")]
        num = Number(m.start(), m.end(), value, m.group(), implied="at-least")
        found.append(_classify(sentence, num, bare_digits=False))
    found.sort(key=lambda n: n.start)
    return found


def _parse_words(text: str) -> tuple[int, bool, int] | None:
    """(value, approximate, offset of the first number word) or None if not a number."""
    tokens = [(m.start(), m.group().lower()) for m in re.finditer(r"[A-Za-z]+", text)]
    # a leading "a" counts only before a scale ("a hundred", "a dozen"); indices, not slices (linear)
    first, last = 0, len(tokens)
    while first < last and tokens[first][1] in ("a", "and"):
        if tokens[first][1] == "a" and last - first > 1 and tokens[first + 1][1] in (*_SCALES, "dozen"):
            break
        first += 1
    while last > first and tokens[last - 1][1] in ("a", "and"):
        last -= 1
    tokens = tokens[first:last]
    if not tokens:
        return None
    words = [t for _, t in tokens]
    if "a" in words[1:]:
        return None  # "one a two": not one number
    if words == ["dozen"] or words[-1:] == ["dozen"] and len(words) > 2:
        return None
    if words in (["a", "dozen"],):
        return 12, True, tokens[0][0]
    if len(words) == 2 and words[0] == "a" and words[1] in _SCALES:
        return _SCALES[words[1]], True, tokens[0][0]  # "a thousand": about a thousand
    if words[-1] == "dozen" and len(words) == 2 and words[0] in _UNITS:
        return _UNITS[words[0]] * 12, False, tokens[0][0]
    total, current = 0, 0
    seen_any = False
    for w in words:
        if w == "and":
            continue
        if w == "a":
            current = 1
        elif w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w in _SCALES:
            total += max(current, 1) * _SCALES[w]
            current = 0
        else:
            return None
        seen_any = True
    if not seen_any:
        return None
    return total + current, False, tokens[0][0]


def _classify(sentence: str, num: Number, *, bare_digits: bool) -> Number:
    lo, hi = max(0, num.start - _WINDOW), num.end + _WINDOW

    def before(pattern: re.Pattern) -> bool:
        return pattern.search(sentence, lo, num.start) is not None

    def after(pattern: re.Pattern) -> bool:
        return pattern.match(sentence, num.end, hi) is not None

    reason = None
    if num.value is None:
        reason = "not a whole number"
    elif after(_DATE_AFTER) or before(_DATE_BEFORE):
        reason = "part of a date"
    elif num.text.lower() == "one" and before(_NO_BEFORE):
        reason = "'no one'"
    elif after(_AGE_AFTER) or before(_AGE_BEFORE):
        reason = "an age"
    elif after(_DURATION_AFTER):
        reason = "a duration"
    elif after(_UNIT_AFTER):
        reason = "a measure (distance, share, money or volume)"
    elif before(_MONEY_BEFORE):
        reason = "an amount of money"
    elif after(_TIME_AFTER) or before(_TIME_BEFORE):
        reason = "a time of day"
    elif after(_ORDINAL_AFTER):
        reason = "an ordinal"
    elif before(_REF_BEFORE):
        reason = "a reference number"
    elif bare_digits and after(_RANGE) or before(_RANGE_BEFORE):
        reason = "part of a range or code"
    elif bare_digits and len(num.text) == 4 and 1800 <= (num.value or 0) <= 2100 and not after(_COUNT_AFTER):
        reason = "a year"
    elif after(_COMMA_AFTER) and before(_APPOSITION_AGE) and num.value is not None and 10 <= num.value <= 110:
        reason = "an age"  # "Khalifa Haftar, 75, said"
    if reason is None:
        return num
    return Number(num.start, num.end, num.value, num.text, reason, num.approximate, num.implied)


_COUNT_AFTER = re.compile(
    r"\s+(?:more\s+|other\s+)?(?:people|persons|civilians|children|men|women|migrants|refugees|residents|"
    r"fighters|soldiers|families|killed|dead|died|wounded|injured|displaced|fled|flee|evacuated|have|had|were)\b",
    re.I,
)
