"""Screenshots of built pages with Debian's Chromium: python tools/screenshot.py SITE OUT PATH... [--dark] [--width N]
[--search QUERY] (type QUERY into the search box and wait for the results first; lunr or Pagefind)"""

from __future__ import annotations

import argparse
import functools
import http.server
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("site", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--dark", action="store_true")
    ap.add_argument("--width", type=int, default=1280)
    ap.add_argument("--height", type=int, default=1100)
    ap.add_argument("--full", action="store_true")
    ap.add_argument("--search", metavar="QUERY", help="type QUERY into the search box, shoot the results")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    server, base = serve(args.site)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": args.width, "height": args.height},
                                color_scheme="dark" if args.dark else "light")
        for path in args.paths:
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            if args.search:
                button = page.locator("header label.md-header__button[for=__search]")
                if button.is_visible():  # narrow screens: the box opens from the header's button
                    button.click()
                box = page.locator("input.md-search__input")
                box.click()
                box.press_sequentially(args.search, delay=20)
                page.locator(".md-search-result__item").first.wait_for(timeout=30_000)
                page.wait_for_load_state("networkidle")
                page.wait_for_timeout(1000)  # results of the whole query, not of its first letters
            name = (path.strip("/").replace("/", "_") or "home") + ("-dark" if args.dark else "") + \
                (f"-search-{args.search}" if args.search else "") + ".png"
            page.screenshot(path=str(args.out / name), full_page=args.full)
            print(args.out / name)
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
