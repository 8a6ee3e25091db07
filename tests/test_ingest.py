"""`briefing ingest` (README: Turn source documents into draft articles): seed documents to draft articles."""

from __future__ import annotations

import datetime as dt
import re
import textwrap
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import main
from generator.model.dates import DateError, DateSettings, resolve
from generator.ingest import article_id, find_project
from generator.ingest.events import expressions, publication_date, resolve_expression
from generator.ingest.figures import find_figures
from generator.ingest.read import ReadError, read_bytes

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_f4cdd2f53f9cfe06.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"
BASE = dt.date(2019, 4, 12)


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A copy of this briefing (config, content, seeds) in tmp_path, as the working folder."""
    root = tmp_path / "briefing"
    root.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "content", root / "content")
    shutil.copytree(ROOT / "seeds", root / "seeds")
    shutil.copytree(ROOT / "theme", root / "theme")
    monkeypatch.chdir(root)
    return root


def run(*args, input=None):
    return CliRunner().invoke(main, ["ingest", *args], input=input, catch_exceptions=False)


def drafts(root: Path) -> list[Path]:
    return sorted(p for p in (root / "content" / "articles").rglob("*.md") if "draft: true" in p.read_text("utf-8"))


def front(path: Path) -> dict:
    text = path.read_text("utf-8")
    m = re.match(r"^---\n(.*?)\n---\n", text, re.S)
    assert m, "no front matter"
    return yaml.safe_load(m[1])


def figures_of(data: dict) -> set[tuple]:
    return {(f["kind"], f["value"], f["qualifier"], f["source"], f.get("scope")) for f in data.get("figures") or []}


# ---- the seed (issue point 6) -----------------------------------------------------------------

@pytest.fixture
def seed_draft(project):
    result = run("seeds/000_f4cdd2f53f9cfe06.txt", "--date", "2019-04-12")
    assert result.exit_code == 0, result.output
    [path] = drafts(project)
    return path, front(path), result


def test_seed_writes_one_draft_named_from_date_and_title(seed_draft):
    path, data, _ = seed_draft
    assert path.parent.name == "articles"
    assert path.stem == "2019-04-12-haftars-forces-hit-military-camp-of-militia-allied-to-un-backed"
    assert len(path.stem) <= 80
    assert data["draft"] is True
    assert data["title"] == "Haftar’s forces hit military camp of militia allied to UN-backed government"
    assert data["date"] == dt.date(2019, 4, 12)


def test_seed_actors_and_topics(seed_draft):
    _, data, _ = seed_draft
    expected = {"khalifa-haftar", "lna", "fayez-al-serraj", "gna", "un", "eu", "france", "italy", "who",
                "aguila-saleh-issa"}
    assert expected <= set(data["actors"])
    assert set(data["topics"]) >= {"humanitarian-toll", "oil-supply", "eu-diplomacy"}


def test_seed_figures(seed_draft):
    _, data, _ = seed_draft
    assert figures_of(data) == {
        ("displaced", 8000, "more-than", "UN", None),
        ("killed", 75, "exact", "WHO", None),
        ("wounded", 323, "exact", "WHO", None),
        ("civilians-killed", 7, "exact", "WHO", "civilians"),
        ("civilians-wounded", 10, "exact", "WHO", "civilians"),
    }
    for f in data["figures"]:
        assert f["as_of"] == dt.date(2019, 4, 12)


def test_seed_distance_and_trailing_line_give_nothing(seed_draft):
    path, data, _ = seed_draft
    values = {f["value"] for f in data["figures"]}
    assert 11 not in values  # "11 km"
    head = path.read_text("utf-8").split("\n---\n", 1)[0]
    assert "Latest News" not in head
    assert all("Latest" not in e["title"] for e in data.get("events", []))


def test_seed_events_keep_the_original_words(seed_draft):
    path, data, _ = seed_draft
    dates = [e["date"] for e in data["events"]]
    assert dates == ["Last week", "on Friday"]
    text = path.read_text("utf-8")
    assert re.search(r'date: "on Friday"  # inferred: "on Friday" = 2019-04-12', text)
    assert re.search(r'date: "Last week"  # inferred: .*2019-04-01 \(week\)', text)
    friday = data["events"][1]
    assert "Zuwara" in friday["summary"] and friday["title"]


def test_seed_body_is_the_source_text(seed_draft):
    path, _, _ = seed_draft
    body = path.read_text("utf-8").split("\n---\n", 1)[1]
    block = body.split('"Source text: rewrite before publishing"\n', 1)[1]  # under a short summary (issue 16)
    assert textwrap.dedent(block).strip() == SEED.read_text("utf-8").strip()


def test_seed_every_inferred_value_carries_its_evidence(seed_draft):
    path, _, _ = seed_draft
    head = path.read_text("utf-8").split("\n---\n", 1)[0].split("\n")[1:]
    checked = 0
    for line in head:
        if not line.strip() or line.lstrip().startswith("#") or line.strip() in ("draft: true",):
            continue
        if re.match(r"^\s*(?:- )?[a-z_]+:\s*$", line) or re.match(r"^\s*[a-z_]+:\s+#", line):
            continue  # a key whose value follows on the next lines
        if re.match(r"^(actors|topics|figures|events):$", line):
            continue
        assert re.search(r"  # (inferred|given): \S", line), line
        checked += 1
    assert checked > 40
    text = path.read_text("utf-8")
    assert '# inferred: "More than"' in text  # the qualifier's words
    assert "WHO representative" in text  # the attribution's words


def test_seed_summary_table(seed_draft):
    _, _, result = seed_draft
    out = result.output
    assert "found" in out and "evidence" in out
    assert re.search(r"figure\s+displaced 8,000 more-than \(UN\)", out)
    assert re.search(r"actor\s+aguila-saleh-issa", out)
    assert "could not decide:" in out
    assert "--source" in out  # the source was not given and is listed as undecided


def test_seed_draft_passes_check(seed_draft, project):
    result = CliRunner().invoke(main, ["check", str(project)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "0 error(s), 0 warning(s)" in result.output


# ---- overwrite, stdin, several files -----------------------------------------------------------

def test_never_overwrites_without_force(seed_draft, project):
    path, _, _ = seed_draft
    path.write_text(path.read_text("utf-8") + "\nAn editor's note.\n", "utf-8")
    before = path.read_text("utf-8")
    result = run("seeds/000_f4cdd2f53f9cfe06.txt", "--date", "2019-04-12")
    assert result.exit_code != 0
    assert "already exists" in result.output and "--force" in result.output
    assert path.read_text("utf-8") == before
    result = run("seeds/000_f4cdd2f53f9cfe06.txt", "--date", "2019-04-12", "--force")
    assert result.exit_code == 0, result.output
    assert "An editor's note." not in path.read_text("utf-8")


def test_existing_id_in_a_subfolder_is_also_refused(project):
    sub = project / "content" / "articles" / "2019"
    sub.mkdir()
    ident = "2019-04-12-haftars-forces-hit-military-camp-of-militia-allied-to-un-backed"
    (sub / f"{ident}.md").write_text("---\ntitle: x\ndate: 2019-04-12\nsource: x\n---\nx\n", "utf-8")
    result = run("seeds/000_f4cdd2f53f9cfe06.txt", "--date", "2019-04-12", "--force")
    assert result.exit_code != 0
    assert "ids must be unique" in result.output
    assert not (project / "content" / "articles" / f"{ident}.md").exists()


def test_standard_input(project):
    text = "WHO: 20 killed in Tripoli\n\nThe WHO said on Thursday that 20 people had been killed.\n"
    result = run("-", "--date", "2019-04-12", "--source", "Reuters", "--url", "https://example.org/a", input=text)
    assert result.exit_code == 0, result.output
    [path] = drafts(project)
    data = front(path)
    assert path.stem == "2019-04-12-who-20-killed-in-tripoli"
    assert data["source"] == {"name": "Reuters", "url": "https://example.org/a"}
    assert figures_of(data) == {("killed", 20, "exact", "WHO", None)}
    assert data["figures"][0]["as_of"] == "on Thursday"
    assert data["events"][0]["date"] == "on Thursday"


def test_many_files_show_progress_and_end_with_a_count(project, tmp_path):
    files = []
    for n in range(3):
        f = tmp_path / f"doc{n}.txt"
        f.write_text(f"Report number {n} from Tripoli\n\nThe LNA advanced on 4 April 2019.\n", "utf-8")
        files.append(str(f))
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", "utf-8")
    result = run(*files, str(empty))
    assert result.exit_code == 1
    for n in range(1, 5):
        assert f"[{n}/4]" in result.output
    assert "wrote 3 of 4 draft(s)" in result.output and "1 failed" in result.output
    assert len(drafts(project)) == 3


def test_out_folder(project, tmp_path):
    out = tmp_path / "elsewhere"
    result = run("seeds/000_f4cdd2f53f9cfe06.txt", "--date", "12 April 2019", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert [p.name for p in out.iterdir()] == [
        "2019-04-12-haftars-forces-hit-military-camp-of-militia-allied-to-un-backed.md"]
    assert drafts(project) == []


def test_bad_options(project):
    assert run("seeds/000_f4cdd2f53f9cfe06.txt", "--date", "someday").exit_code == 2
    assert run("seeds/000_f4cdd2f53f9cfe06.txt", "--date", "April 2019").exit_code == 2
    assert run("seeds/000_f4cdd2f53f9cfe06.txt", "--date", "2019-04-12", "--url", "ftp://x").exit_code == 2
    assert drafts(project) == []


# ---- HTML, Markdown, no date, other languages, bad input (issue point 7) --------------------

def test_html_input(project):
    result = run(str(FIXTURES / "lna-strike-shuts-mitiga.html"))
    assert result.exit_code == 0, result.output
    [path] = drafts(project)
    data = front(path)
    text = path.read_text("utf-8")
    assert data["title"] == "LNA air strike shuts Tripoli’s only working airport"
    assert data["date"] == dt.date(2019, 4, 9)  # article:published_time
    assert data["source"] == "Example News"  # og:site_name
    body = text.split("\n---\n", 1)[1]
    for markup in ("<script", "<img", "onerror", "tracking", "injected", "<b>", "&#8217;", "Home |", "120 comments"):
        assert markup not in body, markup
    assert "Tripoli’s only working airport" in body
    assert "staff & agencies" not in body  # the byline is left out with the page's boilerplate (issue 16)
    assert figures_of(data) == {
        ("killed", 47, "at-least", "WHO", None),
        ("wounded", 181, "at-least", "WHO", None),
        ("civilians-killed", 9, "exact", "WHO", "civilians"),
        ("displaced", 3400, "exact", "OCHA", None),
        ("displaced", 1200, "about", "OCHA", None),
    }
    assert set(data["actors"]) == {"lna", "who", "ocha", "un"}
    check = CliRunner().invoke(main, ["check", str(project)], catch_exceptions=False)
    assert check.exit_code == 0, check.output


def test_markdown_input_escapes_raw_html(project):
    result = run(str(FIXTURES / "tajoura-strike.md"))
    assert result.exit_code == 0, result.output
    [path] = drafts(project)
    data = front(path)
    body = path.read_text("utf-8").split("\n---\n", 1)[1]
    assert "<script" not in body and "&lt;script>" in body
    assert data["title"] == "Air strike on Tajoura detention centre kills dozens of migrants"
    assert data["date"] == dt.date(2019, 7, 3)
    assert ("migrants-wounded", 130, "more-than", "UN", "migrants") in figures_of(data)


def test_text_without_any_date_asks_for_date(project, tmp_path):
    f = tmp_path / "undated.txt"
    f.write_text("Fighting continues near Tripoli\n\nThe WHO said 20 people had been killed on Friday.\n", "utf-8")
    result = run(str(f))
    assert result.exit_code == 1
    assert "no publication date" in result.output and "--date" in result.output
    assert drafts(project) == []
    assert run(str(f), "--date", "2019-04-12").exit_code == 0


def test_full_date_in_the_text_is_the_publication_date(project):
    result = run(str(FIXTURES / "who-toll-passes-200.txt"))
    assert result.exit_code == 0, result.output
    [path] = drafts(project)
    assert front(path)["date"] == dt.date(2019, 4, 18)
    assert 'date: 2019-04-18  # inferred: "18 April 2019", the first full date in the text' in path.read_text("utf-8")


GERMAN = """Haftars Truppen rücken auf Tripolis vor

Die Libysche Nationale Armee von Chalifa Haftar hat einen Luftangriff auf ein Lager südlich von Tripolis geflogen.
Die nationale Einheitsregierung von Fayez al-Sarraj sprach von mindestens 75 Toten und 323 Verletzten seit 2011.
Nach Angaben der Vereinten Nationen sind mehr als 8000 Menschen geflohen, 11 km vom Zentrum entfernt.
"""


def test_non_english_text(project, tmp_path):
    f = tmp_path / "de.txt"
    f.write_text(GERMAN, "utf-8")
    result = run(str(f), "--date", "2019-04-12", "--source", "Deutsche Welle")
    assert result.exit_code == 0, result.output
    [path] = drafts(project)
    data = front(path)
    assert set(data["actors"]) >= {"lna", "khalifa-haftar", "gna", "fayez-al-serraj"}
    assert "figures" not in data  # no figure words it recognises
    assert "no figure found" in result.output
    check = CliRunner().invoke(main, ["check", str(project)], catch_exceptions=False)
    assert check.exit_code == 0, check.output


def test_arabic_title_falls_back_to_the_file_name(project, tmp_path):
    f = tmp_path / "haftar-ar.txt"
    f.write_text("قوات حفتر تتقدم نحو طرابلس\n\nقالت حكومة الوفاق إن القتال مستمر.\n", "utf-8")
    result = run(str(f), "--date", "2019-04-12")
    assert result.exit_code == 0, result.output
    [path] = drafts(project)
    assert path.stem == "2019-04-12-haftar-ar"
    assert set(front(path)["actors"]) == {"khalifa-haftar", "gna"}


@pytest.mark.parametrize("content, message", [
    (b"", "empty"),
    (b"   \n\n\t\n", "empty"),
    (b"\x00\x01\x02binary\x00data", "binary"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
    (b"%PDF-1.4\n%\xe2\xe3", "PDF"),
    (b"caf\xe9 au lait\n", "UTF-8"),
    (b"<html><body><script>var a = 1;</script></body></html>", "no text"),
])
def test_empty_and_binary_files_are_clear_errors(project, tmp_path, content, message):
    f = tmp_path / ("doc.html" if content.startswith(b"<html") else "doc.txt")
    f.write_bytes(content)
    result = run(str(f), "--date", "2019-04-12")
    assert result.exit_code == 1
    assert message in result.output
    assert str(f) in result.output
    assert drafts(project) == []


def test_missing_file(project):
    result = run("seeds/nope.txt", "--date", "2019-04-12")
    assert result.exit_code == 1 and "no such file" in result.output


def test_actors_come_from_the_project(project, tmp_path):
    (project / "content" / "actors" / "red-crescent.md").write_text(
        "---\nname: Libyan Red Crescent\nkind: organisation\naliases: [LRC]\n---\nAid.\n", "utf-8")
    f = tmp_path / "lrc.txt"
    f.write_text("Aid convoy reaches Tripoli\n\nThe LRC said 12 people were injured on Friday.\n", "utf-8")
    result = run(str(f), "--date", "2019-04-12")
    assert result.exit_code == 0, result.output
    data = front(drafts(project)[0])
    assert data["actors"] == ["red-crescent"]
    assert figures_of(data) == {("wounded", 12, "exact", "LRC", None)}


# ---- the pieces ----------------------------------------------------------------------------

def kinds(sentence: str) -> list[tuple]:
    return [(f.kind, f.value, f.qualifier, f.scope) for f in find_figures(sentence)[0]]


@pytest.mark.parametrize("sentence, expected", [
    ("More than 8,000 people have fled.", [("displaced", 8000, "more-than", None)]),
    ("Nearly 600 were injured.", [("wounded", 600, "nearly", None)]),
    ("Almost 1,000 people were killed.", [("killed", 1000, "nearly", None)]),
    ("Over 120,000 people have fled.", [("displaced", 120000, "more-than", None)]),
    ("About 1,200 residents fled.", [("displaced", 1200, "about", None)]),
    ("Up to 30 people were evacuated.", [("evacuated", 30, "up-to", None)]),
    ("The strike killed at least seven civilians.", [("civilians-killed", 7, "at-least", "civilians")]),
    ("Twenty-three people died.", [("killed", 23, "exact", None)]),
    ("Two hundred and fifty people were displaced.", [("displaced", 250, "exact", None)]),
    ("A dozen people were wounded.", [("wounded", 12, "about", None)]),
    ("Shelling left 1.5 million people displaced.", [("displaced", 1_500_000, "exact", None)]),
    ("The death toll rose to 174.", [("killed", 174, "exact", None)]),
    ("Of the dead, 20 were children.", [("children-killed", 20, "exact", "children")]),
    ("75 people were killed, including seven civilians.",
     [("killed", 75, "exact", None), ("civilians-killed", 7, "exact", "civilians")]),
    ("4,500 people fled, taking the total above 25,000.",
     [("displaced", 4500, "exact", None), ("displaced", 25000, "at-least", None)]),
    ("Forty-one of the dead were civilians, and more than 3,550 people had been injured.",
     [("civilians-killed", 41, "exact", "civilians"), ("wounded", 3550, "more-than", None)]),
    ("Upwards of 18,000 people had by then been driven from their homes.", [("displaced", 18000, "at-least", None)]),
    ("The agency put the number of wounded at 758.", [("wounded", 758, "exact", None)]),
    ("Five civilians and three soldiers were killed.",
     [("civilians-killed", 5, "exact", "civilians"), ("soldiers-killed", 3, "exact", "soldiers")]),
])
def test_figures_in_sentences(sentence, expected):
    assert kinds(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Fighting broke out 11 km (7 miles) from the centre.",
    "In 2011, 8 months of war ended; he was killed.",
    "A 12-year-old boy was killed.",
    "Khalifa Haftar, 75, said the wounded would be treated.",
    "They destroyed 14 vehicles and killed the driver.",
    "For 3 days people fled.",
    "On 4 April the LNA killed fighters.",
    "The strike killed 3 days after the talks.",
    "No one was killed.",
    "Output could fall by 95% as people fled.",
    "Several people were killed.",
])
def test_numbers_that_are_not_figures(sentence):
    assert kinds(sentence) == []


@pytest.mark.parametrize("sentence", [
    "The airport is closed for now.",
    "Talks may resume soon.",
    "More than 8000 flee Libya fighting.",
    "They may fly 8000 planes now.",
])
def test_words_that_are_not_dates(sentence):
    assert expressions(sentence) == []


@pytest.mark.parametrize("words, start, precision", [
    ("on Friday", "2019-04-12", "day"),
    ("last week", "2019-04-01", "week"),
    ("on April 4", "2019-04-04", "day"),
    ("two days ago", "2019-04-10", "day"),
    ("early April", "2019-04-01", "month"),
    ("late on Tuesday", "2019-04-09", "day"),
])
def test_date_expressions_resolve_against_the_publication_date(words, start, precision):
    [e] = expressions(f"It happened {words}, officials said.")
    r = resolve_expression(e, BASE, DateSettings())
    assert (r.value.start.isoformat(), r.value.precision) == (start, precision)


@pytest.mark.parametrize("words, written, precision", [
    ("the middle of April", "2019-04", None),
    ("later this week", dt.date(2019, 4, 8), "week"),
])
def test_the_two_shapes_the_dates_module_does_not_read_are_computed_here(words, written, precision):
    [e] = expressions(f"It happened {words}, officials said.")
    with pytest.raises(DateError):
        resolve(" ".join(e.text.split()), DateSettings(), base=BASE)
    r = resolve_expression(e, BASE, DateSettings())
    assert (r.written, r.precision) == (written, precision)


@pytest.mark.parametrize("words", ["last night", "earlier this week", "last month", "earlier this month", "in March",
                                   "late April 2019", "the week of 8 April", "two days ago", "3 weeks ago"])
def test_other_shapes_are_read_by_the_dates_module(words):
    [e] = expressions(f"It happened {words}, officials said.")
    assert resolve_expression(e, BASE, DateSettings()).written == " ".join(e.text.split())


def test_publication_date_in_text():
    assert publication_date("TRIPOLI, April 21, 2019 - text") == (dt.date(2019, 4, 21), "April 21, 2019")
    assert publication_date("Updated 12 April 2019 then 4 May 2019") == (dt.date(2019, 4, 12), "12 April 2019")
    assert publication_date("No date here, only 8000 and May.") is None


def test_article_id_is_valid_and_bounded():
    ident = article_id(BASE, "Ünïcode — and a very long title " * 5)
    assert re.fullmatch(r"[a-z0-9][a-z0-9-]{0,79}", ident)
    assert ident.startswith("2019-04-12-unicode-and-a-very-long-title") and not ident.endswith("-")
    assert article_id(BASE, "???", "seeds/My Seed.txt") == "2019-04-12-my-seed"


def test_read_rejects_and_strips():
    with pytest.raises(ReadError, match="empty"):
        read_bytes(b"", "x.txt")
    doc = read_bytes(b"<p>A &amp; B</p><script>x()</script><p>C</p>", "x.html")
    assert doc.text == "A & B\n\nC\n"


def test_three_own_fixtures_match_their_hand_made_answers():
    """The fixtures the extractor was developed with: a regression test (bench/ingest_quality.py
    measures precision and recall, including the held-out text)."""
    from generator.ingest import draft_of

    proj = find_project(ROOT)
    for name in ("who-toll-passes-200", "lna-strike-shuts-mitiga", "tajoura-strike"):
        spec = yaml.safe_load((FIXTURES / f"{name}.expected.yaml").read_text("utf-8"))
        draft = draft_of((ROOT / spec["input"]).read_bytes(), spec["input"], proj)
        assert draft.date.value == spec["date"], name
        assert {a for a, _ in draft.actors} == set(spec["actors"]), name
        found = {(f.kind, f.value, f.qualifier, f.source, f.scope) for f in draft.figures}
        expected = {(f["kind"], f["value"], f["qualifier"], f["source"], f.get("scope")) for f in spec["figures"]}
        assert found >= expected, name
        # the headline "death toll passes 200" is extracted too; the hand-made answer leaves it out
        # as superseded by the 205 of the body, so the bench counts it as a false positive
        known_extra = {
            "who-toll-passes-200": {("killed", 200, "at-least", "WHO", None)},
            # the headline's "kills dozens of migrants", read as ACLED does (issue 16): at least 12
            "tajoura-strike": {("migrants-killed", 12, "at-least", "seed tajoura-strike.md", "migrants")},
        }.get(name, set())
        assert found - expected == known_extra, name
