"""Issue 20: `briefing generate --out DIR` writes a docs tree any engine that reads mkdocs.yml builds
(no `briefing` plugin in it); byte-identical across runs; bad content is one error line, nothing written."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from support import FIXTURES, ROOT, briefing_in, copy_demo, log_problems
from generator.engine import docstree

EPOCH = {"SOURCE_DATE_EPOCH": "1562284800"}


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> tuple[Path, Path]:
    """The demo and its generated tree (with SOURCE_DATE_EPOCH, as a reproducible build sets it)."""
    project = copy_demo(tmp_path_factory.mktemp("gen") / "demo")
    result = briefing_in(project, "generate", "--out", "out", env=EPOCH)
    assert result.exit_code == 0, result.output
    return project, project / "out"


def test_the_tree_holds_every_page_data_file_and_asset(generated):
    project, out = generated
    files = tree(out)
    docs = {p.removeprefix("docs/") for p in files if p.startswith("docs/")}
    for page in ("index.md", "timeline/index.md", "actors/index.md", "actors/khalifa-haftar.md", "topics/index.md",
                 "notes/index.md", "changes/index.md", "about.md", "feed.xml", "data/briefing.json",
                 "data/timeline.json", "data/entries.csv", "assets/briefing/briefing.css",
                 "assets/briefing/briefing.js"):
        assert page in docs, page
    articles = {p.name for p in (project / "content" / "articles").glob("*.md")}
    assert {p.rpartition("/")[2] for p in docs if p.startswith("articles/")} == articles
    assert "overrides/main.html" in files and "overrides/partials/source-file.html" in files
    # no token of the plugin's post-conversion blocks is left: the HTML is in the Markdown
    text = "".join(v.decode() for k, v in files.items() if k.endswith(".md"))
    assert "BFBLOCK" not in text
    timeline = files["docs/timeline/index.md"].decode()
    assert len(re.findall(r'<div class="bf-entry[^>]* id="e-', timeline)) >= 40


def test_its_mkdocs_yml_names_no_briefing_plugin_and_what_the_plugin_adds(generated):
    _, out = generated
    cfg = yaml.safe_load((out / "mkdocs.yml").read_text("utf-8"))
    assert cfg["docs_dir"] == "docs" and cfg["theme"]["custom_dir"] == "overrides"
    assert "briefing" not in str(cfg["plugins"])
    names = [next(iter(e)) if isinstance(e, dict) else e for e in cfg["markdown_extensions"]]
    assert {"attr_list", "md_in_html", "tables", "toc", "admonition"} <= set(names)
    assert "assets/briefing/briefing.css" in cfg["extra_css"]
    assert "assets/briefing/briefing.js" in cfg["extra_javascript"]
    assert "/changes/" in cfg["not_in_nav"].splitlines()
    assert cfg["site_name"] == yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))["site_name"]


def test_plain_mkdocs_builds_the_tree_strictly(generated, tmp_path):
    """MkDocs without the plugin: the tree needs nothing Briefing runs at build time."""
    _, out = generated
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
                          cwd=out, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert log_problems(proc.stderr) == []
    html = (tmp_path / "site" / "timeline" / "index.html").read_text("utf-8")
    assert len(re.findall(r' id="e-', html)) >= 40 and "assets/briefing/briefing.js" in html


def test_generate_is_byte_identical_across_runs(generated, tmp_path):
    project, out = generated
    again = briefing_in(project, "generate", "--out", str(tmp_path / "again"), env=EPOCH)
    assert again.exit_code == 0, again.output
    first, second = tree(out), tree(tmp_path / "again")
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []


def test_generate_replaces_its_own_tree_but_not_other_folders(generated, tmp_path):
    project, _ = generated
    assert briefing_in(project, "generate", "--out", "out", env=EPOCH).exit_code == 0  # its own tree: replaced
    other = tmp_path / "mine"
    other.mkdir()
    (other / "keep.txt").write_text("mine")
    refused = briefing_in(project, "generate", "--out", str(other))
    assert refused.exit_code == 1 and "--force" in refused.output and (other / "keep.txt").exists()
    assert "Traceback" not in refused.output
    forced = briefing_in(project, "generate", "--out", str(other), "--force")
    assert forced.exit_code == 0 and not (other / "keep.txt").exists() and (other / "mkdocs.yml").exists()
    inside = briefing_in(project, "generate", "--out", "content/out")
    assert inside.exit_code == 1 and "inside the content" in inside.output


def test_bad_content_is_one_line_each_and_nothing_is_written(tmp_path):
    project = copy_demo(tmp_path / "demo")
    article = next((project / "content" / "articles").glob("*.md"))
    article.write_text(article.read_text("utf-8").replace("date:", "date: not a date\nold_date:", 1), "utf-8")
    result = briefing_in(project, "generate", "--out", "out")
    assert result.exit_code == 1
    assert re.search(rf"content/articles/{article.name}:\d+: error: ", result.output), result.output
    assert "Traceback" not in result.output and not (project / "out").exists()


def test_mkdocs_tags_in_the_project_config_are_kept(tmp_path):
    """!ENV and !!python/name values of a site's mkdocs.yml go over to the tree as written."""
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: !ENV [SITE, 'X']\nplugins:\n  - search\n  - briefing\nmarkdown_extensions:\n"
                      "  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
                      "utf-8")
    written = yaml.dump(docstree.tree_config(docstree.read_config(config)), Dumper=docstree._Dumper)
    assert "!ENV" in written and "!!python/name:material.extensions.emoji.twemoji" in written
    assert "briefing" not in written.split("plugins:")[1].split("\n- ", 3)[1]
