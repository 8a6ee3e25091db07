"""Lighthouse 12 on the demo: home, timeline, actor, topic and article pages, mobile and desktop. A report
script, not a timed test (scores move with the machine's load): run it on an idle machine and copy its
table into the README.

    make lighthouse        (or: .venv/bin/python tools/lighthouse.py [--runs N])

It installs lighthouse@12 from npm into .cache/lighthouse (Lighthouse 13 needs Node 22), builds the
demo into a temporary folder, serves it on 127.0.0.1 gzip-compressed, as GitHub Pages and other static
hosts serve it (--plain: uncompressed, as Python's http.server does), and points Lighthouse at Debian's
Chromium through CHROME_PATH. Reports go to test-artifacts/lighthouse/; the table (the median of --runs runs) to stdout."""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import shutil
import statistics
import subprocess
import tempfile
import threading
from pathlib import Path

from gallery import build_demo
from screenshot import QuietHandler, serve

ROOT = Path(__file__).resolve().parents[1]
PREFIX = ROOT / ".cache" / "lighthouse"
BIN = PREFIX / "node_modules" / ".bin" / "lighthouse"
OUT = ROOT / "test-artifacts" / "lighthouse"
PAGES = {
    "home": "/",
    "timeline": "/timeline/",
    "actor": "/actors/khalifa-haftar/",
    "topic": "/topics/humanitarian-toll/",
    "article": "/articles/2019-04-12-lna-air-strike-near-zuwara/",
}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class GzipHandler(QuietHandler):
    """Text files gzip-compressed when the browser asks for it (Accept-Encoding), as static hosts do."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():  # a folder without its "/" is redirected by http.server
            path = path / "index.html" if self.path.split("?")[0].endswith("/") else Path()
        if (path.suffix.lower() not in COMPRESSED or not path.is_file()
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


def serve_gzip(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def ensure_lighthouse() -> None:
    if not BIN.exists():
        subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(PREFIX),
                        "lighthouse@12"], check=True)


def run(url: str, form: str, out: Path) -> dict[str, int]:
    chrome = shutil.which("chromium") or "/usr/bin/chromium"
    cmd = [str(BIN), url, "--quiet", "--output=json", f"--output-path={out}",
           f"--only-categories={','.join(CATEGORIES)}",
           "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking"]
    if form == "desktop":
        cmd.append("--preset=desktop")
    subprocess.run(cmd, check=True, env={**os.environ, "CHROME_PATH": chrome})
    report = json.loads(out.read_text())
    return {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=1, help="runs per page and form factor; the table shows the median")
    ap.add_argument("--plain", action="store_true", help="serve uncompressed (Python's http.server) instead of gzip")
    ap.add_argument("--pages", nargs="+", choices=list(PAGES), default=list(PAGES), help="only these pages")
    ap.add_argument("--forms", nargs="+", choices=["mobile", "desktop"], default=["mobile", "desktop"])
    args = ap.parse_args()
    ensure_lighthouse()
    version = subprocess.run([str(BIN), "--version"], capture_output=True, text=True, check=True).stdout.strip()
    OUT.mkdir(parents=True, exist_ok=True)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        server, base = (serve if args.plain else serve_gzip)(build_demo(Path(tmp)))
        try:
            for form in args.forms:
                for name, path in ((n, PAGES[n]) for n in args.pages):
                    runs = [run(base + path, form, OUT / f"{name}-{form}-{i}.json") for i in range(args.runs)]
                    rows.append((name, form, {c: int(statistics.median(r[c] for r in runs)) for c in CATEGORIES}))
        finally:
            server.shutdown()
    served = "uncompressed" if args.plain else "gzip-compressed"
    print(f"Lighthouse {version}, Debian's Chromium, served {served}, median of {args.runs} run(s)\n")
    print("| page | form | " + " | ".join(CATEGORIES) + " |")
    print("|---|---|" + "---|" * len(CATEGORIES))
    for name, form, scores in rows:
        print(f"| {name} | {form} | " + " | ".join(str(scores[c]) for c in CATEGORIES) + " |")


if __name__ == "__main__":
    main()
