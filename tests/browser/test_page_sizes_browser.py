"""Issue 19, item 1, in a real browser: the demo with low bounds (timeline_entries: 5, page_entries: 4),
so that /timeline/ holds only the newest month, older months have pages of their own, split by day.
The filter on /timeline/ still covers every entry, and a link to an entry that moved
(/timeline/#e-<id>) leads to the page that holds it now."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from screenshot import serve  # tools/, put on sys.path by conftest.py
from support import copy_demo, mkdocs_build


@pytest.fixture(scope="module")
def bounded(tmp_path_factory):
    dest = copy_demo(tmp_path_factory.mktemp("browser-bounded"), timeline_entries=5, page_entries=4)
    mkdocs_build(dest, dest / "site")
    server, url = serve(dest / "site")
    yield dest / "site", url
    server.shutdown()


def events(site: Path) -> list[dict]:
    return json.loads((site / "data/briefing.json").read_text("utf-8"))["events"]


def test_the_filter_on_the_bounded_timeline_covers_every_entry(page, bounded):
    site, url = bounded
    page.goto(url + "/timeline/")
    on_page = page.locator(".bf-entry:visible").count()
    assert 0 < on_page <= 5
    assert page.locator(".bf-archive a").count() >= 3  # the older months, by year
    assert page.locator(".bf-filter-count").inner_text() == f"{len(events(site))} entries"
    expected = sum("khalifa-haftar" in e["actors"] for e in events(site))
    page.goto(url + "/timeline/?actor=khalifa-haftar")
    page.wait_for_function(f"document.querySelectorAll('.bf-entry:not(.bf-hidden)').length === {expected}")
    assert page.locator(".bf-filter-count").inner_text() == f"{expected} of {len(events(site))} entries"
    assert page.console_errors == []


def test_a_link_to_a_moved_entry_leads_to_its_page(page, bounded):
    site, url = bounded
    oldest = events(site)[0]["id"]
    assert f'id="e-{oldest}"' not in (site / "timeline/index.html").read_text("utf-8")
    page.goto(url + f"/timeline/#e-{oldest}")
    page.wait_for_url(lambda u: "/timeline/2019/" in u, timeout=10_000)
    assert page.url.endswith(f"#e-{oldest}")
    assert page.locator(f"#e-{oldest}").count() == 1
    assert page.console_errors == []
