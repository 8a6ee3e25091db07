"""Red-team review of issue 12 ("nothing gets published that should not be"), as merged.

Every test here shows a hole that was found by attacking a copy of the demo: each is marked
``xfail(strict=True)`` so the suite stays green until the hole is closed, and then the test must
lose its mark (strict: an unexpected pass fails the suite). The reason of each mark says what
happens and where in the code; the test's assertions say what should happen.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.engine import sitedir
from generator.errors import BriefingError
from generator.model.safety import BodyChecker
from support import FIXTURES, copy_demo

ARTICLE = "content/articles/2019-04-06-eni-recalls-italian-staff.md"


def _check(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator.cli", "check"], cwd=project,
                          capture_output=True, text=True)


def _build(project: Path, site: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator.cli", "build", "-d", str(site)], cwd=project,
                          capture_output=True, text=True)


def _published_text(site: Path, needle: str) -> list[Path]:
    return [p for p in site.rglob("*") if p.is_file() and needle in p.read_text("utf-8", "replace")]


# ---- the body check (generator/model/safety.py) ----------------------------------------------

def test_cdata_section_does_not_hide_a_script():
    """Fixed here (safety._Scanner.unknown_decl). <![CDATA[ ... ]]> outside SVG/MathML is a bogus comment
    that a browser ends at the first '>', so the <script> after it runs; html.parser read the whole
    marked section up to ']]>' as one declaration and never saw the script."""
    body = (FIXTURES / "i12-redteam" / "cdata-bogus-comment.md").read_text("utf-8")
    findings = BodyChecker().check(body)
    assert findings, "a <script> hidden after a bogus CDATA comment must be reported"
    assert findings[0].line == 3
    assert "<script>" in findings[0].message


def test_base_element_in_a_body_is_reported():
    """Fixed here (safety._Scanner). <base href> in a body changes the address of every relative URL after
    it on the page, including the theme's own <script src="../assets/javascripts/bundle....js"> at the end
    of <body>: with an https: base the reader's browser loaded the site's scripts from another host."""
    body = (FIXTURES / "i12-redteam" / "base-element.md").read_text("utf-8")
    findings = BodyChecker().check(body)
    assert [f.line for f in findings] == [3], findings
    assert "<base>" in findings[0].message


def test_body_check_renders_with_the_sites_own_extensions(tmp_path: Path):
    project = copy_demo(tmp_path / "demo")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("  - tables\n", "  - tables\n  - footnotes\n", 1), "utf-8")
    assert "  - footnotes\n" in config.read_text("utf-8")
    article = project / ARTICLE
    article.write_text(article.read_text("utf-8") + '\nSee the note.[^1]\n\n[^1]: <script>alert("fn")</script>\n',
                       "utf-8")
    proc = _check(project)
    assert proc.returncode == 1, proc.stderr
    assert "<script>" in proc.stderr


def test_script_in_another_page_of_content_fails_check(tmp_path: Path):
    project = copy_demo(tmp_path / "demo")
    about = project / "content/about.md"
    about.write_text(about.read_text("utf-8") + "\n<script>alert('about')</script>\n", "utf-8")
    proc = _check(project)
    assert proc.returncode == 1, proc.stderr
    assert "content/about.md:" in proc.stderr


@pytest.mark.parametrize("name, text", [
    ("x.html", "<!doctype html><script>alert(1)</script>"),
    ("x.svg", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
])
def test_static_file_with_script_in_content_is_not_published(tmp_path: Path, name: str, text: str):
    project = copy_demo(tmp_path / "demo")
    (project / "content" / name).write_text(text, "utf-8")
    site = tmp_path / "site"
    proc = _build(project, site)
    assert proc.returncode != 0 or not (site / name).exists(), "static file with <script> published"


# ---- files in content/ (generator/model/walk.py, discover.py) --------------------------------

@pytest.mark.parametrize("link, target", [("raw", "../seeds"), ("env.txt", "../.env")])
def test_link_into_the_projects_untrusted_or_private_files_is_refused(tmp_path: Path, link: str, target: str):
    project = copy_demo(tmp_path / "demo")
    (project / "seeds").mkdir()
    (project / "seeds/page.html").write_text("<html><body><script>alert(1)</script></body></html>", "utf-8")
    (project / ".env").write_text("API_TOKEN=secret\n", "utf-8")
    (project / "content" / link).symlink_to(target)
    site = tmp_path / "site"
    proc = _build(project, site)
    assert proc.returncode != 0 or not _published_text(site, "alert(1)") + _published_text(site, "API_TOKEN")


def test_link_to_the_site_folder_is_refused(tmp_path: Path):
    project = copy_demo(tmp_path / "demo")
    site = project / "site"
    assert _build(project, site).returncode == 0  # the site exists, as it does after the first build
    (project / "content/s").symlink_to("../site")
    first = _build(project, site)
    second = _build(project, site)
    assert first.returncode != 0 or second.returncode != 0 or not (site / "s" / "s").exists()


@pytest.mark.parametrize("name", ["#2019-01-01-a.md#", "2019-01-01-b.md.save", "2019-01-01-c.md.swp",
                                  "2019-01-01-d.md "])
def test_editor_leftovers_of_an_article_are_errors(tmp_path: Path, name: str):
    project = copy_demo(tmp_path / "demo")
    source = project / ARTICLE
    (project / "content/articles" / name).write_text(source.read_text("utf-8"), "utf-8")
    proc = _check(project)
    assert proc.returncode == 1, proc.stderr
    assert "error" in proc.stderr


# ---- the site folder (generator/engine/sitedir.py) -------------------------------------------

def test_build_keeps_the_dotfiles_of_the_site_folder(tmp_path: Path):
    project = copy_demo(tmp_path / "demo")
    site = tmp_path / "site"
    assert _build(project, site).returncode == 0
    (site / ".git").mkdir()
    (site / ".git/HEAD").write_text("ref: refs/heads/gh-pages\n", "utf-8")
    proc = _build(project, site)
    assert proc.returncode == 0, proc.stderr
    assert (site / ".git/HEAD").is_file(), "the second build deleted site/.git"


def test_site_folder_that_cannot_be_renamed_is_filled_or_refused_cleanly(tmp_path: Path, monkeypatch):
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_text("old", "utf-8")
    staging = sitedir.Staging(site)
    new = Path(staging.start())
    new.mkdir(parents=True, exist_ok=True)
    (new / "index.html").write_text("new", "utf-8")
    real_rename = os.rename

    def rename(src, dst, *args, **kwargs):
        if Path(src) == staging.site or Path(dst) == staging.site:
            raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), str(src))
        return real_rename(src, dst, *args, **kwargs)

    monkeypatch.setattr(sitedir, "_exchange", lambda a, b: False)
    monkeypatch.setattr(sitedir.os, "rename", rename)
    try:
        staging.commit()
    except BriefingError:
        return  # a clear, one-line refusal is acceptable
    assert (site / "index.html").read_text("utf-8") == "new"


# ---- time on a 40 KB input ---------------------------------------------------------------------

_RUN = """
import sys
from pathlib import Path
kind, text = sys.argv[1], Path(sys.argv[2]).read_text("utf-8")
if kind == "check":
    from generator.model.safety import BodyChecker
    BodyChecker().check(text)
else:
    from generator.ingest.read import read_bytes
    try:
        read_bytes(text.encode(), "seed." + kind)
    except Exception:
        pass
"""


_SLOW_CHECK = pytest.mark.xfail(strict=True, reason=(
    "Superlinear time on 40 KB: Python-Markdown's inline patterns on '[x](' (check: about 20 s; "
    "safety.BodyChecker) and on '<![CDATA[' (check: about 40-60 s); a body this shape blocks check, build and "
    "serve. (The ingest cases are fixed: nh3 before html.parser, Markdown seeds too dense in '[' read as text.)"))


@pytest.mark.parametrize("kind, text", [
    ("md", "[" * 40_000),
    ("html", "<a " * 13_333),
    pytest.param("check", "<![CDATA[" * 4_444, marks=_SLOW_CHECK),
    pytest.param("check", "[x](" * 10_000, marks=_SLOW_CHECK),
])
def test_forty_kilobytes_take_seconds_not_minutes(tmp_path: Path, kind: str, text: str):
    seed = tmp_path / "input"
    seed.write_text(text, "utf-8")
    try:
        subprocess.run([sys.executable, "-c", _RUN, kind, str(seed)], timeout=6, check=True,
                       cwd=Path(__file__).resolve().parent.parent)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{kind} of {len(text)} characters took more than 6 s")


# ---- ingest's report on the terminal (generator/ingest/report.py, cli/ingest.py) ------------------

def test_ingest_report_prints_no_terminal_escapes_from_a_seed(tmp_path: Path, monkeypatch):
    from click.testing import CliRunner

    from generator.cli import main

    project = copy_demo(tmp_path / "demo")
    monkeypatch.chdir(project)
    seed = "Title \x1b]0;pwned\x07 \x1b[2J here\n\nOn 10 April 2019 the LNA said 5 people were killed in Tripoli.\n"
    result = CliRunner().invoke(main, ["ingest", "-", "--dry-run"], input=seed)
    assert "pwned" in result.output  # the words are shown...
    assert "\x1b" not in result.output and "\x07" not in result.output  # ...but not the control characters


# ---- front matter (generator/model/yamlload.py, frontmatter.py) ----------------------------------

def test_huge_integer_in_front_matter_is_a_path_line_error(tmp_path: Path):
    project = copy_demo(tmp_path / "demo")
    article = project / ARTICLE
    text = article.read_text("utf-8")
    article.write_text(text.replace("\ntitle:", "\nweight: " + "9" * 5000 + "\ntitle:", 1), "utf-8")
    assert "9" * 5000 in article.read_text("utf-8")
    proc = _check(project)
    assert "Traceback" not in proc.stderr, proc.stderr[-400:]
    assert f"{ARTICLE}:2: error:" in proc.stderr


# ---- what ingest opens (generator/cli/ingest.py: _read) ------------------------------------------

def _ingest(project: Path, *args: str, timeout: float = 20) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator.cli", "ingest", *args], cwd=project,
                          capture_output=True, text=True, timeout=timeout)


def test_ingest_refuses_a_seed_that_links_outside_the_project(tmp_path: Path):
    project = copy_demo(tmp_path / "demo")
    secret = tmp_path / "outside.txt"
    secret.write_text("On 10 April 2019 the LNA said the key is SECRETKEY123 in Tripoli.\n", "utf-8")
    (project / "seeds").mkdir()
    (project / "seeds/leak.txt").symlink_to(secret)
    proc = _ingest(project, "seeds/leak.txt")
    drafts = [p for p in (project / "content/articles").glob("*.md") if "SECRETKEY123" in p.read_text("utf-8")]
    assert drafts == [], "a seed link outside the project was read into a draft"
    assert proc.returncode != 0


def test_ingest_of_a_seed_with_a_huge_number_is_one_error_line(tmp_path: Path):
    project = copy_demo(tmp_path / "demo")
    (project / "seeds").mkdir()
    (project / "seeds/digits.txt").write_text(
        "On 10 April 2019 the LNA said " + "1" * 5000 + " people were killed in Tripoli.\n", "utf-8")
    proc = _ingest(project, "seeds/digits.txt", "--dry-run")
    assert "Traceback" not in proc.stderr, proc.stderr[-300:]


def test_ingest_never_opens_a_named_pipe(tmp_path: Path):
    project = copy_demo(tmp_path / "demo")
    (project / "seeds").mkdir()
    os.mkfifo(project / "seeds/pipe.txt")
    try:
        proc = _ingest(project, "seeds/pipe.txt", timeout=10)
    except subprocess.TimeoutExpired:
        pytest.fail("ingest opened the named pipe and waited for a writer")
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr


def test_build_never_replaces_the_home_folder_even_with_force(tmp_path: Path):
    project = copy_demo(tmp_path / "demo")
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    (home / "Documents/thesis.txt").write_text("years of work\n", "utf-8")
    proc = subprocess.run([sys.executable, "-m", "generator.cli", "build", "-d", str(home), "--force"],
                          cwd=project, capture_output=True, text=True, env={**os.environ, "HOME": str(home)})
    assert (home / "Documents/thesis.txt").is_file(), "the home folder was replaced by a site"
    assert proc.returncode != 0
