"""The briefing command: check and build, with CliRunner in temporary projects."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from support import ROOT
from generator.cli import main


def run(args, cwd: Path):
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(cwd)
        return CliRunner().invoke(main, args, catch_exceptions=False)


def test_check_demo_is_clean():
    result = run(["check"], ROOT)
    assert result.exit_code == 0, result.output
    assert "0 error(s), 0 warning(s)" in result.output


def test_check_reports_bad_date_and_unknown_actor(mini: Path):
    article = mini / "content/articles/2019-04-14-toll.md"
    article.write_text(
        "---\ntitle: WHO toll rises\ndate: 12 Aprl 2019\nsource: WHO\nactors:\n  - haftar\n---\n\nText.\n",
        encoding="utf-8",
    )
    result = run(["check"], mini)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert ("content/articles/2019-04-14-toll.md:3: error: 'date': cannot read '12 Aprl 2019' as a date "
            "(write it as 2019-04-14 or 14 April 2019)") in lines
    assert ("content/articles/2019-04-14-toll.md:6: error: unknown actor id 'haftar' "
            "(did you mean 'khalifa-haftar'?); add content/actors/haftar.md or fix the id") in lines


def test_check_github_annotations(mini: Path, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    (mini / "content/articles/2019-04-14-toll.md").write_text(
        "---\ntitle: x\ndate: 2019-04-14\nsource: WHO\nactors: [nobody]\n---\n", encoding="utf-8")
    result = run(["check"], mini)
    assert result.exit_code == 1
    assert "::error file=content/articles/2019-04-14-toll.md,line=5::unknown actor id 'nobody'" in result.output


def test_build_stops_on_errors_and_builds_when_clean(mini: Path):
    good = run(["build", "-d", str(mini / "out")], mini)
    assert good.exit_code == 0, good.output
    assert (mini / "out/index.html").is_file()
    assert (mini / "out/articles/2019-04-12-strike/index.html").is_file()
    (mini / "content/actors/lna.md").write_text("---\nname: [unclosed\n---\n", encoding="utf-8")
    bad = run(["build", "-d", str(mini / "out2")], mini)
    assert bad.exit_code == 1
    assert "content/actors/lna.md:2: error: invalid YAML" in bad.output
    assert not (mini / "out2").exists()


def test_build_loads_the_content_once(mini: Path, monkeypatch):
    from generator import build

    calls = []
    real = build.load
    monkeypatch.setattr(build, "load", lambda *a, **k: calls.append(a) or real(*a, **k))
    result = run(["build", "-d", str(mini / "out")], mini)
    assert result.exit_code == 0, result.output
    assert len(calls) == 1  # the check's load is the build's
    assert (mini / "out/articles/2019-04-12-strike/index.html").is_file()


def test_build_from_another_folder_shows_paths_from_there(mini: Path):
    (mini / "content/actors/lna.md").write_text("---\nname: [unclosed\n---\n", encoding="utf-8")
    bad = run(["build", "-f", "mini/mkdocs.yml", "-d", str(mini / "out")], mini.parent)
    assert bad.exit_code == 1
    assert "mini/content/actors/lna.md:2: error: invalid YAML" in bad.output
