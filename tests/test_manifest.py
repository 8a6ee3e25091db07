"""The demo's built site, file by file, against a stored manifest (a SHA-256 per file).

The site is built with ``briefing build`` from a copy of the demo (no git history) with
SOURCE_DATE_EPOCH set, so every byte is reproducible. A change to the output that is meant
re-records the manifest: ``UPDATE_GOLDEN=1 pytest tests/test_manifest.py``; review its diff.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from support import copy_demo, update_golden

MANIFEST = Path(__file__).parent / "golden" / "demo-manifest.txt"
EPOCH = "1700000000"


def manifest(site: Path) -> str:
    lines = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        lines.append(f"{digest}  {path.relative_to(site).as_posix()}")
    return "\n".join(lines) + "\n"


def test_demo_site_matches_manifest(tmp_path: Path):
    project = copy_demo(tmp_path / "demo")
    site = tmp_path / "site"
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    proc = subprocess.run([sys.executable, "-m", "generator.cli", "build", "-d", str(site)],
                          cwd=project, capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    got = manifest(site)
    if update_golden():
        MANIFEST.write_text(got, encoding="utf-8")
    expected = MANIFEST.read_text(encoding="utf-8")
    if got != expected:
        old = dict(reversed(line.split("  ", 1)) for line in expected.splitlines())
        new = dict(reversed(line.split("  ", 1)) for line in got.splitlines())
        changed = sorted(p for p in old.keys() | new.keys() if old.get(p) != new.get(p))
        raise AssertionError(f"{len(changed)} file(s) of the demo's site differ from {MANIFEST.name} "
                             f"(UPDATE_GOLDEN=1 re-records it on purpose): {changed[:20]}")
