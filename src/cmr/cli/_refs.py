"""`cmr refs`."""

from __future__ import annotations

import click

from cmr.cli._common import format_option, pass_project
from cmr.project import Project
from cmr.reporters import REPORTERS


@click.command("refs")
@format_option
@pass_project
def command(project: Project, fmt: str) -> None:
    """Lint the bibliography against the observations and codebooks that cite it.

    Reports cited keys the bibliography lacks (at the citing line), entries that no
    observation and no codebook cites (a warning), entries missing a field their type
    requires, keys defined twice or differing only in case, and DOIs that are malformed or
    shared by two entries (at the entry's line). Exit status 1 when any finding is an error.

    \b
    Examples:
      cmr refs
      cmr refs --format github
    """
    from cmr.refs import lint

    result = lint(project)
    click.echo(REPORTERS[fmt](result), nl=False)
    raise SystemExit(0 if result.success else 1)
