"""Red-team holes 12 (ingest), 13, 15 and 16 of issue 12: slow seeds, terminal escapes, huge numbers,
and what ingest opens. Fixtures: tests/fixtures/rt-ingest/ (its README says what each holds); the
red-team tests themselves are in test_redteam.py."""

from __future__ import annotations

import importlib
import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.ingest.read import read_bytes
from support import FIXTURES, copy_demo

RT = FIXTURES / "rt-ingest"


@pytest.fixture
def project(tmp_path, monkeypatch):
    root = copy_demo(tmp_path / "briefing")
    (root / "seeds").mkdir()
    monkeypatch.chdir(root)
    return root


def run(*args, input=None):
    return CliRunner().invoke(main, ["ingest", *args], input=input, catch_exceptions=False)


# ---- 12: a seed whose shape makes a reader slow --------------------------------------------------

def test_markdown_seed_dense_in_brackets_is_read_as_text_with_a_note():
    start = time.perf_counter()
    doc = read_bytes((RT / "dense-brackets.md").read_bytes(), "dense-brackets.md")
    assert time.perf_counter() - start < 1.0
    assert doc.title == "Militia clashes near Tripoli airport"  # its front matter is still read
    assert "5 people were killed" in doc.text
    assert any("read as plain text" in n and n.startswith("dense-brackets.md:1: warning:") for n in doc.notes)
    assert "\\[x\\](" in doc.body  # the brackets are escaped text, no link


def test_markdown_seed_python_markdown_cannot_read_is_read_as_text():
    doc = read_bytes((RT / "nested-lists.md").read_bytes(), "nested-lists.md")
    assert "5 people were killed" in doc.text
    assert any("RecursionError" in n and "read as plain text" in n for n in doc.notes)


def test_ordinary_markdown_seed_still_goes_through_python_markdown():
    doc = read_bytes(b"Title\n\nSee [the UN](https://example.org/un) on 12 April 2019.\n", "links.md")
    assert doc.notes == []
    assert "[the UN](https://example.org/un)" in doc.body


def test_html_seed_reads_title_h1_and_meta_through_nh3():
    page = ('<html><head><title>Page &amp; title</title><meta property="og:site_name" content="Reuters">'
            '</head><body><nav><h1>Menu</h1></nav><h1>Clashes near <b>Tripoli</b></h1>'
            '<p>On 12 April 2019 the UN said 5 people were killed.</p>' + "<a " * 13_333)  # never closed
    start = time.perf_counter()
    doc = read_bytes(page.encode(), "page.html")
    assert time.perf_counter() - start < 3.0
    assert doc.title == "Clashes near Tripoli"
    assert doc.meta.get("site_name") == "Reuters"


# ---- 13: nothing ingest prints drives the terminal -----------------------------------------------

def test_ingest_prints_control_characters_as_escapes(project):
    result = run(str(RT / "escapes.txt"), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "pwned" in result.output and "\\x1b" in result.output
    assert "\x1b" not in result.output and "\x07" not in result.output


def test_a_file_name_with_escapes_is_shown_escaped(project):
    seed = project / "seeds" / "x\x1b]0;pwned\x07.txt"
    seed.write_text("", "utf-8")
    result = CliRunner().invoke(main, ["ingest", str(seed)])
    assert result.exit_code == 1
    assert "pwned" in result.stderr and "\x1b" not in result.stderr and "\x07" not in result.stderr


# ---- 15: a huge number is no figure and no traceback ---------------------------------------------

def test_huge_numbers_are_no_figure(project):
    result = run(str(RT / "digits.txt"), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "figure  wounded 7 exact" in result.output  # the only figure: no number from the digit runs
    assert "1 figure(s)" in result.output


# ---- 16: what ingest opens -------------------------------------------------------------------------

def test_seed_folder_linked_outside_the_project_is_refused(project, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "key.txt").write_text("On 10 April 2019 the LNA said SECRETKEY123 in Tripoli.\n", "utf-8")
    (project / "seeds" / "elsewhere").symlink_to(outside)
    (project / "seeds" / "key.txt").symlink_to(outside / "key.txt")
    for name in ("seeds/elsewhere/key.txt", "seeds/key.txt"):
        result = CliRunner().invoke(main, ["ingest", name, "--dry-run"])
        assert result.exit_code == 1
        assert "outside the project" in result.stderr and "SECRETKEY123" not in result.stdout


def test_link_inside_the_project_and_a_file_outside_given_directly_are_read(project, tmp_path):
    (project / "seeds" / "real.txt").write_text("On 10 April 2019 the LNA said 5 were killed.\n", "utf-8")
    (project / "seeds" / "alias.txt").symlink_to("real.txt")
    outside = tmp_path / "given.txt"
    outside.write_text("On 10 April 2019 the LNA said 5 were killed.\n", "utf-8")
    for name in ("seeds/alias.txt", str(outside)):
        result = run(name, "--dry-run")
        assert result.exit_code == 0, result.output


def test_named_pipe_and_device_are_refused_in_one_line(project):
    os.mkfifo(project / "seeds" / "pipe.txt")
    result = CliRunner().invoke(main, ["ingest", "seeds/pipe.txt"])
    assert result.exit_code == 1
    assert "seeds/pipe.txt: is a named pipe (FIFO), not a regular file" in result.stderr
    result = CliRunner().invoke(main, ["ingest", "/dev/zero"])
    assert result.exit_code == 1
    assert "/dev/zero: is a device file, not a regular file" in result.stderr


def test_seed_above_the_size_limit_is_refused(project, monkeypatch):
    module = importlib.import_module("generator.cli.ingest")  # the package exports the command by this name
    monkeypatch.setattr(module, "MAX_SEED_BYTES", 1000)
    (project / "seeds" / "big.txt").write_text("On 10 April 2019 words.\n" * 100, "utf-8")
    result = CliRunner().invoke(main, ["ingest", "seeds/big.txt"])
    assert result.exit_code == 1
    assert "larger than the limit" in result.stderr
    result = CliRunner().invoke(main, ["ingest", "-"], input="x" * 2000)
    assert result.exit_code == 1
    assert "-: is larger than the limit" in result.stderr
