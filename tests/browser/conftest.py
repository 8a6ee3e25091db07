"""Browser tests: the demo built once, served on 127.0.0.1, driven with Playwright in Debian's Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
from screenshot import CHROMIUM_ARGS, serve  # noqa: E402

ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def _require_browser():
    if Path(CHROMIUM).exists():
        return
    message = "Debian's chromium is not installed (apt-get install chromium)"
    if os.environ.get("CI") == "true":
        pytest.fail(message + ": under CI=true a missing browser is a failure")
    pytest.skip(message)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("browser-demo")
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "content", dest / "content")
    shutil.copytree(ROOT / "theme", dest / "theme")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(dest / "site")],
                          cwd=dest, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return dest / "site"


@pytest.fixture(scope="session")
def base_url(site: Path):
    server, url = serve(site)  # the same local server as tools/screenshot.py
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(10_000)
    errors: list[str] = []
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.console_errors = errors
    yield pg
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    try:
        pg.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"))
    finally:
        context.close()
