"""Figures in French, German, Italian, Spanish, Portuguese, Dutch and Arabic (issue 16: other languages).

English has its sentence patterns (:mod:`.figure_words`); the other languages are read by the words
around each number, which carries over from one language to the next with a table of words
(:mod:`.language_words`):

- a term right before the number ("Morreram 562", "la morte di 55", "ficaram feridas 2855"), only
  qualifiers between them;
- otherwise the first term after it, within a few words and before the next number ("432 personnes
  ont été tuées", "25.000 Menschen vertrieben", "11 قتيلاً");
- "darunter 17 Zivilisten", "onder wie 18 burgers", "dont 3 civils": civilians of the figure before;
  a group word right after the number ("14 civiles murieron") gives the figure that group;
- numbers: the digits with any separator (:mod:`.numbers`), a scale word after them ("75 mila",
  "80 mil", "100 ألف"), small number words ("honderd", "ثلاثة"), and quantities in words read as
  ACLED does ("Dutzende" 12, "centaines" 100, "مئات" 100, qualified at-least).

The language is the ``languages`` option of the project, or detected among them from common words
(:func:`detect`).
"""

from __future__ import annotations

import re

from generator.ingest.language_words import (  # noqa: F401 (_MONTHS is read by foreign_dates)
    _AFTER, _AND, _BEFORE, _CIVILIANS, _CLITICS, _COMMON, _FAMILIES, _FILLER, _MONTHS, _OF_THEM, _OTHER_PEOPLE,
    _QUALIFIERS, _SCALES, _SUBCOUNT, _TO, _TOLL, _VAGUE, _WORDS,
)
from generator.ingest.numbers import Number

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_ARABIC = re.compile(r"[\u0600-\u06ff]")


def detect(text: str, languages) -> str:
    """The language of a text among ``languages`` (codes such as en, fr, pt-BR), by its common words;
    the first configured language when none stands out."""
    codes = [lang.replace("_", "-").split("-")[0].lower() for lang in languages] or ["en"]
    words = [w.lower() for w in _WORD.findall(text[:5000])]
    if "ar" in codes and words and sum(1 for w in words if _ARABIC.match(w)) * 2 > len(words):
        return "ar"  # by its script: a short Arabic text may hold none of the common words
    best, score = codes[0], 0
    for code in dict.fromkeys(codes):
        common = set(_COMMON.get(code, "").split())
        hits = sum(1 for w in words if w in common)
        if hits > score:
            best, score = code, hits
    return best


def _alt(words: str, sep: str = " ") -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(
        (w for w in words.split(sep) if w), key=len, reverse=True))


def _terms(words: str) -> str:
    """Alternatives separated by "|"; a trailing * makes a stem ("desplazad*"), otherwise a whole word."""
    return "|".join(re.escape(w.rstrip("*")).replace(r"\ ", r"\s+") + ("" if w.endswith("*") else r"(?!\w)")
                    for w in sorted((w for w in words.split("|") if w), key=len, reverse=True))


class Language:
    """The compiled words of one language."""

    def __init__(self, code: str):
        self.code = code
        clitic = _CLITICS if code == "ar" else ""
        self.after = [(kind, re.compile(rf"(?<!\w){clitic}(?:{_terms(words)})", re.I)) for kind, words in _AFTER[code]]
        self.before = [(kind, re.compile(rf"(?<!\w){clitic}(?:{_alt(words, '|')})\s*$", re.I))
                       for kind, words in _BEFORE[code] if words]
        self.before_terms = [(kind, re.compile(rf"(?<!\w){clitic}(?:{_alt(words, '|')})(?!\w)", re.I))
                             for kind, words in _BEFORE[code] if words]
        self.and_ = re.compile(rf"^\s*,?\s*(?:{_AND[code]})(?!\w)\s*$" if code != "ar" else r"^\s*،?\s*و?\s*$", re.I)
        self.civilian = re.compile(rf"(?<!\w)(?:{_alt(_CIVILIANS[code])})", re.I)
        self.subcount = re.compile(rf"(?<!\w)(?:{_alt(_SUBCOUNT[code], '|')})\s*$", re.I)
        self.of_them = re.compile(rf"^\s*(?:{_alt(_OF_THEM[code], '|')})(?!\w)", re.I) if code in _OF_THEM else None
        quals = "|".join(_QUALIFIERS.values())
        # Arabic writes "and", "to", "with" as a letter joined to the next word ("لنحو", "وأكثر")
        self.qualifiers = [(q, re.compile(rf"(?<!\w)[وبل]?(?:{_alt(words, '|')})\s*$", re.I))
                           for q, words in _QUALIFIERS.items()]
        self.gap = re.compile(rf"^(?:\s|[وبل]?(?:{_alt(quals, '|')}|{_FILLER[code]}|de|di|d'|a|à|ل)(?!\w))*$", re.I)
        self.scale = re.compile(rf"\s*({_alt(' '.join(_SCALES[code]))})(?!\w)", re.I)
        # "1,4 millones", "8,5 Millionen", "11.58 مليون" (a decimal before a scale word), "936mila" (joined)
        self.scaled = re.compile(rf"(?<![\w.,'’])(\d{{1,3}})(?:([.,])(\d{{1,2}}))?(\s*)({_alt(' '.join(_SCALES[code]))})(?!\w)", re.I)
        self.toll = re.compile(rf"(?<!\w){clitic}(?:{_TOLL[code]})(?!\w)", re.I)
        self.to = re.compile(rf"(?<!\w)(?:{_TO[code]})\s*(?:[وبل]?(?:{_alt(quals, '|')})\s*)?$", re.I)
        words = {**_WORDS[code], **_VAGUE[code]}
        # "وآلاف" (and thousands); not "the": "الاثنين" is Monday, not two
        self.words = re.compile(rf"(?<!\w){'[وبل]?' if code == 'ar' else ''}(?P<w>{_alt(' '.join(words))})(?!\w)", re.I)
        self.months = re.compile(rf"\s*(?:\.|de|del)?\s*(?:{_alt(_MONTHS[code])})(?!\w)", re.I)


LANGUAGES = {code: Language(code) for code in _AFTER}  # constants compiled at import, not a cache


def language(code: str) -> Language | None:
    """The compiled words of a language, or None for English and languages without a table."""
    return LANGUAGES.get(code)


def foreign_numbers(sentence: str, found: list[Number], lang: Language) -> list[Number]:
    """The numbers of a sentence in this language: scale words after digits ("75 mila"), "mil 282",
    number words, quantities in words (ACLED's reading) and dates with a month name left out."""
    if lang.code == "ar":
        found = sorted([*found, *(Number(m.start(1), m.end(1), int(_GROUPING.sub("", m.group(1))), m.group(1))
                                  for m in _AR_JOINED.finditer(sentence))], key=lambda n: n.start)
    out: list[Number] = []
    for n in found:
        if n.excluded == "a year" and _count_follows(sentence, n.end, lang):
            n = Number(n.start, n.end, n.value, n.text)  # "plus de 2000 autres blessées": a count, not a year
        if n.excluded or n.value is None:
            out.append(n)
            continue
        if lang.months.match(sentence, n.end):
            out.append(Number(n.start, n.end, n.value, n.text, "part of a date"))
            continue
        scale = lang.scale.match(sentence, n.end)
        if scale and n.text[-1:].isdigit():
            value = n.value * {k.lower(): v for k, v in _SCALES[lang.code].items()}[scale.group(1).lower()]
            n = Number(n.start, scale.end(), value, sentence[n.start: scale.end()])
        out.append(n)
    scales = {k.lower(): v for k, v in _SCALES[lang.code].items()}
    for m in lang.scaled.finditer(sentence):
        if not (m.group(3) or not m.group(4)):
            continue  # "75 mila" is read above; this is "1,4 millones" or "936mila"
        whole = int(m.group(1)) + (int(m.group(3)) / 10 ** len(m.group(3)) if m.group(3) else 0)
        value = round(whole * scales[m.group(5).lower()])
        out = [n for n in out if not (n.start < m.end() and m.start() < n.end)]
        out.append(Number(m.start(), m.end(), value, m.group()))
    out.sort(key=lambda n: n.start)
    taken = [(n.start, n.end) for n in out]
    table = {k.lower(): v for k, v in {**_WORDS[lang.code], **_VAGUE[lang.code]}.items()}
    vague = {k.lower() for k in _VAGUE[lang.code]}
    for m in lang.words.finditer(sentence):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        word = m.group("w").lower()
        end, value = m.end(), table[word]
        follow = re.match(r"\s+(\d{3})(?!\d)", sentence[end:]) if word in ("mil",) else None
        if follow:  # "mil 282" (Spanish): 1282, and the 282 is not a number of its own
            value, end = 1000 + int(follow.group(1)), end + follow.end()
            out = [n for n in out if not (m.end() <= n.start < end)]
        elif lang.scale.match(sentence, end) and word not in vague:  # "ثلاثة آلاف"
            scale = lang.scale.match(sentence, end)
            value *= {k.lower(): v for k, v in _SCALES[lang.code].items()}[scale.group(1).lower()]
            end = scale.end()
        start = m.start("w")
        out.append(Number(start, end, value, sentence[start: end], implied="at-least" if word in vague else ""))
        taken.append((start, end))
    out.sort(key=lambda n: n.start)
    return _ar_compounds(sentence, out) if lang.code == "ar" else out


_AR_JOINED = re.compile(r"(?:(?<!\w)[وبل]|إلى|الى)(\d{1,3}(?:,\d{3})+|\d+)(?![\d,]\d|\w)")
_GROUPING = re.compile(r"[,.]")


def _ar_compounds(sentence: str, nums: list[Number]) -> list[Number]:
    """"71 ألفًا و824" is 71,824 and "مليون ومئة ألف" 1,100,000: a number ending in a scale word, "and",
    then a smaller number."""
    out: list[Number] = []
    for n in nums:
        prev = out[-1] if out else None
        if (prev and not prev.excluded and not n.excluded and prev.value and n.value and not prev.implied
                and prev.text[-1:] not in "0123456789" and prev.value % 1000 == 0 and n.value < prev.value
                and re.fullmatch(r"\s*و\s*", sentence[prev.end: n.start])):
            out[-1] = Number(prev.start, n.end, prev.value + n.value, sentence[prev.start: n.end])
            continue
        out.append(n)
    return out


def _count_follows(sentence: str, end: int, lang: Language) -> bool:
    """A kind term within two words after a number ("2000 autres blessées", "2000 Tote")."""
    after = sentence[end: end + 60]
    return any((m := p.search(after)) and len(after[: m.start()].split()) <= 2 for _, p in lang.after)


def qualifier(sentence: str, num: Number, lang: Language) -> tuple[str, str]:
    window = sentence[max(0, num.start - 30): num.start]
    for q, pattern in lang.qualifiers:
        m = pattern.search(window)
        if m:
            return q, m.group().strip()
    if num.implied:
        return num.implied, num.text
    return "exact", ""


_STOP = re.compile(r"[;:!?]|\.(?:\s|$)")


def read(sentence: str, nums: list[Number], lang: Language) -> list[tuple[Number, str, str | None, tuple[int, int]]]:
    """(number, kind, group, span) for each figure of a sentence in this language."""
    counts = [n for n in nums if not n.excluded and n.value is not None]
    out: list[tuple[Number, str, str | None, tuple[int, int]]] = []
    previous = None
    for i, n in enumerate(counts):
        nxt = counts[i + 1].start if i + 1 < len(counts) else len(sentence)
        stop = _STOP.search(sentence, n.end, nxt)
        after = sentence[n.end: stop.start() if stop else nxt]
        before_start = counts[i - 1].end if i else 0
        before = sentence[before_start: n.start]
        kind, span = None, (n.start, n.end)
        if re.match(rf"\s*(?:\w+\s+)?{_FAMILIES}", after, re.I):
            continue
        for k, pattern in lang.before:
            m = _term_before(before, pattern, lang)
            if m is not None:
                kind, span = k, (before_start + m, n.end)
                break
        words_after = after.split()
        group = None
        if kind is None:
            best = None
            for k, pattern in lang.after:
                m = pattern.search(after)
                if m and len(after[: m.start()].split()) <= 8 and (best is None or m.start() < best[1]):
                    best = (k, m.start(), m.end())
            if best:
                kind, span = best[0], (n.start, n.end + best[2])
        if lang.civilian.match(after.lstrip()) or (kind and lang.civilian.search(after[: span[1] - n.end])
                                                    and len(words_after) and lang.civilian.search(" ".join(words_after[:3]))):
            group = "civilians"
        elif kind and span[1] > n.end and lang.civilian.match(sentence, span[1] + 1) and sentence[span[1]: span[1] + 1] == " ":
            group = "civilians"  # the civilians named right after the term: "29 i decessi civili", "morts civils"
        elif (kind and out and out[-1][2] and out[-1][3][1] <= n.start and lang.and_.match(sentence[out[-1][3][1]: n.start])
              and not _people_after(after, lang)):
            group = out[-1][2]  # "13 civiles han muerto y 35 más han resultado heridos": civilians too
        toll = _toll_before(sentence, n.start, lang, need_term=kind is None) if group is None else None
        if toll:
            kind, span = kind or toll[0], (toll[1], span[1])
            if lang.civilian.search(sentence, toll[1], n.start):
                group = "civilians"  # "le nombre de civils tués ... s'est alourdi à 822 morts"
        if kind and group is None and before.strip() and lang.subcount.search(before) and _people_after(after, lang):
            continue  # "بينهم 15 طفلا", "darunter neun Kinder": a sub-count of another group, not a figure
        if kind is None and previous is not None:
            sub = lang.subcount.search(before) if before.strip() else None
            of_them = lang.of_them.match(after) if lang.of_them else None
            if (sub or of_them) and lang.civilian.search(after[:60] if of_them else after[:30]):
                kind, group, span = previous[1], "civilians", (n.start, n.end)
        if kind is None:
            continue
        out.append((n, kind, group, span))
        previous = (n, kind, group)
    return out


def _toll_before(sentence: str, start: int, lang: Language, need_term: bool = True) -> tuple[str, int] | None:
    """(kind, where the words start) for "Zahl der getöteten ... auf N", "حصيلة المصابين إلى N": a count
    word, a kind term, then "to" (and qualifiers) right before the number, in one clause of 200 characters."""
    lo = max(0, start - 200)
    window = sentence[lo: start]
    if not lang.to.search(window):
        return None
    counts = list(lang.toll.finditer(window))
    if not counts or _CLAUSE_END.search(window, counts[-1].start()):
        return None
    c = counts[-1]
    found = [(m.start(), k) for k, p in lang.after for m in p.finditer(window, c.end())]
    found += [(m.start(), k) for k, p in lang.before_terms for m in p.finditer(window, c.end())]
    if not found:
        return ("", lo + c.start()) if not need_term else None
    return min(found)[1], lo + c.start()


_CLAUSE_END = re.compile(r"[;!?]|(?<!\d)\.(?:\s|$)")


def _people_after(after: str, lang: Language) -> bool:
    """A number with other people of its own ("y 35 niños heridos"), not only "more"/"others"."""
    end = r"\w*" if lang.code == "ar" else r"(?!\w)"  # "طفلا", "طفلاً"
    return bool(re.match(rf"\s*(?:\S+\s+)?{_clitic(lang)}(?:{_OTHER_PEOPLE[lang.code]}){end}", after, re.I))


def _clitic(lang: Language) -> str:
    return _CLITICS if lang.code == "ar" else ""


def _term_before(before: str, pattern: re.Pattern, lang: Language) -> int | None:
    """Where a term right before the number starts (only qualifiers and fillers between), or None."""
    stripped = before.rstrip()
    for cut in range(len(stripped), max(-1, len(stripped) - 60), -1):
        m = pattern.search(stripped, 0, cut)
        if m and lang.gap.match(stripped[cut:]):
            return m.start()
    return None
