"""Problems print one to a line, and as GitHub annotations that content cannot forge (issue 12):
a file name or a front-matter key with a line break, '%', ':' or ',' in it stays data."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.model.problems import Problem
from support import FIXTURES, briefing_in

ARTICLE = "---\ntitle: A strike\ndate: 2019-04-15\nsource: WHO\n---\n\nText.\n"


def project_with_forgeries(tmp_path: Path) -> Path:
    project = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", project)
    shutil.copytree(FIXTURES / "files/annotations", project, dirs_exist_ok=True)
    (project / "content/articles/a,line=99.md").write_text(ARTICLE, "utf-8")
    return project


def check(project: Path, env: dict):
    return briefing_in(project, "check", env=env, catch_exceptions=False)


def test_annotation_escapes_data_and_properties():
    p = Problem("content/articles/a,line=9:x\n.md", 3, "error", "bad\r\n::error file=x,line=1::forged 100%")
    assert p.github() == ("::error file=content/articles/a%2Cline=9%3Ax%0A.md,line=3::"
                          "bad%0D%0A::error file=x,line=1::forged 100%25")
    assert str(p) == "content/articles/a,line=9:x\\n.md:3: error: bad\\r\\n::error file=x,line=1::forged 100%"
    assert Problem("content/a.md", 1, "warning", "plain").github() == "::warning file=content/a.md,line=1::plain"


def test_content_cannot_forge_an_annotation(tmp_path: Path):
    project = project_with_forgeries(tmp_path)
    result = check(project, env={"GITHUB_ACTIONS": "true"})
    assert result.exit_code == 1
    commands = [line for line in result.output.splitlines() if line.startswith("::")]
    forged = "content/articles/2019-04-15-forged.md"
    assert sorted(commands) == [
        "::error file=content/articles/a%2Cline=99.md,line=1::'a,line=99' is not a valid id: a file name must be "
        "lowercase letters, digits and hyphens (at most 80, not starting with a hyphen); rename it, e.g. to "
        "'a-line-99.md'",
        f"::warning file={forged},line=5::unknown key 'tags%0A::error file=README.md,line=1::forged annotation' "
        "in an article; it is ignored",
        f"::warning file={forged},line=6::unknown key '100%25%0D%0A::warning file=mkdocs.yml,line=2::another' in an "
        "article; it is ignored",
    ]
    # and in the plain lines each problem is one line: none starts a line of its own with '::'
    plain = [line for line in result.output.splitlines() if not line.startswith("::")]
    assert f"{forged}:5: warning: unknown key 'tags\\n::error file=README.md,line=1::forged annotation' in an " \
           "article; it is ignored" in plain
