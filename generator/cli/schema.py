"""``briefing schema``: print the JSON Schema of the front matter (README: Commands)."""

from __future__ import annotations

import click

from generator.model.jsonschema import KINDS, dumps, front_matter_schema


@click.command()
@click.option("--kind", type=click.Choice(KINDS), default=None,
              help="Print a standalone schema of one kind (e.g. for one content folder) "
                   "instead of one document with every kind under $defs.")
def schema(kind: str | None):
    """Print the JSON Schema of the front matter of articles, notes, actors and topics.

    Map it to content folders in an editor, e.g. VS Code's YAML extension (see the README):

        briefing schema --kind article > .vscode/briefing-article.schema.json
    """
    click.echo(dumps(front_matter_schema(kind)), nl=False)
