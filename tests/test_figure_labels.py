"""Per-topic figure labels (issue 15, item 5): ``figures: [{kind, label, unit}]`` in a topic file
names a kind on every page, chart and data file over the built-in table; fixtures in
tests/fixtures/i15-rest/ (labels/ builds, bad-labels/ holds the errors)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from support import FIXTURES, mkdocs_build
from generator import build as flow
from generator.config import Options
from generator.derive.labels import FigureLabels
from generator.model.types import DateValue, Figure, Topic
from generator.pages.filters import figure_label, figure_words, kind_label, kind_unit

HERE = FIXTURES / "i15-rest"


def _topic(ident: str, labels: dict) -> Topic:
    return Topic(ident, f"content/topics/{ident}.md", ident, "", [], list(labels), None,
                 {k: (label, unit, 3) for k, (label, unit) in labels.items()})


def test_a_topic_label_wins_over_the_built_in_table():
    oil = _topic("oil", {"oil-output-bpd": ("crude oil output", "barrels of crude a day"),
                         "oil-output-at-risk-pct": ("Share of output at risk", None),
                         "idps-in-collective-shelters": ("IDPs in shelters", None)})
    labels = FigureLabels.of_topics([oil])
    assert kind_label("oil-output-bpd", labels) == "Crude oil output"
    assert kind_unit("oil-output-bpd", labels) == "barrels of crude a day"
    assert kind_unit("oil-output-at-risk-pct", labels) == "%"  # no unit given: the suffix's
    bpd = Figure("oil-output-bpd", 1_300_000, "NOC", DateValue(dt.date(2019, 7, 2)), "about")
    pct = Figure("oil-output-at-risk-pct", 95, "NOC", DateValue(dt.date(2019, 5, 19)), "up-to")
    idps = Figure("idps-in-collective-shelters", 2700, "OCHA", DateValue(dt.date(2019, 5, 1)), "about")
    assert figure_words(bpd, labels) == "crude oil output: about 1,300,000 barrels of crude a day"
    assert figure_words(pct, labels) == "share of output at risk: up to 95%"  # a capital inside a sentence goes
    assert figure_words(idps, labels) == "about 2,700 IDPs in shelters"  # an acronym keeps its capitals
    assert figure_label(bpd, labels).endswith(", per NOC, as of 2 Jul 2019")


def test_a_kind_with_no_label_anywhere_reads_as_before():
    labels = FigureLabels.of_topics([_topic("oil", {"oil-output-bpd": ("crude oil output", None)})])
    for reading in (labels, None):
        assert kind_label("oil-output-at-risk-pct", reading) == "Oil output at risk"
        assert kind_unit("oil-output-at-risk-pct", reading) == "%"
        assert kind_label("incident-killed", reading) == "Killed in the incident"
        assert kind_label("health-workers-killed", reading) == "Health workers killed"
        assert kind_unit("killed", reading) == ""
    assert kind_label("oil-output-bpd") == "Oil output" and kind_unit("oil-output-bpd") == "barrels a day"


def test_a_topic_page_shows_its_own_label_and_the_rest_of_the_site_the_first_topics():
    first = _topic("a-first", {"displaced": ("people displaced", None)})
    second = _topic("b-second", {"displaced": ("people who fled", None)})
    labels = FigureLabels.of_topics([first, second])
    assert labels.label("displaced") == "People displaced"
    assert labels.with_topic(second).label("displaced") == "People who fled"
    assert labels.with_topic(_topic("c", {})) is labels


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("labels") / "labels"
    shutil.copytree(HERE / "labels", project)
    mkdocs_build(project, project / "site")
    return project / "site"


def test_labels_on_every_page_chart_and_data_file(built):
    topic = (built / "topics/oil/index.html").read_text("utf-8")
    # chart titles, key-figure cards and ledger rows
    assert 'bf-chart-title">Crude oil output (barrels of crude a day): claims by source' in topic
    assert 'bf-chart-title">Share of output at risk (%): claims by source' in topic
    assert 'bf-chart-title">IDPs in shelters: claims by source' in topic
    assert 'bf-figure-kind">Crude oil output<' in topic
    assert 'data-label="Figure">Crude oil output' in topic
    assert 'bf-chart-title">Oil and gas share of exports (%)' in topic  # no label: the built-in table
    home = (built / "index.html").read_text("utf-8")
    assert 'bf-figure-kind">Crude oil output<' in home and 'bf-figure-kind">Killed<' in home
    assert "charts: crude oil output, share of output at risk, oil and gas share of exports, IDPs in shelters" in \
        (built / "topics/index.html").read_text("utf-8")
    # figure lines of an article
    article = (built / "articles/2019-04-10-output/index.html").read_text("utf-8")
    assert "crude oil output: about <strong>1,100,000 barrels of crude a day</strong>, per NOC" in article
    assert "about <strong>2,700</strong> IDPs in shelters, per OCHA" in article
    # claim entries: their titles in the timeline, briefing.json and timeline.json
    title = "NOC: crude oil output: about 1,200,000 barrels of crude a day"
    headlines = [e["text"]["headline"] for e in json.loads((built / "data/timeline.json").read_text("utf-8"))["events"]]
    assert title in headlines and "WHO: 12 killed" in headlines
    events = json.loads((built / "data/briefing.json").read_text("utf-8"))["events"]
    assert title in [e["title"] for e in events]
    assert title in (built / "timeline/index.html").read_text("utf-8")


def test_label_errors_at_their_lines():
    project = HERE / "bad-labels"
    result = flow.check(project / "content", Options(), root=project, today=dt.date(2026, 1, 1))
    assert [str(p) for p in result.problems.sorted()] == [
        "content/topics/bad.md:5: error: unknown key 'units' in a figure of 'figures' (did you mean 'unit'?); "
        "a figure here has kind, label and unit",
        "content/topics/bad.md:6: error: missing required key 'kind' in a figure of 'figures' "
        "(write {kind: oil-output-bpd, label: oil output})",
        "content/topics/bad.md:7: error: 'kind' must be a lowercase kebab-case id like 'civilians-killed', "
        "not 'Oil Output'",
        "content/topics/bad.md:8: error: 'label' must be non-empty text",
        "content/topics/bad.md:9: error: figure kind 'killed' is listed twice in 'figures' (first at line 4); keep one",
        "content/topics/bad.md:11: error: figure kind 'displaced' is listed twice in 'figures' (first at line 10); "
        "keep one",
        "content/topics/other.md:4: warning: figure kind 'displaced' is labelled differently in "
        "content/topics/bad.md; pages other than this topic's show that label: give both the same",
    ]
