"""Names, aliases, topic titles and keywords are matched in every text: refuse what would break the
matching (a word of 1,000 characters), and warn about what would match nearly everywhere."""

from __future__ import annotations

from generator.model.frontmatter import Where
from generator.model.keytypes import INVALID
from generator.model.types import DateSettings
from generator.model.words import common_word

# Names, aliases, titles and keywords are matched in every text, through a pattern nested as
# deep as the longest of them; no real name comes near this.
MATCHED_MAX = 150

# Per kind: the single word key and the list key whose words are matched in every text.
_MATCHED = {"actors": ("name", "aliases", "actor", "alias"), "topics": ("title", "keywords", "topic", "keyword"),
            "places": ("name", "aliases", "place", "alias")}


def check_matched(settings: DateSettings, kind: str, data, f: dict, where: Where) -> None:
    """Check the matched words of an actor or topic (``f``: its validated fields, edited in place)."""
    if kind not in _MATCHED:
        return
    one, many, what, item = _MATCHED[kind]
    lines = getattr(data, "lines", {})
    if isinstance(f.get(one), str) and len(f[one]) > MATCHED_MAX:
        where.error(lines.get(one, 0), f"'{one}' is {len(f[one])} characters long; it is matched in every text, "
                                       f"so keep it to at most {MATCHED_MAX}")
        f[one] = INVALID
    words = data.get(many)
    if not isinstance(words, list) or f.get(many) is INVALID:
        return
    kept = []
    for i, word in enumerate(words):
        line0 = words.lines[i] if i < len(getattr(words, "lines", [])) else lines.get(many, 0)
        if not isinstance(word, str) or word.strip() not in (f.get(many) or []):
            continue  # already reported
        word = word.strip()
        if len(word) > MATCHED_MAX:
            where.error(line0, f"{item} of {len(word)} characters in '{many}'; {many} are matched in every "
                               f"text, so keep each to at most {MATCHED_MAX}")
            continue
        kept.append(word)
        why = common_word(word, settings.languages)
        if why:
            where.warning(line0, f"{item} '{word}' is {why}: it would tie this {what} to nearly every article; "
                                 f"remove it or make it longer" + (" (or write an acronym in capitals: capitals "
                                 f"match only capitals)" if len(word) < 3 else ""))
    f[many] = kept
