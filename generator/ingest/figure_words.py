"""The words and patterns that figures.py reads figure claims with: the kinds of figure, the terms
before and after a number, kinds of people, qualifiers, and the sentence patterns A, B, C, F, S, U
(described in :mod:`generator.ingest.figures`)."""

from __future__ import annotations

import re

KILLED = "killed"
WOUNDED = "wounded"
DISPLACED = "displaced"
EVACUATED = "evacuated"

# words after the number -> base kind
AFTER = {
    "killed": KILLED, "dead": KILLED, "died": KILLED, "deaths": KILLED, "fatalities": KILLED,
    "lost their lives": KILLED, "have lost their lives": KILLED, "martyrs": KILLED,
    "wounded": WOUNDED, "injured": WOUNDED, "hurt": WOUNDED, "injuries": WOUNDED,
    "displaced": DISPLACED, "internally displaced": DISPLACED, "fled": DISPLACED, "flee": DISPLACED,
    "flees": DISPLACED, "fleeing": DISPLACED, "forced to flee": DISPLACED, "uprooted": DISPLACED,
    "forced from their homes": DISPLACED, "driven from their homes": DISPLACED, "left their homes": DISPLACED,
    "forced out of their homes": DISPLACED, "driven out of their homes": DISPLACED,
    "had to leave their homes": DISPLACED,
    "evacuated": EVACUATED,
}
# words before the number -> base kind
BEFORE = {
    "killing": KILLED, "killed": KILLED, "kills": KILLED, "kill": KILLED,
    "wounding": WOUNDED, "wounded": WOUNDED, "wounds": WOUNDED, "injuring": WOUNDED, "injured": WOUNDED,
    "injures": WOUNDED,
    "death of": KILLED, "deaths of": KILLED,  # "resulting in the death of two civilians"
    "displacing": DISPLACED, "displaced": DISPLACED, "displaces": DISPLACED,
    "evacuating": EVACUATED, "evacuated": EVACUATED, "evacuates": EVACUATED,
}
NOUN_TERMS = {"displacement": DISPLACED, "dead": KILLED, "killed": KILLED, "wounded": WOUNDED, "injured": WOUNDED, "displaced": DISPLACED,
               "evacuated": EVACUATED, "casualties": None, "injuries": WOUNDED, "deaths": KILLED,
               "fatalities": KILLED}
# who the displaced are, said as a noun: "the number of IDPs exceeded ..."
IDP_TERMS = {"idps": DISPLACED, "internally displaced persons": DISPLACED, "internally displaced people": DISPLACED,
             "displaced persons": DISPLACED, "displaced people": DISPLACED}
NOUN_TERMS.update(IDP_TERMS)

# kinds of people; a group gives the figure kind a prefix ("civilians-killed") and a scope
GROUPS = {
    "civilian": "civilians", "civilians": "civilians",
    "child": "children", "children": "children", "kids": "children", "boys": "children", "girls": "children",
    "woman": "women", "women": "women",
    "migrant": "migrants", "migrants": "migrants",
    "refugee": "refugees", "refugees": "refugees", "asylum seekers": "refugees",
    "fighter": "fighters", "fighters": "fighters", "combatants": "fighters", "militiamen": "fighters",
    "militants": "fighters", "gunmen": "fighters",
    "soldier": "soldiers", "soldiers": "soldiers", "troops": "soldiers",
    "health workers": "health-workers", "medics": "health-workers", "paramedics": "health-workers",
    "doctors": "health-workers", "nurses": "health-workers",
    "journalists": "journalists", "detainees": "detainees", "prisoners": "detainees",
}
_PEOPLE_PLAIN = ["people", "persons", "person", "others", "individuals", "residents", "resident", "men", "man",
                 "patients", "protesters", "demonstrators", "inhabitants", "workers", "staff", "members",
                 "policemen", "officers", "victims", "idps", "bystanders", "passengers", "students", "pilgrims",
                 "citizens"]
_PEOPLE = sorted({*GROUPS, *_PEOPLE_PLAIN}, key=len, reverse=True)
_ADJ = ["more", "other", "additional", "further", "newly", "internally", "innocent", "unarmed", "young", "foreign",
        "local", "african", "sub-saharan", "libyan", "syrian", "sudanese", "egyptian", "tunisian", "chadian",
        "nigerien", "eritrean", "armed", "enemy", "rebel", "government", "pro-[a-z]+", "anti-[a-z]+"]
_AUX = ["have", "has", "had", "been", "were", "was", "are", "is", "be", "being", "now", "so far", "already",
        "reportedly", "also", "then", "still", "allegedly", "forced to", "confirmed", "believed", "feared",
        "thought", "reported", "since", "in all", "in total", "altogether", "who", "got", "left", "as", "by then",
        "having", "having been", "become", "became", "have become", "has become", "to have", "to have been"]
_FUNC = ["and", "or", "in", "on", "at", "since", "across", "around", "during", "when", "after", "before",
         "including", "of", "over", "by", "from", "with", "while", "as", "near", "inside", "outside", "last",
         "this", "the", "so", "according", "among", "amid", "following", "throughout", "until", "between", "who",
         "were", "was", "had", "have", "has", "are", "is", "out", "to", "overnight", "yesterday", "today",
         "for", "because", "earlier", "later", "into", "within", "along", "there", "said", "says", "a", "an"]
QUAL = [
    ("more-than", ["more than", "over"]), ("nearly", ["nearly", "almost"]),
    ("at-least", ["at least", "no fewer than", "no less than", "upwards of", "in excess of",
                  "a minimum of", "at a minimum", "above", "passes", "passed", "tops", "topped", "exceeds",
                  "exceeded", "surpassed", "surpasses"]),
    ("about", ["about", "around", "some", "approximately", "roughly", "an estimated", "estimated", "circa",
               "approx."]),
    ("up-to", ["up to", "as many as", "close to", "just under", "fewer than", "less than",
               "at most", "no more than", "under", "not more than"]),
]
QUAL[1][1].extend(["approaching", "approaches", "approached"])  # issue 16: "the number ... approaching 60,000"
_RISE = ["amounted", "amounts", "amount", "has amounted", "have amounted", "approaching", "approaches", "approached",
         "surpasses", "reaching", "reaches", "passes", "tops", "exceeds", "exceeded", "surpassed", "has risen", "had risen", "have risen", "risen", "rose", "reached", "has reached", "had reached",
         "climbed", "has climbed", "jumped", "increased", "stands", "stood", "is", "was", "is now", "now stands",
         "hit", "passed", "topped", "has passed", "has topped", "has hit", "went up", "has gone up", "totals",
         "totalled", "totaled"]


def phrase(words: str) -> str:
    """A regular expression for a phrase, any whitespace between its words."""
    return re.escape(words).replace(r"\ ", r"\s+")


def _alt(words) -> str:
    return "(?:" + "|".join(w if w.startswith(("pro-", "anti-")) else phrase(w)
                            for w in sorted(words, key=len, reverse=True)) + ")"


N = r"⟨(?P<{name}>\d+)⟩"
QUAL_ALL = _alt([w for _, ws in QUAL for w in ws])
_Q = rf"(?:(?:a\s+further|an\s+additional|another)\s+)?(?:{QUAL_ALL}\s+)?(?:a\s+total\s+of\s+)?"
FURTHER = re.compile(r"\ba\s+further\s+(?:\S+\s+){0,2}$", re.I)  # "displaced a further 100,000": new since the last count
_FAMILIES = r"(?:families|households|family|household)"
_DEMONYM = r"[A-Z][a-z]+(?:ans|ians|ese|is)"
_ADJ_RE = rf"(?:{_alt(_ADJ)}|(?-i:{_DEMONYM}))"
PEOPLE_RE = rf"(?:{_alt(_PEOPLE)}|(?-i:{_DEMONYM}))"
# "(including 21 civilians)" between the people and the term: the sub-count is read by pattern S
PARENTHESIS = r"\((?:including|among\s+them|of\s+whom)[^()]{0,60}\)"
# "24,000 people from 4,870 households have been displaced": the households are noted, not counted
_FROM_FAMILIES = rf"from\s+⟨\d+⟩\s+{_FAMILIES}"
_MID_WORD = rf"(?:{_ADJ_RE}|{PEOPLE_RE}|{_alt(_AUX)}|of\s+(?:its|their|his|her|our|whom)|{PARENTHESIS}|{_FROM_FAMILIES})"
_STATE = r"(?:wounded|injured|displaced|sick|trapped|stranded)"  # "evacuated 40 wounded people"
_AFTER_RE = _alt(AFTER)
BEFORE_RE = _alt(BEFORE)
_BOUNDARY = rf"(?=\s*(?:$|[,;:.!?)\"”’(\[–—-])|\s+{_alt(_FUNC)}(?!\w))"
_FLAGS = re.I

PATTERNS = [
    # C: sub-counts naming a group
    ("C", re.compile(rf"\b(?:of|among)\s+(?:the|those)\s+(?P<term>dead|killed|wounded|injured|displaced),?\s+{_Q}"
                     rf"{N.format(name='n')}\s+(?:were|was|are)\s+(?:(?:also|all)\s+)?(?P<group>{PEOPLE_RE})\b",
                     _FLAGS)),
    ("C", re.compile(rf"{N.format(name='n')}\s+of\s+(?:the|those|them)\s+(?P<term>dead|killed|wounded|injured)"
                     rf"(?:\s+and\s+{N.format(name='n2')}\s+of\s+(?:the|those)\s+(?P<term2>dead|killed|wounded|injured))?"
                     rf"\s+(?:were|was|are)\s+(?:(?:also|all)\s+)?(?P<group>{PEOPLE_RE})\b", _FLAGS)),
    ("C", re.compile(rf"\bamong\s+(?:the|those)\s+(?P<term>dead|killed|wounded|injured)\s+(?:were|was|are)\s+{_Q}"
                     rf"{N.format(name='n')}\s+(?:{_ADJ_RE}\s+)*(?P<group>{PEOPLE_RE})\b", _FLAGS)),
    ("C", re.compile(rf"{N.format(name='n')}\s+(?:{_ADJ_RE}\s+)*(?P<group>{PEOPLE_RE})\s+(?:were|was|are)\s+"
                     rf"(?:(?:also|reportedly)\s+)?among\s+(?:the|those)\s+(?P<term>dead|killed|wounded|injured)\b",
                     _FLAGS)),
    # F: "the number of people killed ... has risen to N", "the death toll rose to N"
    ("F", re.compile(rf"\b(?:number|toll|tally|count)\s+of\s+(?:the\s+)?(?:(?P<group>{PEOPLE_RE})\s+)?"
                     rf"(?:(?:who|that)\s+(?:have|has|had)\s+(?:been\s+)?)?(?P<term>{_alt(IDP_TERMS)}|{_AFTER_RE})\b"
                     rf"(?:[^,;:.!?]{{0,80}}?\b{_alt(_RISE)}\s+(?:to\s+|at\s+)?|\s+at\s+){_Q}{N.format(name='n')}", _FLAGS)),
    ("F", re.compile(rf"\b(?P<term>displacement)\s+(?:{_alt(_RISE)}\s+)?(?:to\s+|at\s+|of\s+)?{_Q}{N.format(name='n')}",
                     _FLAGS)),
    ("F", re.compile(rf"\b(?:(?P<group>civilian)\s+)?(?P<term>death\s+toll|toll)\b[^,;:.!?]{{0,60}}?"
                     rf"(?:\b{_alt(_RISE)}\s+(?:to\s+|at\s+)?|\bof\s+|\bat\s+){_Q}{N.format(name='n')}", _FLAGS)),
    # P: families with the people in brackets, or families and people: the people are the figure
    ("P", re.compile(rf"⟨(?P<fam>\d+)⟩\s+{_FAMILIES}\s*[(\[]\s*{_Q}{N.format(name='n')}\s+(?:{_ADJ_RE}\s+)*"
                     rf"{PEOPLE_RE}\s*[)\]](?P<mid>(?:\s+{_MID_WORD}){{0,6}}?)\s+(?P<term>{_AFTER_RE})(?!\w)", _FLAGS)),
    ("P", re.compile(rf"\b(?P<term>{BEFORE_RE})\s+{_Q}⟨(?P<fam>\d+)⟩\s+{_FAMILIES}\s*(?:[(\[]\s*|,?\s+and\s+){_Q}"
                     rf"{N.format(name='n')}\s+(?:{_ADJ_RE}\s+)*{PEOPLE_RE}", _FLAGS)),
    # F: "injuries amounted to over 3550", "deaths have reached 40"
    ("F", re.compile(rf"\b(?P<term>injuries|deaths|fatalities)\s+(?:(?:has|have|had)\s+)?{_alt(_RISE)}\s+"
                     rf"(?:to\s+|at\s+)?{_Q}{N.format(name='n')}", _FLAGS)),
    # D: "forced more than 100,000 people to flee their homes", "drove 5,000 people from their homes"
    ("D", re.compile(rf"\b(?:forced|forcing|forces|force|drove|driven|driving|pushed|pushing|compelled|obliged)\s+"
                     rf"{_Q}{N.format(name='n')}(?:\s+(?:{_ADJ_RE}\s+)*(?P<group>{PEOPLE_RE}))?\s+"
                     rf"(?:to\s+(?:flee|leave|abandon)|from\s+their|out\s+of\s+their|into\s+(?:flight|displacement))\b",
                     _FLAGS)),
    # B: the term, then the number, then perhaps people, then a boundary
    ("B", re.compile(rf"\b(?P<term>{BEFORE_RE})\s+{_Q}{N.format(name='n')}(?:\s+(?:(?:{_ADJ_RE}|{_STATE})\s+)*"
                     rf"(?P<group>{PEOPLE_RE}))?{_BOUNDARY}", _FLAGS)),
    # A: number, then people and auxiliaries, then the term
    ("A", re.compile(rf"{N.format(name='n')}(?:\s+(?:{_ADJ_RE}\s+)*(?P<group>{PEOPLE_RE})\s+and\s+{_Q}"
                     rf"{N.format(name='n2')})?(?P<mid>(?:\s+{_MID_WORD}){{0,6}}?)\s+(?P<term>{_AFTER_RE})(?!\w)",
                     _FLAGS)),
    # S: "..., including seven civilians", "among them 36 civilians": a group of the figure before it
    ("S", re.compile(rf"\b(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them)\s+{_Q}{N.format(name='n')}\s+"
                     rf"(?:{_ADJ_RE}\s+)*(?P<group>{PEOPLE_RE}){_BOUNDARY}", _FLAGS)),
    # U: "taking the total above 25,000": the same kind as the figure before it
    ("U", re.compile(rf"\b(?:taking|bringing|pushing|raising|lifting)\s+(?:the|its|their)\s+(?:total|toll|tally|number|"
                     rf"count|figure)\s+(?:to|above|past|over|beyond)\s+{_Q}{N.format(name='n')}", _FLAGS)),
    # U: "..., including 4,500 in the past 24 hours": same kind as the figure before it
    ("U", re.compile(rf"\bincluding\s+{_Q}{N.format(name='n')}\s+(?:in|over|during|within)\s+the\s+"
                     rf"(?:past|previous|last)\b", _FLAGS)),
    # U: "up from about N": same kind as the figure before it
    ("U", re.compile(rf"\b(?:up|down)\s+from\s+{_Q}{N.format(name='n')}(?:\s+(?:{_ADJ_RE}\s+)*"
                     rf"(?P<group>{PEOPLE_RE}))?{_BOUNDARY}", _FLAGS)),
]
