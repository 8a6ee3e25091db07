"""An engine-neutral docs tree (``briefing generate``): what the MkDocs plugin hands MkDocs during a
build, written to a folder instead, with a ``mkdocs.yml`` that names no ``briefing`` plugin.

Any engine that reads ``mkdocs.yml`` and converts Markdown with Python-Markdown (MkDocs without the
plugin, Zensical, ProperDocs) builds the briefing from it. The HTML blocks that the plugin puts into a
page after the theme (entry lists, chips, ledgers) are written into the Markdown as raw HTML blocks
(:meth:`Generated.inline`), which Python-Markdown passes through unchanged. This module does not import
MkDocs: it reads and writes ``mkdocs.yml`` as YAML.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator import build
from generator.config import Options
from generator.errors import BriefingError

MARKER = ".briefing-generated"
MARKER_TEXT = b"A docs tree written by `briefing generate`: the next `briefing generate` into this folder replaces all of it.\n"
THEME_DIR = Path(__file__).parent.parent / "theme"
DOCS, OVERRIDES = "docs", "overrides"

# Every Briefing site needs these Markdown extensions (the plugin adds them to a site's own).
REQUIRED_EXTENSIONS = ("attr_list", "md_in_html", "tables", "toc", "admonition")
# The nav of a site whose mkdocs.yml has none.
DEFAULT_NAV = (
    {"Home": "index.md"},
    {"Timeline": "timeline/index.md"},
    {"Map": "map/index.md"},
    {"Actors": "actors/index.md"},
    {"Topics": "topics/index.md"},
    {"Notes": "notes/index.md"},
)
HEADER = ("# Written by `briefing generate` from the briefing project's mkdocs.yml: edit that file and\n"
          "# generate again. Build with any engine that reads mkdocs.yml (zensical build, mkdocs build).\n")


@dataclass(frozen=True)
class Tagged:
    """A YAML value with a tag that only MkDocs knows (!ENV, !relative, !!python/name:...), kept as written."""

    tag: str
    value: object


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _tagged(loader, suffix, node):
    tag = node.tag
    if isinstance(node, yaml.ScalarNode):
        return Tagged(tag, loader.construct_scalar(node))
    if isinstance(node, yaml.SequenceNode):
        return Tagged(tag, loader.construct_sequence(node, deep=True))
    return Tagged(tag, loader.construct_mapping(node, deep=True))


def _represent_tagged(dumper, data: Tagged):
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, str(data.value))


def _represent_str(dumper, data: str):
    style = "|" if "\n" in data else None  # not_in_nav and other gitignore-style lists stay one per line
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Loader.add_multi_constructor("!", _tagged)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _tagged)
_Dumper.add_representer(Tagged, _represent_tagged)
_Dumper.add_representer(str, _represent_str)


def read_config(config_file: Path) -> dict:
    """The project's mkdocs.yml as plain data; MkDocs' own tags are kept as :class:`Tagged` values."""
    try:
        data = yaml.load(config_file.read_text("utf-8"), Loader=_Loader)  # noqa: S506 (a safe loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise BriefingError(f"{config_file}: cannot read it: {exc}") from None
    if not isinstance(data, dict):
        raise BriefingError(f"{config_file}: not a mapping of settings")
    return data


def _extension_name(entry) -> str:
    return next(iter(entry)) if isinstance(entry, dict) else str(entry)


def _is_briefing(entry) -> bool:
    return _extension_name(entry) == "briefing"


def _not_in_nav(config: dict, pages) -> str:
    """The project's not_in_nav, plus each folder (or top-level page) of a generated page that is not in
    the nav: the plugin marks those pages so during a build; the tree says it in mkdocs.yml."""
    lines = [line for line in str(config.get("not_in_nav") or "").splitlines() if line.strip()]
    for page in pages:
        if page.path.endswith(".md") and not page.in_nav and not page.draft:
            head, _, rest = page.path.partition("/")
            pattern = f"/{head}/" if rest else f"/{head}"
            if pattern not in lines:
                lines.append(pattern)
    return "\n".join(lines) + "\n" if lines else ""


def tree_config(config: dict, pages=()) -> dict:
    """The generated tree's mkdocs.yml: the project's, with the docs and theme folders of the tree,
    no ``briefing`` plugin, and what the plugin adds during a build (extensions, assets, nav, the
    pages that stay out of the nav)."""
    out = dict(config)
    out["docs_dir"] = DOCS
    out["site_dir"] = "site"
    theme = config.get("theme") or {"name": "material"}
    theme = {"name": theme} if isinstance(theme, str) else dict(theme)
    theme["custom_dir"] = OVERRIDES
    out["theme"] = theme
    plugins = config.get("plugins")
    if plugins is not None:
        if isinstance(plugins, dict):
            out["plugins"] = {k: v for k, v in plugins.items() if k != "briefing"}
        else:
            out["plugins"] = [p for p in plugins if not _is_briefing(p)]
    extensions = list(config.get("markdown_extensions") or [])
    names = {_extension_name(e) for e in extensions}
    extensions.extend(ext for ext in REQUIRED_EXTENSIONS if ext not in names)
    out["markdown_extensions"] = extensions
    for key, assets in (("extra_css", build.ASSET_CSS), ("extra_javascript", build.ASSET_JS)):
        listed = list(config.get(key) or [])
        listed.extend(a for a in assets if a not in [str(x) for x in listed])
        out[key] = listed
    if not config.get("nav"):
        out["nav"] = [dict(item) for item in DEFAULT_NAV]
    not_in_nav = _not_in_nav(config, pages)
    if not_in_nav:
        out["not_in_nav"] = not_in_nav
    return out


def _editor_files(docs_dir: Path, replaced: set[str]) -> list[tuple[str, Path]]:
    """(path in the tree, file) of each file of the content folder that the site publishes as it is:
    not a content file Briefing replaces, not a dot-file, not a file that must never be published."""
    found = []
    for folder, dirs, files in os.walk(docs_dir, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(folder) / name
            uri = path.relative_to(docs_dir).as_posix()
            if name.startswith(".") or uri in replaced or build.unpublished(uri) or not path.is_file():
                continue
            if uri.startswith("templates/") or path.is_symlink():
                continue
            found.append((uri, path))
    return found


def _refuse(out: Path, project: Path, docs_dir: Path, force: bool) -> None:
    real = out.resolve()
    for inner in (project.resolve(), docs_dir.resolve()):
        if real == inner or real in inner.parents or (inner != project.resolve() and inner in real.parents):
            raise BriefingError(f"not writing into {out}: it holds the project or its content, or is inside the content")
    if real.is_file():
        raise BriefingError(f"not writing into {out}: it is a file")
    if real.is_dir() and any(real.iterdir()) and not (real / MARKER).is_file() and not force:
        raise BriefingError(f"not writing into {out}: it holds files and is not a tree `briefing generate` "
                            "wrote; pass --force to replace it")


def write_tree(config_file: Path, out: Path, options: Options, *, force: bool = False, strict: bool = False,
               cache=None) -> build.Result:
    """Build the briefing of ``config_file``'s project and write the whole docs tree to ``out``.
    Returns the build's result; with an error in the content (``strict``: a warning too), nothing is written."""
    config_file = Path(config_file)
    project = config_file.parent
    config = read_config(config_file)
    docs_dir = project / str(config.get("docs_dir", "docs"))
    _refuse(Path(out), project, docs_dir, force)
    problems = build.file_problems(docs_dir, lambda p: os.path.relpath(p))
    if problems:
        raise BriefingError("; ".join(str(p) for p in problems))
    theme = config.get("theme") if isinstance(config.get("theme"), dict) else {}
    custom = project / str(theme["custom_dir"]) if theme.get("custom_dir") else None
    overrides = [custom / "briefing"] if custom else []
    result = build.run(docs_dir, options, root=project, overrides=overrides, cache=cache)
    if result.problems.errors or (strict and result.problems.warnings):
        return result
    out = Path(out)
    new = out.with_name(f".{out.name}.briefing-new")
    shutil.rmtree(new, ignore_errors=True)
    docs = new / DOCS
    replaced = set(result.sources) | {"index.md"}
    for uri, path in _editor_files(docs_dir, replaced):
        _write(docs / uri, path.read_bytes())
    for page in result.pages:
        if page.draft:
            continue
        content = page.inline()
        _write(docs / page.path, content if isinstance(content, bytes) else content.encode("utf-8"))
    _copy_theme(THEME_DIR, new / OVERRIDES)
    if custom is not None and custom.is_dir():
        _copy_theme(custom, new / OVERRIDES, skip={"briefing"})
    text = yaml.dump(tree_config(config, result.pages), Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    _write(new / "mkdocs.yml", (HEADER + text).encode("utf-8"))
    (new / MARKER).write_bytes(MARKER_TEXT)
    old = out.with_name(f".{out.name}.briefing-old")
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        os.rename(out, old)
    os.rename(new, out)
    shutil.rmtree(old, ignore_errors=True)
    return result


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _copy_theme(source: Path, dest: Path, skip: set[str] = frozenset()) -> None:
    for folder, dirs, files in os.walk(source, followlinks=False):
        rel = Path(folder).relative_to(source)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (rel == Path(".") and d in skip))
        for name in sorted(files):
            if name.startswith(".") or (Path(folder) / name).is_symlink():
                continue
            _write(dest / rel / name, (Path(folder) / name).read_bytes())
