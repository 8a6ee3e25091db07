"""Builds are atomic and never replace a folder they must not (issue 12).

A build writes beside the site and swaps it in on success: after a check error, a strict-mode
warning, a traceback or a SIGKILL the previous site is there byte for byte. `briefing build -d DIR`
and a plain `mkdocs build` refuse the project's own folders and folders that are not Briefing sites.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.engine import sitedir
from support import FIXTURES, briefing_in

TIMEOUT = 120
SLOW_HOOK = """import os, time

def on_post_page(output, page, config):
    if os.environ.get("BRIEFING_SLOW_BUILD"):
        time.sleep(0.3)
    return output
"""
FAILING_HOOK = """def on_post_page(output, page, config):
    if page.file.src_uri == "notes/counting.md":
        raise RuntimeError("a plugin bug halfway through the build")
    return output
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    dest = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", dest)
    return dest


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def staging_left(project: Path) -> list[str]:
    return sorted(p.name for p in project.glob(".site.briefing-*"))


def mkdocs(project: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", *args], cwd=project, capture_output=True,
                          text=True, env={**os.environ, **(env or {})}, timeout=TIMEOUT)


def briefing(project: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], cwd=project, capture_output=True,
                          text=True, env=env, timeout=TIMEOUT)


def add_hook(project: Path, name: str, code: str) -> None:
    (project / name).write_text(code, "utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + f"hooks:\n  - {name}\n", "utf-8")


def built(project: Path) -> dict[str, bytes]:
    proc = mkdocs(project)
    assert proc.returncode == 0, proc.stderr
    site = tree(project / "site")
    assert "index.html" in site and sitedir.MARKER in site
    return site


# ---- atomic builds -------------------------------------------------------------------------------

def break_content(project: Path) -> None:
    (project / "content/articles/2019-04-14-toll.md").write_text(
        "---\ntitle: WHO toll\ndate: not a date\nsource: WHO\n---\n", "utf-8")


def break_link(project: Path) -> None:
    (project / "content/about.md").write_text("# About\n\nSee [the method](method.md).\n", "utf-8")


def break_plugin(project: Path) -> None:
    add_hook(project, "failing_hook.py", FAILING_HOOK)


@pytest.mark.parametrize("command", ["mkdocs", "briefing"])
@pytest.mark.parametrize("breaking", [break_content, break_link, break_plugin],
                         ids=["check-error", "strict-warning", "traceback"])
def test_a_failed_build_leaves_the_previous_site_intact(project: Path, breaking, command: str):
    before = built(project)
    (project / "content/articles/2019-04-14-toll.md").write_text(
        "---\ntitle: WHO toll rises again\ndate: 2019-04-14\nsource: WHO\n---\n\nNew text.\n", "utf-8")
    breaking(project)
    proc = mkdocs(project, "--strict") if command == "mkdocs" else briefing(project, "build")
    assert proc.returncode != 0
    assert tree(project / "site") == before
    assert staging_left(project) == []


def test_a_killed_build_leaves_the_previous_site_intact(project: Path):
    add_hook(project, "slow_hook.py", SLOW_HOOK)
    before = built(project)
    staging = project / ".site.briefing-new"
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "build"], cwd=project,
                            env={**os.environ, "BRIEFING_SLOW_BUILD": "1"},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + TIMEOUT
        while len(list(staging.rglob("index.html"))) < 3:  # pages are being written: midway
            assert proc.poll() is None, "the build ended before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait()
    assert tree(project / "site") == before
    assert staging.is_dir()  # what the killed build left; the next build clears it
    assert built(project) == before
    assert staging_left(project) == []


def test_strict_warning_after_the_build_keeps_the_previous_site(project: Path):
    """MkDocs counts strict-mode warnings after on_post_build: the swap must not run first."""
    before = built(project)
    break_link(project)
    proc = mkdocs(project, "--strict")
    assert proc.returncode != 0 and "contains a link 'method.md', but the target is not found" in proc.stderr
    assert tree(project / "site") == before
    assert mkdocs(project).returncode == 0  # not strict: the warning does not stop it
    assert "about/index.html" in tree(project / "site")


def test_a_dirty_build_starts_from_the_current_site(project: Path):
    built(project)
    proc = mkdocs(project, "--dirty")
    assert proc.returncode == 0, proc.stderr
    site = tree(project / "site")
    assert "index.html" in site and "articles/2019-04-14-toll/index.html" in site and sitedir.MARKER in site


def test_serve_builds_in_place(project: Path):
    """Under serve MkDocs builds into a temporary folder of its own: no staging beside it."""
    from mkdocs.config import load_config

    site = project.parent / "served"
    cfg = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    cfg.plugins.on_startup(command="serve", dirty=False)
    try:
        cfg = cfg.plugins.on_config(cfg)
        assert cfg.site_dir == str(site)
        assert cfg.plugins["briefing"].staging is None
    finally:
        cfg.plugins.on_shutdown()


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2", "two-renames"])
def test_swap_replaces_the_site_whole(tmp_path: Path, monkeypatch, exchange: bool):
    if not exchange:
        monkeypatch.setattr(sitedir, "_exchange", lambda a, b: False)
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_text("old", "utf-8")
    staging = sitedir.Staging(site)
    new = Path(staging.start())
    assert new == tmp_path / ".site.briefing-new"
    new.mkdir()
    (new / "new.html").write_text("new", "utf-8")
    staging.commit()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert tree(site) == {sitedir.MARKER: sitedir.MARKER_TEXT, "new.html": b"new"}


def test_a_build_killed_within_the_swap_gets_its_site_back(tmp_path: Path):
    """Killed between the two renames: the previous site is beside, and the next build puts it back."""
    old, new = tmp_path / ".site.briefing-old", tmp_path / ".site.briefing-new"
    old.mkdir()
    (old / "index.html").write_text("previous", "utf-8")
    new.mkdir()
    (new / "index.html").write_text("half", "utf-8")
    sitedir.Staging(tmp_path / "site").start()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert tree(tmp_path / "site") == {"index.html": b"previous"}


# ---- where a build may write ---------------------------------------------------------------------

def cli(project: Path, *args: str):
    return briefing_in(project, "build", *args, catch_exceptions=False)


@pytest.mark.parametrize("target,reason", [
    ("seeds", "it is the project's seeds/ folder"),
    ("theme", "it is the project's theme/ folder"),
    ("theme/out", "it is inside the project's theme/ folder"),
    (".git", "it is the project's .git folder"),
    ("content", None),  # MkDocs' own check: "The 'docs_dir' should not be within the 'site_dir'"
    (".", None),
    ("other", "it holds an mkdocs.yml: it is a project, not a site"),
    ("notes.txt", "it is a file, not a folder"),
])
def test_build_refuses_the_project_s_own_folders(project: Path, target: str, reason: str | None):
    for folder in ("seeds", "theme", ".git", "other"):
        (project / folder).mkdir()
    (project / "seeds/000_source.txt").write_text("a seed", "utf-8")
    (project / "other/mkdocs.yml").write_text("site_name: other\n", "utf-8")
    (project / "notes.txt").write_text("notes", "utf-8")
    before = tree(project)
    for force in ((), ("--force",)):
        result = cli(project, "-d", target, *force)
        assert result.exit_code != 0
        assert reason is None or reason in result.output
        assert tree(project) == before


def test_build_refuses_a_folder_that_is_not_a_site_unless_forced(project: Path, tmp_path: Path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine", "utf-8")
    result = cli(project, "-d", str(out))
    assert result.exit_code == 1
    assert (f"Error: not building into {out}: it holds files and is not a site Briefing built (it has no "
            ".briefing-site file): the build would delete them; empty it or choose another folder "
            "(`briefing build --force` replaces it anyway)") in result.output
    assert tree(out) == {"keep.txt": b"mine"}
    plain = mkdocs(project, "-d", str(out))  # the plugin refuses it too
    assert plain.returncode != 0
    assert f"site_dir '{out}' holds files and is not a site Briefing built" in plain.stderr
    assert tree(out) == {"keep.txt": b"mine"}

    forced = cli(project, "-d", str(out), "--force")
    assert forced.exit_code == 0, forced.output
    assert "keep.txt" not in tree(out) and (out / sitedir.MARKER).is_file()
    again = cli(project, "-d", str(out))  # now a Briefing site: replaced without --force
    assert again.exit_code == 0, again.output


def test_build_writes_into_an_empty_folder_and_over_an_older_briefing_site(project: Path, tmp_path: Path):
    empty = tmp_path / "empty"
    empty.mkdir()
    assert cli(project, "-d", str(empty)).exit_code == 0
    older = tmp_path / "older"  # a site built before sites had the marker
    (older / "data").mkdir(parents=True)
    (older / "index.html").write_text("<html>", "utf-8")
    (older / "data/briefing.json").write_text("{}", "utf-8")
    assert cli(project, "-d", str(older)).exit_code == 0
    assert (older / sitedir.MARKER).is_file()


def test_site_dir_of_mkdocs_yml_is_checked_too(project: Path):
    (project / "seeds").mkdir()
    (project / "seeds/000_source.txt").write_text("a seed", "utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "site_dir: seeds\n", "utf-8")
    plain = mkdocs(project)
    assert plain.returncode != 0
    assert "site_dir '" in plain.stderr and "seeds' is the project's seeds/ folder" in plain.stderr
    assert cli(project).exit_code != 0
    assert tree(project / "seeds") == {"000_source.txt": b"a seed"}


def test_a_folder_above_the_project_is_refused(tmp_path: Path):
    project = tmp_path / "a/project"
    docs = tmp_path / "elsewhere/content"  # MkDocs' own check sees only docs_dir
    reason = sitedir.refusal(tmp_path / "a", project=project, docs_dir=docs, force=True)
    assert reason == f"holds the project folder, {project}"
    assert sitedir.refusal(tmp_path / "a/project/site", project=project, docs_dir=docs) is None
