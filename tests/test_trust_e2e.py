"""Issue 12 end to end, as an attacker would try it on a copy of the demo.

Hostile seeds (text, Markdown, HTML) go through `briefing ingest`; the drafts are published
(`draft: false`) and the site is built; no page may then hold a script, an event-handler attribute
or a URL outside http/https/mailto (relative links are the site's own). The unit tests of each fix
live beside the code's tests; this one checks that the pieces hold together in a real build.
"""

from __future__ import annotations

import html
import html.parser
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from support import copy_demo

ALLOWED = {"http", "https", "mailto"}
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcset", "cite"}
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_STRIP = re.compile(r"[\x00-\x20\x7f]+")

HOSTILE = [
    "[x](&#106;avascript:alert(1))",
    "[x](java&#x09;script:alert(1))",
    "[r]: javascript:alert(1)",
    "See [the report][r] for details.",
    '*x*{: onmouseover="alert(1)" }',
    "[Read](javascript:alert(1))",
    "[Data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[VB](VBScript:msgbox(1))",
    "<javascript:alert(1)>",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<iframe src="javascript:alert(1)"></iframe>',
    '<a href="jav&#x0A;ascript:alert(1)">y</a>',
    "Good link: [UN](https://www.un.org/) and <mailto:desk@example.org>.",
]


def scheme_of(url: str) -> str | None:
    """The scheme a browser would read from an attribute value (entities already decoded by the parser)."""
    m = _SCHEME.match(_STRIP.sub("", html.unescape(url)).lower())
    return m.group(1) if m else None


class Scanner(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.findings: list[str] = []
        self._in_article = 0

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.findings.append("<script>")
        for name, value in attrs:
            if name.startswith("on"):
                self.findings.append(f"<{tag} {name}=>")
            if name in URL_ATTRS and value:
                scheme = scheme_of(value)
                if scheme is not None and scheme not in ALLOWED:
                    self.findings.append(f"<{tag} {name}={value[:40]!r}>")

    handle_startendtag = handle_starttag


def findings(text: str) -> list[str]:
    scanner = Scanner()
    scanner.feed(text)
    scanner.close()
    return scanner.findings


def test_scanner_sees_what_a_browser_would_run():
    assert findings('<a href="java&#x09;script:alert(1)">x</a>') == ["<a href='java\\tscript:alert(1)'>"]
    assert findings('<a href=" JavaScript:alert(1)">x</a>')
    assert findings('<img src=x onerror="alert(1)">') == ["<img onerror=>"]
    assert findings('<a href="../actors/x/">x</a><a href="https://un.org">y</a><a href="#e-1">z</a>') == []
    assert findings("&lt;script&gt;alert(1)&lt;/script&gt;") == []


def _article_body(page: str) -> str:
    """The article's own content (Material's <article>), without the theme's scripts."""
    start = page.index("<article")
    return page[start:page.index("</article>", start)]


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> tuple[Path, list[Path]]:
    project = copy_demo(tmp_path_factory.mktemp("attacker") / "demo")
    seeds = project / "seeds"
    seeds.mkdir()
    lines = "\n\n".join(HOSTILE)
    intro = "Fighting near Tripoli on 12 April 2019 killed 12 people, the WHO said."
    (seeds / "wire.txt").write_text(f"Clashes south of Tripoli\n\n{intro}\n\n{lines}\n", "utf-8")
    (seeds / "story.md").write_text(f"# Strike on Mitiga airport\n\n{intro}\n\n{lines}\n", "utf-8")
    body = "".join(f"<p>{line}</p>\n" for line in HOSTILE)
    (seeds / "page.html").write_text(
        "<html><head><title>Shelling in Tripoli</title></head><body><article><h1>Shelling in Tripoli</h1>"
        f"<p>{intro}</p>\n{body}</article></body></html>", "utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(project)
        result = CliRunner().invoke(main, ["ingest", "seeds/wire.txt", "seeds/story.md", "seeds/page.html",
                                      "--date", "2019-04-12", "--source", "Wire", "--url",
                                      "https://example.org/wire"])
    assert result.exit_code in (0, 1), result.output
    drafts = sorted(p for p in (project / "content/articles").glob("*.md") if "draft: true" in p.read_text("utf-8"))
    assert len(drafts) == 3, result.output
    for path in drafts:
        path.write_text(path.read_text("utf-8").replace("draft: true", "draft: false"), "utf-8")
    # The body check alone would stop these (it is tested below); the sanitiser must hold without it.
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("      date_order: DMY\n",
                                                         "      date_order: DMY\n      trusted_html: true\n"), "utf-8")
    site = project.parent / "site"
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(site)], cwd=project,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return site, [site / "articles" / p.stem / "index.html" for p in drafts], project


def test_ingested_hostile_seeds_publish_nothing_active(published):
    site, pages, _ = published
    for page in pages:
        assert page.is_file(), page
        text = page.read_text("utf-8")
        assert findings(_article_body(text)) == [], page
        assert "Good link" in text  # the words are kept
    # and nothing anywhere else on the site (lists, feeds, search)
    for page in site.rglob("*.html"):
        body = page.read_text("utf-8")
        if "<article" in body:
            assert findings(_article_body(body)) == [], page


def test_ingested_drafts_pass_the_body_check(published):
    _, _, project = published
    config = project / "mkdocs.yml"
    checked = project / "checked.yml"  # the same project without trusted_html
    checked.write_text(config.read_text("utf-8").replace("      trusted_html: true\n", ""), "utf-8")
    proc = subprocess.run([sys.executable, "-m", "generator.cli", "check", "checked.yml"], cwd=project,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "checked 39 articles" in proc.stderr


def _check(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator.cli", "check"], cwd=project,
                          capture_output=True, text=True)


def test_editor_body_with_script_fails_check_and_build_unless_trusted(tmp_path: Path):
    project = copy_demo(tmp_path / "demo")
    article = sorted((project / "content/articles").glob("*.md"))[0]
    text = article.read_text("utf-8")
    article.write_text(text + "\n<script>alert(1)</script>\n", "utf-8")
    line = text.count("\n") + 2
    shown = article.relative_to(project).as_posix()
    proc = _check(project)
    assert proc.returncode == 1
    assert f"{shown}:{line}: error:" in proc.stderr
    assert "Traceback" not in proc.stderr
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "site")], cwd=project,
                           capture_output=True, text=True)
    assert build.returncode != 0
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("      date_order: DMY\n",
                                                         "      date_order: DMY\n      trusted_html: true\n"), "utf-8")
    assert "trusted_html: true" in config.read_text("utf-8")
    assert _check(project).returncode == 0
