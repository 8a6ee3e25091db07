"""Topic classification and derived facts (spec section 5)."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import pytest

from generator.derive import derive, latest_claims
from generator.derive.topics import TopicClassifier
from generator.model.load import load
from generator.model.types import DateValue, Figure

# ---- TopicClassifier ----------------------------------------------------------------------

KEYWORDS = {
    "oil": ["oil", "Sharara field", "NOC"],
    "humanitarian": ["displaced", "humanitarian toll", "Médecins Sans Frontières"],
    "migration": ["migrants", "displaced"],
}


@pytest.fixture(scope="module")
def classifier() -> TopicClassifier:
    return TopicClassifier(KEYWORDS)


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("Oil output fell", {"oil"}, id="capitalised"),
        pytest.param("OIL", {"oil"}, id="all-caps"),
        pytest.param("noc figures", {"oil"}, id="acronym-keyword-any-case"),
        pytest.param("soil erosion", set(), id="not-inside-word-start"),
        pytest.param("oilfield", set(), id="not-inside-word-end"),
        pytest.param("the Sharara field shut", {"oil"}, id="multiword"),
        pytest.param("the Sharara  field", {"oil"}, id="multiword-extra-space"),
        pytest.param("the Sharara\nfield", {"oil"}, id="multiword-line-break"),
        pytest.param("SHARARA FIELD", {"oil"}, id="multiword-caps"),
        pytest.param("the Sharara deal", set(), id="partial-multiword"),
        pytest.param("Medecins Sans Frontieres", {"humanitarian"}, id="diacritics-in-keyword"),
        pytest.param("médecins sans frontières", {"humanitarian"}, id="diacritics-in-both"),
        pytest.param("displacement", set(), id="longer-word"),
        pytest.param("Displaced families", {"humanitarian", "migration"}, id="keyword-of-two-topics"),
        pytest.param("Humanitarian toll rises; oil too", {"humanitarian", "oil"}, id="two-topics"),
        pytest.param("migrants’ boats", {"migration"}, id="possessive"),
        pytest.param("", set(), id="empty-text"),
    ],
)
def test_topic_classifier(classifier, text, expected):
    assert classifier.topics(text) == expected


def test_classifier_without_keywords_finds_nothing():
    assert TopicClassifier({}).topics("oil") == set()
    assert TopicClassifier({"oil": ["", "  "]}).topics("oil") == set()


# ---- derive on a small project ------------------------------------------------------------

FILES = {
    "content/actors/khalifa-haftar.md": "---\nname: Khalifa Haftar\nkind: person\naliases: [Haftar]\n---\n",
    "content/actors/fayez-al-sarraj.md": "---\nname: Fayez al-Sarraj\nkind: person\naliases: [Sarraj]\n---\n",
    "content/actors/un.md": "---\nname: United Nations\nkind: organisation\naliases: [UN]\n---\n",
    "content/actors/lna.md": "---\nname: Libyan National Army\nkind: armed-group\naliases: [LNA]\n---\n",
    "content/topics/oil.md": "---\ntitle: Oil supply\nkeywords: [oil, Sharara field]\n---\n",
    "content/topics/humanitarian.md": "---\ntitle: Humanitarian toll\nkeywords: [displaced, killed]\n---\n",
    # 2019-04-01 is a Monday: three entries start that day, with three precisions.
    "content/articles/offensive.md": """\
---
title: Haftar launches offensive on Tripoli
date: 2019-04-12
source: Reuters
actors: [un]
topics: [oil]
events:
  - date: 2019-04-01
    title: LNA takes Zawiya checkpoint
  - date: "2019-04"
    title: April fighting
    summary: Haftar and Sarraj trade blame.
  - date: 2019-04-01
    precision: week
    title: Mobilisation week
  - date: 2019-04-08
    title: Sarraj and Haftar clash
    summary: Thousands displaced.
    actors: [lna]
    topics: [oil]
    figures:
      - {kind: displaced, value: 3400, source: IOM}
  - date: 2019-04-08
    title: Airport shelled
    summary: Haftar denies involvement.
figures:
  - {kind: killed, value: 56, source: WHO}
  - {kind: killed, value: 75, source: GNA, as_of: 2019-04-12}
  - {kind: killed, value: 30, source: WHO, as_of: 2019-04-09}
---
Haftar met Sarraj. Haftar again. Dozens were killed.
""",
    "content/articles/talks.md": """\
---
title: Talks in Geneva
date: 2019-04-10
source: AFP
actors: [un]
figures:
  - {kind: displaced, value: 4500, source: UNHCR, as_of: 2019-04-08}
  - {kind: displaced, value: 2800, source: OCHA, as_of: 2019-04-06}
---
Sarraj met the UN envoy about oil.

Second paragraph.
""",
    "content/articles/unpublished.md": "---\ntitle: Draft\ndate: 2019-04-02\nsource: X\ndraft: true\n---\nHaftar\n",
}


@pytest.fixture
def loaded(tmp_path: Path):
    """FILES written to a folder and loaded."""
    for rel, text in FILES.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    briefing, problems = load(tmp_path / "content", root=tmp_path)
    assert [str(p) for p in problems.items] == []
    return briefing


@pytest.fixture
def derived(loaded):
    index = derive(loaded)
    return index.briefing, index


def test_derive_leaves_the_loaded_model_as_it_was(loaded):
    briefing = loaded
    before = copy.deepcopy(briefing)
    index = derive(briefing)
    assert briefing == before  # drafts still there, no derived field filled in
    assert "unpublished" in briefing.articles and briefing.entries == []
    assert briefing.articles["offensive"].actors == [] and index.briefing.articles["offensive"].actors


def test_drafts_are_dropped(derived):
    briefing, _ = derived
    assert sorted(briefing.articles) == ["offensive", "talks"]


def test_article_actors_declared_then_detected(derived):
    briefing, _ = derived
    offensive, talks = briefing.articles["offensive"], briefing.articles["talks"]
    assert offensive.actors == ["un", "khalifa-haftar", "fayez-al-sarraj"]
    assert offensive.mentions == {"khalifa-haftar": 3, "fayez-al-sarraj": 1}
    # "UN" is declared and detected: listed once.
    assert talks.actors == ["un", "fayez-al-sarraj"]
    assert talks.mentions == {"fayez-al-sarraj": 1, "un": 1}


def test_article_topics_declared_then_detected(derived):
    briefing, _ = derived
    assert briefing.articles["offensive"].topics == ["oil", "humanitarian"]
    assert briefing.articles["talks"].topics == ["oil"]


def test_event_actors_and_topics_from_title_and_summary(derived):
    briefing, _ = derived
    by_id = {e.id: e for e in briefing.articles["offensive"].events}
    assert {i: (e.actors, e.topics) for i, e in by_id.items()} == {
        # an event with nothing of its own (topics, keywords, figures charted) takes its article's
        "offensive--1": (["lna"], ["oil", "humanitarian"]),
        "offensive--2": (["khalifa-haftar", "fayez-al-sarraj"], ["oil", "humanitarian"]),
        "offensive--3": ([], ["oil", "humanitarian"]),
        # its own topics: only those ("displaced" in its summary adds nothing)
        "offensive--4": (["lna", "fayez-al-sarraj", "khalifa-haftar"], ["oil"]),
        "offensive--5": (["khalifa-haftar"], ["oil", "humanitarian"]),
    }


def test_event_ids_are_article_and_position(derived):
    briefing, _ = derived
    events = briefing.articles["offensive"].events
    assert [(e.id, e.article, e.title) for e in events] == [
        ("offensive--1", "offensive", "LNA takes Zawiya checkpoint"),
        ("offensive--2", "offensive", "April fighting"),
        ("offensive--3", "offensive", "Mobilisation week"),
        ("offensive--4", "offensive", "Sarraj and Haftar clash"),
        ("offensive--5", "offensive", "Airport shelled"),
    ]
    # then the article's claim groups (source and as-of date) that no event carries
    claims = briefing.articles["offensive"].entries[len(events):]
    assert briefing.articles["offensive"].entries[:len(events)] == events
    assert [(e.id, e.kind, e.title, e.date.start.isoformat()) for e in claims] == [
        ("offensive--claim-1", "claim", "WHO: 56 killed", "2019-04-12"),
        ("offensive--claim-2", "claim", "GNA: 75 killed", "2019-04-12"),
        ("offensive--claim-3", "claim", "WHO: 30 killed", "2019-04-09"),
    ]


def test_article_without_events_is_one_entry(derived):
    briefing, _ = derived
    talks = briefing.articles["talks"]
    (entry,) = talks.entries
    assert (entry.id, entry.article, entry.title, entry.date) == (
        "talks", "talks", "Talks in Geneva", DateValue(dt.date(2019, 4, 10), "day", text="2019-04-10"),
    )
    assert (entry.actors, entry.topics) == (["un", "fayez-al-sarraj"], ["oil"])
    assert entry.summary == "Sarraj met the UN envoy about oil."
    assert talks.summary == "Sarraj met the UN envoy about oil."


def test_timeline_order(derived):
    briefing, _ = derived
    assert [(e.id, e.date.start.isoformat(), e.date.precision) for e in briefing.entries] == [
        # a week or month is placed by its end: the week of 1 April on the 7th, April on the 30th
        ("offensive--1", "2019-04-01", "day"),    # LNA takes Zawiya checkpoint
        ("offensive--3", "2019-04-01", "week"),   # Mobilisation week
        # same day and precision: by title
        ("offensive--5", "2019-04-08", "day"),    # Airport shelled
        ("offensive--4", "2019-04-08", "day"),    # Sarraj and Haftar clash
        ("offensive--claim-3", "2019-04-09", "day"),  # WHO: 30 killed
        ("talks", "2019-04-10", "day"),
        ("offensive--claim-2", "2019-04-12", "day"),  # GNA: 75 killed
        ("offensive--claim-1", "2019-04-12", "day"),  # WHO: 56 killed
        ("offensive--2", "2019-04-01", "month"),  # April fighting
    ]


def test_cooccurring_actor_counts(derived):
    _, index = derived
    assert index.cooccurring == {
        "khalifa-haftar": [("fayez-al-sarraj", 2), ("lna", 1)],
        "fayez-al-sarraj": [("khalifa-haftar", 2), ("lna", 1), ("un", 1)],
        "lna": [("fayez-al-sarraj", 1), ("khalifa-haftar", 1)],
        "un": [("fayez-al-sarraj", 1)],
    }


def test_entries_and_mentions_by_actor(derived):
    _, index = derived
    assert {a: [e.id for e in es] for a, es in index.entries_by_actor.items()} == {
        "lna": ["offensive--1", "offensive--4"],
        "khalifa-haftar": ["offensive--5", "offensive--4", "offensive--2"],
        "fayez-al-sarraj": ["offensive--4", "talks", "offensive--2"],
        "un": ["talks"],
    }
    assert index.mentions == {"un": 1, "fayez-al-sarraj": 2, "khalifa-haftar": 3}


def _claims(figures):
    return [(f.kind, f.source, f.value, f.as_of.start.isoformat(), f.article, f.event) for f in figures]


def test_latest_claims_keeps_every_claim_of_latest_date(derived):
    briefing, _ = derived
    assert _claims(latest_claims(briefing.figures)) == [
        ("displaced", "IOM", 3400, "2019-04-08", "offensive", "offensive--4"),
        ("displaced", "UNHCR", 4500, "2019-04-08", "talks", None),
        ("killed", "GNA", 75, "2019-04-12", "offensive", None),
        ("killed", "WHO", 56, "2019-04-12", "offensive", None),
    ]


def _figure(kind: str, value: int, source: str, day: int) -> Figure:
    return Figure(kind, value, source, DateValue(dt.date(2019, 4, day)))


def test_latest_claims_unit():
    figures = [
        _figure("killed", 121, "WHO", 15),
        _figure("killed", 200, "GNA", 16),
        _figure("killed", 147, "WHO", 16),
        _figure("killed", 147, "LNA", 16),
        _figure("wounded", 561, "WHO", 15),
        _figure("displaced", 18000, "IOM", 14),
    ]
    assert [(f.kind, f.source, f.value, f.as_of.start.day) for f in latest_claims(figures)] == [
        ("displaced", "IOM", 18000, 14),
        ("killed", "GNA", 200, 16),
        ("killed", "LNA", 147, 16),
        ("killed", "WHO", 147, 16),
        ("wounded", "WHO", 561, 15),
    ]
    assert latest_claims([]) == []
