"""The briefing project ingest writes into: its content folder, date settings, actors and topics.

mkdocs.yml is read as plain YAML (tags such as ``!ENV`` or ``!!python/name`` are
ignored), so ingest needs neither MkDocs nor a valid theme to run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.config import ConfigError, options_from
from generator.model.dates import DateSettings
from generator.errors import BriefingError
from generator.ingest.actors import Vocabulary
from generator.ingest.already import entries_of
from generator.model.load import load


class ProjectError(BriefingError, ValueError):
    pass


@dataclass
class Project:
    root: Path
    content: Path
    settings: DateSettings
    vocabulary: Vocabulary
    problems: int  # errors in the actors and topics (they are loaded as far as possible)
    entries: list = field(default_factory=list)  # the briefing's dated entries (already.py)

    @property
    def articles(self) -> Path:
        return self.content / "articles"


class _Lenient(yaml.SafeLoader):
    pass


def _any_tag(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


_Lenient.add_multi_constructor("", _any_tag)
_Lenient.add_multi_constructor("!", _any_tag)
_Lenient.add_multi_constructor("tag:yaml.org,2002:python/", _any_tag)


def _briefing_plugin_config(plugins) -> dict:
    for item in plugins or []:
        if isinstance(item, dict) and "briefing" in item:
            return item["briefing"] or {}
    if isinstance(plugins, dict):
        return plugins.get("briefing") or {}
    return {}


def find_project(path: Path) -> Project:
    """PATH is a project folder (with mkdocs.yml or content/), an mkdocs.yml, or a content folder."""
    path = Path(path)
    config = None
    if path.is_file():
        config = path
    else:
        for name in ("mkdocs.yml", "mkdocs.yaml"):
            if (path / name).is_file():
                config = path / name
                break
    settings = DateSettings()
    if config is not None:
        try:
            data = yaml.load(config.read_text("utf-8"), Loader=_Lenient) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise ProjectError(f"{config}: cannot read it: {exc}") from None
        if not isinstance(data, dict):
            raise ProjectError(f"{config}: not a mapping of settings")
        root = config.parent
        content = root / str(data.get("docs_dir") or "docs")
        plugin = _briefing_plugin_config(data.get("plugins"))
        if isinstance(plugin, dict):
            try:
                settings = DateSettings.of(options_from(plugin))
            except ConfigError as exc:
                raise ProjectError(f"{config}: plugin 'briefing': {exc}") from None
    elif (path / "content").is_dir():
        root, content = path, path / "content"
    elif (path / "actors").is_dir() or (path / "articles").is_dir():
        root, content = path.parent, path
    else:
        raise ProjectError(
            f"{path}: not a briefing project (no mkdocs.yml and no content/ folder); "
            "run ingest in the project folder or pass --project"
        )
    if not content.is_dir():
        raise ProjectError(f"{content}: the content folder named by mkdocs.yml does not exist")
    briefing, problems = load(content, settings, root=root)
    return Project(root, content, settings, Vocabulary(briefing.actors, briefing.topics), len(problems.errors),
                   entries_of(briefing))
