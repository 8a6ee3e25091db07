"""``briefing new DIR``: scaffold a briefing project that builds as it is (README: Start a new briefing).

Everything written comes from ``generator/scaffold/``, shipped inside the package. Names that
start with ``dot-`` there are written with a leading ``.`` (``dot-github`` becomes ``.github``),
so that the scaffold's workflow and .gitignore stay inert inside Briefing's own repository and
survive any packaging tool. Three placeholders are filled in: the title (``mkdocs.yml``,
``README.md``) and the pip requirement the workflow installs Briefing with (``requirements.txt``).
"""

from __future__ import annotations

import json
import re
from importlib import metadata, resources
from importlib.resources.abc import Traversable
from pathlib import Path, PurePosixPath

import click

from generator import __version__

TITLE = "__BRIEFING_TITLE__"
REQUIREMENT = "__BRIEFING_REQUIREMENT__"
SKIP = {"__pycache__", ".DS_Store"}


def scaffold_root() -> Traversable:
    return resources.files("generator").joinpath("scaffold")


def scaffold_files() -> list[tuple[PurePosixPath, Traversable]]:
    """(path in the new project, packaged file) for every file of the scaffold, sorted."""
    out: list[tuple[PurePosixPath, Traversable]] = []

    def walk(node: Traversable, parts: tuple[str, ...]) -> None:
        for child in node.iterdir():
            if child.name in SKIP or child.name.endswith(".pyc"):
                continue
            name = "." + child.name[4:] if child.name.startswith("dot-") else child.name
            if child.is_dir():
                walk(child, parts + (name,))
            else:
                out.append((PurePosixPath(*parts, name), child))

    walk(scaffold_root(), ())
    return sorted(out, key=lambda item: str(item[0]))


def default_title(directory: Path) -> str:
    words = re.sub(r"[-_.\s]+", " ", directory.resolve().name).strip()
    return (words[:1].upper() + words[1:]) if words else "A briefing"


def default_requirement() -> tuple[str, bool]:
    """The pip requirement for this Briefing, and whether it can be installed elsewhere (in CI).

    Known when Briefing was installed from a git repository or an https archive; otherwise a
    placeholder the editor must replace (the name ``briefing`` on PyPI is another project).
    """
    try:
        direct = metadata.distribution("briefing").read_text("direct_url.json")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a source tree
        direct = None
    if direct:
        try:
            info = json.loads(direct)
        except ValueError:  # pragma: no cover - a broken installation record
            info = {}
        url = str(info.get("url", ""))
        vcs = info.get("vcs_info") or {}
        if vcs.get("vcs") == "git" and url.startswith(("https://", "ssh://", "git@")):
            rev = vcs.get("requested_revision") or vcs.get("commit_id")
            return f"briefing @ git+{url}" + (f"@{rev}" if rev else ""), True
        if "archive_info" in info and url.startswith("https://"):
            return f"briefing @ {url}", True
    placeholder = ("# TODO: where the workflow installs Briefing from, pinned, e.g. its git repository at a tag\n"
                   f"briefing @ git+https://github.com/OWNER/briefing@v{__version__}")
    return placeholder, False


def render(path: PurePosixPath, text: str, title: str, requirement: str) -> str:
    if path.name == "mkdocs.yml":
        text = text.replace(TITLE, json.dumps(title, ensure_ascii=False))  # a YAML double-quoted string
    return text.replace(TITLE, title).replace(REQUIREMENT, requirement)


@click.command()
@click.argument("directory", metavar="DIR", type=click.Path(file_okay=False, path_type=Path))
@click.option("--title", help="The briefing's name (site_name). Default: from the folder name.")
@click.option("--requirement", metavar="SPEC",
              help="The pip requirement the site's workflow installs Briefing with, e.g. "
                   "'briefing @ git+https://github.com/OWNER/briefing@v0.1.0'. "
                   "Default: how this Briefing was installed, if that works elsewhere.")
@click.option("--force", is_flag=True, help="Write into DIR even if it is not empty, replacing files of the same name.")
def new(directory: Path, title: str | None, requirement: str | None, force: bool):
    """Create a new briefing project in DIR that builds as it is.

    It has mkdocs.yml, example content (an article with an event and a figure, a note, two
    actors, a topic and an about page), a GitHub workflow that checks, builds and publishes
    the site, a README and a .gitignore. DIR must be new or empty unless --force is given.
    """
    if directory.exists() and not directory.is_dir():
        raise click.ClickException(f"{directory}: is a file; give a new or empty folder")
    if directory.is_dir() and any(directory.iterdir()) and not force:
        found = sorted(p.name for p in directory.iterdir())
        shown = ", ".join(found[:5]) + (", ..." if len(found) > 5 else "")
        raise click.ClickException(f"{directory}: not empty ({shown}); choose a new or empty folder, "
                                   "or pass --force to add the scaffold's files (replacing those of the same name)")
    title = " ".join((title if title is not None else default_title(directory)).split())
    if not title:
        raise click.BadParameter("give a name", param_hint="--title")
    known = True
    if requirement is None:
        requirement, known = default_requirement()
    elif not requirement.strip() or "\n" in requirement:
        raise click.BadParameter("give one pip requirement, e.g. 'briefing @ git+https://...@v0.1.0'",
                                 param_hint="--requirement")

    files = scaffold_files()
    replaced = 0
    for rel, source in files:
        target = directory.joinpath(*rel.parts)
        if target.is_dir():
            raise click.ClickException(f"{target}: is a folder where the scaffold has a file; move it first")
        replaced += target.exists()
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render(rel, source.read_text("utf-8"), title, requirement), "utf-8")

    click.echo(f"briefing new: created '{title}' in {directory} ({len(files)} files"
               + (f", {replaced} replaced" if replaced else "") + ")")
    for rel, _ in files:
        click.echo(f"  {rel}")
    steps = [
        f"cd {directory}",
        "briefing serve        # live preview at http://127.0.0.1:8000, drafts shown",
        "briefing build        # the site in site/, strict: any warning fails",
        "replace the examples in content/ with your own; `briefing check` lists every problem",
        "briefing schema --kind article   # JSON Schema of the front matter for your editor",
    ]
    if not known:
        steps.append("edit requirements.txt: say where the site's workflow installs Briefing from")
    steps += [
        "git init && git add . && git commit -m 'New briefing'; push to GitHub",
        "on GitHub: Settings > Pages > Source: GitHub Actions; pushes to the default branch publish the site",
    ]
    click.echo("\nNext steps:")
    for n, step in enumerate(steps, start=1):
        click.echo(f"  {n}. {step}")
