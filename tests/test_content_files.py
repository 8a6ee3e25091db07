"""Which files of content/ are read and published: symbolic links, Markdown extensions, named
pipes, and ids made of whole file names (issue 12).

Fixtures: tests/fixtures/files/<overlay>/ laid over a copy of tests/fixtures/mini (named pipes and
odd file names cannot be committed, so the tests make those).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.model import discover as discover_module
from generator.model import load as load_module
from generator.model.problems import Problems
from support import FIXTURES, briefing_in

FILES = FIXTURES / "files"
SECRET = "BRIEFING-TEST-SECRET-4b1d"
TIMEOUT = 120  # a build that follows a link loop or opens a named pipe would never end


def project_with(tmp_path: Path, overlay: str | None = None) -> Path:
    project = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", project)
    if overlay:
        shutil.copytree(FILES / overlay, project, symlinks=True, dirs_exist_ok=True)
    return project


def check(project: Path, *args: str, env: dict | None = None):
    return briefing_in(project, "check", *args, env=env, catch_exceptions=False)


def run(project: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "BRIEFING_SECRET": SECRET, **(env or {})}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run([sys.executable, *args], cwd=project, capture_output=True, text=True, env=env,
                          timeout=TIMEOUT)


def site_bytes(site: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()) if site.exists() else b""


# ---- symbolic links ----------------------------------------------------------------------------

def test_check_rejects_links_out_of_the_project_and_loops(tmp_path: Path):
    project = project_with(tmp_path, "links")
    (tmp_path / "secret.txt").write_text(SECRET, "utf-8")
    result = check(project)
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert ("content/env.txt:1: error: this is a symbolic link to '/proc/self/environ', outside the project: "
            "a build never reads or publishes it; copy the file into the project instead") in lines
    assert any(line.startswith("content/secret.txt:1: error: this is a symbolic link to '../../secret.txt', "
                               "outside the project") for line in lines), lines
    assert ("content/articles/2019/up:1: error: this symbolic link leads back to a folder it is in ('..'), "
            "so the folder never ends: remove it") in lines
    # a link to a file elsewhere in the project is refused too: only content/ itself is content
    assert ("content/articles/2019-04-16-linked.md:1: error: this is a symbolic link to "
            "'../../shared/2019-04-16-linked.md', which leads to shared/2019-04-16-linked.md in the project, "
            "outside content/: a build reads and publishes only what is in content/ itself; move or copy it into "
            "content/") in lines
    assert "checked 2 articles" in result.output
    assert "4 error(s)" in result.output


def test_check_rejects_dangling_links_and_link_cycles(tmp_path: Path):
    project = project_with(tmp_path)
    content = project / "content"
    os.symlink("nowhere.md", content / "articles/2019-04-20-gone.md")
    os.symlink("b", content / "a")
    os.symlink("a", content / "b")
    os.symlink("../../.git/config", content / "notes/git.txt")  # inside the project, but its git folder
    (project / ".git").mkdir()
    (project / ".git/config").write_text("[remote]\n", "utf-8")
    lines = check(project).output.splitlines()
    assert ("content/articles/2019-04-20-gone.md:1: error: this symbolic link leads to 'nowhere.md', which "
            "does not exist; fix or remove it") in lines
    assert "content/a:1: error: this symbolic link to 'b' never resolves (a loop of links); remove it" in lines
    assert "content/b:1: error: this symbolic link to 'a' never resolves (a loop of links); remove it" in lines
    assert any(line.startswith("content/notes/git.txt:1: error: this is a symbolic link to '../../.git/config', "
                               "outside the project") for line in lines), lines


def test_build_never_follows_links_out_of_the_project_or_loops(tmp_path: Path):
    project = project_with(tmp_path, "links")
    (tmp_path / "secret.txt").write_text(SECRET, "utf-8")
    site = tmp_path / "site"
    proc = run(project, "-m", "mkdocs", "build", "-d", str(site))  # MkDocs' own walk follows every link
    assert proc.returncode != 0
    assert "content/env.txt:1: error: this is a symbolic link to '/proc/self/environ'" in proc.stderr
    assert "content/articles/2019/up:1: error: this symbolic link leads back" in proc.stderr
    assert SECRET.encode() not in site_bytes(site)
    assert not site.exists()
    cli = run(project, "-m", "generator.cli", "build", "-d", str(site))  # briefing build: check first
    assert cli.returncode == 1
    assert "content/secret.txt:1: error: this is a symbolic link" in cli.stderr
    assert not site.exists()


def test_build_rejects_a_theme_link_out_of_the_project(tmp_path: Path):
    project = project_with(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("  name: material\n", "  name: material\n  custom_dir: theme\n"),
                      "utf-8")
    (project / "theme").mkdir()
    (tmp_path / "secret.txt").write_text(SECRET, "utf-8")
    os.symlink("../../secret.txt", project / "theme/leak.txt")
    site = tmp_path / "site"
    proc = run(project, "-m", "mkdocs", "build", "-d", str(site))
    assert proc.returncode != 0
    assert "theme/leak.txt:1: error: this is a symbolic link to '../../secret.txt', outside the project" in proc.stderr
    assert SECRET.encode() not in site_bytes(site)


def test_links_inside_the_content_folder_are_followed(tmp_path: Path):
    """Fixture tests/fixtures/rt-files/inside-links: a file link and a folder link, both into content/files."""
    project = project_with(tmp_path)
    shutil.copytree(FIXTURES / "rt-files/inside-links", project, symlinks=True, dirs_exist_ok=True)
    site = tmp_path / "site"
    proc = run(project, "-m", "mkdocs", "build", "--strict", "-d", str(site))
    assert proc.returncode == 0, proc.stderr
    text = (project / "content/files/briefing-note.txt").read_text("utf-8")
    assert (site / "articles/2019/note.txt").read_text("utf-8") == text
    assert (site / "articles/attachments/briefing-note.txt").read_text("utf-8") == text


@pytest.mark.parametrize("link, target, where", [
    ("content/raw", "../seeds", "seeds/"),
    ("content/env.txt", "../.env", ".env"),
    ("content/s", "../site", "site/"),
    ("content/articles/shared", "../../shared", "shared/"),
    ("theme/partials", "../content", "content/"),
])
def test_links_elsewhere_in_the_project_are_refused(tmp_path: Path, link: str, target: str, where: str):
    """Issue 12, red team holes 6 and 7: seeds, secrets and the previous site are in the project, not content."""
    project = project_with(tmp_path)
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    config.write_text(text.replace("  name: material\n", "  name: material\n  custom_dir: theme\n"), "utf-8")
    for folder in ("seeds", "site", "shared", "theme"):
        (project / folder).mkdir()
    (project / "seeds/page.html").write_text("<script>alert(1)</script>", "utf-8")
    (project / ".env").write_text(f"TOKEN={SECRET}\n", "utf-8")
    os.symlink(target, project / link)
    folder = link.split("/")[0]
    message = (f"{link}:1: error: this is a symbolic link to '{target}', which leads to {where} in the project, "
               f"outside {folder}/: a build reads and publishes only what is in {folder}/ itself; move or copy it "
               f"into {folder}/")
    site = tmp_path / "out"
    proc = run(project, "-m", "mkdocs", "build", "-d", str(site))
    assert proc.returncode != 0
    assert message in proc.stderr
    assert not site.exists()
    if folder == "content":
        assert message in check(project).output.splitlines()


# ---- Markdown files under other extensions ---------------------------------------------------

MISNAMED = {
    "content/articles/2019-04-20-shouting.MD": ("articles", ".MD", "2019-04-20-shouting.md"),
    "content/articles/2019-04-21-long.markdown": ("articles", ".markdown", "2019-04-21-long.md"),
    "content/notes/caveat.mkd": ("notes", ".mkd", "caveat.md"),
    "content/actors/unhcr.mdown": ("actors", ".mdown", "unhcr.md"),
    "content/topics/oil.Md": ("topics", ".Md", "oil.md"),
}
LEAKS = [b"SECRET-DRAFT-TEXT", b"INVALID-ITEM-TEXT", b"MKD-NOTE-TEXT", b"MDOWN-ACTOR-TEXT", b"MD-TOPIC-TEXT",
         b"BACKUP-DRAFT-TEXT", b"NESTED-ACTOR-TEXT"]


def test_markdown_under_another_extension_is_an_error(tmp_path: Path):
    project = project_with(tmp_path, "extensions")
    result = check(project)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    for path, (folder, suffix, name) in MISNAMED.items():
        kind = folder[:-1]
        assert (f"{path}:1: error: a Markdown file in {folder}/ must end in '.md' (lowercase): a '{suffix}' {kind} "
                f"is never read, checked or published; rename it to '{name}'") in lines
    assert ("content/articles/2019-04-14-toll.md~:1: error: a backup copy of '2019-04-14-toll.md' in articles/ "
            "would be published as it is, drafts and all; remove it") in lines
    assert ("content/actors/old/gna.md:1: error: actors live directly in actors/: a Markdown file in a sub-folder "
            "is never read, checked or published; move it to actors/gna.md") in lines
    assert f"{len(MISNAMED) + 2} error(s)" in result.output  # the image is no error


def test_markdown_under_another_extension_is_never_published(tmp_path: Path, monkeypatch):
    """Even if check let one through, the plugin removes it from MkDocs' files; images stay."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project = project_with(tmp_path, "extensions")
    monkeypatch.setattr(load_module, "misnamed", lambda *args: [])
    site = tmp_path / "site"
    cfg = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    cfg.plugins.on_startup(command="build", dirty=False)
    try:
        build(cfg)
    finally:
        cfg.plugins.on_shutdown()
    published = site_bytes(site)
    assert (site / "index.html").is_file()
    for leak in LEAKS:
        assert leak not in published, leak
    assert (site / "articles/map.png").read_bytes() == (FILES / "extensions/content/articles/map.png").read_bytes()


LEFTOVERS = {  # fixture tests/fixtures/rt-files/leftovers; the name with a trailing space is made by the test
    "content/articles/#2019-04-14-toll.md#": ("articles", "2019-04-14-toll.md"),
    "content/articles/2019-04-14-toll.md.save": ("articles", "2019-04-14-toll.md"),
    "content/articles/2019-04-14-toll.md.swp": ("articles", "2019-04-14-toll.md"),
    "content/articles/2019-04-14-toll.md ": ("articles", "2019-04-14-toll.md"),
    "content/notes/.caveat.md.un~": ("notes", "caveat.md"),
    "content/notes/caveat.markdown.orig.1": ("notes", "caveat.markdown"),
}


def project_with_leftovers(tmp_path: Path) -> Path:
    project = project_with(tmp_path)
    shutil.copytree(FIXTURES / "rt-files/leftovers", project, dirs_exist_ok=True)
    swap = project / "content/articles/2019-04-14-toll.md.swp"
    (project / "content/articles/2019-04-14-toll.md ").write_text(swap.read_text("utf-8"), "utf-8")
    return project


def test_editor_leftovers_are_errors(tmp_path: Path):
    """Issue 12, red team hole 8: any name holding a Markdown extension that does not end in exactly '.md'."""
    result = check(project_with_leftovers(tmp_path))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    for path, (folder, name) in LEFTOVERS.items():
        assert (f"{path}:1: error: '{path.rpartition('/')[2]}' looks like an editor's leftover copy of '{name}': in "
                f"{folder}/ only names ending in exactly '.md' are items, and this file would be published as it "
                "is, drafts and all; remove it") in lines, path
    assert f"{len(LEFTOVERS)} error(s)" in result.output  # data.md5 is no error


def test_editor_leftovers_are_never_published(tmp_path: Path, monkeypatch):
    """Even if check let one through, the plugin removes it from MkDocs' files; other files stay."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project = project_with_leftovers(tmp_path)
    monkeypatch.setattr(load_module, "misnamed", lambda *args: [])
    site = tmp_path / "site"
    cfg = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    cfg.plugins.on_startup(command="build", dirty=False)
    try:
        build(cfg)
    finally:
        cfg.plugins.on_shutdown()
    published = site_bytes(site)
    assert (site / "index.html").is_file()
    assert b"LEFTOVER-DRAFT-TEXT" not in published and b"LEFTOVER-NOTE-TEXT" not in published
    assert (site / "articles/data.md5").read_text("utf-8") == "checksum\n"


def test_an_extension_rule_holds_for_a_kind_added_later(tmp_path: Path, monkeypatch):
    project = project_with(tmp_path)
    monkeypatch.setitem(discover_module.KIND_FOLDERS, "places", False)
    (project / "content/places").mkdir()
    (project / "content/places/tripoli.markdown").write_text("---\nname: Tripoli\n---\n", "utf-8")
    problems = load_module.load(project / "content", root=project)[1]
    assert [(p.path, p.level) for p in problems.items] == [("content/places/tripoli.markdown", "error")]


# ---- named pipes ---------------------------------------------------------------------------------

def test_a_named_pipe_is_an_error_and_never_opened(tmp_path: Path):
    project = project_with(tmp_path)
    for name in ("articles/2019-04-20-pipe.md", "index.md", "about.md", "map.png"):
        os.mkfifo(project / "content" / name)
    proc = run(project, "-m", "generator.cli", "check")  # would wait for a writer forever
    assert proc.returncode == 1
    for name in ("articles/2019-04-20-pipe.md", "index.md", "about.md", "map.png"):
        assert (f"content/{name}:1: error: this is a named pipe (FIFO), not a regular file: Briefing never opens "
                "it, and a build cannot publish it; remove it") in proc.stderr.splitlines()
    site = tmp_path / "site"
    build = run(project, "-m", "mkdocs", "build", "-d", str(site))
    assert build.returncode != 0
    assert "content/about.md:1: error: this is a named pipe (FIFO)" in build.stderr
    assert "Traceback" not in build.stderr


# ---- ids are whole file names --------------------------------------------------------------------

ARTICLE = "---\ntitle: A strike\ndate: 2019-04-15\nsource: WHO\n---\n\nText.\n"


def test_an_id_is_the_whole_file_name(tmp_path: Path):
    project = project_with(tmp_path)
    (project / "content/articles/nl\n.md").write_text(ARTICLE, "utf-8")
    result = check(project)
    assert result.exit_code == 1
    assert ("content/articles/nl\\n.md:1: error: 'nl\\n' is not a valid id: a file name must be lowercase letters, "
            "digits and hyphens (at most 80, not starting with a hyphen); rename it, e.g. to 'nl.md'"
            ) in result.output.splitlines()
    assert discover_module.item_id(Path("nl\n.md"), "nl\n.md", Problems()) is None
    assert discover_module.item_id(Path("nl.md"), "nl.md", Problems()) == "nl"


def test_ids_and_kinds_in_front_matter_are_matched_whole(tmp_path: Path):
    project = project_with(tmp_path)
    (project / "content/articles/2019-04-15-strike.md").write_text(
        '---\ntitle: A strike\ndate: 2019-04-15\nsource: WHO\nactors: ["lna\\n"]\n'
        'figures:\n  - {kind: "killed\\n", value: 3, source: WHO}\n---\n\nText.\n', "utf-8")
    problems = load_module.load(project / "content", root=project)[1]
    messages = [p.message for p in problems.errors]
    assert "'lna\n' in 'actors' is not a valid id (lowercase letters, digits and hyphens)" in messages
    assert any(m.startswith("'kind' must be a lowercase kebab-case id") for m in messages), messages


@pytest.mark.parametrize("name", ["env.txt", "secret.txt"])
def test_fixture_links_are_committed_as_links(name: str):
    """The fixture's links must stay links (a checkout with core.symlinks=false would make them text)."""
    assert (FILES / "links/content" / name).is_symlink()
