"""Issue 20: ProperDocs, the drop-in fork of MkDocs 1.6, builds the demo with the `briefing` plugin as it is
(its import hook maps the plugin's `mkdocs.*` imports to `properdocs.*`): strict, same pages, same entries."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import copy_demo

ENTRY = re.compile(r'<(?:div|li|tr|article|section)\b[^>]*\sid="e-[^"]*"[^>]*>')


def properdocs() -> str:
    found = shutil.which("properdocs") or str(Path(sys.executable).with_name("properdocs"))
    if not Path(found).exists():
        message = "properdocs is not installed (pip install -e '.[test]' installs properdocs==1.6.7)"
        if os.environ.get("CI") == "true":
            pytest.fail(message + ": under CI=true a missing tool is a failure")
        pytest.skip(message)
    return found


def test_properdocs_builds_the_demo_with_the_plugin_strictly(tmp_path, demo_build):
    project = copy_demo(tmp_path / "demo")
    proc = subprocess.run([properdocs(), "build", "--strict", "-f", "mkdocs.yml", "-d", str(tmp_path / "site")],
                          cwd=project, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert not re.search(r"^(WARNING|ERROR)\s", proc.stderr, re.M), proc.stderr
    theirs = {p.relative_to(tmp_path / "site").as_posix(): p.read_text("utf-8")
              for p in (tmp_path / "site").rglob("*.html")}
    mkdocs_site, _ = demo_build
    ours = {p.relative_to(mkdocs_site).as_posix(): p.read_text("utf-8") for p in mkdocs_site.rglob("*.html")}
    assert set(theirs) == set(ours)
    assert [p for p in ours if ENTRY.findall(ours[p]) != ENTRY.findall(theirs[p])] == []
    assert (tmp_path / "site" / "data" / "briefing.json").is_file()
    assert (tmp_path / "site" / ".briefing-site").is_file()  # the plugin's atomic swap ran
