from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import FIXTURES, ROOT


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A copy of the small fixture project."""
    dest = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", dest)
    return dest


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    """A copy of this repository's demo briefing (mkdocs.yml, content/, theme/)."""
    dest = tmp_path / "demo"
    dest.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "content", dest / "content")
    shutil.copytree(ROOT / "theme", dest / "theme")
    return dest
