"""English words that both the model (reading dates) and ingest (reading seed documents) know:
month names and their numbers, number words, and what a web address looks like."""

from __future__ import annotations

import re

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
