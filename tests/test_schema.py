"""`briefing schema`: the JSON Schema of the front matter, generated from generator/model/schema.py."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from generator.cli import main
from generator.model import schema as tables
from generator.model.jsonschema import FILE_KINDS, KINDS, front_matter_schema, json_ready
from generator.model.discover import discover
from generator.model.load import load
from generator.model.yamlload import split
from support import FIXTURES, ROOT

SCAFFOLD = ROOT / "generator" / "scaffold" / "content"
KIND_OF_FOLDER = {folder: kind for kind, (folder, *_rest) in FILE_KINDS.items()}
TABLES = {"article": tables.ARTICLE, "note": tables.NOTE, "actor": tables.ACTOR, "topic": tables.TOPIC,
          "event": tables.EVENT, "figure": tables.FIGURE, "source": tables.SOURCE}


def validator(kind: str | None = None) -> jsonschema.Draft201909Validator:
    document = front_matter_schema(kind)
    # the draft it declares is the one whose keywords it uses ($defs: 2019-09 on; issue 17, item 5)
    assert jsonschema.validators.validator_for(document) is jsonschema.Draft201909Validator
    jsonschema.Draft201909Validator.check_schema(document)
    return jsonschema.Draft201909Validator(document)


def front_matter(path: Path) -> dict:
    fm, _body, _base = split(path.read_text("utf-8"))
    return json_ready(yaml.safe_load(fm) or {})


def errors(kind: str | None, data: dict) -> list[str]:
    return sorted(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator(kind).iter_errors(data))


def content_files(content: Path) -> list[tuple[str, Path]]:
    return [(KIND_OF_FOLDER[folder], path) for folder, paths in discover(content).items() for path in paths]


DEMO = content_files(ROOT / "content")


def test_demo_has_every_kind():
    assert {kind for kind, _ in DEMO} == set(FILE_KINDS)
    assert len(DEMO) > 50


@pytest.mark.parametrize("kind,path", DEMO, ids=[p.relative_to(ROOT).as_posix() for _, p in DEMO])
def test_every_demo_file_is_valid(kind: str, path: Path):
    data = front_matter(path)
    assert errors(kind, data) == []
    assert errors(None, data) == []  # the document with every kind accepts it too


@pytest.mark.parametrize("content", [FIXTURES / "mini" / "content", SCAFFOLD], ids=["mini", "scaffold"])
def test_other_projects_are_valid(content: Path):
    files = content_files(content)
    assert files
    for kind, path in files:
        assert errors(kind, front_matter(path)) == [], path


def test_every_key_of_the_tables_appears():
    full = front_matter_schema()
    defs = full["$defs"]
    for kind in ("article", "note", "actor", "topic", "event", "figure"):
        assert kind in defs, kind
    for kind, table in TABLES.items():
        d = defs[kind]
        assert list(d["properties"]) == list(table), kind
        assert d.get("required", []) == [k for k, key in table.items() if key.required], kind
        assert d["additionalProperties"] is False
        for name, key in table.items():
            prop = d["properties"][name]
            if key.choices:
                assert prop["enum"] == list(key.choices), (kind, name)
            if key.help:
                assert prop["description"] == key.help, (kind, name)
    # one kind alone is the same definition at the root
    for kind in KINDS:
        one = front_matter_schema(kind)
        assert {k: v for k, v in one.items() if k not in ("$schema", "$defs")} == defs[kind]
        assert kind not in one["$defs"]


def test_ids_kebabs_and_dates():
    defs = front_matter_schema()["$defs"]
    assert defs["id"]["pattern"] == "^[a-z0-9][a-z0-9-]{0,79}$"
    ok = {"name": "X", "affiliation": ["a", "lna-2", "a" * 80]}
    assert errors("actor", ok) == []
    assert errors("actor", {"name": "X", "affiliation": ["a" * 81]})
    assert errors("actor", {"name": "X", "affiliation": ["-lna"]})
    assert errors("actor", {"name": "X", "affiliation": ["LNA"]})
    # dates: YAML dates and datetimes (as an editor's YAML 1.2 parser or json_ready gives them), text, a year
    for date in (dt.date(2019, 4, 12), dt.datetime(2019, 4, 12, 14, 30, tzinfo=dt.timezone.utc),
                 "2019-04", "12 April 2019", 2019):
        data = json_ready({"title": "T", "date": date, "source": "WHO"})
        assert errors("article", data) == [], date
    for date in (True, "", "   ", 12, None, ["2019"]):
        assert errors("article", {"title": "T", "date": date, "source": "WHO"}), date


BAD = [
    ("article", {"date": "2019-04-12", "source": "WHO"}, "'title' is a required property"),
    ("article", {"title": "T", "date": "2019-04-12", "source": "WHO", "titel": "x"}, "('titel' was unexpected)"),
    ("article", {"title": "T", "date": "2019-04-12", "source": {"name": "AFP", "url": "ftp://afp.com/x"}}, "source"),
    ("article", {"title": "T", "date": "2019-04-12", "source": []}, "source"),
    ("article", {"title": "T", "date": "2019-04-12", "source": "WHO", "draft": "yes"}, "draft: 'yes' is not of type 'boolean'"),
    ("article", {"title": "T", "date": "2019-04-12", "source": "WHO", "actors": "lna"}, "actors: 'lna' is not of type 'array'"),
    ("article", {"title": "T", "date": "2019-04-12", "source": "WHO",
                 "events": [{"date": "on Friday", "title": "E", "status": "rumoured"}]}, "events/0/status"),
    ("article", {"title": "T", "date": "2019-04-12", "source": "WHO", "events": [{"date": "on Friday"}]},
     "events/0: 'title' is a required property"),
    ("article", {"title": "T", "date": "2019-04-12", "source": "WHO",
                 "figures": [{"kind": "killed", "value": -1, "source": "WHO"}]}, "figures/0/value"),
    ("article", {"title": "T", "date": "2019-04-12", "source": "WHO",
                 "figures": [{"kind": "Civilians Killed", "value": 1, "source": "WHO"}]}, "figures/0/kind"),
    ("article", {"title": "T", "date": "2019-04-12", "source": "WHO",
                 "figures": [{"kind": "killed", "value": 1, "source": "WHO", "qualifier": "over"}]},
     "figures/0/qualifier"),
    ("note", {"title": "T", "date": "2019-04-12"}, "'author' is a required property"),
    ("note", {"title": "T", "date": "2019-04-12", "author": "A", "kind": "opinion"}, "kind"),
    ("actor", {"name": "X", "kind": "militia"}, "kind"),
    ("actor", {"name": ""}, "name"),
    ("topic", {"title": "T", "figures": ["oil output"]}, "figures/0"),
]


@pytest.mark.parametrize("kind,data,expected", BAD, ids=[f"{k}-{i}" for i, (k, _, _) in enumerate(BAD)])
def test_bad_front_matter_is_rejected(kind: str, data: dict, expected: str):
    found = errors(kind, data)
    assert found, data
    assert any(expected in e for e in found), found
    assert errors(None, data), data


def test_the_loader_agrees_on_a_bad_file(tmp_path: Path):
    """What the schema rejects, `briefing check` reports too (the schema adds nothing of its own)."""
    content = tmp_path / "content"
    (content / "actors").mkdir(parents=True)
    bad = "---\nname: X\nkind: militia\naffiliation: [Bad_Id]\n---\nText.\n"
    (content / "actors" / "x.md").write_text(bad, "utf-8")
    assert len(errors("actor", front_matter(content / "actors" / "x.md"))) == 2
    _briefing, problems = load(content)
    assert len(problems.errors) == 2, problems.sorted()


def test_cli_prints_all_kinds_or_one():
    runner = CliRunner()
    result = runner.invoke(main, ["schema"])
    assert result.exit_code == 0, result.output
    full = json.loads(result.output)
    assert set(KINDS) <= set(full["$defs"])
    assert full == front_matter_schema()
    result = runner.invoke(main, ["schema", "--kind", "article"])
    assert result.exit_code == 0, result.output
    article = json.loads(result.output)
    assert article["title"] == "Briefing article front matter"
    assert "events" in article["properties"] and "event" in article["$defs"]
    assert runner.invoke(main, ["schema", "--kind", "nonsense"]).exit_code == 2
