"""`cmr check`."""

from __future__ import annotations

import click

from cmr.checking import check
from cmr.cli._common import format_option, pass_project
from cmr.progress import counter
from cmr.project import Project
from cmr.reporters import REPORTERS


@click.command("check")
@click.argument("paths", nargs=-1, type=click.Path())
@format_option
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default: one per core).",
)
@click.option(
    "--select",
    multiple=True,
    metavar="CODES",
    help="Report only these codes or prefixes (comma-separated or repeated); "
    "replaces the settings' select.",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="CODES",
    help="Do not report these codes or prefixes (comma-separated or repeated).",
)
@click.option(
    "--no-cache",
    is_flag=True,
    help="Read every file, ignoring the results cached in .cmr_cache/ by the last run.",
)
@pass_project
def command(
    project: Project,
    paths: tuple[str, ...],
    fmt: str,
    jobs: int | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    no_cache: bool,
) -> None:
    """Check observation files against their codebook, the bibliography and each other.

    PATHS are files or folders (default: the dataset's observations/). Findings print as
    `path:line:column: severity code message`. On a terminal, a counter on stderr shows the
    files read so far. Exit status: 0 without errors (warnings
    allowed), 1 with errors, 2 for usage errors. Severities can be changed per code in
    [tool.cmr.severity] (pyproject.toml) or [severity] (cmr.toml).

    \b
    Examples:
      cmr check
      cmr check observations/AZE/1993.yaml
      cmr check --format github        # annotations in GitHub Actions
      cmr check --ignore evidence-too-short,window
      cmr check --select coup-history-reverts --select slow-change
    """
    with counter("checking", quiet=fmt != "text") as progress:  # on a terminal only
        run = check(
            paths or None,
            project=project,
            jobs=jobs,
            select=select,
            ignore=ignore,
            cache=not no_cache,
            progress=progress,
        )
    click.echo(REPORTERS[fmt](run.result), nl=False)
    raise SystemExit(0 if run.result.success else 1)
