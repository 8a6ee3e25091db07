"""The ``briefing`` command: one module per subcommand (check, build, serve, ingest, new, schema, generate),
and project.py for what they share."""

from __future__ import annotations

import click

from generator import __version__
from generator.errors import BriefingError
from generator.cli.build import build
from generator.cli.check import check
from generator.cli.generate import generate
from generator.cli.ingest import ingest
from generator.cli.new import new
from generator.cli.places import places
from generator.cli.schema import schema
from generator.cli.serve import serve


class _Briefing(click.Group):
    """The command group; a BriefingError from any command is one error line, as click prints them."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except BriefingError as exc:
            raise click.ClickException(str(exc)) from None


@click.group(cls=_Briefing, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefing")
def main():
    """Briefing: build a searchable briefing site from Markdown articles, notes, actors and topics."""


for _command in (check, build, serve, ingest, new, schema, generate, places):
    main.add_command(_command)
