"""Issue 20: ProperDocs, the drop-in fork of MkDocs 1.6, builds the demo with the `briefing` plugin as it is
(its import hook maps the plugin's `mkdocs.*` imports to `properdocs.*`): strict, same pages, same entries."""

from __future__ import annotations

import re
import subprocess

from support import ENTRY, copy_demo, engine_tool, html_pages


def test_properdocs_builds_the_demo_with_the_plugin_strictly(tmp_path, demo_build):
    project = copy_demo(tmp_path / "demo")
    properdocs = engine_tool("properdocs", "properdocs==1.6.7")
    proc = subprocess.run([properdocs, "build", "--strict", "-f", "mkdocs.yml", "-d", str(tmp_path / "site")],
                          cwd=project, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert not re.search(r"^(WARNING|ERROR)\s", proc.stderr, re.M), proc.stderr
    theirs = html_pages(tmp_path / "site")
    mkdocs_site, _ = demo_build
    ours = html_pages(mkdocs_site)
    assert set(theirs) == set(ours)
    assert [p for p in ours if ENTRY.findall(ours[p]) != ENTRY.findall(theirs[p])] == []
    assert (tmp_path / "site" / "data" / "briefing.json").is_file()
    assert (tmp_path / "site" / ".briefing-site").is_file()  # the plugin's atomic swap ran
