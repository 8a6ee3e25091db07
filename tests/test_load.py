"""Loading and validation of a content folder (spec sections 2-4).

Every test writes a small project into ``tmp_path`` and checks the typed model
and the exact ``path:line: level: message`` of every problem.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from generator.model.load import load
from generator.model.problems import Problem
from generator.model.types import DateValue, Source

ARTICLE = "content/articles/x.md"

ACTOR_HAFTAR = """\
---
name: Khalifa Haftar
kind: person
aliases: [Haftar, حفتر]
role: commander of the LNA
country: Libya
---
Field marshal.
"""

TOPIC_OIL = """\
---
title: Oil supply
keywords: [oil, Sharara field]
figures: [oil-output-bpd]
summary: Output and blockades.
---
How oil shapes the war.
"""

# Always present and valid, so references to them resolve.
BASE = {
    "content/actors/khalifa-haftar.md": ACTOR_HAFTAR,
    "content/topics/oil.md": TOPIC_OIL,
}


def write(root: Path, rel: str, content: str | bytes) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def load_project(root: Path, files: dict[str, str | bytes], *, base: bool = True):
    for rel, content in {**(BASE if base else {}), **files}.items():
        write(root, rel, content)
    return load(root / "content", root=root)


def messages(problems) -> list[str]:
    return sorted(str(p) for p in problems.items)


# ---- valid content ------------------------------------------------------------------------


VALID_ARTICLE = """\
---
title: Haftar orders advance on Tripoli
date: 2019-04-04
source:
  - Reuters
  - {name: AFP, url: "https://www.afp.com/en/news/1"}
summary: Forces move west.
actors: [khalifa-haftar]
topics: [oil]
places: [Tripoli, Gharyan]
events:
  - date: on Friday
    title: Troops reach Gharyan
    status: claimed
    place: Gharyan
    figures:
      - {kind: killed, value: 5, qualifier: at-least, source: LNA}
figures:
  - {kind: displaced, value: 100, source: IOM, as_of: 2019-04-03, scope: Tripoli}
draft: false
---
Body text.
"""

VALID_NOTE = """\
---
title: Why Gharyan matters
date: 12 April 2019
author: Desk editor
kind: analysis
actors: [khalifa-haftar]
topics: [oil]
articles: [x]
---
Supply lines.
"""


def test_valid_project_loads_into_typed_model(tmp_path):
    briefing, problems = load_project(
        tmp_path, {ARTICLE: VALID_ARTICLE, "content/notes/gharyan.md": VALID_NOTE}
    )

    assert messages(problems) == []
    assert list(briefing.articles) == ["x"]
    assert list(briefing.notes) == ["gharyan"]
    assert list(briefing.actors) == ["khalifa-haftar"]
    assert list(briefing.topics) == ["oil"]

    article = briefing.articles["x"]
    assert article.path == ARTICLE
    assert article.title == "Haftar orders advance on Tripoli"
    assert article.date == DateValue(dt.date(2019, 4, 4), "day", text="2019-04-04")
    assert article.sources == [Source("Reuters"), Source("AFP", "https://www.afp.com/en/news/1")]
    assert article.summary == "Forces move west."
    assert article.declared_actors == ["khalifa-haftar"]
    assert article.declared_topics == ["oil"]
    assert article.places == ["Tripoli", "Gharyan"]
    assert article.draft is False
    assert article.body.strip() == "Body text."

    # 2019-04-04 is a Thursday: "on Friday" is the Friday before.
    (event,) = article.events
    friday = DateValue(dt.date(2019, 3, 29), "day", text="on Friday")
    assert (event.id, event.article, event.date, event.title, event.status, event.place) == (
        "x--1", "x", friday, "Troops reach Gharyan", "claimed", "Gharyan",
    )
    (efig,) = event.figures
    assert (efig.kind, efig.value, efig.qualifier, efig.source, efig.as_of, efig.article, efig.event) == (
        "killed", 5, "at-least", "LNA", friday, "x", "x--1",
    )
    (afig,) = article.figures
    assert (afig.kind, afig.value, afig.qualifier, afig.source, afig.scope, afig.as_of.start, afig.event) == (
        "displaced", 100, "exact", "IOM", "Tripoli", dt.date(2019, 4, 3), None,
    )

    note = briefing.notes["gharyan"]
    assert (note.title, note.author, note.kind) == ("Why Gharyan matters", "Desk editor", "analysis")
    assert note.date == DateValue(dt.date(2019, 4, 12), "day", text="12 April 2019")
    assert (note.actors, note.topics, note.articles) == (["khalifa-haftar"], ["oil"], ["x"])

    actor = briefing.actors["khalifa-haftar"]
    assert (actor.name, actor.kind, actor.aliases, actor.affiliation, actor.role, actor.country) == (
        "Khalifa Haftar", "person", ["Haftar", "حفتر"], [], "commander of the LNA", "Libya",
    )
    assert actor.path == "content/actors/khalifa-haftar.md"
    assert actor.body.strip() == "Field marshal."

    topic = briefing.topics["oil"]
    assert (topic.title, topic.keywords, topic.figures, topic.summary) == (
        "Oil supply", ["oil", "Sharara field"], ["oil-output-bpd"], "Output and blockades.",
    )
    assert topic.body.strip() == "How oil shapes the war."


def test_defaults_for_optional_keys(tmp_path):
    briefing, problems = load_project(
        tmp_path,
        {
            ARTICLE: "---\ntitle: T\ndate: 2019-04-04\nsource: Reuters\n---\n",
            "content/notes/n.md": "---\ntitle: N\ndate: 2019-04-05\nauthor: Ed\n---\n",
            "content/actors/un.md": "---\nname: United Nations\n---\n",
        },
    )
    assert messages(problems) == []
    article = briefing.articles["x"]
    assert (article.summary, article.declared_actors, article.events, article.figures, article.draft) == (
        None, [], [], [], False,
    )
    assert briefing.notes["n"].kind == "context"
    assert (briefing.actors["un"].kind, briefing.actors["un"].aliases) == ("other", [])


def test_utf8_bom_file_loads(tmp_path):
    text = "\ufeff---\ntitle: Zuwara port reopens\ndate: 2019-04-04\nsource: Reuters\n---\nBody.\n"
    briefing, problems = load_project(tmp_path, {ARTICLE: text})
    assert messages(problems) == []
    assert briefing.articles["x"].title == "Zuwara port reopens"


def test_problem_str_is_path_line_level_message():
    assert str(Problem("content/articles/x.md", 4, "error", "bad date")) == (
        "content/articles/x.md:4: error: bad date"
    )
    assert str(Problem("content/notes/n.md", 2, "warning", "unknown key")) == (
        "content/notes/n.md:2: warning: unknown key"
    )


# ---- one file, one problem: exact message and the line of the offending key ---------------

# (article text, problems). The article is content/articles/x.md; BASE is always present.
PROBLEM_CASES = [
    pytest.param(
        "---\ntitle: T\nsource: Reuters\ndate: banana\n---\n",
        ["content/articles/x.md:4: error: 'date': cannot read 'banana' as a date "
         "(write it as 2019-04-12 or 12 April 2019)"],
        id="unreadable-date-line-4",
    ),
    pytest.param(
        "---\ntitle: T\nsource: Reuters\ndate: '2019-13-01'\n---\n",
        ["content/articles/x.md:4: error: 'date': '2019-13-01' is not a valid date: month must be in 1..12"],
        id="invalid-iso-date-text",
    ),
    pytest.param(
        "\ufeff---\ntitle: T\nsource: Reuters\ndate: banana\n---\n",
        ["content/articles/x.md:4: error: 'date': cannot read 'banana' as a date "
         "(write it as 2019-04-12 or 12 April 2019)"],
        id="bom-keeps-line-numbers",
    ),
    pytest.param(
        "---\r\ntitle: T\r\nsource: Reuters\r\ndate: banana\r\n---\r\n",
        ["content/articles/x.md:4: error: 'date': cannot read 'banana' as a date "
         "(write it as 2019-04-12 or 12 April 2019)"],
        id="crlf-keeps-line-numbers",
    ),
    pytest.param(
        "---\ntitle: T\ndate: 2019-04-12\nsource: Reuters\nevents:\n  - title: E\n    date: banana\n---\n",
        ["content/articles/x.md:7: error: 'date': cannot read 'banana' as a date "
         "(write it as 2019-04-12 or 12 April 2019)"],
        id="unreadable-event-date-nested",
    ),
    pytest.param(
        "---\ndate: 2019-04-12\nsource: Reuters\n---\n",
        ["content/articles/x.md:2: error: missing required key 'title' in an article"],
        id="missing-title",
    ),
    pytest.param(
        "---\ntitle: T\nsource: Reuters\n---\n",
        ["content/articles/x.md:2: error: missing required key 'date' in an article"],
        id="missing-date",
    ),
    pytest.param(
        "---\ntitle: T\ndate: 2019-04-12\n---\n",
        ["content/articles/x.md:2: error: missing required key 'source' in an article"],
        id="missing-source",
    ),
    pytest.param(
        "---\ntitle: T\ndate: 2019-04-12\nsource: Reuters\ndraft: false\ntitel: Typo\n---\n",
        ["content/articles/x.md:6: warning: unknown key 'titel' in an article (did you mean 'title'?); it is ignored"],
        id="unknown-key-did-you-mean",
    ),
    pytest.param(
        "---\ntitle: T\ndate: 2019-04-12\nsource: Reuters\nactors:\n  - khalifa-haftar\n  - khalifa-hafter\n---\n",
        ["content/articles/x.md:7: error: unknown actor id 'khalifa-hafter' (did you mean 'khalifa-haftar'?); "
         "add content/actors/khalifa-hafter.md or fix the id"],
        id="unknown-actor-list-item-line",
    ),
    pytest.param(
        "---\ntitle: T\ndate: 2019-04-12\nsource: Reuters\ntopics: [oil, oli]\n---\n",
        ["content/articles/x.md:5: error: unknown topic id 'oli' (did you mean 'oil'?); "
         "add content/topics/oli.md or fix the id"],
        id="unknown-topic",
    ),
    pytest.param(
        "---\ntitle: 12\ndate: 2019-04-12\nsource: Reuters\n---\n",
        ["content/articles/x.md:2: error: 'title' must be text, not a number; put it in quotes"],
        id="title-number",
    ),
    pytest.param(
        "---\ntitle: no\ndate: 2019-04-12\nsource: Reuters\n---\n",
        ["content/articles/x.md:2: error: 'title' was read as false; put the text in quotes: title: \"no\""],
        id="title-no-read-as-bool",
    ),
    pytest.param(
        "---\ntitle: yes\ndate: 2019-04-12\nsource: Reuters\n---\n",
        ["content/articles/x.md:2: error: 'title' was read as true; put the text in quotes: title: \"yes\""],
        id="title-yes-read-as-bool",
    ),
    pytest.param(
        "---\ntitle: off\ndate: 2019-04-12\nsource: Reuters\n---\n",
        ["content/articles/x.md:2: error: 'title' was read as false; put the text in quotes: title: \"off\""],
        id="title-off-read-as-bool"
    ),
    pytest.param(
        "---\ntitle: T\ndate: 2019-04-12\nsource: Reuters\nactors: khalifa-haftar\n---\n",
        ["content/articles/x.md:5: error: 'actors' must be a list; write it as actors: [khalifa-haftar]"],
        id="actors-not-a-list",
    ),
    pytest.param(
        "---\ntitle: T\ndate: 2019-04-12\nsource: Reuters\n  extra: value\n---\n",
        ["content/articles/x.md:5: error: invalid YAML: mapping values are not allowed in this context"],
        id="invalid-yaml",
    ),
    pytest.param(
        "---\ntitle: T\ndate: 2019-04-12\nsource: Reuters\n\nBody without a closing line.\n",
        ["content/articles/x.md:1: error: front matter opened with '---' is never closed; "
         "add a line '---' after the last key"],
        id="unclosed-front-matter",
    ),
    pytest.param(
        "---\ntitle: T\ndate: 2019-04-12\nsource: Reuters\ntitle: Again\n---\n",
        ["content/articles/x.md:5: error: duplicate key 'title': only the last one would be kept; remove one"],
        id="duplicate-key",
    ),
    pytest.param(
        b"---\ntitle: T\ndate: 2019-04-12\nsource: Caf\xe9 Press\n---\n",
        ["content/articles/x.md:4: error: not valid UTF-8 (byte 0xe9); save the file as UTF-8"],
        id="latin-1-bytes",
    ),
    pytest.param(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        ["content/articles/x.md:1: error: this is a binary file, not Markdown; remove it or save it as UTF-8 text"],
        id="binary-file",
    ),
    pytest.param(
        "",
        ["content/articles/x.md:1: error: empty file; add front matter between '---' lines and a body"],
        id="empty-file",
    ),
    pytest.param(
        " \n\n",
        ["content/articles/x.md:1: error: empty file; add front matter between '---' lines and a body"],
        id="whitespace-only-file",
    ),
    pytest.param(
        "# Just a heading\n\nText.\n",
        ["content/articles/x.md:1: error: no front matter; start the file with a '---' line, "
         "the keys, and another '---' line"],
        id="no-front-matter",
    ),
    pytest.param(
        "---\n- title\n- date\n---\n",
        ["content/articles/x.md:2: error: front matter must be a mapping of keys to values, not a list"],
        id="front-matter-is-a-list",
    ),
    pytest.param(
        "---\ntitle: T\ndate: 2019-04-12\nsource:\n  name: Reuters\n  url: javascript:alert(1)\n---\n",
        ["content/articles/x.md:6: error: source url must start with http:// or https://, "
         "not 'javascript:alert(1)'"],
        id="javascript-source-url",
    ),
    pytest.param(
        "---\ntitle: T\ndate: 2019-04-12\nsource: Reuters\nfigures:\n  - kind: killed\n    value: -5\n"
        "    source: WHO\n---\n",
        ["content/articles/x.md:7: error: 'value' must be a whole number >= 0, not -5"],
        id="negative-figure-value",
    ),
    pytest.param(
        "---\ntitle: T\ndate: 2019-04-12\nsource: Reuters\nevents:\n  - date: 2019-04-10\n    title: Before\n"
        "  - date: 2019-04-20\n    title: After\n---\n",
        ["content/articles/x.md:8: warning: event 'After' is dated 2019-04-20, after its article (2019-04-12)"],
        id="event-after-article-is-warning",
    ),
    pytest.param(
        "---\ntitle: T\ndate: 2019-04-12\nsource: Reuters\nevents:\n  - date: 2019-04-10\n    end: 2019-04-09\n"
        "    title: Backwards\n---\n",
        ["content/articles/x.md:6: error: event ends (2019-04-09) before it starts (2019-04-10)"],
        id="event-ends-before-start",
    ),
    pytest.param(
        "---\n\ntitle: T\nsource: Reuters\ndate: banana\n---\n",
        ["content/articles/x.md:5: error: 'date': cannot read 'banana' as a date "
         "(write it as 2019-04-12 or 12 April 2019)"],
        id="blank-line-after-opening"
    ),
    pytest.param(
        "---\ntitle: &t Reuters\ndate: 2019-04-12\nsource: *t\n---\n",
        ["content/articles/x.md:4: error: YAML aliases (*t) are not allowed in front matter; write the value out"],
        id="yaml-alias-rejected"
    ),
]


@pytest.mark.parametrize("text, expected", PROBLEM_CASES)
def test_problem_reported_with_path_and_line(tmp_path, text, expected):
    _, problems = load_project(tmp_path, {ARTICLE: text})
    assert messages(problems) == expected


def test_impossible_yaml_date_is_an_error_not_a_crash(tmp_path):
    text = "---\ntitle: T\nsource: Reuters\ndate: 2019-02-30\n---\n"
    briefing, problems = load_project(tmp_path, {ARTICLE: text})
    (problem,) = problems.items
    assert str(problem).startswith("content/articles/x.md:4: error: ")
    assert "2019-02-30" in problem.message
    assert briefing.articles == {}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("---\ntitle: T\ndate: 2019-04-12\nsource: Reuters\n---\n", id="valid"),
        pytest.param("---\ntitle: T\ndate: 2019-04-12\nsource: Reuters\ntitel: x\n---\n", id="warning-only"),
        pytest.param("---\ntitle: T\ndate: 2019-04-12\nsource: Reuters\nevents:\n  - date: 2019-04-20\n"
                     "    title: Later\n---\n", id="event-after-article"),
    ],
)
def test_warnings_do_not_prevent_loading(tmp_path, text):
    briefing, problems = load_project(tmp_path, {ARTICLE: text})
    assert problems.errors == []
    assert list(briefing.articles) == ["x"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("---\ntitle: T\ndate: banana\nsource: Reuters\n---\n", id="bad-date"),
        pytest.param("---\ndate: 2019-04-12\nsource: Reuters\n---\n", id="missing-title"),
        pytest.param("---\ntitle: 12\ndate: 2019-04-12\nsource: Reuters\n---\n", id="title-number"),
        pytest.param("---\ntitle: T\ndate: 2019-04-12\nsource: {name: X, url: 'javascript:alert(1)'}\n---\n",
                     id="only-source-invalid"),
    ],
)
def test_article_with_errors_is_not_loaded(tmp_path, text):
    briefing, problems = load_project(tmp_path, {ARTICLE: text})
    assert len(problems.errors) == 1
    assert briefing.articles == {}


# ---- ids ----------------------------------------------------------------------------------

LONG = "a" * 81


@pytest.mark.parametrize(
    "name, hint",
    [
        pytest.param("Zuwara", "zuwara", id="capitals"),
        pytest.param("zuwara port", "zuwara-port", id="space"),
        pytest.param("-zuwara", "zuwara", id="leading-hyphen"),
        pytest.param("zuwara_port", "zuwara-port", id="underscore"),
        pytest.param(LONG, "a" * 80, id="81-chars"),
    ],
)
def test_invalid_id_is_an_error_naming_the_file(tmp_path, name, hint):
    valid = "---\ntitle: T\ndate: 2019-04-12\nsource: Reuters\n---\n"
    briefing, problems = load_project(tmp_path, {f"content/articles/{name}.md": valid})
    assert messages(problems) == [
        f"content/articles/{name}.md:1: error: '{name}' is not a valid id: a file name must be lowercase "
        f"letters, digits and hyphens (at most 80, not starting with a hyphen); rename it, e.g. to '{hint}.md'"
    ]
    assert briefing.articles == {}


def test_invalid_actor_id_is_an_error(tmp_path):
    briefing, problems = load_project(tmp_path, {"content/actors/Khalifa Haftar.md": ACTOR_HAFTAR}, base=False)
    assert [(p.path, p.line, p.level) for p in problems.items] == [
        ("content/actors/Khalifa Haftar.md", 1, "error")
    ]
    assert briefing.actors == {}


def test_80_char_id_is_valid(tmp_path):
    name = "a" * 79 + "9"
    briefing, problems = load_project(
        tmp_path, {f"content/articles/{name}.md": "---\ntitle: T\ndate: 2019-04-12\nsource: R\n---\n"}
    )
    assert messages(problems) == []
    assert list(briefing.articles) == [name]


def test_same_article_id_in_two_folders_is_an_error_naming_both(tmp_path):
    briefing, problems = load_project(
        tmp_path,
        {
            "content/articles/2019/zuwara.md": "---\ntitle: First\ndate: 2019-04-12\nsource: R\n---\n",
            "content/articles/2020/zuwara.md": "---\ntitle: Second\ndate: 2019-04-13\nsource: R\n---\n",
        },
    )
    assert messages(problems) == [
        "content/articles/2020/zuwara.md:1: error: duplicate article id 'zuwara': "
        "content/articles/2019/zuwara.md has the same file name; rename one"
    ]
    assert briefing.articles["zuwara"].title == "First"
    assert briefing.articles["zuwara"].path == "content/articles/2019/zuwara.md"


def test_same_id_in_different_kinds_is_allowed(tmp_path):
    briefing, problems = load_project(
        tmp_path,
        {
            "content/articles/oil.md": "---\ntitle: Oil\ndate: 2019-04-12\nsource: R\n---\n",
            "content/notes/oil.md": "---\ntitle: Oil\ndate: 2019-04-12\nauthor: Ed\n---\n",
        },
    )
    assert messages(problems) == []
    assert (list(briefing.articles), list(briefing.notes), list(briefing.topics)) == (["oil"], ["oil"], ["oil"])


# ---- references ---------------------------------------------------------------------------


def test_note_about_unknown_article(tmp_path):
    _, problems = load_project(
        tmp_path,
        {
            "content/articles/zuwara-port.md": "---\ntitle: T\ndate: 2019-04-12\nsource: R\n---\n",
            "content/notes/n.md": "---\ntitle: N\ndate: 2019-04-12\nauthor: Ed\narticles:\n"
                                  "  - zuwara-port\n  - zuwara-prt\n---\n",
        },
    )
    assert messages(problems) == [
        "content/notes/n.md:7: error: unknown article id 'zuwara-prt' (did you mean 'zuwara-port'?); "
        "add content/articles/zuwara-prt.md or fix the id"
    ]


def test_unknown_affiliation_and_event_actor(tmp_path):
    _, problems = load_project(
        tmp_path,
        {
            "content/actors/lna.md": "---\nname: Libyan National Army\naffiliation: [khalifa-hafta]\n---\n",
            ARTICLE: "---\ntitle: T\ndate: 2019-04-12\nsource: R\nevents:\n  - date: 2019-04-11\n"
                     "    title: E\n    actors: [un]\n---\n",
        },
    )
    assert messages(problems) == [
        "content/actors/lna.md:3: error: unknown actor id 'khalifa-hafta' (did you mean 'khalifa-haftar'?); "
        "add content/actors/khalifa-hafta.md or fix the id",
        "content/articles/x.md:8: error: unknown actor id 'un'; add content/actors/un.md or fix the id",
    ]


# ---- a project with errors ----------------------------------------------------------------


def test_project_with_errors_still_loads_valid_files(tmp_path):
    briefing, problems = load_project(
        tmp_path,
        {
            "content/articles/good.md": "---\ntitle: Good\ndate: 2019-04-12\nsource: R\n---\n",
            "content/articles/bad-date.md": "---\ntitle: Bad\ndate: banana\nsource: R\n---\n",
            "content/articles/Bad-Name.md": "---\ntitle: Bad\ndate: 2019-04-12\nsource: R\n---\n",
            "content/articles/binary.md": b"\x00\x01\x02",
            "content/articles/unclosed.md": "---\ntitle: U\n",
            "content/notes/good-note.md": "---\ntitle: N\ndate: 2019-04-12\nauthor: Ed\narticles: [good]\n---\n",
            "content/notes/bad-note.md": "---\ntitle: N\ndate: 2019-04-12\n---\n",
            "content/actors/un.md": "---\nname: United Nations\nkind: organisation\n---\n",
            "content/actors/eu.md": "---\nname: 12\n---\n",
            "content/topics/empty.md": "",
        },
    )
    assert list(briefing.articles) == ["good"]
    assert list(briefing.notes) == ["good-note"]
    assert sorted(briefing.actors) == ["khalifa-haftar", "un"]
    assert list(briefing.topics) == ["oil"]

    assert sorted({p.path for p in problems.errors}) == [
        "content/actors/eu.md",
        "content/articles/Bad-Name.md",
        "content/articles/bad-date.md",
        "content/articles/binary.md",
        "content/articles/unclosed.md",
        "content/notes/bad-note.md",
        "content/topics/empty.md",
    ]
    for problem in problems.items:
        assert re.fullmatch(r"content/[\w/.-]+\.md:[1-9]\d*: (error|warning): \S.*", str(problem)), str(problem)
