"""Every page right on a phone (issue 15, items 1-5): no page wider than the screen at 320 px and 1280 px,
index cards that hold everything in one box, charts with a title, a caption, one colour per source and
text of at least 11 px, the ledger as stacked cards on a phone. The demo, and the fixture
tests/fixtures/i15-layout (unbreakable source names and URLs, a long actor name and role, units, a ledger
month page and a timeline month page)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from screenshot import serve  # tools/, on the path from conftest.py

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "i15-layout"
WIDTHS = [320, 1280]
DEMO_PAGES = {
    "home": "/",
    "timeline": "/timeline/",
    "actors": "/actors/",
    "actor": "/actors/khalifa-haftar/",
    "topics": "/topics/",
    "topic": "/topics/humanitarian-toll/",
    "topic-oil": "/topics/oil-supply/",
    "places": "/places/",
    "place": "/places/tripoli/",
    "place-facility": "/places/mitiga-airport/",
    "notes": "/notes/",
    "note": "/notes/counting-the-dead-who-and-ocha/",
    "article": "/articles/2019-04-12-lna-air-strike-near-zuwara/",
    "about": "/about/",
    "map": "/map/",
    "404": "/404.html",
}
FIXTURE_PAGES = {
    "home": "/",
    "timeline": "/timeline/",
    "month": "/timeline/2019/04/",
    "actors": "/actors/",
    "actor": "/actors/noc/",
    "topics": "/topics/",
    "topic": "/topics/oil/",
    "ledger": "/topics/oil/ledger/2019-04/",
    "notes": "/notes/",
    "note": "/notes/caveat/",
    "article": "/articles/2019-04-11-oil/",
}

# Elements wider than the page, for the failure message
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > width + 0.5) wide.push(el.tagName.toLowerCase() + '.' + el.className + ' ' + Math.round(r.right));
  }
  return {scroll: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5)};
}"""


@pytest.fixture(scope="session")
def fixture_url(tmp_path_factory):
    dest = tmp_path_factory.mktemp("layout-fixture")
    shutil.copytree(FIXTURE, dest, dirs_exist_ok=True)
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(dest / "site")],
                          cwd=dest, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    server, url = serve(dest / "site")
    yield url
    server.shutdown()


def _open(browser, url: str, width: int, scheme: str = "light"):
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return context, page


def _no_overflow(browser, url: str, width: int):
    context, page = _open(browser, url, width)
    got = page.evaluate(OVERFLOW)
    context.close()
    assert got["scroll"] <= got["width"], got


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", list(DEMO_PAGES))
def test_demo_page_never_wider_than_the_screen(browser, base_url, name, width):
    _no_overflow(browser, base_url + DEMO_PAGES[name], width)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", list(FIXTURE_PAGES))
def test_long_names_and_urls_wrap(browser, fixture_url, name, width):
    _no_overflow(browser, fixture_url + FIXTURE_PAGES[name], width)


# Chart text as drawn on screen: the SVG's font size scaled by its rendered width over its viewBox
CHART_TEXT = """() => {
  const out = [];
  for (const svg of document.querySelectorAll('figure.bf-chart svg.bf-chart-svg')) {
    const box = svg.getBoundingClientRect();
    if (box.width === 0) continue;  // the other variant, display: none
    const scale = box.width / svg.viewBox.baseVal.width;
    for (const t of svg.querySelectorAll('text'))
      out.push([t.textContent, parseFloat(getComputedStyle(t).fontSize) * scale]);
  }
  for (const li of document.querySelectorAll('figure.bf-chart .bf-legend-list li'))
    out.push([li.textContent, parseFloat(getComputedStyle(li).fontSize)]);
  return out;
}"""


@pytest.mark.parametrize("width", [320, 390, 1280])
def test_chart_text_at_least_11px(browser, base_url, width):
    context, page = _open(browser, base_url + "/topics/humanitarian-toll/", width)
    sizes = page.evaluate(CHART_TEXT)
    context.close()
    assert len(sizes) > 20
    small = [(text, round(size, 1)) for text, size in sizes if size < 11]
    assert small == []


def test_charts_have_a_title_above_and_a_caption(browser, base_url):
    context, page = _open(browser, base_url + "/topics/humanitarian-toll/", 320)
    figures = page.evaluate("""() => [...document.querySelectorAll('figure.bf-chart')].map(f => {
      const cap = f.querySelector(':scope > figcaption'), svg = [...f.querySelectorAll('svg.bf-chart-svg')]
        .find(s => s.getBoundingClientRect().width > 0);
      return {first: f.firstElementChild.tagName, title: cap.querySelector('.bf-chart-title').textContent,
              above: cap.getBoundingClientRect().bottom <= svg.getBoundingClientRect().top};
    })""")
    context.close()
    assert len(figures) == 4
    assert all(f["first"] == "FIGCAPTION" and f["above"] for f in figures), figures
    assert [f["title"].split(":")[0] for f in figures] == ["Killed", "Wounded", "Displaced", "Civilians killed"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_one_colour_per_source_across_charts_and_legends(browser, base_url, scheme):
    colours: dict[str, set[str]] = {}
    for path in ("/topics/humanitarian-toll/", "/topics/oil-supply/"):
        context, page = _open(browser, base_url + path, 1280, scheme)
        pairs = page.evaluate("""() => [...document.querySelectorAll('.bf-legend-list li')]
          .filter(li => li.querySelector('circle[class^="bf-src-"]'))
          .map(li => [li.textContent, getComputedStyle(li.querySelector('circle')).fill])""")
        lines = page.evaluate("""() => [...document.querySelectorAll('svg.bf-chart-svg--wide polyline.bf-series')]
          .map(p => getComputedStyle(p).stroke)""")
        context.close()
        for source, fill in pairs:
            colours.setdefault(source, set()).add(fill)
        assert set(lines) <= {fill for _, fill in pairs}  # every line in a legend colour
    assert {"WHO", "UN", "OCHA", "IOM", "NOC"} <= set(colours)
    assert all(len(fills) == 1 for fills in colours.values()), colours  # the same colour on every chart
    firsts = [next(iter(f)) for f in colours.values()]
    assert len(set(firsts)) == len(firsts)  # and no two sources share one


def test_qualified_values_are_open_markers_with_a_legend(browser, base_url):
    context, page = _open(browser, base_url + "/topics/humanitarian-toll/", 1280)
    got = page.evaluate("""() => {
      const bg = getComputedStyle(document.body).backgroundColor;
      const open = [...document.querySelectorAll('svg.bf-chart-svg--wide circle.bf-qualified')];
      return {n: open.length, hollow: open.every(c => getComputedStyle(c).fill === bg),
              legend: [...document.querySelectorAll('.bf-legend-list li')].some(li => li.textContent.startsWith('open marker'))};
    }""")
    context.close()
    assert got == {"n": got["n"], "hollow": True, "legend": True} and got["n"] > 0


LEDGER = """() => {
  const table = document.querySelector('.bf-ledger table');
  const rows = [...table.querySelectorAll('tbody tr')];
  const width = document.documentElement.clientWidth;
  return {
    head: getComputedStyle(table.querySelector('thead')).display,
    rows: rows.map(r => getComputedStyle(r).display),
    inside: rows.every(r => r.getBoundingClientRect().right <= width),
    labels: [...rows[0].querySelectorAll('td')].filter(td => getComputedStyle(td).display !== 'none')
      .map(td => getComputedStyle(td, '::before').content),
    scopeShown: [...table.querySelectorAll('td[data-label="Scope"]')].some(td => td.textContent && td.getBoundingClientRect().height > 0),
  };
}"""


@pytest.mark.parametrize("path", ["/topics/oil/", "/topics/oil/ledger/2019-04/"])
def test_ledger_is_stacked_cards_on_a_phone_and_a_table_on_a_desktop(browser, fixture_url, path):
    context, page = _open(browser, fixture_url + path, 320)
    phone = page.evaluate(LEDGER)
    context.close()
    assert phone["head"] == "none" and set(phone["rows"]) == {"block"} and phone["inside"], phone
    assert phone["labels"][:3] == ['"As of: "', '"Figure: "', '"Claims: "'] and '"Articles: "' in phone["labels"]
    assert phone["scopeShown"] or path == "/topics/oil/"  # its two newest rows have no scope
    context, page = _open(browser, fixture_url + path, 1280)
    desktop = page.evaluate(LEDGER)
    context.close()
    assert desktop["head"] == "table-header-group" and set(desktop["rows"]) == {"table-row"}


def test_ledger_gives_a_shared_scope_once(browser, fixture_url):
    context, page = _open(browser, fixture_url + "/topics/oil/ledger/2019-04/", 320)
    scopes = page.locator(".bf-ledger td[data-label='Scope']").all_inner_texts()
    context.close()
    assert "Incident: air strike on the Mellitah terminal's southern gate" in scopes  # once, not once per claim


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path, needle", [("/actors/", "entr"), ("/topics/", "entries"), ("/notes/", "20")])
def test_index_cards_hold_everything_in_one_box(browser, base_url, width, path, needle):
    context, page = _open(browser, base_url + path, width)
    cards = page.evaluate("""() => [...document.querySelectorAll('ul.bf-cards > li.bf-card')].map(li => {
      const box = li.getBoundingClientRect();
      const inside = [...li.querySelectorAll('*')].every(el => { const r = el.getBoundingClientRect();
        return r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.bottom <= box.bottom + 0.5; });
      return {text: li.innerText, links: li.querySelectorAll('a').length, inside,
              border: getComputedStyle(li).borderTopStyle};
    })""")
    stray = page.evaluate("document.querySelectorAll('article .bf-muted:not(.bf-card *)').length")
    context.close()
    assert cards and all(c["inside"] and c["border"] == "solid" and c["links"] >= 1 for c in cards), cards
    assert all(needle in c["text"] for c in cards)
    assert stray == 0  # no "N entries" line outside its card


def test_actor_card_holds_its_role(browser, base_url):
    context, page = _open(browser, base_url + "/actors/", 320)
    card = page.locator("li.bf-card", has=page.locator("a[href$='/khalifa-haftar/']"))
    text = card.inner_text()
    context.close()
    assert "Khalifa Haftar" in text and "last seen" in text and "ommander" in text


def test_figure_kinds_and_units_read_as_words(browser, fixture_url):
    context, page = _open(browser, fixture_url + "/articles/2019-04-11-oil/", 1280)
    text = page.locator("article").inner_text()
    context.close()
    assert "oil output: about 1,110,000 barrels a day" in text
    assert "oil output at risk: up to 91%" in text
    assert " bpd" not in text and " pct" not in text
