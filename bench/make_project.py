"""Generate a synthetic briefing project of N articles, for the scale benchmark.

    python bench/make_project.py DEST -n 1000            # a briefing project (README: Content guide)
    python bench/make_project.py DEST -n 1000 --blog     # the same posts for Material's blog plugin

The content follows docs/briefing-spec.md: articles with 300-600 word English bodies
from a seeded sentence generator, 1-4 events each with mixed date forms (YAML and
quoted ISO days, "12 April 2019", "April 12, 2019", "4 April", "April 2019", and the
relative forms the loader accepts: "on Friday", "Friday", "last Monday", "yesterday",
"last week", "two days ago", "3 days ago"), figure claims, 50 actors with aliases that
the bodies mention, 8 topics with keywords, and about N/20 editor notes.

Everything is fictional (a country called Marenia), and deterministic: each article
is drawn from its own random generator seeded with (seed, index), so the project for
N=1000 starts with the same 100 articles as the one for N=100, and the same N always
gives byte-identical files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

SEED = 20190404
START = dt.date(2019, 4, 4)
PER_DAY = 4  # articles per publication day: 1,000 articles span 250 days, 10,000 span 2,500 days (6.8 years)
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# ---- the cast -------------------------------------------------------------------------------
# (id, name, kind, aliases, role, country). Acronyms in capitals exercise the "capitals only" rule,
# accented names the diacritics folding, Arabic script the Unicode path.
ACTORS: list[tuple[str, str, str, list[str], str, str]] = [
    # people (20)
    ("yusuf-al-amin", "Yusuf al-Amin", "person", ["al-Amin", "Youssef Al Amine", "يوسف الأمين"], "Prime minister of the unity government", "Marenia"),
    ("rashid-khattab", "Rashid Khattab", "person", ["Field Marshal Khattab", "Rachid Khattab", "رشيد خطاب"], "Commander of the Coastal Defence Force", "Marenia"),
    ("leila-haddad", "Leila Haddad", "person", ["Laila Haddad", "Ms Haddad"], "Foreign minister", "Marenia"),
    ("omar-benali", "Omar Benali", "person", ["Omar Ben Ali", "Mr Benali"], "Speaker of the eastern parliament", "Marenia"),
    ("helene-marchetti", "Hélène Marchetti", "person", ["Helene Marchetti", "the UN envoy"], "UN special envoy", ""),
    ("karim-saadi", "Karim Saadi", "person", ["Karim Saâdi", "Mr Saadi"], "Chairman of the National Oil Company", "Marenia"),
    ("samira-toumi", "Samira Toumi", "person", ["Dr Toumi", "Samira Tumi"], "Health minister", "Marenia"),
    ("anders-lindqvist", "Anders Lindqvist", "person", ["Mr Lindqvist"], "EU foreign policy chief", ""),
    ("mahmoud-zawi", "Mahmoud Zawi", "person", ["Mahmud al-Zawi", "Colonel Zawi"], "Spokesman of the Coastal Defence Force", "Marenia"),
    ("nadia-fares", "Nadia Farès", "person", ["Nadia Fares", "Ms Farès"], "Governor of the central bank", "Marenia"),
    ("tarek-mansour", "Tarek Mansour", "person", ["Tariq Mansur", "Mr Mansour"], "Interior minister", "Marenia"),
    ("ibrahim-dabbashi", "Ibrahim Dabbashi", "person", ["Brigadier Dabbashi"], "Commander of the Southern Shield Brigade", "Marenia"),
    ("claire-dubois", "Claire Dubois", "person", ["Ms Dubois"], "Foreign minister of Calderia", "Calderia"),
    ("marco-ferrante", "Marco Ferrante", "person", ["Signor Ferrante", "Mr Ferrante"], "Prime minister of Ostria", "Ostria"),
    ("ahmed-gheriani", "Ahmed Gheriani", "person", ["Ahmad al-Ghiryani", "Mr Gheriani"], "Mayor of Port Alden", "Marenia"),
    ("fatima-obeidi", "Fatima Obeidi", "person", ["Fatma Obaidi", "Ms Obeidi"], "Head of the Red Crescent in Marenia", "Marenia"),
    ("jonas-weber", "Jonas Weber", "person", ["Mr Weber"], "Chancellor of Valmont", "Valmont"),
    ("salem-jaziri", "Salem Jaziri", "person", ["Salim al-Jaziri", "Commander Jaziri"], "Leader of the Tell Sabra militia", "Marenia"),
    ("rania-kabir", "Rania Kabir", "person", ["Dr Kabir"], "WHO representative in Marenia", ""),
    ("victor-aldana", "Víctor Aldana", "person", ["Victor Aldana", "Mr Aldana"], "UN humanitarian coordinator", ""),
    # armed groups (8)
    ("cdf", "Coastal Defence Force", "armed-group", ["CDF", "Khattab's forces", "the coastal army"], "Eastern-based armed coalition", "Marenia"),
    ("ssb", "Southern Shield Brigade", "armed-group", ["SSB", "the Southern Shield"], "Militia allied to the unity government", "Marenia"),
    ("tell-sabra-militia", "Tell Sabra Militia", "armed-group", ["TSM", "Jaziri's fighters"], "Local armed group", "Marenia"),
    ("presidential-guard", "Presidential Guard", "armed-group", ["PG", "the guard brigades"], "Unity government security force", "Marenia"),
    ("wadi-kerem-battalion", "Wadi Kerem Battalion", "armed-group", ["WKB", "the Kerem battalion"], "Local armed group", "Marenia"),
    ("desert-hawks", "Desert Hawks", "armed-group", ["the Hawks brigade"], "Mercenary unit", ""),
    ("national-salvation-front", "National Salvation Front", "armed-group", ["NSF", "the Salvation Front"], "Political-military movement", "Marenia"),
    ("port-alden-brigade", "Port Alden Brigade", "armed-group", ["PAB", "the Alden brigade"], "City militia", "Marenia"),
    # governments and institutions (6)
    ("gnu", "Government of National Unity", "government", ["GNU", "unity government", "UN-backed government", "حكومة الوحدة"], "Internationally recognised government", "Marenia"),
    ("eastern-government", "Eastern Interim Government", "government", ["EIG", "the eastern authorities", "the rival government"], "Parallel government in the east", "Marenia"),
    ("house-of-deputies", "House of Deputies", "government", ["HoD", "the eastern parliament"], "Elected parliament", "Marenia"),
    ("high-council-of-state", "High Council of State", "government", ["HCS", "the state council"], "Advisory chamber", "Marenia"),
    ("health-ministry", "Ministry of Health", "government", ["health ministry", "MoH"], "Unity government ministry", "Marenia"),
    ("central-bank", "Central Bank of Marenia", "government", ["CBM", "the central bank"], "Central bank", "Marenia"),
    # organisations (10)
    ("un", "United Nations", "organisation", ["UN", "the world body"], "", ""),
    ("who", "World Health Organization", "organisation", ["WHO", "Organisation mondiale de la santé"], "", ""),
    ("ocha", "Office for the Coordination of Humanitarian Affairs", "organisation", ["OCHA", "UN humanitarian office"], "", ""),
    ("iom", "International Organization for Migration", "organisation", ["IOM", "UN migration agency"], "", ""),
    ("unhcr", "UN Refugee Agency", "organisation", ["UNHCR", "refugee agency"], "", ""),
    ("msf", "Médecins Sans Frontières", "organisation", ["MSF", "Doctors Without Borders", "Medecins Sans Frontieres"], "", ""),
    ("icrc", "International Committee of the Red Cross", "organisation", ["ICRC", "the Red Cross"], "", ""),
    ("noc", "National Oil Company", "organisation", ["NOC", "the state oil firm"], "State oil company", "Marenia"),
    ("red-crescent", "Marenian Red Crescent", "organisation", ["Red Crescent", "MRC"], "", "Marenia"),
    ("wfp", "World Food Programme", "organisation", ["WFP", "UN food agency"], "", ""),
    # states and blocs (6)
    ("eu", "European Union", "organisation", ["EU", "the Union", "Brussels"], "", ""),
    ("calderia", "Calderia", "state", ["Calderian government", "the Calderian capital"], "", "Calderia"),
    ("ostria", "Ostria", "state", ["Ostrian government", "Ostrian officials"], "", "Ostria"),
    ("valmont", "Valmont", "state", ["Valmontese government", "Valmontese officials"], "", "Valmont"),
    ("sarkand", "Sarkand", "state", ["Sarkandi government", "Sarkandi officials"], "", "Sarkand"),
    ("african-union", "African Union", "organisation", ["AU", "the AU commission"], "", ""),
]
assert len(ACTORS) == 50, len(ACTORS)
ACTOR_IDS = [a[0] for a in ACTORS]
PEOPLE = [a for a in ACTORS if a[2] == "person"]
GROUPS = [a for a in ACTORS if a[2] != "person"]

# ---- topics (8): id, title, keywords, figure kinds, summary --------------------------------------
TOPICS: list[tuple[str, str, list[str], list[str], str]] = [
    ("humanitarian-toll", "Humanitarian toll", ["killed", "wounded", "casualties", "civilian deaths", "field hospital", "injured"],
     ["killed", "wounded", "civilians-killed"], "Deaths and injuries, as reported by health authorities and agencies."),
    ("displacement", "Displacement", ["displaced", "fled their homes", "shelters", "evacuated", "uprooted"],
     ["displaced"], "People forced from their homes and where they went."),
    ("oil-supply", "Oil supply", ["oil", "crude", "barrels", "pipeline", "refinery", "oil field", "export terminal"],
     ["oil-output-bpd"], "Output, exports and threats to the oil and gas sector."),
    ("ceasefire-talks", "Ceasefire talks", ["ceasefire", "truce", "negotiations", "peace talks", "mediation"],
     [], "Attempts to stop the fighting and the talks around them."),
    ("air-war", "Air war", ["air strike", "air strikes", "drone", "airport", "bombardment", "shelling"],
     [], "Air strikes, drones and shelling, and what they hit."),
    ("migration", "Migration", ["migrants", "detention centre", "coast guard", "boats", "smugglers"],
     ["migrants-intercepted"], "Migrants and refugees caught in the conflict and at sea."),
    ("economy", "Economy", ["central bank", "currency", "salaries", "inflation", "fuel shortages", "banknotes"],
     [], "Money, prices and public salaries in a divided country."),
    ("diplomacy", "Diplomacy", ["sanctions", "envoy", "embassy", "summit", "security council", "arms embargo"],
     [], "What foreign governments and international bodies said and did."),
]
TOPIC_IDS = [t[0] for t in TOPICS]

PLACES = ["Port Alden", "Tell Sabra", "Wadi Kerem", "Ain Doura", "Qasr Maran", "Bir Salem", "Ras Hilal", "Zawiyat Nour",
          "Misrah", "Khoms al-Bahr", "Gharyat", "Sidi Amer", "Ben Jawad", "Sabratha Nova", "Tarhuna Heights",
          "the airport road", "the old town", "the southern suburbs", "the coastal highway", "Mellah", "Souk al-Khamis",
          "Aziziya", "Janzour", "Qasr Bin Ghashir", "Abu Salim"]
OUTLETS = [("Marenia Herald", "https://herald.example.org/news/"), ("Coastal Post", "https://coastalpost.example.com/"),
           ("Alden Times", "https://aldentimes.example.net/world/"), ("Libertas Wire", "https://wire.example.org/story/"),
           ("Mediterranean Observer", "https://medobserver.example.com/a/"), ("Radio Sabra", ""), ("Desert Daily", ""),
           ("The Calderia Monitor", "https://monitor.example.org/"), ("Ostria News Agency", "https://ona.example.it/"),
           ("Valmont Broadcasting", "https://vb.example.de/nachrichten/")]
FIGURE_SOURCES = {"killed": ["WHO", "health ministry", "MSF", "Red Crescent"],
                  "wounded": ["WHO", "health ministry", "ICRC"],
                  "civilians-killed": ["OCHA", "UN", "health ministry"],
                  "displaced": ["OCHA", "IOM", "UNHCR"],
                  "oil-output-bpd": ["NOC", "oil ministry"],
                  "migrants-intercepted": ["IOM", "UNHCR", "coast guard"]}
AUTHORS = ["Briefing desk", "Amal Rahman", "Peter Lowe", "Sofia Brandt", "Yara Nasser"]

# ---- the sentence generator ----------------------------------------------------------------------
VERBS_SAID = ["said", "told reporters", "said in a statement", "wrote on social media", "told a news conference",
              "said late on", "insisted", "warned", "claimed", "announced"]
ADJ = ["tense", "calm but uneasy", "volatile", "quiet", "chaotic", "difficult", "precarious", "unclear"]
CLAUSES = [
    "at least {n} people had been killed in the latest fighting",
    "{n} people were wounded when shells fell on residential streets",
    "more than {n} families had fled their homes since the start of the month",
    "forces had advanced to within {k} kilometres of the city centre",
    "the road between {p} and {p2} had been closed to civilian traffic",
    "a drone struck a warehouse on the edge of {p}",
    "oil output had fallen to about {n} barrels a day",
    "the truce announced last week was not being respected",
    "talks would resume once both sides withdrew heavy weapons",
    "hospitals in {p} were running short of blood and anaesthetics",
    "the central bank had not paid public salaries for two months",
    "migrants held in a detention centre near {p} were in danger",
    "the security council would meet again to discuss the crisis",
    "no further details about the casualties were available",
    "the airport would stay closed until further notice",
    "aid convoys could not reach {p} because of the shelling",
    "a ceasefire was the only way to protect civilians",
    "the arms embargo was being openly violated",
    "fuel shortages had led to long queues at petrol stations in {p}",
    "new sanctions against those who block the peace talks were being prepared",
    "electricity had been cut in several districts of {p}",
    "the coast guard had intercepted {n} migrants at sea",
    "field hospitals had been moved back from the front line",
    "the export terminal at {p} had resumed loading crude",
    "the number of people evacuated from {p} was rising",
]
OPENERS = [
    "{A} {said} that {c}.",
    "According to {A}, {c}.",
    "{A} {said} on {wd} that {c}.",
    "In {p}, {A} {said} that {c}.",
    "Fighting continued around {p}, where {c}.",
    "Residents of {p} said {c}.",
    "The situation in {p} remained {adj}, and {A} {said} that {c}.",
    "{A} accused {B} of violating the ceasefire near {p}.",
    "{A} and {B} held talks in {p} on {wd}.",
    "A spokesman for {G} {said} that {c}.",
    "{A} called on {B} to stop the advance on {p}.",
    "{B} denied the claim, saying that {c}.",
    "Officials from {G} met representatives of {B} to discuss the crisis.",
    "{A} blamed {B} for the attack, which hit a market in {p}.",
]
FILLERS = [
    "The claim could not be independently verified.",
    "Neither side commented on the reports.",
    "Witnesses described heavy gunfire through the night.",
    "The figures could not be confirmed from other sources.",
    "Diplomats said privately that little progress had been made.",
    "Schools in the area have been closed since the start of the fighting.",
    "Shops reopened briefly in the morning before the shelling resumed.",
    "It was the third such incident this week.",
    "Local radio stations broadcast appeals for blood donors.",
    "Several foreign companies have withdrawn their staff from the country.",
    "Prices of bread and cooking gas have doubled since the offensive began.",
    "The statement did not say who was responsible.",
    "Aid workers said access to the worst-hit districts was limited.",
    "Both sides have traded accusations over attacks on civilian sites.",
    "Analysts said the fighting could drag on for months.",
]
QUOTES = [
    "We are doing everything we can, but the needs are growing every day",
    "There is no military solution to this conflict",
    "Our forces will not stop until the capital is secured",
    "Civilians are paying the highest price",
    "We call on all parties to return to the negotiating table",
    "The hospitals are full and the doctors are exhausted",
]
EVENT_TITLES = [
    "{A} forces clash with {B} near {p}",
    "Air strike hits {p}",
    "{A} announces a truce around {p}",
    "{A} reports new casualties in {p}",
    "Families flee {p} as fighting spreads",
    "{A} and {B} meet for talks in {p}",
    "Drone strike on {p} airport",
    "Oil exports halted at {p}",
    "{A} calls for a ceasefire",
    "Migrants moved from detention centre in {p}",
    "Shelling damages hospital in {p}",
    "{A} seizes checkpoint on the road to {p}",
    "Central bank delays salaries",
    "Security council discusses sanctions",
]


def _words(text: str) -> int:
    return len(text.split())


@dataclass
class Cast:
    """The actors and topics an article is about; the text mentions them."""

    actors: list[tuple]
    topics: list[str]


def _mention(rng: random.Random, actor: tuple) -> str:
    """The actor by name (mostly) or one of its non-Arabic aliases."""
    names = [actor[1]] * 3 + [a for a in actor[3] if a.isascii() or rng.random() < 0.05]
    return rng.choice(names)


def _sentence(rng: random.Random, cast: Cast) -> str:
    a, b = rng.sample(cast.actors, 2)
    p, p2 = rng.sample(PLACES, 2)
    c = rng.choice(CLAUSES).format(n=f"{rng.randint(2, 400) * rng.choice([1, 1, 10, 100]):,}", k=rng.randint(2, 40), p=p, p2=p2)
    template = rng.choice(OPENERS) if rng.random() < 0.75 else rng.choice(FILLERS)
    g = rng.choice([x for x in cast.actors if x[2] != "person" and x is not b] or [x for x in GROUPS if x is not b])
    s = template.format(A=_mention(rng, a), B=_mention(rng, b), G=_mention(rng, g), c=c, p=p, wd=rng.choice(WEEKDAYS),
                        said=rng.choice(VERBS_SAID), adj=rng.choice(ADJ))
    return s[0].upper() + s[1:]


TOPIC_SENTENCES = {
    "humanitarian-toll": ["Hospitals reported more casualties overnight.", "The number of civilian deaths is expected to rise.",
                          "A field hospital near the front line treated dozens of injured fighters.",
                          "Medics said most of those killed were civilians."],
    "displacement": ["Thousands of families have fled their homes in recent days.", "Schools are being used as shelters.",
                     "Aid groups said the newly displaced needed water and blankets.",
                     "Hundreds of residents were evacuated by bus."],
    "oil-supply": ["Traders watched for any threat to crude exports.", "The pipeline to the coast was shut as a precaution.",
                   "Output at the main oil field was unaffected, engineers said.",
                   "A tanker waited outside the export terminal for a second day."],
    "ceasefire-talks": ["Mediators said a ceasefire could be signed within days.", "Both sides accused the other of breaking the truce.",
                        "The peace talks were postponed again.", "Negotiations are expected to resume next week."],
    "air-war": ["Air strikes were reported overnight south of the capital.", "A drone was shot down near the airport.",
                "The shelling continued until dawn.", "Residents described a heavy bombardment of the district."],
    "migration": ["Migrants held in the area have been moved to safer sites.", "The coast guard said more boats had left the shore.",
                  "Smugglers are taking advantage of the chaos, aid groups said.",
                  "Conditions in the detention centre were described as dire."],
    "economy": ["The central bank said salaries would be paid late.", "The currency lost more ground on the black market.",
                "Inflation has eaten into household budgets.", "Fuel shortages led to long queues in the capital."],
    "diplomacy": ["The security council is due to discuss the crisis.", "Foreign ministers called for new sanctions.",
                  "The envoy flew to the eastern city for talks.", "Several countries have closed their embassy in the capital."],
}


def _topic_sentence(rng: random.Random, topic: str) -> str:
    return rng.choice(TOPIC_SENTENCES[topic])


def body_text(rng: random.Random, cast: Cast, target: int, link_url: str) -> str:
    paragraphs: list[str] = []
    words = 0
    while words < target:
        kind = rng.random()
        if kind < 0.05 and paragraphs:
            q = rng.choice(QUOTES)
            para = f'> "{q}," said {_mention(rng, rng.choice(cast.actors))}.'
        elif kind < 0.08 and len(paragraphs) > 2:
            para = "## Background"
        elif kind < 0.11 and paragraphs:
            items = [_sentence(rng, cast) for _ in range(rng.randint(2, 4))]
            para = "Key points:\n\n" + "\n".join(f"- {i}" for i in items)
        else:
            n = rng.randint(3, 6)
            sentences = [_sentence(rng, cast) for _ in range(n)]
            if cast.topics and rng.random() < 0.6:
                sentences.insert(rng.randint(0, n), _topic_sentence(rng, rng.choice(cast.topics)))
            if rng.random() < 0.12 and link_url:
                sentences.append(f"The full [statement]({link_url}) was published online.")
            para = " ".join(sentences)
        paragraphs.append(para)
        words += _words(para)
    return "\n\n".join(paragraphs) + "\n"


def _q(s: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(s, ensure_ascii=False)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _event_date(rng: random.Random, base: dt.date) -> tuple[str, dt.date | None]:
    """(YAML text of an event date, its day if known) in one of the forms the loader accepts."""
    back = rng.randint(0, 6)
    day = base - dt.timedelta(days=back)
    r = rng.random()
    if r < 0.22:
        return day.isoformat(), day                                    # YAML date
    if r < 0.30:
        return _q(day.isoformat()), day                                # quoted ISO text
    if r < 0.44:
        return _q(f"{day.day} {day:%B %Y}"), day                       # 12 April 2019 (dateparser)
    if r < 0.48:
        return _q(f"{day:%B} {day.day}, {day.year}"), day              # April 12, 2019 (dateparser)
    if r < 0.52 and day.month == base.month:
        return _q(f"{day.day} {day:%B}"), day                          # 4 April: year from the article
    if r < 0.54 and day.month == base.month:
        return _q(f"{day:%B %Y}"), None                                # month precision
    if r < 0.70:
        wd = WEEKDAYS[day.weekday()]
        return _q(rng.choice([f"on {wd}", wd, f"last {wd}" if back else f"on {wd}"])), day
    if r < 0.80:
        return _q("yesterday"), base - dt.timedelta(days=1)
    if r < 0.86:
        return _q("last week"), None
    if r < 0.94:
        n = rng.randint(2, 6)
        words = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}
        return _q(rng.choice([f"{words[n]} days ago", f"{n} days ago"])), base - dt.timedelta(days=n)
    return _q("today"), base


def _figure_yaml(rng: random.Random, indent: str, kinds: list[str] | None = None) -> str:
    kind = rng.choice(kinds or list(FIGURE_SOURCES))
    value = {"oil-output-bpd": rng.randint(300, 1300) * 1000, "displaced": rng.randint(5, 1500) * 100}.get(kind, rng.randint(1, 900))
    lines = [f"{indent}- kind: {kind}", f"{indent}  value: {value}",
             f"{indent}  source: {_q(rng.choice(FIGURE_SOURCES[kind]))}"]
    if rng.random() < 0.6:
        lines.append(f"{indent}  qualifier: {rng.choice(['exact', 'at-least', 'about', 'up-to'])}")
    if rng.random() < 0.4:
        lines.append(f"{indent}  scope: {_q(rng.choice(PLACES) + ' and surroundings')}")
    return "\n".join(lines)


@dataclass
class Post:
    """One generated article: what both the briefing and the blog projects are made from."""

    ident: str
    title: str
    date: dt.date
    body: str
    topics: list[str]
    front: str = ""  # briefing front matter (without the --- lines)
    actors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Shape:
    """How the articles spread (bench/shapes.py): ``days`` over which n articles are spread evenly
    from ``start`` (None: per_day a day from START), an ``actor`` named in every article, and
    ``claims`` more claims of ``claim_kind`` in every article (as of its day or up to 6 days before)."""

    start: dt.date = START
    days: int | None = None
    actor: str | None = None
    claims: int = 0
    claim_kind: str = "migrants-intercepted"


def article(seed: int, i: int, per_day: int = PER_DAY, shape: Shape | None = None, n: int = 0) -> Post:
    rng = random.Random(f"{seed}-article-{i}")
    date = START + dt.timedelta(days=i // per_day)
    if shape is not None and shape.days:
        date = shape.start + dt.timedelta(days=i * shape.days // max(1, n))
    elif shape is not None:
        date = shape.start + dt.timedelta(days=i // per_day)
    people = rng.sample(PEOPLE, rng.randint(2, 4))
    groups = rng.sample(GROUPS, rng.randint(2, 4))
    cast = Cast(people + groups, rng.sample(TOPIC_IDS, rng.randint(1, 3)))
    a, b = rng.sample(cast.actors, 2)
    p = rng.choice(PLACES)
    title = rng.choice(EVENT_TITLES).format(A=a[1], B=b[1], p=p)
    ident = f"{date.isoformat()}-{_slug(title)}"[:73].rstrip("-") + f"-{i:06d}"
    outlet, url = rng.choice(OUTLETS)
    link = f"{url}{date:%Y/%m/%d}/{_slug(title)[:40]}" if url else ""
    body = body_text(rng, cast, rng.randint(300, 600), link or "https://news.example.org/statement")

    fm: list[str] = [f"title: {_q(title)}"]
    if rng.random() < 0.05:
        fm.append(f"date: \"{date.isoformat()}T{rng.randint(0, 23):02d}:{rng.choice(['00', '15', '30', '45'])}:00+02:00\"")
    else:
        fm.append(f"date: {date.isoformat()}")
    if link and rng.random() < 0.7:
        fm += ["source:", f"  - name: {_q(outlet)}", f"    url: {_q(link)}"]
        if rng.random() < 0.2:
            o2 = rng.choice(OUTLETS)[0]
            fm.append(f"  - {_q(o2)}")
    else:
        fm.append(f"source: {_q(outlet)}")
    if rng.random() < 0.5:
        fm.append(f"summary: {_q(_sentence(rng, cast))}")
    if rng.random() < 0.5:
        fm.append("actors:")
        fm += [f"  - {x[0]}" for x in cast.actors[: rng.randint(1, len(cast.actors))]]
    if rng.random() < 0.4:
        fm.append(f"topics: [{', '.join(cast.topics[:1])}]")
    fm.append(f"places: [{_q(p)}]")
    fm.append("events:")
    for _ in range(rng.randint(1, 4)):
        text, _day = _event_date(rng, date)
        ea, eb = rng.sample(cast.actors, 2)
        ep = rng.choice(PLACES)
        fm.append(f"  - date: {text}")
        fm.append(f"    title: {_q(rng.choice(EVENT_TITLES).format(A=ea[1], B=eb[1], p=ep))}")
        if rng.random() < 0.8:
            fm.append(f"    summary: {_q(_sentence(rng, cast) + ' ' + _sentence(rng, cast))}")
        if rng.random() < 0.5:
            fm.append(f"    place: {_q(ep)}")
        if rng.random() < 0.3:
            fm.append(f"    status: {rng.choice(['claimed', 'confirmed', 'denied', 'disputed'])}")
        if rng.random() < 0.3:
            fm.append(f"    actors: [{ea[0]}]")
        if rng.random() < 0.25:
            fm.append("    figures:")
            fm.append(_figure_yaml(rng, "      "))
    has_figures = rng.random() < 0.4
    if has_figures:
        fm.append("figures:")
        for _ in range(rng.randint(1, 2)):
            fm.append(_figure_yaml(rng, "  "))
    if shape is not None:
        _apply_shape(fm, shape, random.Random(f"{seed}-shape-{i}"), date, has_figures)
    return Post(ident, title, date, body, list(cast.topics), "\n".join(fm), [x[0] for x in cast.actors])


def _apply_shape(fm: list[str], shape: Shape, rng: random.Random, date: dt.date, has_figures: bool) -> None:
    """The shape's actor and claims, added to an article's front matter lines."""
    if shape.actor:
        if "actors:" in fm:
            at = fm.index("actors:")
            if f"  - {shape.actor}" not in fm[at + 1:]:
                fm.insert(at + 1, f"  - {shape.actor}")
        else:
            fm.insert(1, f"actors: [{shape.actor}]")
    if shape.claims:
        if not has_figures:
            fm.append("figures:")
        for _ in range(shape.claims):
            day = date - dt.timedelta(days=rng.randint(0, 6))
            fm.append(_figure_yaml(rng, "  ", [shape.claim_kind]))
            fm.append(f"    as_of: {day.isoformat()}")


def posts(n: int, seed: int = SEED, per_day: int = PER_DAY, shape: Shape | None = None) -> list[Post]:
    return [article(seed, i, per_day, shape, n) for i in range(n)]


# ---- project writers -----------------------------------------------------------------------------

THEME = """theme:
  name: material
  custom_dir: theme
  language: en
  font: false
  icon:
    logo: material/newspaper-variant-outline
  features:
    - navigation.tabs
    - navigation.top
    - navigation.footer
    - search.suggest
    - search.highlight
    - toc.follow
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
      primary: blue grey
      accent: deep orange
      toggle:
        icon: material/weather-night
        name: Switch to dark mode
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      primary: blue grey
      accent: orange
      toggle:
        icon: material/weather-sunny
        name: Switch to light mode
"""

MARKDOWN = """markdown_extensions:
  - attr_list
  - md_in_html
  - tables
  - admonition
  - toc:
      permalink: true

extra:
  generator: false
"""

BRIEFING_YML = """site_name: "Synthetic briefing ({n} articles)"
site_description: Generated by bench/make_project.py for the scale benchmark.
docs_dir: content
site_dir: site
use_directory_urls: true
strict: false

{theme}
plugins:
  - search
  - briefing:
      title: "Synthetic briefing"
      timezone: Africa/Tripoli
      languages: [en]
      date_order: DMY{search}

nav:
  - Home: index.md
  - Timeline: timeline/index.md
  - Actors: actors/index.md
  - Topics: topics/index.md
  - Notes: notes/index.md
  - About: about.md

not_in_nav: |
  /articles/
  /notes/
  /actors/
  /topics/

validation:
  omitted_files: warn
  absolute_links: warn
  unrecognized_links: warn
  anchors: warn

{markdown}"""

BLOG_YML = """site_name: "Synthetic blog ({n} posts)"
site_description: The benchmark's articles as Material blog posts.
docs_dir: docs
site_dir: site
use_directory_urls: true
strict: false

{theme}
plugins:
  - search
  - blog

{markdown}"""

ABOUT = """---
title: About this briefing
---
# About this briefing

A synthetic briefing on a fictional conflict in Marenia, generated for the scale benchmark.
Every name, place, figure and quotation in it is invented.
"""


def briefing_yml(n: int, search_backend: str | None = None) -> str:
    search = f"\n      search_backend: {search_backend}" if search_backend else ""
    return BRIEFING_YML.format(n=n, theme=THEME, markdown=MARKDOWN, search=search)


def set_search_backend(config: Path, search_backend: str) -> None:
    """Switch the search backend of a project written by write_briefing (its mkdocs.yml)."""
    text = Path(config).read_text("utf-8")
    text = re.sub(r"\n      search_backend: \w+", "", text)
    text = text.replace("      date_order: DMY\n", f"      date_order: DMY\n      search_backend: {search_backend}\n", 1)
    Path(config).write_text(text, "utf-8")


def _clean(dest: Path) -> None:
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)


def write_briefing(dest: Path, n: int, seed: int = SEED, per_day: int = PER_DAY, items: list[Post] | None = None,
                   search_backend: str | None = None, shape: Shape | None = None) -> Path:
    """Write a briefing project of n articles into dest (emptied first); return its mkdocs.yml.

    search_backend: the briefing plugin's option ("lunr", "pagefind", "auto"); None leaves it out (auto).
    shape: how the articles spread in time, and what they all share (bench/shapes.py)."""
    dest = Path(dest)
    _clean(dest)
    items = items if items is not None else posts(n, seed, per_day, shape)
    content = dest / "content"
    for sub in ("articles", "notes", "actors", "topics"):
        (content / sub).mkdir(parents=True)
    (dest / "theme").mkdir()
    (dest / "mkdocs.yml").write_text(briefing_yml(n, search_backend), "utf-8")
    (content / "about.md").write_text(ABOUT, "utf-8")

    rng = random.Random(f"{seed}-cast")
    for ident, name, kind, aliases, role, country in ACTORS:
        fm = [f"name: {_q(name)}", f"kind: {kind}", "aliases:"] + [f"  - {_q(a)}" for a in aliases]
        if role:
            fm.append(f"role: {_q(role)}")
        if country:
            fm.append(f"country: {_q(country)}")
        if kind == "person" and rng.random() < 0.5:
            fm.append(f"affiliation: [{rng.choice([g[0] for g in GROUPS])}]")
        cast = Cast(rng.sample(ACTORS, 3), [])
        profile = f"{name} is one of the main actors of this briefing. " + " ".join(_sentence(rng, cast) for _ in range(5))
        (content / "actors" / f"{ident}.md").write_text("---\n" + "\n".join(fm) + "\n---\n" + profile + "\n", "utf-8")
    for ident, title, keywords, kinds, summary in TOPICS:
        fm = [f"title: {_q(title)}", "keywords:"] + [f"  - {_q(k)}" for k in keywords]
        if kinds:
            fm.append(f"figures: [{', '.join(kinds)}]")
        fm.append(f"summary: {_q(summary)}")
        intro = f"This topic follows {title.lower()} in the Marenian conflict. " + " ".join(
            _topic_sentence(rng, ident) for _ in range(3))
        (content / "topics" / f"{ident}.md").write_text("---\n" + "\n".join(fm) + "\n---\n" + intro + "\n", "utf-8")

    for post in items:
        (content / "articles" / f"{post.ident}.md").write_text(f"---\n{post.front}\n---\n{post.body}", "utf-8")

    # editor notes: about one per 20 articles, each about 1-3 recent articles
    for k in range(max(1, n // 20)):
        nrng = random.Random(f"{seed}-note-{k}")
        hi = min(len(items), (k + 1) * 20)
        about = sorted({nrng.randrange(max(0, hi - 40), hi) for _ in range(nrng.randint(1, 3))}) if items else []
        arts = [items[j] for j in about]
        date = max((a.date for a in arts), default=START)
        actors = sorted({x for a in arts for x in a.actors[:2]})
        topics = sorted({t for a in arts for t in a.topics[:1]})
        title = nrng.choice(["What we know about", "Why the figures differ on", "Correction:", "Caveat:", "Context:"]) + \
            " " + (arts[0].title if arts else "the briefing")
        fm = [f"title: {_q(title)}", f"date: {date.isoformat()}", f"author: {_q(nrng.choice(AUTHORS))}",
              f"kind: {nrng.choice(['context', 'analysis', 'correction', 'caveat'])}",
              f"actors: [{', '.join(actors)}]", f"topics: [{', '.join(topics)}]",
              "articles:"] + [f"  - {a.ident}" for a in arts]
        cast = Cast([a for a in ACTORS if a[0] in actors] or ACTORS[:2], topics)
        if len(cast.actors) < 2:
            cast.actors = cast.actors + [ACTORS[20]]
        body = body_text(nrng, cast, nrng.randint(100, 250), "")
        (content / "notes" / f"note-{k:05d}.md").write_text("---\n" + "\n".join(fm) + "\n---\n" + body, "utf-8")
    return dest / "mkdocs.yml"


def write_blog(dest: Path, n: int, seed: int = SEED, per_day: int = PER_DAY, items: list[Post] | None = None) -> Path:
    """The same posts for Material's blog plugin: docs/blog/posts/*.md with date and categories."""
    dest = Path(dest)
    _clean(dest)
    items = items if items is not None else posts(n, seed, per_day)
    docs = dest / "docs"
    (docs / "blog" / "posts").mkdir(parents=True)
    (dest / "theme").mkdir()
    (dest / "mkdocs.yml").write_text(BLOG_YML.format(n=n, theme=THEME, markdown=MARKDOWN), "utf-8")
    (docs / "index.md").write_text("# Synthetic blog\n\nThe benchmark's articles as blog posts.\n", "utf-8")
    (docs / "blog" / "index.md").write_text("# Blog\n", "utf-8")
    titles = {t[0]: t[1] for t in TOPICS}
    for post in items:
        fm = [f"date: {post.date.isoformat()}", "categories:"] + [f"  - {_q(titles[t])}" for t in post.topics]
        text = "---\n" + "\n".join(fm) + f"\n---\n\n# {post.title}\n\n{post.body}"
        (docs / "blog" / "posts" / f"{post.ident}.md").write_text(text, "utf-8")
    return dest / "mkdocs.yml"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dest", type=Path, help="folder to write (emptied first)")
    ap.add_argument("-n", "--articles", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--per-day", type=int, default=PER_DAY, help="articles per publication day (default %(default)s)")
    ap.add_argument("--blog", action="store_true", help="write the Material blog version instead")
    ap.add_argument("--search-backend", choices=("auto", "lunr", "pagefind"), default=None,
                    help="the briefing plugin's search_backend (default: not set, which is auto)")
    args = ap.parse_args()
    if args.blog:
        cfg = write_blog(args.dest, args.articles, args.seed, args.per_day)
    else:
        cfg = write_briefing(args.dest, args.articles, args.seed, args.per_day, search_backend=args.search_backend)
    print(cfg)


if __name__ == "__main__":
    main()
