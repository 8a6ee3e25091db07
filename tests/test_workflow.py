"""The GitHub Actions workflows: this repository's and the one `briefing new` writes, checked by actionlint."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import main
from support import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
PINNED = re.compile(r"^\s*(?:-\s*)?uses:\s*([\w.-]+/[\w.-]+)@([0-9a-f]{40}) # v\d+\.\d+\.\d+\s*$")


def actionlint_exe() -> str:
    exe = shutil.which("actionlint", path=str(Path(sys.executable).parent)) or shutil.which("actionlint")
    assert exe, "actionlint is not installed: pip install -e '.[test]'"
    return exe


def actionlint(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([actionlint_exe(), "-no-color", "-oneline", path.name], cwd=path.parent,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def scaffolded(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("new") / "b"
    result = CliRunner().invoke(main, ["new", str(project)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return project / ".github" / "workflows" / "site.yml"


def workflows(scaffolded: Path) -> list[tuple[Path, str]]:
    return [(WORKFLOW, "python -m pip install ."), (scaffolded, "python -m pip install -r requirements.txt")]


@pytest.mark.parametrize("which", ["repository", "scaffold"])
def test_actionlint_passes(which: str, scaffolded: Path):
    path = WORKFLOW if which == "repository" else scaffolded
    result = actionlint(path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""


def test_actionlint_catches_mistakes(tmp_path: Path):
    text = WORKFLOW.read_text("utf-8")
    broken = tmp_path / "site.yml"
    broken.write_text(text.replace("id-token: write", "id-token: maybe")
                      .replace("steps.deployment.outputs.page_url", "steps.deploy.outputs.page_url"), "utf-8")
    result = actionlint(broken)
    assert result.returncode == 1, result.stdout
    assert "id-token" in result.stdout and "deploy" in result.stdout


@pytest.mark.parametrize("which", ["repository", "scaffold"])
def test_checks_builds_and_deploys_as_required(which: str, scaffolded: Path):
    path, install = workflows(scaffolded)[0 if which == "repository" else 1]
    text = path.read_text("utf-8")
    wf = yaml.safe_load(text)
    triggers = wf.get("on", wf.get(True))  # YAML 1.1 reads the key `on` as true
    assert "push" in triggers and "pull_request" in triggers
    assert wf["permissions"] == {"contents": "read"}
    assert wf["concurrency"]["group"]

    build, deploy = wf["jobs"]["build"], wf["jobs"]["deploy"]
    runs = [s.get("run", "") for s in build["steps"]]
    assert install in runs
    assert "briefing check" in runs and "briefing build --strict" in runs
    assert runs.index("briefing check") < runs.index("briefing build --strict")
    setup = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/setup-python@"))
    assert setup["with"]["python-version"] == "3.11" and setup["with"]["cache"] == "pip"
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"].rstrip("/") == "site"
    assert "default_branch" in upload["if"] and "pull_request" in upload["if"]

    assert deploy["needs"] == "build"
    assert "default_branch" in deploy["if"] and "pull_request" in deploy["if"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["concurrency"]["cancel-in-progress"] is False
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]

    uses = [line for line in text.splitlines() if re.match(r"^\s*(-\s*)?uses:", line)]
    assert len(uses) == 5
    for line in uses:
        assert PINNED.match(line), f"not pinned to a full commit SHA with a version comment: {line.strip()}"
    assert {PINNED.match(line).group(1) for line in uses} == {
        "actions/checkout", "actions/setup-python", "actions/cache", "actions/upload-pages-artifact",
        "actions/deploy-pages"}


def test_both_workflows_differ_only_in_how_briefing_is_installed(scaffolded: Path):
    ours = WORKFLOW.read_text("utf-8").splitlines()
    theirs = scaffolded.read_text("utf-8").splitlines()
    different = [(a, b) for a, b in zip(ours, theirs) if a != b]
    assert len(ours) == len(theirs)
    assert [a.strip() for a, _ in different] == ["cache-dependency-path: pyproject.toml", "run: python -m pip install ."]


def test_both_workflows_switch_engine_with_one_variable(scaffolded: Path):
    """Issue 20: ENGINE: mkdocs builds with the plugin; ENGINE: zensical generates the tree and builds it."""
    for path, _ in workflows(scaffolded):
        text = path.read_text("utf-8")
        assert "\n  ENGINE: mkdocs\n" in text
        assert "if: env.ENGINE == 'mkdocs'" in text and "if: env.ENGINE == 'zensical'" in text
        assert "briefing generate --strict --out" in text and "zensical==0.0.73" in text


@pytest.mark.parametrize("which", ["repository", "scaffold"])
def test_restores_and_saves_the_build_cache(which: str, scaffolded: Path):
    """actions/cache restores Briefing's build cache and the previous site before the build and
    saves them after it, keyed on the content's hash, restored from an earlier content's by prefix."""
    path = WORKFLOW if which == "repository" else scaffolded
    steps = yaml.safe_load(path.read_text("utf-8"))["jobs"]["build"]["steps"]
    uses = [s.get("uses", "") for s in steps]
    runs = [s.get("run", "") for s in steps]
    at = next(i for i, u in enumerate(uses) if u.startswith("actions/cache@"))
    assert PINNED.match(f"uses: {uses[at]} # v4.3.0") and "# v4" in path.read_text("utf-8")
    assert at < runs.index("briefing build --strict")
    step = steps[at]["with"]
    assert set(step["path"].split()) == {".cache/briefing", "site"}
    key, restore = step["key"], step["restore-keys"].splitlines()
    assert "hashFiles('content/**'" in key and "mkdocs.yml" in key
    assert len(restore) == 1 and key.startswith(restore[0]) and key != restore[0]
    assert ".cache/" in (ROOT / "generator" / "scaffold" / "dot-gitignore").read_text("utf-8")
