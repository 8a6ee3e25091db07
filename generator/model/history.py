"""When each content file last changed, from git (one `git log` for the whole folder).

Files with uncommitted changes count as changed today; without git (or outside a
repository) nothing is known and callers show no date.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path


def last_changed(folder: Path, root: Path, today: dt.date | None = None) -> dict[str, dt.date]:
    """Map of file path (relative to ``root``, as problems show it) to its last change date."""
    folder, root = Path(folder).resolve(), Path(root).resolve()
    try:
        top = _git(root, "rev-parse", "--show-toplevel").strip()
        log = _git(root, "log", "--format=%x00%cs", "--name-only", "--no-renames", "--", str(folder))
        dirty = _git(root, "status", "--porcelain", "--no-renames", "--untracked-files=all", "--", str(folder))
    except (OSError, subprocess.CalledProcessError):
        return {}
    top_path = Path(top)
    changed: dict[str, dt.date] = {}
    day: dt.date | None = None

    def key(name: str) -> str | None:
        try:
            return (top_path / name).resolve().relative_to(root).as_posix()
        except ValueError:
            return None

    for line in log.splitlines():
        if line.startswith("\x00"):
            day = dt.date.fromisoformat(line[1:].strip())
        elif line.strip() and day is not None:
            k = key(line.strip())
            if k is not None:
                changed.setdefault(k, day)
    now = today or dt.date.today()
    for line in dirty.splitlines():
        k = key(line[3:].strip().strip('"'))
        if k is not None:
            changed[k] = now
    return changed


def fallback_changed(briefing, root: Path) -> dict[str, dt.date]:
    """Without git history: SOURCE_DATE_EPOCH when set (reproducible builds), else file times."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    fixed = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date() if epoch and epoch.isdigit() else None
    out: dict[str, dt.date] = {}
    for kind in (briefing.articles, briefing.notes, briefing.actors, briefing.topics):
        for item in kind.values():
            if fixed is not None:
                out[item.path] = fixed
                continue
            try:
                stamp = (Path(root) / item.path).stat().st_mtime
            except OSError:
                continue
            out[item.path] = dt.datetime.fromtimestamp(stamp, dt.timezone.utc).date()
    return out


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "core.quotePath=false", *args], cwd=cwd, capture_output=True,
                          text=True, check=True).stdout
