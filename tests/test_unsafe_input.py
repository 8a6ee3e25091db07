"""Active content in bodies, and the smaller holes in validation (issue 12, points 2 and 8).

tests/fixtures/unsafe/ holds one file per case; expected.txt is what `briefing check` prints
for that folder. Every case also runs alone, through `briefing check` and through the build
(`build.run`): a path:line problem, never a traceback.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from support import FIXTURES, ROOT, briefing_in
from generator import build as pipeline
from generator.cli.project import project_of as _project
from generator.model.dates import DateError, resolve
from generator.model.words import common_word
from generator.model.safety import BodyChecker, may_be_active
from generator.model.yamlload import MAX_DEPTH, HANDLER, FrontMatterError

UNSAFE = FIXTURES / "unsafe"
EXPECTED = (UNSAFE / "expected.txt").read_text("utf-8").splitlines()
CASES = sorted(p.relative_to(UNSAFE).as_posix() for p in (UNSAFE / "content").rglob("*.md"))
QUIET = {"content/articles/code-is-not-active.md", "content/articles/tabs-in-block-scalar.md"}
TODAY = dt.date(2026, 1, 1)


def expected_for(case: str) -> list[str]:
    return [line for line in EXPECTED if line.split(":", 1)[0] == case]


def invoke(folder: Path, *args: str):
    return briefing_in(folder, *(args or ("check",)))


def project_with(tmp_path: Path, cases, config: str | None = None) -> Path:
    project = tmp_path / "project"
    (project / "content").mkdir(parents=True)
    (project / "mkdocs.yml").write_text(config or (UNSAFE / "mkdocs.yml").read_text("utf-8"), "utf-8")
    for case in cases:
        (project / case).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(UNSAFE / case, project / case)
    return project


def build(project: Path) -> pipeline.Result:
    """The build's pipeline with the options `briefing build` and `mkdocs build` read from mkdocs.yml."""
    content, options, _ = _project(project / "mkdocs.yml")
    return pipeline.run(project / "content", dataclasses.replace(options, history=False), root=project, today=TODAY)


# ---- the fixture, whole and case by case ---------------------------------------------------------


def test_check_reports_every_case_and_exits_1():
    result = invoke(UNSAFE)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = result.output.splitlines()
    assert lines[:-1] == EXPECTED
    assert lines[-1].endswith(f"{sum(' error: ' in x for x in EXPECTED)} error(s), "
                              f"{sum(' warning: ' in x for x in EXPECTED)} warning(s)")
    reported = {line.split(":", 1)[0] for line in EXPECTED}
    assert set(CASES) - reported == QUIET


@pytest.mark.parametrize("case", CASES)
def test_each_case_alone_through_check_and_build(case: str, tmp_path: Path):
    project = project_with(tmp_path, [case])
    result = invoke(project)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.output.splitlines()[:-1] == expected_for(case)

    built = build(project)  # what `briefing build` and the plugin run
    assert [str(p) for p in built.problems.sorted()] == expected_for(case)
    if not built.problems.errors:
        feeds = [p for p in built.pages if p.path.endswith(".xml")]
        assert feeds
        for page in feeds:
            ET.fromstring(page.content)  # tabs and new lines in text keep feed.xml valid


def test_build_stops_on_active_content(tmp_path: Path):
    project = project_with(tmp_path, ["content/articles/script.md", "content/articles/code-is-not-active.md"])
    result = invoke(project, "build")
    assert result.exit_code == 1
    assert expected_for("content/articles/script.md")[0] in result.output

    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "site")],
                          cwd=project, capture_output=True, text=True)
    assert proc.returncode != 0
    assert expected_for("content/articles/script.md")[0] in proc.stderr
    assert not (tmp_path / "site/articles/script/index.html").exists()


BODY_CASES = [c for c in CASES if any("trusted_html" in line for line in expected_for(c))]


def test_trusted_html_turns_the_body_check_off(tmp_path: Path):
    assert len(BODY_CASES) >= 10
    config = (UNSAFE / "mkdocs.yml").read_text("utf-8").replace("  - briefing\n", "  - briefing:\n      trusted_html: true\n")
    project = project_with(tmp_path, BODY_CASES, config)
    assert _project(project / "mkdocs.yml")[1].trusted_html
    result = invoke(project)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1].endswith("0 error(s), 0 warning(s)")


def test_the_demo_has_no_active_content_and_is_never_rendered_by_the_check(monkeypatch):
    import markdown

    def no_render(*args, **kwargs):
        raise AssertionError("a body without '<', '{' or a script-like link target was rendered")

    content, options, root = _project(ROOT / "mkdocs.yml")
    monkeypatch.setattr(markdown, "Markdown", no_render)
    result = pipeline.check(content, options, root=ROOT)
    assert [str(p) for p in result.problems.items] == []


# ---- the body check ---------------------------------------------------------------------------------

ACTIVE = [
    # (body, line, start of the message)
    ("Text.\n\n<SCRIPT>alert(1)</SCRIPT>", 3, "<script>"),
    ("<script/src=https://x.org/a.js></script>", 1, "<script>"),
    ("a\n\n<iframe src='//maps.example.org'></iframe>", 3, "<iframe> with src '//maps.example.org'"),
    ("a\n\n<iframe></iframe>", 3, "<iframe> with no src"),
    ("<iframe src=\"javascript:alert(1)\"></iframe>", 1, "<iframe> with src 'javascript:alert(1)'"),
    ("<object data=\"x.swf\"></object>", 1, "<object> embeds"),
    ("<embed src=\"https://x.org/x.swf\">", 1, "<embed> embeds"),
    ("a\n<p onmouseover='x'>b</p>", 2, "'onmouseover' attribute on <p>"),
    ("<svg><animate onbegin=alert(1) attributeName=x dur=1s>", 1, "'onbegin' attribute on <animate>"),
    ("Para\n{: #id .cls onfocus=\"x\" }", 2, "'onfocus' attribute on <p>"),
    ("[x](javascript:alert(1)){: .button }", 1, "javascript: URL in href of <a>"),
    ("[x](  JaVaScRiPt:alert(1))", 1, "javascript: URL in href of <a>"),
    ("a\n\n[x](java&Tab;script&colon;alert(1))", 3, "javascript: URL in href of <a>"),
    ("<a href=\"&#x6A;&#x61;vascript:x\">y</a>", 1, "javascript: URL in href of <a>"),
    ("<a href=\"&#0000106avascript:x\">y</a>", 1, "javascript: URL in href of <a>"),
    ("<a href=\"\x01 javascript:x\">y</a>", 1, "javascript: URL in href of <a>"),
    ("Read [it][a] and ![chart][b].\n\n[a]: https://x.org\n[b]:\n    javascript:alert(1)\n", 5,
     "javascript: URL in src of <img>"),
    ("<div markdown=\"1\">\n\nSee [x](vbscript:y)\n\n</div>", 3, "vbscript: URL in href of <a>"),
    ("<img srcset=\"a.png 1x, data:image/svg+xml;base64,AAA 2x\">", 1, "data: URL in srcset of <img>"),
    ("<form action=\"javascript:x\"><button formaction=\"https://x\">b</button></form>", 1,
     "javascript: URL in action of <form>"),
    ("<svg><a xlink:href=\"javascript:x\">y</a></svg>", 1, "javascript: URL in xlink:href of <a>"),
    ("<svg><set attributeName=\"href\" to=\"javascript:alert(1)\"/></svg>", 1, "javascript: URL in to of <set>"),
    ("<meta http-equiv=\"refresh\" content=\"0; url=javascript:alert(1)\">", 1, "javascript: URL in content of <meta>"),
    # what a browser reads differently from a naive parser
    ("x\n\n<!-- a --!><img src=x onerror=alert(1)>-->", 3, "'onerror' attribute on <img>"),
    ("<!--><img src=x onerror=alert(1)>-->", 1, "'onerror' attribute on <img>"),
    ("<svg><style><img src=x onerror=alert(1)></style></svg>", 1, "'onerror' attribute on <img>"),
    ("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></p></noscript>", 1,
     "'onerror' attribute on <img>"),
    # a construct that also appears in code earlier is found where it is live
    ("Use `<script>` for scripts.\n\n<script>x</script>", 3, "<script>"),
    ("\\<script>alert(1)\\</script>", 1, "<script>"),  # Python-Markdown does not escape '<'
    ("*" * 3000 + "x" + "*" * 3000 + "<b>", 1, "the body is nested too deeply"),
]

INACTIVE = [
    "Plain text: javascript:alert(1) and data: 5 killed, said the ministry.",
    "Inline `<script>alert(1)</script>` and `[x](javascript:y)` and `{: onclick=x}` code.",
    "Text\n\n    <script>alert(1)</script>\n    <a href=\"javascript:x\">y</a>\n",
    "<!-- <script>alert('commented out')</script> -->",
    "<iframe src=\"https://www.example.org/embed\" allowfullscreen></iframe>",
    "<iframe src=\" HTTPS://www.example.org/embed\"></iframe>",
    "Links: [a](https://x.org/?a=1&b=2), [b](mailto:desk@example.org), [c](../actors/x.md), [d](#top), [e](/x).",
    "<img src=\"https://x.org/a.png\" alt=\"data: before and after\" title=\"javascript: a language\">",
    "<p class=\"note\" data-kind=\"x\" id=\"on-the-ground\">Attributes that are not handlers.</p>",
    "| a | b |\n|---|---|\n| <b>1</b> | [x](https://x.org) |",
    "!!! note \"Caveat\"\n    Figures are <em>unconfirmed</em>.",
]


@pytest.mark.parametrize("body,line,message", ACTIVE)
def test_active_content_is_found_at_its_line(body: str, line: int, message: str):
    findings = BodyChecker().check(body)
    assert findings, body
    assert findings[0].line == line
    assert findings[0].message.startswith(message), findings[0].message


@pytest.mark.parametrize("body", INACTIVE)
def test_inactive_content_is_not_flagged(body: str):
    assert BodyChecker().check(body) == []


def test_fenced_code_is_code():
    # MkDocs always enables fenced_code: the HTML between ``` lines is shown, not run
    body = "Text\n\n```html\n<script>alert(1)</script>\n```\n\n~~~\n<img src=x onerror=y>\n~~~\n"
    assert BodyChecker().check(body) == []
    # the same HTML after the fence is live, and found at its own line, not in the fence
    assert [f.line for f in BodyChecker().check(body + "\n<script>alert(1)</script>\n")] == [11]


def test_prefilter_lets_plain_bodies_through_without_rendering():
    assert not may_be_active("The [statement](https://example.org/a&b) was published. He said: fine.\n\n> quoted")
    assert not may_be_active("See [the profile](../actors/khalifa-haftar.md) and [r].\n\n[r]: https://x.org")
    for body in ("a <b>", "para\n{: .x }", "[x](javascript:y)", "[x](&#106;avascript:y)", "[x]: data:x",
                 "[x](java\tscript:y)", "[x](<javascript:y>)", "[x] (javascript:y)"):
        assert may_be_active(body), body


# ---- the smaller holes ------------------------------------------------------------------------------


@pytest.mark.parametrize("value,base", [
    ("last week", dt.date(1, 1, 3)),
    ("yesterday", dt.date(1, 1, 1)),
    ("three years ago", dt.date(2, 5, 1)),
    ("4 December", dt.date(2, 1, 3)),
    ("week of 27 December 9999", None),
    ("this week", dt.date(9999, 12, 31)),
    (dt.date(9999, 12, 31), None),
    (dt.date(1, 1, 1), None),
    ("0001-01-03", None),
])
def test_dates_at_the_ends_of_the_calendar_are_date_errors(value, base):
    with pytest.raises(DateError):
        resolve(value, base=base)


def test_dates_just_inside_the_range_resolve():
    assert resolve("last week", base=dt.date(2, 1, 20)).start == dt.date(2, 1, 7)
    assert resolve("9998-12-31").start == dt.date(9998, 12, 31)


def test_nesting_deeper_than_the_limit_is_a_front_matter_error():
    ok = "x: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)  # the mapping is the first level
    assert HANDLER.load(ok)[0]["x"]
    for depth in (MAX_DEPTH + 1, 300, 999):
        with pytest.raises(FrontMatterError):
            HANDLER.load("a: 1\nx: " + "[" * depth + "]" * depth)
    block = "".join("  " * i + f"k{i}:\n" for i in range(300)) + "  " * 300 + "v\n"
    with pytest.raises(FrontMatterError) as exc:
        HANDLER.load(block)
    assert exc.value.line == MAX_DEPTH  # where the mapping one level too deep starts


@pytest.mark.parametrize("word,languages,warned", [
    ("the", ("en",), True),
    ("The", ("en",), True),
    ("in", ("en",), True),
    ("of the", ("en",), True),
    ("de", ("fr",), True),
    ("de", ("en",), True),  # shorter than 3 letters and lowercase
    ("في", ("ar",), True),
    ("a", ("en-GB",), True),
    ("UN", ("en",), False),  # capitals match only capitals
    ("IN", ("en",), False),
    ("Al", ("en",), False),
    ("Haftar", ("en", "ar"), False),
    ("the world body", ("en",), False),
    ("die", ("en",), False),
    ("die", ("de",), True),
])
def test_common_word_aliases(word: str, languages, warned: bool):
    assert bool(common_word(word, languages)) is warned


def test_relative_event_date_in_an_undated_article_says_what_is_missing():
    [line] = [x for x in expected_for("content/articles/undated-relative-event.md") if "yesterday" in x]
    assert "needs the article's 'date' to resolve against" in line
    assert "allowed only for event dates" not in line
