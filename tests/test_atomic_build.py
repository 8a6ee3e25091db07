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


# ---- the site folder's own files, a site folder that cannot be renamed, the home folder ----------
# Red team holes 9-11 of issue 12; fixture tests/fixtures/rt-files/site-dotfiles (a previous site with
# .htaccess, .nojekyll and .well-known/; the tests add .git/, which git cannot hold in a fixture).

DOTTED = FIXTURES / "rt-files/site-dotfiles"


def dotted_site(folder: Path) -> dict[str, bytes]:
    shutil.copytree(DOTTED, folder)
    (folder / ".git").mkdir()
    (folder / ".git/HEAD").write_text("ref: refs/heads/gh-pages\n", "utf-8")
    return tree(folder)


def new_site(staging: sitedir.Staging) -> Path:
    new = Path(staging.start())
    new.mkdir()
    (new / "index.html").write_text("new home", "utf-8")
    (new / ".nojekyll").write_text("the new build's own", "utf-8")
    (new / ".build-info").write_text("only in the new build", "utf-8")
    return new


def kept(before: dict[str, bytes]) -> dict[str, bytes]:
    """What the swap keeps of the previous site: its top-level dot-entries but the marker, which is fresh."""
    return {k: v for k, v in before.items() if k.startswith(".") and k != sitedir.MARKER}


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2", "two-renames"])
def test_swap_keeps_the_dot_entries_of_the_site_folder(tmp_path: Path, monkeypatch, exchange: bool):
    if not exchange:
        monkeypatch.setattr(sitedir, "_exchange", lambda a, b: False)
    site = tmp_path / "site"
    before = dotted_site(site)
    staging = sitedir.Staging(site)
    new_site(staging)
    staging.commit()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert tree(site) == {**kept(before), sitedir.MARKER: sitedir.MARKER_TEXT, "index.html": b"new home",
                          ".nojekyll": b"the new build's own",
                          ".build-info": b"only in the new build"}  # the new site's own dot-file wins


def test_a_commit_killed_after_it_carried_the_dot_entries_gives_them_back(tmp_path: Path):
    site = tmp_path / "site"
    before = dotted_site(site)
    new = tmp_path / ".site.briefing-new"  # as the commit left it: the marker written, the dot-entries moved
    new.mkdir()
    (new / sitedir.MARKER).write_bytes(sitedir.MARKER_TEXT)
    for name in (".git", ".htaccess", ".well-known", ".nojekyll"):
        os.rename(site / name, new / name)
    (new / "index.html").write_text("new home", "utf-8")
    sitedir.Staging(site).start()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert tree(site) == before


def test_a_dirty_build_keeps_the_dot_entries(project: Path):
    built(project)
    (project / "site/.git").mkdir()
    (project / "site/.git/HEAD").write_text("ref: refs/heads/gh-pages\n", "utf-8")
    for args in (("--dirty",), ()):
        proc = mkdocs(project, *args)
        assert proc.returncode == 0, proc.stderr
        assert (project / "site/.git/HEAD").read_text("utf-8") == "ref: refs/heads/gh-pages\n"


def cannot_rename(monkeypatch, site: Path) -> None:
    """The site folder is a mount point: renameat2 and rename fail with EBUSY on it, and with EXDEV from
    inside it to outside or back (shutil.move then copies)."""
    import errno

    real_rename, site = os.rename, site.resolve()

    def rename(src, dst, *args, **kwargs):
        src, dst = Path(src).resolve(), Path(dst).resolve()
        if site in (src, dst):
            raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), str(src))
        if (site in src.parents) != (site in dst.parents):
            raise OSError(errno.EXDEV, os.strerror(errno.EXDEV), str(src))
        return real_rename(src, dst, *args, **kwargs)

    monkeypatch.setattr(sitedir, "_exchange", lambda a, b: False)
    monkeypatch.setattr(os, "rename", rename)


def test_a_site_folder_that_cannot_be_renamed_is_filled_in_place(tmp_path: Path, monkeypatch, caplog):
    site = tmp_path / "site"
    before = dotted_site(site)
    cannot_rename(monkeypatch, site)
    staging = sitedir.Staging(site)
    new_site(staging)
    with caplog.at_level("INFO", logger="mkdocs.plugins.briefing"):
        staging.commit()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert tree(site) == {**kept(before), sitedir.MARKER: sitedir.MARKER_TEXT, "index.html": b"new home",
                          ".nojekyll": b"the new build's own",
                          ".build-info": b"only in the new build"}
    assert any("cannot be replaced in one step" in r.getMessage() and "filled it in place" in r.getMessage()
               and r.levelname == "INFO" for r in caplog.records), caplog.records


def test_a_site_folder_that_cannot_be_filled_either_is_left_as_it_was(tmp_path: Path, monkeypatch):
    import errno

    from generator.errors import BriefingError

    site = tmp_path / "site"
    before = dotted_site(site)
    cannot_rename(monkeypatch, site)
    real_move, calls = shutil.move, []

    def move(src, dst, *args, **kwargs):  # the disk fills up after the first file
        calls.append(src)
        if len(calls) > 1:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(dst))
        return real_move(src, dst, *args, **kwargs)

    monkeypatch.setattr(shutil, "move", move)
    staging = sitedir.Staging(site)
    new_site(staging)
    with pytest.raises(BriefingError, match="nor fill it in place .No space left on device.; the previous site"):
        staging.commit()
    assert len(calls) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert tree(site) == before


def test_briefing_build_into_a_mount_point_fills_it_or_fails_in_one_line(project: Path, tmp_path: Path,
                                                                          monkeypatch):
    site = tmp_path / "site"
    before = dotted_site(site)
    cannot_rename(monkeypatch, site)
    result = briefing_in(project, "build", "-d", str(site))
    assert result.exit_code == 0, result.output
    assert "articles/2019-04-14-toll/index.html" in tree(site) and "old-page/index.html" not in tree(site)
    assert (site / ".git/HEAD").read_bytes() == before[".git/HEAD"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mini", "site"]
    built_once = tree(site)

    import errno

    def move(src, dst, *args, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(dst))

    monkeypatch.setattr(shutil, "move", move)
    result = briefing_in(project, "build", "-d", str(site))
    assert result.exit_code == 1
    assert f"ERROR   -  cannot replace {site} (Invalid cross-device link) nor fill it in place (Read-only file " \
           "system); the previous site is still there" in result.output
    assert "briefing: build failed" in result.output
    assert "Traceback" not in result.output
    assert tree(site) == built_once
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mini", "site"]


def test_the_home_folder_the_root_and_folders_above_are_always_refused(tmp_path: Path, monkeypatch):
    home = tmp_path / "users/ada"
    project = home / "briefings/libya"
    monkeypatch.setenv("HOME", str(home))
    docs = project / "content"
    cases = {
        home: "is your home folder: a build never replaces it; choose a folder of its own for the site",
        tmp_path / "users": f"holds your home folder, {home}: a build never replaces it; choose a folder of its "
                            "own for the site",
        Path("/"): "is the root of the filesystem: a build never replaces it",
        home / "briefings": f"holds the project folder, {project}",
    }
    for folder, reason in cases.items():
        for force in (False, True):
            assert sitedir.refusal(folder, project=project, docs_dir=docs, force=force) == reason
    assert "--force" not in "".join(cases.values())
    assert sitedir.refusal(home / "www", project=project, docs_dir=docs) is None  # a folder of its own


def test_briefing_build_refuses_the_home_folder_in_one_line(project: Path, tmp_path: Path):
    home = tmp_path / "home"
    (home / "notes.txt").parent.mkdir()
    (home / "notes.txt").write_text("mine", "utf-8")
    result = briefing_in(project, "build", "-d", str(home), "--force", env={"HOME": str(home)})
    assert result.exit_code == 1
    assert f"Error: not building into {home}: it is your home folder: a build never replaces it" in result.output
    assert "--force" not in result.output
    assert tree(home) == {"notes.txt": b"mine"}
