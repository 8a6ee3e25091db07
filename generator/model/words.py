"""English words that both the model (reading dates) and ingest (reading seed documents) know:
month names and their numbers, number words, what a web address looks like, and the common words
of each site language that make a useless alias."""

from __future__ import annotations

import re

from generator.model.text import fold_only

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
_MONTH_NUMBERS = {m[:3]: i + 1 for i, m in enumerate(MONTHS)}

NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}

# An http(s) address: a source's url in front matter, ingest's --url, a link in a seed document.
WEB_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.I)


def month_number(name: str) -> int:
    """1-12 for a month's name or its abbreviation ("April", "apr", "Sept.")."""
    return _MONTH_NUMBERS[name.rstrip(".").lower()[:3]]


_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
# Words so common that an alias made of them would tie its actor to nearly every article:
# a short list per site language (``languages`` in mkdocs.yml), for a warning when actors load.
_COMMON_WORDS = {
    "en": "a an and are as at be but by for from had has have he her his i in is it its no not of on or "
          "our she so that the their them they this to up us was we were who will with you",
    "fr": "a au aux avec ce ces dans de des du elle en est et il ils je la le les leur lui mais me ne nous "
          "on ou par pas pour qui sa se son sont sur ta te tu un une vous y",
    "es": "a al como con de del el ella en es esta este la las lo los mas no o para pero por que se sin "
          "su sus un una y ya",
    "de": "am an auch auf aus bei das dem den der des die ein eine er es im in ist mit nicht oder sie "
          "sind und von vor zu zum zur",
    "it": "a ai al alla che con da del della di e gli i il in la le lo ma non per si su un una",
    "pt": "a ao as com da das de do dos e em na nas no nos o os para por que se um uma",
    "ar": "في من على إلى الى "
          "عن مع و أو هذا هذه "
          "التي الذي أن إن كان "
          "قد لا ما ثم",
}
COMMON_WORDS = {lang: frozenset(fold_only(w) for w in words.split()) for lang, words in _COMMON_WORDS.items()}
LANGUAGE_NAMES = {"en": "English", "fr": "French", "es": "Spanish", "de": "German", "it": "Italian",
                  "pt": "Portuguese", "ar": "Arabic"}


def common_word(word: str, languages) -> str | None:
    """Why ``word`` would match nearly everywhere as an alias, or None.

    Capital acronyms match only in capitals, so they never count; otherwise a word (or
    words) from the list of a site language does, and so does any lowercase word of
    fewer than 3 letters (it matches in any case).
    """
    word = " ".join(word.split())
    if not word or _ACRONYM.match(word):
        return None
    folded = fold_only(word).split()
    for language in languages:
        code = language.replace("_", "-").split("-")[0].lower()  # en-GB, pt_BR
        common = COMMON_WORDS.get(code)
        if common and all(w in common for w in folded):
            name = LANGUAGE_NAMES.get(code, language)
            return f"a common {name} word" if len(folded) == 1 else f"made of common {name} words"
    if len(word) < 3 and word.islower():
        return "shorter than 3 letters and lowercase, so it matches in any case"
    return None
