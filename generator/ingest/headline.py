"""Event titles as short headline phrases, who did what (issue 16: 5), not cut sentences: the sentence
without its date words, its attribution ("..., the UN said", "According to X,"), leading connectives and
trailing clauses (", having ...", ", while ..."), shortened at a phrase boundary when still long.
"""

from __future__ import annotations

import re

WIDTH = 80
_REPORTED = r"(?:said|says|told\s+[\w\s'’-]{0,40}|reported|added|announced|stated|confirmed)"
_ATTRIBUTION_END = re.compile(rf",?\s+(?:according\s+to\s+[^,]{{1,80}}|[^,]{{1,80}}?\s+{_REPORTED}(?:\s+on\s+\w+)?)\s*$",
                              re.I)
_ATTRIBUTION_START = re.compile(r"^(?:according\s+to\s+[^,]{1,80},|[^,]{1,60}\s+(?:said|says)\s+(?:that\s+)?)\s*",
                                re.I)
_CONNECTIVE = re.compile(r"^(?:but|and|however|meanwhile|also|still|yet|so|then)\b,?\s*", re.I)
_CLAUSE = re.compile(r"\s*(?:,\s*(?:having|after|while|as|which|who|including|but|with|before|when|despite|"
                     r"amid|although|though|since|because|where|bringing|taking|adding|saying|forcing|prompting|leaving)\b|\s+[-–—]\s+|;)", re.I)
_PHRASE = re.compile(r"\s+(?:of|near|in|at|on|from|to|for|with|after|amid|during|over|around)\s+", re.I)


def headline(sentence: str, date_words: str = "") -> str:
    text = " ".join(sentence.split())
    if date_words:
        text = " ".join(re.sub(rf"(?:,\s*)?\b{re.escape(date_words)}\b,?\s*", " ", text, count=1).split())
    text = text.strip(" .;:")
    text = _CONNECTIVE.sub("", text)
    m = _ATTRIBUTION_END.search(text)
    if m and m.start() > 20:
        text = text[: m.start()]
    m = _ATTRIBUTION_START.match(text)
    if m and len(text) - m.end() > 20:
        text = text[m.end():]
    m = _CLAUSE.search(text)
    if m and m.start() > 20:
        text = text[: m.start()]
    text = text.strip(" ,.;:\"“”")
    if len(text) > WIDTH:
        cuts = [m.start() for m in _PHRASE.finditer(text) if 25 <= m.start() <= WIDTH]
        if cuts:
            text = text[: cuts[-1]]
        else:
            text = text[:WIDTH].rsplit(" ", 1)[0].rstrip(",;:-–") + "…"
    return text[:1].upper() + text[1:] if text else " ".join(sentence.split())[:WIDTH]
