"""Issue 16: figures in the shapes real press writes them (tests/fixtures/i16-ingest/dev-figures.yaml,
the development set; the held-out press excerpts in bench/heldout2/ are never used here)."""

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


# ---- duplicates (issue 16: 6) -------------------------------------------------------------------

def _project_with(tmp_path, article: str):
    import shutil

    root = tmp_path / "proj"
    shutil.copytree(ROOT / "tests" / "fixtures" / "mini", root)
    (root / "content" / "articles" / "existing.md").write_text(article, "utf-8")
    return root


EXISTING = """---
title: Clashes near the airport
date: 2019-04-21
source:
  name: Example Wire
  url: https://www.example.org/news/2019/04/21/clashes/
---

Heavy fighting south of the Libyan capital has killed at least 220 people and wounded 1,066 since the
offensive began, the World Health Organization said on Sunday. The UN's humanitarian office said more than
30,000 people had now been displaced by the clashes.
"""


@pytest.mark.parametrize("seed, args, why", [
    ("Another title\n\nA different text about a market that reopened in the old town on Monday morning.\n",
     ["--url", "http://example.org/news/2019/04/21/clashes"], "the same URL"),
    ("Clashes go on\n\nTRIPOLI - Heavy fighting south of the Libyan capital has killed at least 220 people and "
     "wounded 1,066 since the offensive began, the World Health Organization said on Sunday. The UN's "
     "humanitarian office said more than 30,000 people had now been displaced by the clashes.\n", [], "of the text"),
])
def test_a_probable_duplicate_is_reported_and_skipped_on_request(tmp_path, seed, args, why):
    from click.testing import CliRunner

    from generator.cli import main

    root = _project_with(tmp_path, EXISTING)
    path = tmp_path / "seed.txt"
    path.write_text(seed, "utf-8")
    base = ["ingest", str(path), "--project", str(root), "--date", "2019-04-22", *args]
    result = CliRunner().invoke(main, [*base, "--skip-duplicates", "--dry-run"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "probable duplicate of" in result.output and "existing.md" in result.output and why in result.output
    assert "skipped as probable duplicates" in result.output
    before = len(list((root / "content" / "articles").glob("*.md")))
    result = CliRunner().invoke(main, base, catch_exceptions=False)
    assert result.exit_code == 0 and "written anyway" in result.output
    assert len(list((root / "content" / "articles").glob("*.md"))) == before + 1


def test_a_new_seed_is_not_a_duplicate(tmp_path):
    from click.testing import CliRunner

    from generator.cli import main

    root = _project_with(tmp_path, EXISTING)
    path = tmp_path / "seed.txt"
    path.write_text("Market reopens\n\nThe old market of Tripoli reopened on Monday after two weeks, traders said.\n")
    result = CliRunner().invoke(main, ["ingest", str(path), "--project", str(root), "--date", "2019-04-22",
                                       "--skip-duplicates"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "duplicate" not in result.output


def test_the_report_lists_each_figure_with_its_sentence():
    import datetime as dt

    from generator.ingest import draft_of, find_project
    from generator.ingest.report import summary

    seed = ROOT / "seeds" / "000_f4cdd2f53f9cfe06.txt"
    out = summary(draft_of(seed.read_bytes(), seed.name, find_project(ROOT), date=dt.date(2019, 4, 12)))
    assert "  figures and their sentences:\n    - displaced 8,000 more-than: More than 8000 flee Libya fighting: UN" in out
    assert "    - killed 75 exact: After a week of fighting, 75 people have been killed and 323 wounded," in out


# ---- dates in other languages (issue 16: 2) -------------------------------------------------------

@pytest.mark.parametrize("text, date, events", [
    ("Combats à Tripoli\n\nTRIPOLI, 12 avril 2019 - Au moins 58 personnes ont été tuées vendredi, selon l'OMS. "
     "Hier, le ministère a fait état de 300 familles déplacées.\n", "2019-04-12", [("vendredi", "2019-04-12"), ("Hier", "2019-04-11")]),
    ("Kämpfe in Tripolis\n\nAm 3. Mai 2019 meldete die WHO: Gestern wurden mindestens 20 Menschen getötet.\n",
     "2019-05-03", [("Gestern", "2019-05-02")]),
    ("Combates en Trípoli\n\nEl 4 de abril de 2019 comenzó la ofensiva. El martes murieron 14 personas.\n",
     "2019-04-04", [("martes", "2019-04-02")]),
    ("اشتباكات في طرابلس\n\nطرابلس 19 أبريل 2019: قالت وزارة الصحة إن 17 شخصا قتلوا يوم الجمعة في القصف.\n",
     "2019-04-19", [("الجمعة", "2019-04-19")]),
])
def test_dates_in_other_languages(text, date, events):
    import dataclasses

    from generator.ingest import draft_of, find_project

    project = find_project(ROOT)
    settings = dataclasses.replace(project.settings, languages=("en", "fr", "de", "es", "ar"))
    draft = draft_of(text.encode(), "seed.txt", dataclasses.replace(project, settings=settings))
    assert draft.date.value.isoformat() == date
    assert [(e.expression, e.date.value.start.isoformat()) for e in draft.events] == events


# ---- cleaner proposals (issue 16: 5) --------------------------------------------------------------

def test_last_week_is_flagged_when_the_briefing_already_holds_the_entry():
    import datetime as dt

    from generator.ingest import draft_of, find_project

    seed = ROOT / "seeds" / "000_f4cdd2f53f9cfe06.txt"
    draft = draft_of(seed.read_bytes(), seed.name, find_project(ROOT), date=dt.date(2019, 4, 12))
    flagged = [u.what for u in draft.unsure if "already in the briefing" in u.what]
    assert flagged == ['"Last week" (2019-04-01, a week) may be "EU issues statement calling on forces around '
                       'Tripoli to withdraw", already in the briefing on 2019-04-11 (article '
                       '2019-04-11-eu-statement-drops-haftar-name)']


def test_last_week_is_not_flagged_in_an_empty_briefing(tmp_path):
    import datetime as dt
    import shutil

    from generator.ingest import draft_of, find_project

    root = tmp_path / "proj"
    shutil.copytree(ROOT / "tests" / "fixtures" / "mini", root)
    seed = ROOT / "seeds" / "000_f4cdd2f53f9cfe06.txt"
    draft = draft_of(seed.read_bytes(), seed.name, find_project(root), date=dt.date(2019, 4, 12))
    assert not [u for u in draft.unsure if "already in the briefing" in u.what]


@pytest.mark.parametrize("sentence, words, title", [
    ("Last week the European Union had called on the LNA to stop its attacks, having agreed on a statement "
     "after France and Italy sparred over how to handle the conflict.", "Last week",
     "The European Union had called on the LNA to stop its attacks"),
    ("A war plane belonging to the eastern Libyan forces on Friday blasted a military camp of a force allied to "
     "the UN-backed government near the western town of Zuwara, an eastern military source and residents said.",
     "on Friday", "A war plane belonging to the eastern Libyan forces blasted a military camp"),
    ("On Monday, an air strike hit Mitiga airport, forcing the suspension of all flights, the airport authority "
     "said.", "On Monday", "An air strike hit Mitiga airport"),
    ("According to the WHO, 47 people were killed on Sunday.", "on Sunday", "47 people were killed"),
])
def test_event_titles_are_headline_phrases(sentence, words, title):
    from generator.ingest.headline import headline

    assert headline(sentence, words) == title


def test_a_german_date_does_not_end_the_sentence():
    """"seit dem 7. Oktober ... auf 7.028 gestiegen" is one sentence (held-out set 2, after its blind run)."""
    from generator.ingest.text import sentences

    text = "Die Zahl ist seit dem 7. Oktober auf 7.028 gestiegen. Er kam um 7. Dann ging er."
    assert [s.text for s in sentences(text)] == [
        "Die Zahl ist seit dem 7. Oktober auf 7.028 gestiegen.", "Er kam um 7.", "Dann ging er."]


def test_a_short_arabic_text_is_arabic_by_its_script():
    """"بلغت الحصيلة 52 ألفًا و310 شهداء." has none of the common Arabic words detection counted."""
    from generator.ingest.languages import detect

    assert detect("بلغت الحصيلة 52 ألفًا و310 شهداء.", ["en", "fr", "ar"]) == "ar"
    assert detect("The toll rose to 52 (الحصيلة) on Monday, officials said.", ["en", "ar"]) == "en"
