"""Issue 16: figures in the shapes real press writes them (tests/fixtures/i16-ingest/dev-figures.yaml,
the development set; the held-out press excerpts in bench/heldout/ are never used here)."""

from __future__ import annotations

import pytest
import yaml

from generator.ingest.figures import find_figures
from support import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "i16-ingest"
DEV = yaml.safe_load((FIXTURES / "dev-figures.yaml").read_text("utf-8"))


def found(sentence: str, lang: str = "en") -> list[list]:
    return [[f.kind, f.value, f.qualifier, f.scope] for f in find_figures(sentence, lang)[0]]


@pytest.mark.parametrize("case", DEV["shapes"], ids=lambda c: c["sentence"][:60])
def test_figure_shapes(case):
    assert found(case["sentence"], case.get("lang", "en")) == case["figures"]


# ---- the source-text block (issue 16: 4) --------------------------------------------------------

def test_draft_body_is_a_summary_then_the_marked_source_text(tmp_path):
    import datetime as dt
    import textwrap

    from generator.ingest import draft_of, find_project, render
    from generator.model.sourcetext import TITLE, block_line

    seed = ROOT / "seeds" / "000_f4cdd2f53f9cfe06.txt"
    draft = draft_of(seed.read_bytes(), seed.name, find_project(ROOT), date=dt.date(2019, 4, 12))
    body = render(draft).split("\n---\n", 1)[1]
    summary, block = body.strip().split("\n\n", 1)
    assert summary.startswith("According to reports, the air strike")
    assert block.startswith(f'!!! quote "{TITLE}"\n\n    ')
    assert block_line(body) == 4
    assert textwrap.dedent(block.split("\n", 2)[2]).strip() == seed.read_text("utf-8").strip()


def test_check_warns_when_a_published_article_holds_the_source_text():
    from generator import build

    folder = FIXTURES / "check"
    result = build.check(folder / "content", root=folder)
    shown = [str(p) for p in result.problems.items]
    assert shown == [
        "content/articles/published-with-source.md:9: warning: the article still holds ingest's "
        "\"Source text: rewrite before publishing\" block: rewrite the text in your own words and remove "
        "the block (or keep 'draft: true' until then)"
    ]


# ---- web pages (issue 16: 3) ----------------------------------------------------------------------

PAGES = FIXTURES / "pages"


@pytest.mark.parametrize("name, date", [
    ("wire-wordpress.html", "2019-04-15"),  # JSON-LD datePublished
    ("story-body.html", "2019-04-18"),  # <meta name="pubdate">
    ("agency-dispatch.html", "2019-05-03"),  # <meta name="citation_publication_date">
])
def test_saved_page_gives_the_article_without_boilerplate(name, date):
    from generator.ingest import draft_of, find_project

    spec = yaml.safe_load((PAGES / "boilerplate.yaml").read_text("utf-8"))[name]
    draft = draft_of((PAGES / name).read_bytes(), name, find_project(ROOT))
    left = [line for line in spec["boilerplate"] if line in draft.body]
    kept = [line for line in spec["article"] if line in draft.body]
    assert left == []
    assert kept == spec["article"]
    assert draft.date.value.isoformat() == date
