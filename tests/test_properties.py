"""Property-based tests: arbitrary front matter and file names never cause a traceback, only
reported problems; every accepted id maps to a path inside the site folder."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import build
from generator.config import Options
from generator.model.discover import ID_RE
from generator.model.schema import ARTICLE, EVENT, FIGURE
from generator.pages.urls import page_url, src_of

ACTOR = "---\nname: Khalifa Haftar\nkind: person\naliases: [Haftar, حفتر]\n---\nProfile.\n"
TOPIC = "---\ntitle: Humanitarian toll\nkeywords: [killed]\nfigures: [killed]\n---\nIntro.\n"

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=True),
    st.text(max_size=40), st.dates(min_value=dt.date(1, 1, 1)),
    st.sampled_from(["on Friday", "last week", "4 April", "2019-04", "12/04/2019", "<script>x</script>",
                     "javascript:alert(1)", "khalifa-haftar", "humanitarian-toll", "killed", "at-least"]),
)
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                        st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                      max_leaves=12)
event = st.fixed_dictionaries({}, optional={k: values for k in EVENT})
figure = st.fixed_dictionaries({}, optional={k: values for k in FIGURE})
article = st.fixed_dictionaries(
    {},
    optional={**{k: values for k in ARTICLE}, "events": st.lists(event, max_size=3),
              "figures": st.lists(figure, max_size=3), "extra": values},
)


def project(files: dict[str, bytes]) -> Path:
    root = Path(tempfile.mkdtemp(prefix="prop-"))
    for rel, data in {"content/actors/khalifa-haftar.md": ACTOR.encode(),
                      "content/topics/humanitarian-toll.md": TOPIC.encode(), **files}.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


def run(root: Path) -> build.Result:
    try:
        return build.run(root / "content", Options(history=False), root=root,
                            today=dt.date(2026, 1, 1))
    finally:
        shutil.rmtree(root, ignore_errors=True)


PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(article)
def test_arbitrary_front_matter_values_are_reported_not_raised(data):
    text = yaml.safe_dump(data, allow_unicode=True, default_flow_style=False)
    result = run(project({"content/articles/2019-04-12-x.md": f"---\n{text}---\n\nHaftar spoke.\n".encode()}))
    for problem in result.problems.items:
        assert problem.path == "content/articles/2019-04-12-x.md" or problem.path.startswith("content/")
        assert problem.line >= 1
    if not result.problems.errors:
        assert {p.path for p in result.pages} >= {"articles/2019-04-12-x.md", "timeline/index.md"}


@PROPERTY
@given(st.binary(max_size=300))
def test_arbitrary_bytes_are_reported_not_raised(raw):
    run(project({"content/articles/2019-04-12-x.md": raw}))


@PROPERTY
@given(st.text(max_size=200))
def test_arbitrary_front_matter_text_is_reported_not_raised(text):
    run(project({"content/articles/2019-04-12-x.md": f"---\n{text}\n---\nBody\n".encode("utf-8", "replace")}))


names = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="/\x00"),
                min_size=1, max_size=90)


@PROPERTY
@given(names)
def test_file_names_give_ids_that_stay_inside_the_site(name):
    filename = name + ".md"
    if len(filename.encode("utf-8")) > 255 or name in (".", "..", "index"):
        return  # (articles/index.md is the folder's own ordinary page, not an article: README)
    root = project({f"content/articles/{filename}": b"---\ntitle: T\ndate: 2019-04-12\nsource: Reuters\n---\n"})
    result = run(root)
    site = Path("/site").resolve()
    for ident in result.briefing.articles:
        assert ID_RE.match(ident)
        target = (site / page_url(src_of("articles", ident))).resolve()
        assert site in target.parents, ident
    if name not in result.briefing.articles:
        assert [p for p in result.problems.errors if "not a valid id" in p.message or "binary" in p.message]
