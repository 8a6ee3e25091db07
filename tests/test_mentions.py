"""Actor mentions and first-mention links (spec section 5)."""

from __future__ import annotations

import pytest

from generator.derive.mentions import Matcher, Mention
from generator.pages.links import link_first_mentions

NAMES = {
    "khalifa-haftar": ["Khalifa Haftar", "Haftar", "حفتر"],
    "fayez-al-sarraj": ["Fayez al-Sarraj", "Sarraj"],
    "un": ["United Nations", "UN"],
    "gna": ["Government of National Accord", "GNA", "UN-backed government"],
    "who": ["World Health Organization", "WHO"],
    "eu": ["European Union", "EU"],
}


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(NAMES)


def url_for(actor: str) -> str:
    return f"/actors/{actor}/"


# ---- Matcher ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        # whole words, case-insensitive
        pytest.param("Haftar spoke", {"khalifa-haftar": 1}, id="name"),
        pytest.param("HAFTAR and haftar", {"khalifa-haftar": 2}, id="case-insensitive"),
        pytest.param("KHALIFA HAFTAR", {"khalifa-haftar": 1}, id="full-name-capitals"),
        pytest.param("Khalifa\nHaftar", {"khalifa-haftar": 1}, id="name-across-line-break"),
        pytest.param("Haftarism", {}, id="not-inside-longer-word"),
        pytest.param("anti-Haftar forces", {"khalifa-haftar": 1}, id="hyphen-is-a-boundary"),
        # diacritics ignored
        pytest.param("Sarrâj said", {"fayez-al-sarraj": 1}, id="diacritics-in-text"),
        pytest.param("Fayez al-Sarrâj", {"fayez-al-sarraj": 1}, id="diacritics-in-full-name"),
        # possessives
        pytest.param("Haftar's forces", {"khalifa-haftar": 1}, id="possessive-ascii"),
        pytest.param("Haftar’s forces", {"khalifa-haftar": 1}, id="possessive-curly"),
        # capitals rule for 2-6 letter acronyms
        pytest.param("WHO said", {"who": 1}, id="WHO"),
        pytest.param("who said", {}, id="who-lowercase"),
        pytest.param("Who said", {}, id="Who-titlecase"),
        pytest.param("the EU", {"eu": 1}, id="EU"),
        pytest.param("Eu", {}, id="Eu"),
        pytest.param("the WHO’s report", {"who": 1}, id="acronym-possessive"),
        pytest.param("world health organization", {"who": 1}, id="long-name-any-case"),
        # acronyms as whole words only
        pytest.param("UNHCR", {}, id="UNHCR-is-not-UN"),
        pytest.param("UN, UN and the UN.", {"un": 3}, id="UN-three-times"),
        # longest match wins
        pytest.param("the UN-backed government", {"gna": 1}, id="UN-backed-government-is-GNA"),
        pytest.param("the UN\u2011backed government", {"gna": 1}, id="non-breaking-hyphen"),
        pytest.param("the United Nations", {"un": 1}, id="United-Nations-not-nested"),
        # Arabic script
        pytest.param("قال حفتر إن", {"khalifa-haftar": 1}, id="arabic"),
        pytest.param("حَفْتَر", {"khalifa-haftar": 1}, id="arabic-with-harakat"),
        pytest.param("وحفتر", {}, id="arabic-inside-word"),
        # counts
        pytest.param(
            "Haftar met Sarraj. Haftar's LNA and the UN-backed government; the UN and WHO. who knows",
            {"khalifa-haftar": 2, "fayez-al-sarraj": 1, "gna": 1, "un": 1, "who": 1},
            id="counts",
        ),
    ],
)
def test_actor_counts(matcher, text, expected):
    assert matcher.actors(text) == expected


def test_actors_in_order_of_first_mention(matcher):
    assert list(matcher.actors("the EU, then Sarraj, then Haftar and the EU")) == [
        "eu", "fayez-al-sarraj", "khalifa-haftar",
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("the UN-backed government", [Mention(4, 24, "gna")]),
        ("Haftar’s men", [Mention(0, 6, "khalifa-haftar")]),
        ("al-Sarrâj", [Mention(3, 9, "fayez-al-sarraj")]),
        ("Khalifa Haftar and Haftar", [Mention(0, 14, "khalifa-haftar"), Mention(19, 25, "khalifa-haftar")]),
    ],
)
def test_mention_spans_point_into_original_text(matcher, text, expected):
    assert matcher.find(text) == expected


def test_diacritics_in_alias_match_plain_text():
    assert Matcher({"mishri": ["Khaled al-Mishrî"]}).actors("Khaled al-Mishri and KHALED AL-MISHRÎ") == {"mishri": 2}


def test_acronym_name_only_matches_in_capitals():
    m = Matcher({"noc": ["NOC"], "nato": ["NATO"]})
    assert m.actors("NOC noc Noc NATO nato") == {"noc": 1, "nato": 1}


def test_mixed_case_alias_is_case_insensitive():
    # "UNSMIL" is an acronym (6 capitals); "UNSMILs" is not a whole word.
    m = Matcher({"unsmil": ["UNSMIL", "UN Support Mission"]})
    assert m.actors("UNSMIL, unsmil, UNSMILs, the un support mission") == {"unsmil": 2}


def test_empty_matcher_finds_nothing():
    assert Matcher({}).actors("Haftar") == {}


# ---- first-mention links ------------------------------------------------------------------

H = "[Haftar](/actors/khalifa-haftar/)"


@pytest.mark.parametrize(
    "body, expected",
    [
        pytest.param(
            "Haftar met Haftar and the UN. The UN said so.\n",
            f"{H} met Haftar and the [UN](/actors/un/). The UN said so.\n",
            id="first-of-each-actor",
        ),
        pytest.param(
            "Haftar spoke.\n\nLater Haftar and Sarraj met.\n",
            f"{H} spoke.\n\nLater Haftar and [Sarraj](/actors/fayez-al-sarraj/) met.\n",
            id="first-across-paragraphs",
        ),
        pytest.param(
            "Khalifa Haftar, then Haftar.\n",
            "[Khalifa Haftar](/actors/khalifa-haftar/), then Haftar.\n",
            id="alias-counts-as-the-same-actor",
        ),
        pytest.param(
            "Sarrâj’s office and the UN-backed government.\n",
            "[Sarrâj](/actors/fayez-al-sarraj/)’s office and the [UN-backed government](/actors/gna/).\n",
            id="keeps-original-spelling",
        ),
        pytest.param(
            "# Haftar\n\nHaftar spoke.\n",
            f"# Haftar\n\n{H} spoke.\n",
            id="atx-heading-skipped",
        ),
        pytest.param(
            "```\nHaftar\n```\nHaftar\n",
            f"```\nHaftar\n```\n{H}\n",
            id="backtick-fence-skipped",
        ),
        pytest.param(
            "~~~python\nHaftar = 1\n~~~\nHaftar\n",
            f"~~~python\nHaftar = 1\n~~~\n{H}\n",
            id="tilde-fence-skipped",
        ),
        pytest.param(
            "````\n```\nHaftar\n```\n````\nHaftar\n",
            f"````\n```\nHaftar\n```\n````\n{H}\n",
            id="longer-fence-contains-shorter",
        ),
        pytest.param(
            "    Haftar in code\n\nHaftar\n",
            f"    Haftar in code\n\n{H}\n",
            id="indented-code-skipped",
        ),
        pytest.param(
            "`Haftar` and Haftar\n",
            f"`Haftar` and {H}\n",
            id="inline-code-skipped",
        ),
        pytest.param(
            "[Haftar](https://example.org/haftar) and Haftar\n",
            f"[Haftar](https://example.org/haftar) and {H}\n",
            id="inline-link-skipped",
        ),
        pytest.param(
            "[Haftar][1] and Haftar\n\n[1]: https://example.org/Haftar\n",
            f"[Haftar][1] and {H}\n\n[1]: https://example.org/Haftar\n",
            id="reference-link-and-definition-skipped",
        ),
        pytest.param(
            "See https://example.org/Haftar and Haftar\n",
            f"See https://example.org/Haftar and {H}\n",
            id="bare-url-skipped",
        ),
        pytest.param(
            'x <img alt="Haftar" src="h.png"> Haftar\n',
            f'x <img alt="Haftar" src="h.png"> {H}\n',
            id="html-attribute-skipped",
        ),
        pytest.param(
            '<span title="Haftar">x</span>\nThen Haftar.\n',
            f'<span title="Haftar">x</span>\nThen {H}.\n',
            id="html-line-skipped",
        ),
        pytest.param(
            "Haftar\n======\n\nHaftar again\n",
            f"Haftar\n======\n\n{H} again\n",
            id="setext-heading-skipped"
        ),
        pytest.param(
            'see <a href="/x">Haftar</a> and Haftar\n',
            f'see <a href="/x">Haftar</a> and {H}\n',
            id="html-anchor-text-skipped"
        ),
        pytest.param(
            "<div>\nHaftar spoke\n</div>\n\nHaftar\n",
            f"<div>\nHaftar spoke\n</div>\n\n{H}\n",
            id="html-block-content-skipped"
        ),
    ],
)
def test_link_first_mentions(matcher, body, expected):
    assert link_first_mentions(body, matcher, url_for) == expected


def test_link_first_mentions_without_mentions_is_unchanged(matcher):
    body = "# Title\n\nNothing here about anyone.\n\n```\ncode\n```\n"
    assert link_first_mentions(body, matcher, url_for) == body
