"""The screenshot gallery in docs/gallery/: the demo's main pages on a phone (390 px) and a desktop
(1280 px), light and dark, and its charts and ledger close up at 320 px. One command regenerates it:

    make gallery        (or: .venv/bin/python tools/gallery.py [--out docs/gallery])

It builds the demo into a temporary folder, serves it on 127.0.0.1 and drives Debian's Chromium
with Playwright (the same local server as tools/screenshot.py). Look at the pictures before you
commit them: docs/gallery/README.md lists each one with what it shows."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from screenshot import CHROMIUM_ARGS, serve

ROOT = Path(__file__).resolve().parents[1]
PAGES = {
    "home": "/",
    "timeline": "/timeline/",
    "actors": "/actors/",
    "actor": "/actors/khalifa-haftar/",
    "topic": "/topics/humanitarian-toll/",
    "article": "/articles/2019-04-12-lna-air-strike-near-zuwara/",
}
SCREENS = {"phone": (390, 844), "desktop": (1280, 900)}
# Close-ups at the narrowest phone the site supports: (name, path, selector, index)
CLOSE_UPS = [
    ("chart-320", "/topics/humanitarian-toll/", "figure.bf-chart", 2),
    ("ledger-320", "/topics/humanitarian-toll/", ".bf-ledger tbody tr", 0),
    ("actors-cards-320", "/actors/", "ul.bf-cards", 0),
]


def build_demo(dest: Path) -> Path:
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, dest / name)
    for name in ("content", "theme"):
        shutil.copytree(ROOT / name, dest / name)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(dest / "site")],
                   cwd=dest, check=True)
    return dest / "site"


def shoot(site: Path, out: Path) -> list[tuple[str, str]]:
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.png"):
        old.unlink()
    shots = []
    server, base = serve(site)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium", args=CHROMIUM_ARGS)
        for scheme in ("light", "dark"):
            for screen, (width, height) in SCREENS.items():
                page = browser.new_page(viewport={"width": width, "height": height}, color_scheme=scheme)
                for name, path in PAGES.items():
                    page.goto(base + path)
                    page.wait_for_load_state("networkidle")
                    file = f"{name}-{screen}-{scheme}.png"
                    page.screenshot(path=str(out / file))
                    shots.append((file, f"{path} on a {screen} ({width} px), {scheme}"))
                page.close()
            page = browser.new_page(viewport={"width": 320, "height": 900}, color_scheme=scheme)
            for name, path, selector, index in CLOSE_UPS:
                page.goto(base + path)
                page.wait_for_load_state("networkidle")
                file = f"{name}-{scheme}.png"
                page.locator(selector).nth(index).screenshot(path=str(out / file))
                shots.append((file, f"{selector} on {path} at 320 px, {scheme}"))
            page.close()
        browser.close()
    server.shutdown()
    return shots


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "gallery")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        shots = shoot(build_demo(Path(tmp)), args.out)
    lines = ["# Screenshot gallery", "",
             "The demo briefing as readers see it. Regenerate with `make gallery` (tools/gallery.py).", ""]
    lines += [f"- `{file}`: {what}  \n  ![{what}]({file})" for file, what in shots]
    (args.out / "README.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(shots)} screenshots in {args.out}")


if __name__ == "__main__":
    main()
