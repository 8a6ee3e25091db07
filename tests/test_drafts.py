"""Drafts: left out of the built site, shown by `briefing serve` (MkDocs' serve build)."""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

DRAFT = "---\ntitle: Unchecked report\ndate: 2019-04-13\nsource: Wire\ndraft: true\n---\n\nHaftar spoke.\n"


def built(project: Path, command: str) -> Path:
    site = project / f"site-{command}"
    cfg = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    cfg.plugins.on_startup(command=command, dirty=False)
    build(cfg, serve_url="http://127.0.0.1:8000/" if command == "serve" else None)
    return site


def test_draft_is_only_in_the_serve_build(mini: Path):
    (mini / "content/articles/2019-04-13-draft.md").write_text(DRAFT, "utf-8")
    site = built(mini, "build")
    assert not (site / "articles/2019-04-13-draft/index.html").exists()
    data = json.loads((site / "data/briefing.json").read_text("utf-8"))
    assert "2019-04-13-draft" not in {a["id"] for a in data["articles"]}
    assert "Unchecked report" not in (site / "timeline/index.html").read_text("utf-8")

    preview = built(mini, "serve")
    page = (preview / "articles/2019-04-13-draft/index.html").read_text("utf-8")
    assert "bf-badge--draft" in page
    assert "Unchecked report" in (preview / "timeline/index.html").read_text("utf-8")
