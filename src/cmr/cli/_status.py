"""`cmr status`."""

from __future__ import annotations

import click

from cmr.cli._common import pass_project, table_format_option
from cmr.project import Project


@click.command("status")
@table_format_option("text: a table; json and csv: one record per country-year.")
@click.option("--matrix", is_flag=True, help="Print countries × years (coded, draft, missing).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Worker processes.")
@pass_project
def command(project: Project, fmt: str, matrix: bool, jobs: int | None) -> None:
    """Show what is coded: per country-year its status, coders, codebook versions, unanswered
    and carried-forward answers, findings, and agreement of independent codings.

    Reads the dataset as `cmr check` does (with its cache). Exit status 0: the board is a
    report, not a check; run `cmr check` for the findings themselves.

    \b
    Examples:
      cmr status
      cmr status --matrix
      cmr status --format csv > status.csv
    """
    from cmr.status import RENDERERS, status_board
    from cmr.status import matrix as grid

    if matrix and fmt != "text":
        raise click.UsageError("--matrix prints text; leave out --format, or drop --matrix")
    from cmr.progress import counter

    with counter("reading", quiet=fmt != "text") as progress:  # on a terminal only
        board = status_board(project, jobs=jobs, progress=progress)
    click.echo(grid(board) if matrix else RENDERERS[fmt](board), nl=False)
