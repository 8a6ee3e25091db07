"""Issue 17: open data read back by the clients that reuse it (jsonschema, feedparser, libhxl,
frictionless), on tests/fixtures/i17-data/ (a second article with a range of killed claims, a
partial killed count, a week entry and an actor no entry is about) and on the built demo."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import feedparser
import hxl
import jsonschema
import pytest

from support import FIXTURES
from generator import build
from generator.config import ConfigError, Options, options_from

FIXTURE = FIXTURES / "i17-data"
SITE_URL = "https://example.org/briefing/"


def files(root: Path = FIXTURE, today=dt.date(2026, 1, 1), **options) -> dict[str, str]:
    result = build.run(root / "content", Options(history=False, **options), root=root, today=today)
    assert not result.problems.errors
    return {p.path: p.content for p in result.pages if isinstance(p.content, str)}


def write(out: dict[str, str], dest: Path) -> Path:
    for path, text in out.items():
        if path.startswith("data/") or path.endswith("feed.xml"):
            (dest / path).parent.mkdir(parents=True, exist_ok=True)
            (dest / path).write_text(text, "utf-8")
    return dest


def validate(data: dict, schema: dict) -> None:
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    cls(schema, format_checker=cls.FORMAT_CHECKER).validate(data)


# item 5: a versioned contract

def test_briefing_json_has_a_version_and_the_last_content_change():
    data = json.loads(files()["data/briefing.json"])
    assert data["schema_version"] == "1.0"
    assert data["generated"] == "2019-04-20"  # the newest article (history off): not the clock
    assert files(today=dt.date(2030, 5, 5))["data/briefing.json"] == files()["data/briefing.json"]


def test_briefing_json_validates_against_its_published_schema():
    for options in ({}, {"site_url": SITE_URL}):
        out = files(**options)
        schema = json.loads(out["data/briefing.schema.json"])
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        validate(json.loads(out["data/briefing.json"]), schema)
    assert schema["$id"] == SITE_URL + "data/briefing.schema.json"
    broken = json.loads(out["data/briefing.json"])
    del broken["events"][0]["kind"]
    with pytest.raises(jsonschema.ValidationError):
        validate(broken, schema)


def test_the_demo_briefing_json_validates(demo_build):
    site, _ = demo_build
    validate(json.loads((site / "data/briefing.json").read_text("utf-8")),
             json.loads((site / "data/briefing.schema.json").read_text("utf-8")))


# item 6: stable identifiers

def test_feed_ids_do_not_change_with_site_url_and_feedparser_reads_them():
    plain, absolute = files(), files(site_url=SITE_URL)
    for path in ("feed.xml", "actors/lna/feed.xml", "topics/humanitarian-toll/feed.xml"):
        a, b = feedparser.parse(plain[path]), feedparser.parse(absolute[path])
        assert not a.bozo and not b.bozo, path
        assert a.feed.id == b.feed.id and a.feed.id.startswith("tag:briefing,2000:")
        assert [e.id for e in a.entries] == [e.id for e in b.entries]
        assert all(e.id.startswith("tag:briefing,2000:entry/") for e in a.entries)
    site = feedparser.parse(absolute["feed.xml"])
    assert site.feed.id == "tag:briefing,2000:feed"
    self_link = [link.href for link in site.feed.links if link.rel == "self"]
    assert self_link == [SITE_URL + "feed.xml"]
    assert site.entries[0].link.startswith(SITE_URL + "articles/")


def test_feed_id_option_and_the_site_name_default():
    out = files(feed_id="example.org,2019")
    assert feedparser.parse(out["actors/lna/feed.xml"]).feed.id == "tag:example.org,2019:actors/lna"
    assert options_from({}, "Battle for Tripoli, 2019").feed_id == "battle-for-tripoli-2019,2000"
    with pytest.raises(ConfigError, match="RFC 4151"):
        options_from({"feed_id": "example.org"})


def test_a_feed_with_no_entries_is_as_new_as_the_briefing():
    quiet = feedparser.parse(files()["actors/nobody-group/feed.xml"])
    assert not quiet.entries and quiet.feed.updated == "2019-04-20T00:00:00Z"


def test_urls_in_briefing_json_are_absolute_with_a_site_url_path():
    data = json.loads(files(site_url=SITE_URL)["data/briefing.json"])
    assert data["articles"][0]["url"] == SITE_URL + "articles/2019-04-12-strike/"
    assert data["events"][0]["url"].startswith(SITE_URL + "articles/")
    assert {a["url"] for a in data["actors"]} >= {SITE_URL + "actors/lna/"}
    plain = json.loads(files()["data/briefing.json"])
    assert plain["articles"][0]["url"] == "/articles/2019-04-12-strike/"


# item 1: CSV with HXL hashtags, read with libhxl

def hxl_rows(out: dict[str, str], name: str, tmp_path: Path) -> tuple[list[str], list]:
    path = write(out, tmp_path) / "data" / name
    source = hxl.data(str(path), hxl.InputOptions(allow_local=True))
    return [c.display_tag for c in source.columns], list(source)


def test_entries_csv_is_hxl_and_round_trips_briefing_json(tmp_path):
    out = files()
    tags, rows = hxl_rows(out, "entries.csv", tmp_path)
    assert {"#event+id", "#date+start", "#date+end", "#description+title", "#loc+name", "#group+name+list",
            "#meta+source", "#meta+url", "#affected+killed", "#affected+injured", "#affected+displaced"} <= set(tags)
    events = json.loads(out["data/briefing.json"])["events"]
    assert [r.get("#event+id") for r in rows] == [e["id"] for e in events]
    assert [r.get("#date+start") for r in rows] == [e["date"] for e in events]
    fight = next(r for r in rows if r.get("#description+title") == "Fighting in Ain Zara")
    # the lowest claim of the most general kind: 40 (at least), not civilians-killed's 10
    assert fight.get("#affected+killed") == "40" and fight.get("#affected+injured") == "60"
    assert fight.get("#meta+source") == "Reuters, Tripoli; OCHA" and fight.get("#loc+name") == "Ain Zara"


def test_figures_actors_articles_csv_join_on_their_keys(tmp_path):
    out = files()
    data = json.loads(out["data/briefing.json"])
    _, figures = hxl_rows(out, "figures.csv", tmp_path)
    assert [r.get("#indicator+id") for r in figures] == [f["id"] for f in data["figures"]]
    assert [int(r.get("#indicator+value+num")) for r in figures] == [f["value"] for f in data["figures"]]
    _, actors = hxl_rows(out, "actors.csv", tmp_path)
    assert [r.get("#group+id") for r in actors] == [a["id"] for a in data["actors"]]
    _, articles = hxl_rows(out, "articles.csv", tmp_path)
    assert [r.get("#meta+article+id") for r in articles] == [a["id"] for a in data["articles"]]
    _, links = hxl_rows(out, "entry-actors.csv", tmp_path)
    assert {(r.get("#event+id"), r.get("#group+id")) for r in links} == {
        (e["id"], a) for e in data["events"] for a in e["actors"]}


# item 3: claim ranges

def test_claim_ranges_bound_never_average():
    ranges = json.loads(files()["data/briefing.json"])["ranges"]
    killed = next(r for r in ranges if r["kind"] == "killed")
    # at least 40 (a floor), 52 (a point), nearly 121 (a ceiling)
    assert (killed["low"], killed["high"], killed["claims"]) == (40, 121, 3)
    assert killed["sources"] == ["Health ministry", "WHO"] and killed["as_of"] == "2019-04-19"
    displaced = next(r for r in ranges if r["kind"] == "displaced")
    assert (displaced["low"], displaced["high"]) == (8000, 13625)
    assert not [r for r in ranges if r["kind"] in ("civilians-killed", "wounded")]  # one claim each: no range


def test_claim_range_bounds():
    from generator.derive.ranges import bounds
    from generator.model.types import DateValue, Figure

    def claim(value, qualifier):
        return Figure("killed", value, "X", DateValue(dt.date(2019, 4, 1)), qualifier)

    assert bounds([claim(8, "at-least"), claim(9, "at-least")]) == (8, None)
    assert bounds([claim(75, "exact"), claim(100, "up-to")]) == (75, 100)
    assert bounds([claim(80, "exact"), claim(90, "more-than")]) == (80, None)
    assert bounds([claim(50, "nearly"), claim(60, "up-to")]) == (None, 60)


def test_topic_page_shows_claim_ranges():
    page = files()["topics/humanitarian-toll.md"]
    assert "Ranges of reported claims" in page
    assert "40" in page and "121" in page


# item 2: the ACLED-shaped view

def test_acled_view(tmp_path):
    out = files()
    rows = list(csv.DictReader(io.StringIO(out["data/acled.csv"])))
    assert rows[0]["event_id_cnty"] == "#event+id"
    rows = {r["event_id_cnty"]: r for r in rows[1:]}
    assert not [i for i in rows if "--claim-" in i]  # claim groups are counts, not events
    fight = rows["2019-04-20-clashes--1"]
    assert (fight["actor1"], fight["actor2"], fight["assoc_actor_1"]) == (
        "Libyan National Army", "Khalifa Haftar", "World Health Organization")
    assert fight["fatalities"] == "40" and fight["time_precision"] == "1" and fight["location"] == "Ain Zara"
    assert fight["latitude"] == "" and fight["tags"] == "status: reported; topic: humanitarian-toll"
    assert rows["2019-04-20-clashes--2"]["time_precision"] == "2"  # a week
    _, hxl_read = hxl_rows(out, "acled.csv", tmp_path)
    assert len(hxl_read) == len(rows)


# item 4: the Frictionless data package

def frictionless_validate(descriptor: Path) -> dict:
    proc = subprocess.run([sys.executable, "-m", "frictionless", "validate", "--json", str(descriptor)],
                          capture_output=True, text=True)
    report = json.loads(proc.stdout)
    return report


def test_frictionless_validates_the_built_demo(demo_build):
    site, _ = demo_build
    report = frictionless_validate(site / "data" / "datapackage.json")
    assert report["valid"], json.dumps(report, indent=1)[:3000]
    package = json.loads((site / "data/datapackage.json").read_text("utf-8"))
    published = {p.name for p in (site / "data").iterdir()} - {"datapackage.json"}
    assert {r["path"] for r in package["resources"]} == published


def test_frictionless_checks_the_foreign_keys(tmp_path):
    data = write(files(), tmp_path) / "data"
    assert frictionless_validate(data / "datapackage.json")["valid"]
    figures = (data / "figures.csv").read_text("utf-8").splitlines()
    figures[2] = figures[2].rsplit(",", 1)[0] + ",no-such-entry"
    (data / "figures.csv").write_text("\n".join(figures) + "\n", "utf-8")
    report = frictionless_validate(data / "datapackage.json")
    assert not report["valid"] and "foreign-key" in json.dumps(report)


# item 7: JSON-LD

def json_ld(page: str) -> list[dict]:
    import re
    return [json.loads(m) for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)]


def test_article_pages_carry_news_article_json_ld(demo_build):
    site, _ = demo_build
    data = json.loads((site / "data/briefing.json").read_text("utf-8"))
    article = next(a for a in data["articles"] if a["actors"] and a["source"][0]["url"])
    (ld,) = json_ld((site / "articles" / article["id"] / "index.html").read_text("utf-8"))
    assert ld["@type"] == "NewsArticle" and ld["headline"] == article["title"]
    assert ld["datePublished"] == article["date"] and ld["dateModified"] >= article["date"]
    assert ld["isBasedOn"] == [s["url"] for s in article["source"] if s["url"]]
    names = {a["id"]: a["name"] for a in data["actors"]}
    assert [a["name"] for a in ld["about"]] == [names[a] for a in article["actors"]]


def test_home_page_carries_a_dataset_listing_the_data_files(demo_build):
    site, _ = demo_build
    (ld,) = json_ld((site / "index.html").read_text("utf-8"))
    assert ld["@type"] == "Dataset" and ld["name"]
    published = {p.name for p in (site / "data").iterdir()}
    assert {d["name"] for d in ld["distribution"]} == published
    for d in ld["distribution"]:
        assert (site / d["contentUrl"]).is_file()


def test_csv_text_that_starts_like_a_formula_is_quoted_for_spreadsheets():
    """A title such as '=HYPERLINK(...)' must not run in Excel or LibreOffice; numbers stay numbers."""
    from generator.pages.opendata import Column, to_csv

    columns = [Column("title", "#description+title"), Column("value", "#affected", "number")]
    rows = [["=HYPERLINK(\"http://x\")", -5], ["+1 more", 3], ["@SUM(A1)", None], ["-minus", 0],
            ["\tTab", 1], ["plain - text", 2]]
    read = list(csv.reader(io.StringIO(to_csv(columns, rows))))[2:]
    assert [r[0] for r in read] == ["'=HYPERLINK(\"http://x\")", "'+1 more", "'@SUM(A1)", "'-minus", "'\tTab",
                                    "plain - text"]
    assert [r[1] for r in read] == ["-5", "3", "", "0", "1", "2"]
