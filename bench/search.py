"""Material's lunr search at scale: download size and how long a reader waits for a result.

    .venv/bin/python bench/search.py --site /path/to/site          # a site already built
    .venv/bin/python bench/search.py -n 1000                       # generate and build N articles first
    .venv/bin/python bench/search.py -n 1000 --mbps 20             # with a throttled network

It serves the site on 127.0.0.1 (http.server in a thread, gzip like any static host), opens
the home page in headless Chromium, types a query into Material's search box
(`.md-search__input`) right after the page's load event, and waits for the first
`.md-search-result__item`. Material's search worker downloads search/search_index.json and
builds the lunr index in the browser after page load, so this wait is what a reader who
searches at once experiences. The query is entered with one fill and a keyup event (Material
reads the box on keyup), so typing takes a few milliseconds, reported separately. Each run uses a fresh browser context (no cache). A second
query in the same page (index already built) is timed too.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
COMPRESSIBLE = {".html", ".json", ".js", ".css", ".xml", ".svg", ".txt"}


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the browser accepts it (as GitHub Pages or Netlify do)."""

    _gz_cache: dict = {}

    def log_message(self, *args):  # quiet
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect
        if (path.suffix in COMPRESSIBLE and path.is_file()
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            key = (str(path), path.stat().st_mtime)
            body = self._gz_cache.get(key)
            if body is None:
                body = self._gz_cache[key] = gzip.compress(path.read_bytes(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            import io

            return io.BytesIO(body)
        return super().send_head()


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_Handler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def index_sizes(site: Path) -> dict:
    raw = (site / "search" / "search_index.json").read_bytes()
    return {"index_raw_mb": len(raw) / 1e6, "index_gzip_mb": len(gzip.compress(raw, 6)) / 1e6}


def measure(site: Path, query: str = "ceasefire", second_query: str = "pipeline", repeat: int = 3,
            timeout_s: float = 300, mbps: float | None = None) -> dict:
    """Median wait from the load event to the first search result, over `repeat` cold page loads."""
    from playwright.sync_api import sync_playwright

    site = Path(site)
    out = index_sizes(site)
    server, url = serve(site)
    loads, waits, typing, fetches = [], [], [], []
    warm = float("nan")
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                for i in range(repeat):
                    context = browser.new_context(viewport={"width": 1280, "height": 900})
                    page = context.new_page()
                    if mbps:
                        cdp = context.new_cdp_session(page)
                        cdp.send("Network.enable")
                        cdp.send("Network.emulateNetworkConditions", {
                            "offline": False, "latency": 40,
                            "downloadThroughput": mbps * 1e6 / 8, "uploadThroughput": mbps * 1e6 / 8})
                    started = time.perf_counter()
                    page.goto(url, wait_until="load", timeout=timeout_s * 1000)
                    loaded = time.perf_counter()
                    box = page.locator(".md-search__input")
                    box.click()
                    box.fill(query)
                    box.dispatch_event("keyup")  # Material reads the query on keyup
                    typed = time.perf_counter()
                    page.wait_for_selector(".md-search-result__item", timeout=timeout_s * 1000)
                    found = time.perf_counter()
                    loads.append(loaded - started)
                    waits.append(found - loaded)
                    typing.append(typed - loaded)
                    fetch = page.evaluate("""() => {
                        const e = performance.getEntriesByType('resource').find(r => r.name.includes('search_index.json'));
                        return e ? {end: e.responseEnd / 1000, bytes: e.encodedBodySize} : null }""")
                    if fetch:
                        fetches.append(fetch)
                    slow = found - loaded > 30  # one run is enough to say it misses by far
                    if i == 0:
                        box.fill("")
                        page.wait_for_selector(".md-search-result__item", state="detached", timeout=timeout_s * 1000)
                        t0 = time.perf_counter()
                        box.fill(second_query)
                        box.dispatch_event("keyup")
                        page.wait_for_selector(".md-search-result__item", timeout=timeout_s * 1000)
                        warm = time.perf_counter() - t0
                    context.close()
                    if slow:
                        break
            finally:
                browser.close()
    finally:
        server.shutdown()
    out.update({
        "query": query, "runs": len(waits), "mbps": mbps,
        "load_median_s": statistics.median(loads), "wait_median_s": statistics.median(waits),
        "waits": waits, "warm_s": warm, "typing_median_s": statistics.median(typing),
        "index_fetch_done_s": statistics.median(f["end"] for f in fetches) if fetches else None,
        "index_transfer_mb": fetches[0]["bytes"] / 1e6 if fetches else None,
    })
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--site", type=Path, help="a built site folder")
    g.add_argument("-n", "--articles", type=int, help="generate and build a project of N articles first")
    ap.add_argument("--query", default="ceasefire")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--mbps", type=float, default=None, help="throttle the download to this many Mbit/s (CDP)")
    ap.add_argument("--timeout", type=float, default=300)
    args = ap.parse_args()
    site = args.site
    if site is None:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import make_project

        project = Path(tempfile.mkdtemp(prefix="briefing-search-")) / f"briefing-{args.articles}"
        make_project.write_briefing(project, args.articles)
        print(f"building {project} ...", file=sys.stderr)
        subprocess.run([str(Path(sys.executable).parent / "briefing"), "build", "--no-strict", "-f", "mkdocs.yml",
                        "-d", "site"], cwd=project, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        site = project / "site"
    r = measure(site, args.query, repeat=args.repeat, timeout_s=args.timeout, mbps=args.mbps)
    print(f"| site | index raw MB | index gzip MB | transferred MB | page load s | load to first result s (median of {r['runs']}) | runs | of which typing s | second query s | network |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | --- |")
    print(f"| {site} | {r['index_raw_mb']:.2f} | {r['index_gzip_mb']:.2f} | "
          f"{(r['index_transfer_mb'] or float('nan')):.2f} | {r['load_median_s']:.2f} | {r['wait_median_s']:.2f} | "
          f"{', '.join(f'{w:.2f}' for w in r['waits'])} | {r['typing_median_s']:.2f} | {r['warm_s']:.2f} | "
          f"{f'{args.mbps:g} Mbit/s, 40 ms' if args.mbps else 'localhost'} |")


if __name__ == "__main__":
    main()
