"""Figures in French, German, Italian, Spanish, Portuguese, Dutch and Arabic (issue 16: other languages).

English has its sentence patterns (:mod:`.figure_words`); the other languages are read by the words
around each number, which carries over from one language to the next with a table of words:

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

from generator.ingest.numbers import Number

KILLED, WOUNDED, DISPLACED = "killed", "wounded", "displaced"

# (kind, words) per language; a term is a word stem matched at a word start ("tué" matches "tuées")
_AFTER = {
    "fr": [(KILLED, "morts|mortes|mort|tués|tuées|tué|décès|décédés"), (WOUNDED, "blessés|blessées|blessé"),
           (DISPLACED, "déplacés|déplacées|déplacé|ont fui|réfugiés")],
    "de": [(KILLED, "tote|toten|todesopfer|getötet|ums leben|starben|gestorben|umgekommen"),
           (WOUNDED, "verletzt|verwundet|verletzte|verletzten"),
           (DISPLACED, "vertrieben|in die flucht|geflohen|geflüchtet|flüchtlinge")],
    "it": [(KILLED, "morti|morte|morto|uccisi|uccise|ucciso|decessi|perso la vita"), (WOUNDED, "feriti|ferite|ferito"),
           (DISPLACED, "sfollati|sfollate|sfollato|lasciato le proprie case|fuggit*")],
    "es": [(KILLED, "muertos|muertas|murieron|muerto|fallecid*|han muerto"),
           (WOUNDED, "heridos|heridas|herido|lesionados"), (DISPLACED, "desplazad*|dejar sus hogares|huido|huyeron")],
    "pt": [(KILLED, "mortos|mortas|morreram|morto|mortes"), (WOUNDED, "feridos|feridas|ferido"),
           (DISPLACED, "deslocad*|deixar suas casas|fugiram|desalojad*")],
    "nl": [(KILLED, "doden|dode|gedood|om het leven|het leven|omgekomen"), (WOUNDED, "gewonden|gewond"),
           (DISPLACED, "ontheemd|ontvlucht|gevlucht|op de vlucht")],
    "ar": [(KILLED, "قتيل*|قتلى|قتلوا|لقوا حتفهم"), (WOUNDED, "جريح*|جرحى|جرحوا|مصاب*|أصيب*"),
           (DISPLACED, "نازح*|الفرار من منازلهم|نزحوا")],
}
# terms right before the number (only qualifiers between): "Morreram 562", "la morte di 55"
_BEFORE = {
    "fr": [(KILLED, "la mort de|la mort d'|tué|tuant"), (WOUNDED, "blessé|blessant"), (DISPLACED, "déplacé")],
    "de": [(KILLED, "getötet|tötete"), (WOUNDED, "verletzt|verletzte"), (DISPLACED, "vertrieben")],
    "it": [(KILLED, "la morte di|uccidendo|ucciso"), (WOUNDED, "il ferimento di|ferendo|ferito"),
           (DISPLACED, "lo sfollamento di")],
    "es": [(KILLED, "murieron|la muerte de|matando|mató"), (WOUNDED, "hiriendo|hirió"),
           (DISPLACED, "el desplazamiento de|desplazó")],
    "pt": [(KILLED, "morreram|a morte de|matando|matou"), (WOUNDED, "ficaram feridas|ficaram feridos|feriu"),
           (DISPLACED, "deslocou|o deslocamento de")],
    "nl": [(KILLED, "het leven gekost aan|doodde"), (WOUNDED, "verwondde"), (DISPLACED, "")],
    "ar": [(KILLED, "بمقتل|مقتل|قتل|قتلى|القتلى"), (WOUNDED, "وجرح|جرح|إصابة|وإصابة|أصيب|وأصيب|جرحى|الجرحى"),
           (DISPLACED, "نزوح|نزوح داخلي|نزح")],
}
_CIVILIANS = {"fr": "civils civil", "de": "zivilisten zivilist", "it": "civili civile", "es": "civiles civil",
              "pt": "civis civil", "nl": "burgers burger", "ar": "مدني"}
_SUBCOUNT = {"fr": "dont|parmi lesquels|parmi eux", "de": "darunter|unter ihnen", "it": "tra cui|di cui|tra loro",
             "es": "entre ellos|entre ellas|de ellos|incluidos", "pt": "entre eles|incluindo|dos quais",
             "nl": "onder wie|onder hen|waaronder", "ar": "بينهم|من بينهم"}
# a count of families or households is not a count of people (the ledger counts people)
_FAMILIES = r"(?:familles|foyers|familien|haushalte|famiglie|nuclei|familias|hogares|famílias|gezinnen|families|"\
            r"huishoudens|عائلة|عائلات|أسرة|أسر)(?!\w)"
_AND = {"fr": "et", "de": "und", "it": "e|ed", "es": "y|e", "pt": "e", "nl": "en", "ar": "و"}
_OTHER_PEOPLE = {"fr": "enfants|femmes|soldats|militaires|combattants|policiers|secouristes",
                 "de": "kinder|frauen|soldaten|kämpfer|polizisten|helfer", "it": "bambini|donne|soldati|militari|combattenti",
                 "es": "niños|mujeres|soldados|militares|combatientes|policías", "pt": "crianças|mulheres|soldados|militares|combatentes",
                 "nl": "kinderen|vrouwen|soldaten|militairen|strijders", "ar": "أطفال|طفل|نساء|جنود|عسكري|مقاتل"}
_OF_THEM = {"de": "davon", "it": "dei quali", "es": "de ellos", "fr": "d'entre eux", "nl": "van hen", "pt": "deles"}
_QUALIFIERS = {
    "more-than": "plus de|mehr als|über|oltre|più di|más de|mais de|meer dan|ruim|أكثر من|اكثر من|ما يزيد عن|ما يزيد على",
    "at-least": "au moins|mindestens|wenigstens|almeno|al menos|por lo menos|pelo menos|ao menos|minstens|zeker|"
                "على الأقل",
    "about": "environ|quelque|rund|etwa|ungefähr|circa|alrededor de|cerca de|unos|unas|cerca de|ongeveer|"
             "حوالى|حوالي|نحو|زهاء",
    "nearly": "près de|presque|fast|beinahe|quasi|casi|quase|bijna|ما يقارب|قرابة",
}
_FILLER = {"fr": "personnes|autres|de plus", "de": "menschen|weitere|personen", "it": "persone|altre|altri",
           "es": "personas|más|individuos", "pt": "pessoas|mais", "nl": "mensen|personen|nog eens",
           "ar": "شخص|أشخاص|آخرين|إلى|الى"}
_SCALES = {"fr": {"mille": 1000, "millions": 10**6, "million": 10**6}, "de": {"tausend": 1000, "millionen": 10**6},
           "it": {"mila": 1000, "mille": 1000, "milioni": 10**6}, "es": {"mil": 1000, "millones": 10**6},
           "pt": {"mil": 1000, "milhões": 10**6}, "nl": {"duizend": 1000, "miljoen": 10**6},
           "ar": {"ألف": 1000, "الف": 1000, "آلاف": 1000, "مليون": 10**6}}
_WORDS = {
    "fr": {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
           "cent": 100, "mille": 1000},
    "de": {"zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
           "hundert": 100, "tausend": 1000},
    "it": {"due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7, "otto": 8, "nove": 9, "dieci": 10,
           "cento": 100, "mille": 1000},
    "es": {"dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10,
           "cien": 100, "mil": 1000},
    "pt": {"dois": 2, "duas": 2, "três": 3, "quatro": 4, "cinco": 5, "seis": 6, "sete": 7, "oito": 8, "nove": 9,
           "dez": 10, "cem": 100, "mil": 1000},
    "nl": {"twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9, "tien": 10,
           "honderd": 100, "duizend": 1000},
    "ar": {"اثنان": 2, "اثنين": 2, "ثلاثة": 3, "أربعة": 4, "خمسة": 5, "ستة": 6, "سبعة": 7, "ثمانية": 8, "تسعة": 9,
           "عشرة": 10, "مئة": 100, "مائة": 100, "مئتي": 200, "مئتين": 200, "مائتي": 200, "ألف": 1000},
}
# quantities in words, read as ACLED does (the most conservative value, at-least)
_VAGUE = {"fr": {"dizaines": 12, "centaines": 100, "milliers": 1000}, "de": {"dutzende": 12, "hunderte": 100,
          "tausende": 1000}, "it": {"decine": 12, "centinaia": 100, "migliaia": 1000},
          "es": {"decenas": 12, "docenas": 12, "cientos": 100, "centenares": 100, "miles": 1000},
          "pt": {"dezenas": 12, "centenas": 100, "milhares": 1000}, "nl": {"tientallen": 12, "honderden": 100,
          "duizenden": 1000}, "ar": {"عشرات": 12, "مئات": 100, "آلاف": 1000}}
_MONTHS = {
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "de": "januar februar märz april mai juni juli august september oktober november dezember",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "ar": "يناير فبراير مارس أبريل ابريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",
}
# common words, to tell the language of a seed among the configured ones
_COMMON = {
    "en": "the and of to in is was were have has said that with from by people at least more than",
    "fr": "le la les des et est dans du une pour qui sont ont été selon depuis personnes au moins plus",
    "de": "der die das und ist sind wurden nach mit von den im bei seit sich menschen mindestens mehr als",
    "it": "il la le di e che sono della del per nel dei gli ha è persone almeno oltre",
    "es": "el la los las y que en del por para según se han fueron personas al menos más",
    "pt": "o os as e que em do da dos para com foram segundo desde pessoas pelo menos mais ao",
    "nl": "de het een en van is zijn op te met door volgens hebben werd mensen zeker minstens meer dan bij",
    "ar": "في من على إلى الى عن مع أن التي الذي",
}
_CLITICS = r"(?:[وفبل]?(?:ال|لل)?)"  # Arabic: "and", "so", "with", "to", "the" written joined to the word
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def detect(text: str, languages) -> str:
    """The language of a text among ``languages`` (codes such as en, fr, pt-BR), by its common words;
    the first configured language when none stands out."""
    codes = [lang.replace("_", "-").split("-")[0].lower() for lang in languages] or ["en"]
    words = [w.lower() for w in _WORD.findall(text[:5000])]
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
        words = {**_WORDS[code], **_VAGUE[code]}
        self.words = re.compile(rf"(?<!\w){clitic}(?P<w>{_alt(' '.join(words))})(?!\w)", re.I)
        self.months = re.compile(rf"\s*(?:\.|de|del)?\s*(?:{_alt(_MONTHS[code])})(?!\w)", re.I)


LANGUAGES = {code: Language(code) for code in _AFTER}  # constants compiled at import, not a cache


def language(code: str) -> Language | None:
    """The compiled words of a language, or None for English and languages without a table."""
    return LANGUAGES.get(code)


def foreign_numbers(sentence: str, found: list[Number], lang: Language) -> list[Number]:
    """The numbers of a sentence in this language: scale words after digits ("75 mila"), "mil 282",
    number words, quantities in words (ACLED's reading) and dates with a month name left out."""
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


def _people_after(after: str, lang: Language) -> bool:
    """A number with other people of its own ("y 35 niños heridos"), not only "more"/"others"."""
    return bool(re.match(rf"\s*(?:\S+\s+)?{_clitic(lang)}(?:{_OTHER_PEOPLE[lang.code]})(?!\w)", after, re.I))


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
