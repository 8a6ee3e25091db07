"""`briefing new DIR`: a scaffolded project builds with --strict as it is."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml
from click.testing import CliRunner

from generator.cli import main
from generator.cli.new import scaffold_files, scaffold_root
from generator.model.load import load
from support import ROOT, log_problems, mkdocs_build

ARTICLE = "2024-05-06-floods-force-thousands-from-their-homes"


def new(*args: str):
    return CliRunner().invoke(main, ["new", *args], catch_exceptions=False)


def briefing(project: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], cwd=project,
                          capture_output=True, text=True, env=env)


def test_new_project_builds_strict(tmp_path: Path):
    project = tmp_path / "floods-briefing"
    result = new(str(project))
    assert result.exit_code == 0, result.output
    assert "Next steps:" in result.output and "briefing serve" in result.output
    assert "edit requirements.txt" in result.output  # an editable install has no URL CI could use

    check = briefing(project, "check")
    assert check.returncode == 0, check.stderr
    assert "0 error(s), 0 warning(s)" in check.stderr

    build = briefing(project, "build")
    assert build.returncode == 0, build.stderr
    assert log_problems(build.stderr) == [], build.stderr
    assert "WARNING" not in build.stderr, build.stderr
    site = project / "site"
    for page in ("index.html", f"articles/{ARTICLE}/index.html", "actors/relief-agency/index.html",
                 "actors/interior-ministry/index.html", "topics/humanitarian-toll/index.html",
                 "notes/how-we-count/index.html", "about/index.html", "timeline/index.html",
                 "data/briefing.json"):
        assert (site / page).is_file(), page
    assert not list(site.rglob("README*")), "theme/README.md must not be published"
    article = (site / f"articles/{ARTICLE}/index.html").read_text("utf-8")
    assert 'data-date="2024-05-04"' in article  # "on Saturday" read from the article's date
    home = (site / "index.html").read_text("utf-8")
    assert "Floods briefing" in home

    # `mkdocs build --strict` in the project does the same build
    log = mkdocs_build(project, tmp_path / "mkdocs-site")
    assert log_problems(log) == [], log


def test_new_project_has_one_example_of_each_kind(tmp_path: Path):
    project = tmp_path / "b"
    assert new(str(project)).exit_code == 0
    b, problems = load(project / "content", root=project)
    assert not problems.errors and not problems.warnings, problems.sorted()
    assert list(b.articles) == [ARTICLE]
    article = b.articles[ARTICLE]
    assert len(article.events) == 1 and article.all_figures
    assert len(b.notes) == 1 and len(b.topics) == 1
    assert sorted(b.actors) == ["interior-ministry", "relief-agency"]
    assert (project / "content/about.md").is_file()
    for name in ("mkdocs.yml", "README.md", ".gitignore", ".github/workflows/site.yml", "requirements.txt", "theme"):
        assert (project / name).exists(), name
    config = yaml.safe_load((project / "mkdocs.yml").read_text("utf-8"))
    assert config["site_name"] == "B"
    assert config["docs_dir"] == "content" and config["theme"]["custom_dir"] == "theme"
    assert "site/" in (project / ".gitignore").read_text("utf-8").split()
    assert "mkdocs>=1.6,<2" in (project / "requirements.txt").read_text("utf-8").splitlines()


def test_everything_written_comes_from_the_package(tmp_path: Path):
    project = tmp_path / "b"
    assert new(str(project), "--title", "B").exit_code == 0
    written = sorted(p.relative_to(project).as_posix() for p in project.rglob("*") if p.is_file())
    packaged = scaffold_files()
    assert written == [str(rel) for rel, _ in packaged]
    for rel, source in packaged:
        assert str(source).startswith(str(scaffold_root())), source  # package data, not this repository
        assert "__BRIEFING_" not in (project / rel).read_text("utf-8"), rel
    # nothing is this repository's own content
    demo = {p.read_bytes() for p in (ROOT / "content").rglob("*.md")}
    assert not any((project / "content").joinpath(p).read_bytes() in demo
                   for p in [q.relative_to(project / "content") for q in (project / "content").rglob("*.md")])


def test_title_and_requirement(tmp_path: Path):
    project = tmp_path / "b"
    title = 'Floods: the "Ardent" valley, 2024'
    requirement = "briefing @ git+https://example.org/acme/briefing@v0.1.0"
    result = new(str(project), "--title", title, "--requirement", requirement)
    assert result.exit_code == 0, result.output
    assert "edit requirements.txt" not in result.output
    assert yaml.safe_load((project / "mkdocs.yml").read_text("utf-8"))["site_name"] == title
    assert (project / "README.md").read_text("utf-8").splitlines()[0] == f"# {title}"
    assert requirement in (project / "requirements.txt").read_text("utf-8").splitlines()
    assert "TODO" not in (project / "requirements.txt").read_text("utf-8")


def test_refuses_a_non_empty_folder_unless_forced(tmp_path: Path):
    project = tmp_path / "b"
    project.mkdir()
    (project / "notes.txt").write_text("mine\n", "utf-8")
    refused = new(str(project))
    assert refused.exit_code == 1
    assert "not empty" in refused.output and "--force" in refused.output
    assert sorted(p.name for p in project.iterdir()) == ["notes.txt"]

    forced = new(str(project), "--force")
    assert forced.exit_code == 0, forced.output
    assert (project / "notes.txt").read_text("utf-8") == "mine\n"
    assert (project / "mkdocs.yml").is_file()

    again = new(str(project))
    assert again.exit_code == 1  # now it has a project in it


def test_empty_folder_is_fine_and_a_file_is_refused(tmp_path: Path):
    (tmp_path / "empty").mkdir()
    assert new(str(tmp_path / "empty")).exit_code == 0
    (tmp_path / "file").write_text("x", "utf-8")
    result = new(str(tmp_path / "file"))
    assert result.exit_code != 0
    assert not (tmp_path / "mkdocs.yml").exists()
