"""generator/config.py: one definition of every option, checked when mkdocs.yml loads."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from support import FIXTURES
from generator import config
from generator.cli import main
from generator.model.dates import DateSettings
from generator.ingest.project import ProjectError, find_project
from generator.engine.plugin import BriefingConfig

MARS = FIXTURES / "i13-config" / "mars"


@pytest.fixture
def mars(tmp_path: Path) -> Path:
    dest = tmp_path / "mars"
    shutil.copytree(MARS, dest)
    return dest


def test_unknown_timezone_fails_when_mkdocs_yml_loads(mars: Path, caplog):
    with pytest.raises(MkDocsException):  # Abort, a ConfigurationError
        load_config(str(mars / "mkdocs.yml"))
    assert "option 'timezone': unknown time zone 'Mars/Olympus'" in caplog.text


def test_unknown_timezone_fails_briefing_check_before_any_content(mars: Path, monkeypatch):
    monkeypatch.chdir(mars)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert "Mars/Olympus" in result.output
    assert "content/articles" not in result.output  # not a content error on the article with a datetime


def test_unknown_timezone_fails_ingest_project(mars: Path):
    with pytest.raises(ProjectError, match=r"option 'timezone': unknown time zone 'Mars/Olympus'"):
        find_project(mars)


def test_mkdocs_options_are_the_config_options():
    schema = dict(BriefingConfig._schema)
    assert set(schema) == set(config.PLUGIN_OPTIONS)
    defaults = config.options_from({}, "Site")
    for name, option in schema.items():
        if name not in config.UNSET_MEANS_SOMETHING:
            value = getattr(defaults, name)
            assert option.default == (list(value) if isinstance(value, tuple) else value), name
    assert DateSettings() == DateSettings.of(config.Options())


@pytest.mark.parametrize("name, value, message", [
    ("latest", "12", "whole number"),
    ("latest", True, "whole number"),
    ("date_order", "DYM", "one of 'DMY', 'MDY', 'YMD'"),
    ("languages", "en", "list of texts"),
    ("search_backend", "google", "one of 'lunr', 'pagefind', 'auto'"),
])
def test_bad_values(name, value, message):
    with pytest.raises(config.ConfigError, match=message):
        config.options_from({name: value}, "Site")


def test_unset_values_take_the_defaults():
    options = config.options_from({"title": None, "date_order": None}, "Site", "https://example.org/x")
    assert options.title == "Site" and options.date_order == "DMY" and not options.date_order_explicit
    assert options.site_url == "https://example.org/x/"
    assert config.options_from({"date_order": "MDY"}).date_order_explicit


def test_every_briefing_error_is_one_error_line(mars: Path, monkeypatch):
    from generator.errors import BriefingError

    assert all(issubclass(cls, BriefingError) for cls in (config.ConfigError, ProjectError))
    monkeypatch.chdir(mars)
    result = CliRunner().invoke(main, ["ingest", "--dry-run", "-"], input="Text.")
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and "Traceback" not in result.output
    assert "option 'timezone': unknown time zone 'Mars/Olympus'" in result.output
