"""`cmr check`."""

from __future__ import annotations

import click

from cmr.check import check
from cmr.cli._common import format_option, pass_project
from cmr.project import Project
from cmr.reporters import REPORTERS


@click.command("check")
@click.argument("paths", nargs=-1, type=click.Path())
@format_option
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: one per core).")
@pass_project
def command(project: Project, paths: tuple[str, ...], fmt: str, jobs: int | None) -> None:
    """Check observation files against their codebook, the bibliography and each other.

    PATHS are files or folders (default: the dataset's observations/). Findings print as
    `path:line:column: severity code message`. Exit status: 0 without errors (warnings
    allowed), 1 with errors, 2 for usage errors.

    \b
    Examples:
      cmr check
      cmr check observations/AZE/1993.yaml
      cmr check --format github        # annotations in GitHub Actions
    """
    run = check(paths or None, project=project, jobs=jobs)
    click.echo(REPORTERS[fmt](run.result), nl=False)
    raise SystemExit(0 if run.result.success else 1)
