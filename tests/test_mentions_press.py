"""Actor mentions (spec section 5) on real-press-style sentences about the 2019 Tripoli offensive.

The matcher is built from the DEMO actors in content/actors/, exactly as ``derive`` builds it, so
these rows check both the matching rules and the demo's alias lists. Each row gives the exact set
of actor ids expected: everything that must be found and, by omission, everything that must not.

Rows marked "seed" are sentences of seeds/000_f4cdd2f53f9cfe06.txt (real press text); the others
are written in the style of wire copy (Reuters, AFP, AP, Al Jazeera, Lusa, Anadolu).
"""

from __future__ import annotations

import pytest

from generator.derive.mentions import Matcher
from generator.model.load import load
from support import ROOT

SEED = ROOT / "seeds" / "000_f4cdd2f53f9cfe06.txt"


@pytest.fixture(scope="module")
def demo_actors():
    briefing, problems = load(ROOT / "content", root=ROOT)
    assert not problems.errors, problems.errors
    return briefing.actors


@pytest.fixture(scope="module")
def matcher(demo_actors) -> Matcher:
    return Matcher({a.id: [a.name, *a.aliases] for a in demo_actors.values()})


ROWS = [
    # ---- seed document (real press text) --------------------------------------------------------
    pytest.param(
        "Haftar’s forces hit military camp of militia allied to UN-backed government",
        {"khalifa-haftar", "gna"}, id="seed-headline-curly-possessive-un-backed"),
    pytest.param("Libya fighters", set(), id="seed-no-actor"),
    pytest.param("More than 8000 flee Libya fighting: UN", {"un"}, id="seed-UN-at-end"),
    pytest.param(
        "According to reports, the air strike is the closest yet to an oil and gas facility located nearby "
        "since the beginning of the offensive.",
        set(), id="seed-no-actor-2"),
    pytest.param(
        "Last week the European Union had called on the LNA to stop its attacks, having agreed on a statement "
        "after France and Italy sparred over how to handle the conflict.",
        {"eu", "lna", "france", "italy"}, id="seed-eu-lna-france-italy"),
    pytest.param(
        "The attack comes after Libyan parliament head Aguila Saleh Issa told Sputnik that Libya had notified "
        "the UN Security Council that Field Marshal Khalifa Haftar's troops, in their offensive on Tripoli, "
        "would not attack the country's civilian population.",
        {"aguila-saleh-issa", "un", "khalifa-haftar"}, id="seed-aguila-saleh-security-council"),
    pytest.param(
        '"Displacements from areas affected by the clashes in an around Tripoli continue to surge", United '
        "Nations spokesperson Rheal Leblanc told reporters in Geneva.",
        {"un"}, id="seed-united-nations-across-line"),
    pytest.param(
        "As the sound of fighting echoed round their city, residents sought to buy supplies.",
        set(), id="seed-no-actor-3"),
    pytest.param(
        "Forces loyal to al-Serraj's government have so far kept the eastern offensive at bay. Fierce fighting "
        "has broken out around a disused former airport about 11 km (7 miles) from the center.",
        {"fayez-al-serraj"}, id="seed-al-serraj-possessive"),
    pytest.param(
        "A war plane belonging to the eastern Libyan forces on Friday blasted a military camp of a force allied "
        "to the UN-backed government near the western town of Zuwara, an eastern military source and "
        "residents said.",
        {"lna", "gna"}, id="seed-eastern-libyan-forces-un-backed-government"),
    pytest.param(
        "But Serraj's national accord government has managed to halt the advance for now, aided by forces with "
        "machine-guns on pickups and steel containers across the road into Tripoli.",
        {"fayez-al-serraj", "gna"}, id="seed-serraj-possessive-national-accord-government"),
    pytest.param(
        "After a week of fighting, 75 people have been killed and 323 wounded, including seven civilians killed "
        "and 10 wounded, Dr. Syed Jaffar Hussain, WHO representative in Libya, told a Geneva news briefing by "
        "telephone from Tripoli.",
        {"who"}, id="seed-WHO-representative"),
    pytest.param(
        "His forces swept from their eastern stronghold through Libya's sparsely populated desert, taking parts "
        "of the south, before beginning their assault on Tripoli. It has been postponed.",
        set(), id="seed-no-actor-4"),
    pytest.param(
        "As well as the humanitarian cost, the conflict threatens to disrupt oil supplies, increase migration "
        "across the Mediterranean to Europe, scupper a United Nations peace plan, and allow Islamist militants "
        "to exploit the chaos.",
        {"un"}, id="seed-europe-is-not-eu"),
    # ---- spellings, possessives, hyphens, diacritics -------------------------------------------
    pytest.param(
        "Hifter’s self-styled Libyan National Army launched its offensive on Tripoli on April 4.",
        {"khalifa-haftar", "lna"}, id="ap-hifter-curly-possessive"),
    pytest.param(
        "Hafter's spokesman Ahmed al-Mismari said the warplane had targeted a drone hangar.",
        {"khalifa-haftar"}, id="hafter-possessive"),
    pytest.param(
        "Khalifa Ḥaftar ordered his troops to march on Tripoli.",
        {"khalifa-haftar"}, id="haftar-dot-below"),
    pytest.param(
        "Forces loyal to Prime Minister Fayez al-Sarraj pushed back the attackers south of the capital.",
        {"fayez-al-serraj"}, id="al-sarraj"),
    pytest.param(
        "Fayez al-Serraj, who heads the UN-recognised government, accused Haftar of betrayal.",
        {"fayez-al-serraj", "gna", "khalifa-haftar"}, id="who-lowercase-un-recognised-government"),
    pytest.param(
        "Sarrâj told reporters in Tripoli that the capital would not fall.",
        {"fayez-al-serraj"}, id="sarraj-circumflex"),
    pytest.param(
        "Sarraj met Italian Prime Minister Giuseppe Conte in Rome and German Chancellor Angela Merkel in Berlin.",
        {"fayez-al-serraj", "giuseppe-conte", "angela-merkel"}, id="italian-german-are-not-states"),
    pytest.param(
        "French President Emmanuel Macron received Sarraj at the Elysee palace on Wednesday.",
        {"emmanuel-macron", "fayez-al-serraj"}, id="french-is-not-france"),
    pytest.param(
        "António Guterres left Benghazi \"with a heavy heart\" after meeting Haftar.",
        {"antonio-guterres", "khalifa-haftar"}, id="guterres-accent"),
    pytest.param(
        "Médecins Sans Frontières said at least 12 people were wounded in the attack on Qasr Bin Ghashir.",
        {"msf"}, id="msf-accented-name"),
    pytest.param(
        "Medecins Sans Frontieres (MSF) said the detention centre had been hit.",
        {"msf"}, id="msf-unaccented-and-acronym"),
    pytest.param(
        "Doctors Without Borders called for the release of detained migrants.",
        {"msf"}, id="msf-english-name"),
    # ---- Arabic script ---------------------------------------------------------------------------
    pytest.param("قال المشير خليفة حفتر إن قواته ستدخل طرابلس.", {"khalifa-haftar"}, id="arabic-haftar"),
    pytest.param("استقبل فائز السراج وزير الخارجية الإيطالي في طرابلس.", {"fayez-al-serraj"}, id="arabic-serraj"),
    pytest.param("التقى فائز السَّرَّاج رئيس الوزراء الإيطالي", {"fayez-al-serraj"}, id="arabic-serraj-harakat"),
    pytest.param("أعلنت حكومة الوفاق الوطني إطلاق عملية بركان الغضب.", {"gna", "volcano-of-anger"},
                 id="arabic-gna-volcano"),
    pytest.param("أعلن الجيش الوطني الليبي السيطرة على مطار طرابلس القديم.", {"lna"}, id="arabic-lna"),
    # ---- capitals rule: who / Who / Eu / eu / Un ---------------------------------------------------
    pytest.param(
        "The World Health Organization said 121 people had been killed, but officials who visited the "
        "hospitals warned the toll would rise.",
        {"who"}, id="who-name-and-lowercase-who"),
    pytest.param("Residents who fled the southern suburbs said they had nowhere to go.", set(),
                 id="who-lowercase-alone"),
    pytest.param("Who controls Tripoli's southern suburbs remains unclear.", set(), id="Who-sentence-start"),
    pytest.param("WHO’s representative in Libya, Syed Jaffar Hussain, said hospitals were overwhelmed.", {"who"},
                 id="WHO-curly-possessive"),
    pytest.param("\"Eu não tenho para onde ir\", disse um morador de Ain Zara à Lusa.", set(),
                 id="eu-portuguese-pronoun"),
    pytest.param("The EU-funded coastguard intercepted 80 migrants off Zawiya, an aid worker said.", {"eu"},
                 id="EU-hyphenated"),
    pytest.param("Un porte-parole du gouvernement d'union nationale (GNA) a démenti toute avancée.", {"gna"},
                 id="Un-french-article"),
    # ---- overlapping aliases: the longest wins ------------------------------------------------------
    pytest.param("Forces loyal to the UN-backed government retook the town on Wednesday.", {"gna"},
                 id="un-backed-government-is-gna"),
    pytest.param("the UN\u2011backed government in Tripoli", {"gna"}, id="un-backed-non-breaking-hyphen"),
    pytest.param(
        "Libya's UN-backed Government of National Accord (GNA) announced a counter-offensive dubbed "
        "\"Volcano of Anger\".",
        {"gna", "volcano-of-anger"}, id="un-backed-Government-of-National-Accord"),
    pytest.param(
        "Haftar's forces are fighting the UN-recognised Government of National Accord for control of Tripoli.",
        {"khalifa-haftar", "gna"}, id="afp-un-recognised-Government-of-National-Accord"),
    pytest.param(
        "The unity government's interior minister Fathi Bashagha accused France of supporting Haftar.",
        {"gna", "france", "khalifa-haftar"}, id="unity-government-possessive"),
    pytest.param(
        "The UN refugee agency UNHCR called for the urgent evacuation of 1,500 refugees and migrants.",
        {"unhcr"}, id="un-refugee-agency-is-unhcr"),
    pytest.param(
        "The UN Office for the Coordination of Humanitarian Affairs said the figures were a minimum.",
        {"ocha"}, id="ocha-full-name-not-un"),
    pytest.param("IOM's Displacement Tracking Matrix put the number at 13,625.", {"iom"}, id="iom-and-dtm"),
    pytest.param("IOM-DTM teams counted 2,725 displaced families.", {"iom"}, id="iom-dtm-hyphenated"),
    pytest.param(
        "National Oil Corporation (NOC) chairman Mustafa Sanalla warned that output could be wiped out.",
        {"noc", "mustafa-sanalla"}, id="noc-and-chairman"),
    pytest.param(
        "Libya's National Oil Corporation said production stood at 1.3 million barrels per day.",
        {"noc"}, id="libyas-national-oil-corporation"),
    # ---- Libyan National Army vs LNA ----------------------------------------------------------------
    pytest.param(
        "Libyan National Army spokesman Ahmed al-Mismari said the LNA was advancing.",
        {"lna"}, id="libyan-national-army-and-LNA"),
    pytest.param("The LNA-held town of Gharyan fell to pro-GNA forces on Wednesday.", {"lna", "gna"},
                 id="LNA-held-pro-GNA"),
    pytest.param("The GNA said its aircraft had struck LNA positions in Gharyan.", {"gna", "lna"},
                 id="GNA-and-LNA"),
    pytest.param("The eastern Libyan forces said they had shot down a warplane.", {"lna"},
                 id="eastern-libyan-forces"),
    # ---- words that contain aliases -----------------------------------------------------------------
    pytest.param(
        "UNHCR said it had relocated more than 150 refugees held at the Ain Zara detention centre.",
        {"unhcr"}, id="UNHCR-is-not-UN"),
    pytest.param("UNICEF said children were among the dead.", set(), id="UNICEF-is-not-UN"),
    pytest.param("UNSMIL condemned the strike on the detention centre.", set(), id="UNSMIL-is-not-UN"),
    pytest.param("European capitals were divided over how to respond to the offensive.", set(),
                 id="European-is-not-EU"),
    pytest.param(
        "European Parliament President Antonio Tajani spoke of \"diverging interests\" between Paris and Rome.",
        {"antonio-tajani"}, id="European-Parliament-is-not-EU"),
    pytest.param("The contested town of Gharyan changed hands twice in a week.", set(),
                 id="contested-is-not-conte"),
    # ---- more positives ---------------------------------------------------------------------------
    pytest.param(
        "The EU's foreign policy chief Federica Mogherini urged Haftar to halt military operations.",
        {"eu", "federica-mogherini", "khalifa-haftar"}, id="EU-possessive-mogherini"),
    pytest.param(
        "France blocked a European Union statement calling on Haftar's forces to halt their advance, "
        "diplomats said.",
        {"france", "eu", "khalifa-haftar"}, id="france-blocks-eu-statement"),
    pytest.param("The French government denied it was backing the eastern commander.", {"france"},
                 id="french-government-is-france"),
    pytest.param("Italy's Eni said it had evacuated its Italian staff as a precaution.", {"italy", "eni"},
                 id="italy-eni"),
    pytest.param("UN Secretary-General Antonio Guterres called for a ceasefire around Tripoli.",
                 {"un", "antonio-guterres"}, id="un-secretary-general"),
    pytest.param("The U.N. Security Council met behind closed doors on Friday.", {"un"},
                 id="ap-security-council"),
    pytest.param("OCHA said 20 civilians had been killed since the start of the offensive.", {"ocha"}, id="ocha"),
    pytest.param(
        "The International Organization for Migration said more than 13,600 people had been displaced.",
        {"iom"}, id="iom-full-name"),
    pytest.param("US Africa Command temporarily relocated a contingent of US forces from Libya.",
                 {"us-africa-command"}, id="us-africa-command"),
    pytest.param("AFRICOM said the security conditions had become increasingly complex.",
                 {"us-africa-command"}, id="africom"),
    pytest.param("Aguila Saleh, the speaker of the eastern-based parliament, backed the offensive.",
                 {"aguila-saleh-issa"}, id="aguila-saleh"),
    pytest.param("Grandi said refugees were trapped near the front line.", {"filippo-grandi"}, id="grandi"),
    pytest.param("Le Gouvernement d’entente nationale a dénoncé une « trahison ».", {"gna"},
                 id="french-gna-curly-apostrophe"),
    pytest.param("Die nationale Einheitsregierung in Tripolis warf Haftar Verrat vor.", {"gna", "khalifa-haftar"},
                 id="german-gna"),
    # ---- no actor at all ----------------------------------------------------------------------------
    pytest.param(
        "A migrant detention centre in Tajoura was hit by an air strike late on Tuesday, killing at least 44 "
        "people.",
        set(), id="no-actor-tajoura"),
    pytest.param("Residents queued for bread and fuel as the sound of shelling grew closer.", set(),
                 id="no-actor-residents"),
    pytest.param("Turkey and the United Arab Emirates were accused of breaching the arms embargo.", set(),
                 id="no-actor-turkey-uae"),
    # ---- robustness ---------------------------------------------------------------------------------
    pytest.param(
        "Anadolu'ya konuşan bir yetkili, Hıfter güçlerinin Trablus'un güneyinde ilerlediğini söyledi.",
        set(), id="turkish-dotless-i-does-not-crash"),
    # ---- wire spellings the demo aliases do not cover ------------------------------------------------
    pytest.param("The UN-recognized government said 56 people had been killed.", {"gna"},
                 id="us-spelling-un-recognized-government"),
    pytest.param("The U.N.-backed government in Tripoli called for an investigation.", {"gna"},
                 id="ap-u.n.-backed-government"),
    pytest.param("The World Health Organisation said at least 376 people had died in April.", {"who"},
                 id="british-world-health-organisation"),
    pytest.param(
        "The International Organisation for Migration said more than 75,000 people had fled their homes.",
        {"iom"}, id="british-international-organisation-for-migration"),
    pytest.param("U.S. Africa Command said it had moved some troops out of the country.", {"us-africa-command"},
                 id="ap-u.s.-africa-command"),
]


@pytest.mark.parametrize("sentence, expected", ROWS)
def test_press_sentence(matcher, sentence, expected):
    assert set(matcher.actors(sentence)) == expected


def test_expected_ids_are_demo_actors(demo_actors):
    """A typo in an expected id would make a negative row pass for the wrong reason."""
    used = set().union(*(row.values[1] for row in ROWS))
    assert used - set(demo_actors) == set()
    assert len(ROWS) >= 45


def test_seed_rows_are_real_seed_text():
    """The rows marked seed are verbatim sentences (or paragraphs) of the seed document."""
    seed = SEED.read_text(encoding="utf-8")
    seed_rows = [row.values[0] for row in ROWS if row.id.startswith("seed-")]
    assert len(seed_rows) == 14
    for sentence in seed_rows:
        assert sentence in seed, sentence


def test_whole_seed_document(matcher):
    """Mention counts over the whole seed text, as an article body would be counted."""
    counts = matcher.actors(SEED.read_text(encoding="utf-8"))
    assert counts == {
        "khalifa-haftar": 2,
        "gna": 3,
        "un": 5,  # "UN" twice (headline, "UN Security Council"), "Security Council", "United Nations" twice
        "eu": 1,
        "lna": 2,
        "france": 1,
        "italy": 1,
        "aguila-saleh-issa": 1,
        "fayez-al-serraj": 2,
        "who": 1,
    }


def test_mention_spans_cover_the_surface_form(matcher):
    """Spans point at the text as written: possessive, diacritics and Arabic harakat excluded/included right."""
    text = "Hifter’s envoy met Sarrâj; التقى السَّرَّاج"
    found = [(text[m.start:m.end], m.actor) for m in matcher.find(text)]
    assert found == [
        ("Hifter", "khalifa-haftar"),
        ("Sarrâj", "fayez-al-serraj"),
        ("السَّرَّاج", "fayez-al-serraj"),
    ]
