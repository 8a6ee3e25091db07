"""No injection: a fixture with hostile values in every front-matter field builds a site where
none of them is active: no event-handler attributes, no script, no javascript: links."""

from __future__ import annotations

import html.parser
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import FIXTURES

PAYLOAD_MARK = "alert("


class Scanner(html.parser.HTMLParser):
    """Collects anything in a page that a hostile front-matter value could turn active."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.findings: list[str] = []
        self._in_script = False
        self._json_ld = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on"):
                self.findings.append(f"<{tag} {name}=...>")
            if name in ("href", "src", "action", "formaction", "xlink:href", "data") and value.startswith(("javascript:", "data:text/html")):
                self.findings.append(f"<{tag} {name}={value[:40]}>")
        if tag in ("iframe", "object", "embed"):
            self.findings.append(f"<{tag}>")
        self._in_script = tag == "script"
        # JSON-LD is a data block browsers never run (issue 17): it must be JSON that cannot close its script
        self._json_ld = tag == "script" and ("type", "application/ld+json") in attrs

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and self._json_ld:
            try:
                json.loads(data)
            except ValueError:
                self.findings.append(f"<script ld+json> not JSON: {data[:40]}")
            if "<" in data:
                self.findings.append(f"<script ld+json> with '<': {data[:40]}")
        elif self._in_script and PAYLOAD_MARK in data:
            self.findings.append(f"<script>{data[:40]}")


def scan_html(text: str) -> list[str]:
    scanner = Scanner()
    scanner.feed(text)
    scanner.close()
    return scanner.findings


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("hostile")
    shutil.copytree(FIXTURES / "hostile", dest / "project")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(dest / "site")],
                          cwd=dest / "project", capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return dest / "site"


def test_scanner_catches_what_it_should():
    assert scan_html('<img src=x onerror="alert(1)">') == ["<img onerror=...>"]
    assert scan_html('<a href=" JavaScript:alert(1)">x</a>') == ["<a href=javascript:alert(1)>"]
    assert scan_html("<script>alert('x')</script>") == ["<script>alert('x')"]
    assert scan_html("&lt;img src=x onerror=alert(1)&gt;") == []
    assert scan_html('<script type="application/ld+json">{"headline": "alert(1)"}</script>') == []
    assert scan_html('<script type="application/ld+json">{"headline": "<b></script><script>alert(1)</script>') != []


def test_no_active_hostile_value_in_any_page(hostile_site: Path):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 5
    findings = {str(p.relative_to(hostile_site)): scan_html(p.read_text("utf-8")) for p in pages}
    assert {k: v for k, v in findings.items() if v} == {}


def test_hostile_values_are_shown_as_text(hostile_site: Path):
    page = (hostile_site / "articles/2019-04-12-hostile/index.html").read_text("utf-8")
    assert "&lt;img src=x onerror=alert(&#x27;title&#x27;)&gt;" in page or "&lt;img src=x onerror=alert('title')&gt;" in page
    actor = (hostile_site / "actors/bad-actor/index.html").read_text("utf-8")
    assert "&lt;script&gt;alert('actor')&lt;/script&gt;" in actor or "&lt;script&gt;alert(&#x27;actor&#x27;)" in actor


def test_data_files_escape_markup(hostile_site: Path):
    for name in ("briefing.json", "timeline.json"):
        raw = (hostile_site / "data" / name).read_text("utf-8")
        assert "<" not in raw and ">" not in raw, name
        json.loads(raw)  # still valid JSON
    data = json.loads((hostile_site / "data/briefing.json").read_text("utf-8"))
    assert data["articles"][0]["title"] == "<img src=x onerror=alert('title')>"  # the value itself is kept


def test_search_index_has_no_active_markup(hostile_site: Path):
    index = json.loads((hostile_site / "search/search_index.json").read_text("utf-8"))
    findings = []
    for doc in index["docs"]:
        findings += scan_html(doc["title"]) + scan_html(doc["text"])
    assert findings == []
    assert not any("<script" in d["text"].lower() or "<img" in d["text"].lower() for d in index["docs"])


def test_source_url_cannot_break_out_of_its_link(hostile_site: Path):
    page = (hostile_site / "articles/2019-04-12-hostile/index.html").read_text("utf-8")
    assert "href=\"https://example.org/a?b=%22%3E%3Cscript%3Ealert%28&#x27;url&#x27;%29%3C/script%3E\"" in page
