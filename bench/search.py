"""Search at scale: download size and how long a reader waits for a result, lunr or Pagefind.

    .venv/bin/python bench/search.py --site /path/to/site          # a site already built
    .venv/bin/python bench/search.py -n 1000                       # generate and build N articles first
    .venv/bin/python bench/search.py -n 1000 --search-backend pagefind
    .venv/bin/python bench/search.py -n 1000 --mbps 20             # with a throttled network

It serves the site on 127.0.0.1 (http.server in a thread, gzip like any static host), opens
the home page in headless Chromium, types a query into Material's search box
(`.md-search__input`) right after the page's load event, and waits for the first
`.md-search-result__item`. Material's search worker downloads search/search_index.json and
builds the lunr index in the browser after page load, so this wait is what a reader who
searches at once experiences. The query is entered at once in the page (focus, value, input and
keyup events: Material reads the box on keyup) and the first result is noticed by a
MutationObserver, all on the page's own clock from its load event, so no test-harness time is in
the figures; the moment the query is entered (a few ms after load) is reported too. Each run uses
a fresh browser context (no cache). A second query in the same page (index already built) is timed too.

A site built with the briefing plugin's `search_backend: pagefind` (it has pagefind/pagefind.js) is
measured the same way: the same box and result markup, driven by Briefing's script, which loads
Pagefind's script, WebAssembly and the index chunks for the query from pagefind/ once the box gets
the focus. "Transferred" counts the encoded bytes of every search file (search_index.json and
Material's worker, or everything under pagefind/) that finished loading before the first result,
from Chromium's network events (they include the requests of web workers, which the page's
performance entries do not).
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
import urllib.parse
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


PAGEFIND_UI = ("pagefind-ui", "pagefind-modular-ui", "pagefind-component-ui", "pagefind-highlight")


def detect_backend(site: Path) -> str:
    return "pagefind" if (Path(site) / "pagefind" / "pagefind.js").is_file() else "lunr"


def _served(path: Path) -> int:
    """Bytes a static host sends for a file: gzip -6 of text files (as _Handler does), others as they are."""
    data = path.read_bytes()
    return len(gzip.compress(data, 6)) if path.suffix in COMPRESSIBLE else len(data)


def index_sizes(site: Path) -> dict:
    """lunr: search/search_index.json, raw and gzip. Pagefind: the whole bundle under pagefind/ except
    Pagefind's own UI files (Briefing does not load them), on disk and as served (its index chunks,
    fragments and WebAssembly are compressed already), and the number of files."""
    site = Path(site)
    if detect_backend(site) == "pagefind":
        files = [p for p in (site / "pagefind").rglob("*") if p.is_file() and not p.name.startswith(PAGEFIND_UI)]
        return {"backend": "pagefind", "index_raw_mb": sum(p.stat().st_size for p in files) / 1e6,
                "index_gzip_mb": sum(_served(p) for p in files) / 1e6, "index_files": len(files)}
    raw = (site / "search" / "search_index.json").read_bytes()
    return {"backend": "lunr", "index_raw_mb": len(raw) / 1e6, "index_gzip_mb": len(gzip.compress(raw, 6)) / 1e6,
            "index_files": 1}


def _body_size(request, site: Path) -> int:
    """Encoded bytes of a response. Chromium reports 0 for a web worker's own script (Material's lunr
    worker, Pagefind's worker), so those count as the file's size as served."""
    size = request.sizes()["responseBodySize"]
    if size == 0:
        path = site / urllib.parse.unquote(urllib.parse.urlsplit(request.url).path).lstrip("/")
        if path.is_file():
            size = _served(path)
    return size


def _search_file(url: str) -> bool:
    return "/pagefind/" in url or "search_index.json" in url or "/workers/search" in url


# In the page, on its own clock: when the first result item appears (a MutationObserver), and the
# query entered at once, as Material and Briefing's Pagefind script read it (focus, input, keyup).
# No harness time (Playwright's click and fill take 0.3-2 s on a busy machine) is in the figures.
_WATCH = """() => {
  window.__bfFound = null;
  const seen = () => {
    if (window.__bfFound === null && document.querySelector('.md-search-result__item')) {
      window.__bfFound = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(seen);
  observer.observe(document.body, {childList: true, subtree: true});
  seen();
}"""
_TYPE = """(query) => {
  const box = document.querySelector('.md-search__input');
  const at = performance.now();
  box.focus();
  box.value = query;
  box.dispatchEvent(new Event('input', {bubbles: true}));
  box.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true}));
  return at;
}"""


def measure(site: Path, query: str = "ceasefire", second_query: str = "pipeline", repeat: int = 3,
            timeout_s: float = 300, mbps: float | None = None) -> dict:
    """Median wait from the load event to the first search result, over `repeat` cold page loads."""
    from playwright.sync_api import sync_playwright

    site = Path(site)
    out = index_sizes(site)
    server, url = serve(site)
    loads, waits, typing, after, fetches, transfers = [], [], [], [], [], []
    warm = float("nan")
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                for i in range(repeat):
                    context = browser.new_context(viewport={"width": 1280, "height": 900})
                    page = context.new_page()
                    finished: list[tuple[float, object]] = []
                    page.on("requestfinished", lambda req: finished.append((time.perf_counter(), req)))
                    if mbps:
                        cdp = context.new_cdp_session(page)
                        cdp.send("Network.enable")
                        cdp.send("Network.emulateNetworkConditions", {
                            "offline": False, "latency": 40,
                            "downloadThroughput": mbps * 1e6 / 8, "uploadThroughput": mbps * 1e6 / 8})
                    started = time.perf_counter()
                    page.goto(url, wait_until="load", timeout=timeout_s * 1000)
                    loaded = time.perf_counter()
                    page.evaluate(_WATCH)
                    typed_at = page.evaluate(_TYPE, query)
                    page.wait_for_function("window.__bfFound !== null", polling=50, timeout=timeout_s * 1000)
                    found = time.perf_counter()
                    t = page.evaluate("[performance.getEntriesByType('navigation')[0].loadEventEnd, window.__bfFound]")
                    load_end, found_at = t
                    loads.append(loaded - started)
                    waits.append((found_at - load_end) / 1000)
                    typing.append((typed_at - load_end) / 1000)
                    after.append((found_at - typed_at) / 1000)
                    fetch = page.evaluate("""() => {
                        const e = performance.getEntriesByType('resource').find(r => r.name.includes('search_index.json'));
                        return e ? {end: e.responseEnd / 1000, bytes: e.encodedBodySize} : null }""")
                    if fetch:
                        fetches.append(fetch)
                    before = [req for t, req in finished if t <= found and _search_file(req.url)]
                    transfers.append({"bytes": sum(_body_size(req, site) for req in before), "requests": len(before)})
                    slow = found - loaded > 30  # one run is enough to say it misses by far
                    if i == 0:
                        page.evaluate(_TYPE, "")
                        page.wait_for_selector(".md-search-result__item", state="detached", timeout=timeout_s * 1000)
                        page.evaluate(_WATCH)
                        t0 = page.evaluate(_TYPE, second_query)
                        page.wait_for_function("window.__bfFound !== null", polling=50, timeout=timeout_s * 1000)
                        warm = (page.evaluate("window.__bfFound") - t0) / 1000
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
        "after_typing_median_s": statistics.median(after),
        "index_fetch_done_s": statistics.median(f["end"] for f in fetches) if fetches else None,
        "index_transfer_mb": fetches[0]["bytes"] / 1e6 if fetches else None,
        "transferred_mb": statistics.median(t["bytes"] for t in transfers) / 1e6,
        "transferred_requests": statistics.median(t["requests"] for t in transfers),
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
    ap.add_argument("--search-backend", choices=("lunr", "pagefind"), default=None,
                    help="with -n: the briefing plugin's search_backend (default lunr)")
    args = ap.parse_args()
    site = args.site
    if site is None:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import make_project

        project = Path(tempfile.mkdtemp(prefix="briefing-search-")) / f"briefing-{args.articles}"
        make_project.write_briefing(project, args.articles, search_backend=args.search_backend)
        print(f"building {project} ...", file=sys.stderr)
        subprocess.run([str(Path(sys.executable).parent / "briefing"), "build", "--no-strict", "-f", "mkdocs.yml",
                        "-d", "site"], cwd=project, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        site = project / "site"
    r = measure(site, args.query, repeat=args.repeat, timeout_s=args.timeout, mbps=args.mbps)
    print(f"| site | backend | query | index raw MB | index gzip MB | transferred MB (requests) | page load s | load to first result s (median of {r['runs']}) | runs | query entered s after load | query to first result s | second query s | network |")
    print("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- |")
    print(f"| {site} | {r['backend']} | {args.query} | {r['index_raw_mb']:.2f} | {r['index_gzip_mb']:.2f} | "
          f"{r['transferred_mb']:.2f} ({r['transferred_requests']:g}) | {r['load_median_s']:.2f} | {r['wait_median_s']:.2f} | "
          f"{', '.join(f'{w:.2f}' for w in r['waits'])} | {r['typing_median_s']:.2f} | {r['after_typing_median_s']:.2f} | {r['warm_s']:.2f} | "
          f"{f'{args.mbps:g} Mbit/s, 40 ms' if args.mbps else 'localhost'} |")


if __name__ == "__main__":
    main()
