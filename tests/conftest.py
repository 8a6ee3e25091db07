from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import FIXTURES, copy_demo, mkdocs_build


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A copy of the small fixture project."""
    dest = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", dest)
    return dest


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    return copy_demo(tmp_path / "demo")


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory) -> tuple[Path, str]:
    """The demo built once per test session with `mkdocs build --strict`: (site folder, log)."""
    project = copy_demo(tmp_path_factory.mktemp("demo-build") / "demo")
    site = project.parent / "site"
    return site, mkdocs_build(project, site)
