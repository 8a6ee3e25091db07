"""Paths and switches shared by the tests."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def update_golden() -> bool:
    """UPDATE_GOLDEN=1 rewrites golden files instead of comparing with them."""
    return os.environ.get("UPDATE_GOLDEN") == "1"


def copy_demo(dest: Path, **options) -> Path:
    """This repository's demo briefing (mkdocs.yml, content/, theme/) copied to ``dest``; ``options``
    override the briefing plugin's options in the copy's mkdocs.yml."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "content", dest / "content")
    shutil.copytree(ROOT / "theme", dest / "theme")
    if options:
        import yaml

        cfg = yaml.safe_load((dest / "mkdocs.yml").read_text("utf-8"))
        cfg["plugins"] = [{"briefing": {**entry["briefing"], **options}}
                          if isinstance(entry, dict) and "briefing" in entry else entry for entry in cfg["plugins"]]
        (dest / "mkdocs.yml").write_text(yaml.safe_dump(cfg, sort_keys=False, allow_unicode=True), "utf-8")
    return dest


def mkdocs_build(project: Path, site: Path, *extra: str, env: dict | None = None) -> str:
    """`mkdocs build --strict` of a project; returns the log, fails the test on error."""
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site), *extra],
                          cwd=project, capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    return proc.stderr


def log_problems(log: str) -> list[str]:
    return [line for line in log.splitlines() if re.match(r"^(WARNING|ERROR)\s+-", line)]


def briefing_in(folder: Path, *args: str, env: dict | None = None, catch_exceptions: bool = True):
    """`briefing ARGS` through click's CliRunner, run in ``folder`` (the working folder is restored)."""
    import pytest
    from click.testing import CliRunner

    from generator.cli import main

    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(folder)
        return CliRunner(env=env).invoke(main, list(args), catch_exceptions=catch_exceptions)


def engine_tool(name: str, pin: str) -> str:
    """The console script of another engine installed by the test extra (``pin``, e.g. zensical==0.0.73):
    a missing one skips, and fails under CI=true."""
    import pytest

    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    if not Path(found).exists():
        message = f"{name} is not installed (pip install -e '.[test]' installs {pin})"
        if os.environ.get("CI") == "true":
            pytest.fail(message + ": under CI=true a missing tool is a failure")
        pytest.skip(message)
    return found


def zensical() -> str:
    return engine_tool("zensical", "zensical==0.0.73")


# A timeline entry's start tag, with its id and every data attribute: what two engines must both write.
ENTRY = re.compile(r'<(?:div|li|tr|article|section)\b[^>]*\sid="e-[^"]*"[^>]*>')


def html_pages(site: Path) -> dict[str, str]:
    """Every HTML page of a built site, by its path in the site."""
    return {p.relative_to(site).as_posix(): p.read_text("utf-8") for p in site.rglob("*.html")}


def build_with_zensical(dest: Path) -> Path:
    """The demo generated into dest/out and built there by Zensical; returns the site folder."""
    project = copy_demo(dest / "demo")
    generated = briefing_in(project, "generate", "--out", "out", env={"SOURCE_DATE_EPOCH": "1562284800"})
    assert generated.exit_code == 0, generated.output
    proc = subprocess.run([zensical(), "build"], cwd=project / "out", capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return project / "out" / "site"
