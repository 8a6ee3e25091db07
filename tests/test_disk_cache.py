"""The build cache on disk (generator/diskcache.py) never changes what is built: a `briefing build`
in a new process that starts from the cache of the previous build writes the same bytes as a clean
build, for the demo and for a synthetic project of 200 articles where one article changed between
the builds; a damaged, truncated, foreign or forged cache is ignored with one line (never a warning:
the builds here are strict) and the site is still byte-identical."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT, copy_demo

sys.path.insert(0, str(ROOT / "bench"))

from make_project import write_briefing  # noqa: E402

EPOCH = "1700000000"
CACHE = Path(".cache/briefing/build-cache.bin")


def build(project: Path, site: Path, *extra: str) -> str:
    """`briefing build --strict` in a new process; returns its stderr."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    proc = subprocess.run([sys.executable, "-m", "generator.cli", "build", "--strict", "-d", str(site), *extra],
                          cwd=project, capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    assert "WARNING" not in proc.stderr, proc.stderr
    return proc.stderr


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def assert_same_site(a: Path, b: Path) -> None:
    fa, fb = files_of(a), files_of(b)
    assert sorted(fa) == sorted(fb)
    differ = [name for name in fa if fa[name] != fb[name]]
    assert differ == [], f"{len(differ)} file(s) differ, e.g. {differ[:5]}"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo: a clean build (no cache), then a build that writes the cache."""
    tmp = tmp_path_factory.mktemp("demo-cache")
    project = copy_demo(tmp / "project")
    clean = tmp / "clean"
    build(project, clean, "--no-cache")
    assert not (project / ".cache").exists()
    err = build(project, tmp / "cold")
    assert "no build cache in" in err
    assert (project / CACHE).is_file()
    return project, clean, tmp


def test_demo_warm_build_is_byte_identical(demo):
    project, clean, tmp = demo
    assert_same_site(clean, tmp / "cold")
    shutil.copytree(tmp / "cold", tmp / "warm")  # the site the cache recorded (a copy keeps sizes and seconds)
    err = build(project, tmp / "warm")
    assert "build cache read from" in err and "warm build" in err
    assert_same_site(clean, tmp / "warm")


def test_a_site_folder_changed_since_is_built_whole(demo):
    """The site folder is not the one the cache recorded (edited, or built without the cache since):
    every page is built again, and the site is the clean build's."""
    project, clean, tmp = demo
    site = tmp / "edited-site"
    build(project, site)
    page = next(site.glob("articles/*/index.html"))
    page.write_bytes(page.read_bytes().replace(b"</body>", b"<p>edited by hand</p></body>"))
    err = build(project, site)
    assert "building every page" in err, err
    assert_same_site(clean, site)


def _damage(path: Path, how: str) -> None:
    raw = path.read_bytes()
    if how == "truncated":
        path.write_bytes(raw[: len(raw) // 2])
    elif how == "random bytes":
        path.write_bytes(os.urandom(len(raw)))
    elif how == "payload flipped":
        path.write_bytes(raw[:-100] + bytes(b ^ 0xFF for b in raw[-100:]))
    elif how in ("other version", "other format", "forged"):
        magic, header, payload = raw.split(b"\n", 2)
        h = json.loads(header)
        if how == "other version":
            h["version"] = "0" * 32
        elif how == "other format":
            h["format"] = 999
        else:  # a well-formed file whose pickle would create a file: the checksum matches, the unpickler refuses
            payload = pickle.dumps(_Forged(str(path.parent / "forged-ran")))
            import hashlib

            h["size"], h["checksum"] = len(payload), hashlib.blake2b(payload, digest_size=32).hexdigest()
        path.write_bytes(magic + b"\n" + json.dumps(h).encode() + b"\n" + payload)
    elif how == "a folder":
        path.unlink()
        path.mkdir()


class _Forged:
    def __init__(self, target: str):
        self.target = target

    def __reduce__(self):
        return (open, (self.target, "w"))  # runs on a plain pickle.loads


@pytest.mark.parametrize("how", ["truncated", "random bytes", "payload flipped", "other version", "other format",
                                 "forged", "a folder"])
def test_damaged_cache_is_ignored_and_the_site_is_the_same(demo, how):
    project, clean, tmp = demo
    build(project, tmp / f"before-{how}")  # a good cache to damage
    path = project / CACHE
    _damage(path, how)
    err = build(project, tmp / how)
    assert "ignored (" in err and "building everything" in err, err
    assert_same_site(clean, tmp / how)
    assert not (path.parent / "forged-ran").exists()
    if how == "a folder":  # nothing replaces a folder: the cache is not written, the build succeeds
        path.rmdir()
        return
    # the build wrote a good cache again, and the next build reads it
    assert "build cache read from" in build(project, tmp / f"after-{how}")


def test_synthetic_project_one_article_changed(tmp_path):
    """200 articles: cache written, one article edited, a warm build equals a clean build."""
    project = tmp_path / "project"
    write_briefing(project, 200)
    build(project, tmp_path / "first")
    article = sorted((project / "content" / "articles").glob("*.md"))[57]
    text = article.read_text("utf-8")
    article.write_text(text.rstrip("\n") + "\n\nThe port of Alden reopened to shipping on the same day.\n", "utf-8")
    site = tmp_path / "site"
    shutil.copytree(tmp_path / "first", site)  # where the cache's site is (a copy keeps sizes and seconds)
    err = build(project, site)
    assert "build cache read from" in err and "warm build" in err, err
    build(project, tmp_path / "clean", "--no-cache")
    assert_same_site(tmp_path / "clean", site)
    changed = [name for name, data in files_of(site).items()
               if files_of(tmp_path / "first").get(name) != data]
    assert f"articles/{article.stem}/index.html" in changed  # the edit is in the site
