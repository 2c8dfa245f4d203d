"""`cmr export`."""

from __future__ import annotations

import click

from cmr.cli._common import format_option, pass_project
from cmr.errors import EnvironmentProblem, one_line
from cmr.project import Project
from cmr.reporters import REPORTERS


@click.command("export")
@click.option(
    "-o",
    "--out",
    type=click.Path(),
    default=None,
    help="Output folder (default: dist/ in the dataset folder). It is replaced as a "
    "whole, and only if it is missing, empty or holds nothing but a previous export.",
)
@click.option(
    "--allow-partial",
    is_flag=True,
    help="Leave observation files with errors out and export the rest; datapackage.json "
    "marks the panel partial.",
)
@format_option
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes for reading observations (default: one per core).",
)
@pass_project
def command(
    project: Project, out: str | None, allow_partial: bool, fmt: str, jobs: int | None
) -> None:
    """Check every observation, then write the panel for pandas, R and Stata.

    Writes panel_long and panel_wide (.parquet and .csv), panel_wide.dta, codebook.csv,
    sources.csv, citations.csv and datapackage.json. With any error nothing is written: the
    findings print as `cmr check` prints them and the exit status is 1 (with
    --allow-partial the files with errors are left out instead, with a warning). A problem
    of the machine (full disk, read-only folder, another export writing to the same folder)
    prints one line and the exit status is 2; the previous export stays as it was.

    \b
    Examples:
      cmr export
      cmr export --out /tmp/panel
      cmr export --allow-partial                                 # skip files with errors
      SOURCE_DATE_EPOCH=$(git log -1 --format=%ct) cmr export   # dated, reproducible
    """
    from cmr.export import export
    from cmr.progress import counter

    try:
        with counter("checking", quiet=fmt != "text") as progress:  # on a terminal only
            run = export(
                out, project=project, jobs=jobs, allow_partial=allow_partial, progress=progress
            )
    except EnvironmentProblem as exc:
        click.echo(f"cmr: {exc}", err=True)
        raise SystemExit(2) from None
    if not run.written:
        click.echo(REPORTERS[fmt](run.result), nl=False)
        raise SystemExit(1)
    if fmt == "text":
        for item in run.result.sorted():
            click.echo(item.render())
    else:
        click.echo(REPORTERS[fmt](run.result), nl=False)
    click.echo(
        f"wrote {len(run.files)} files to {one_line(project.display(run.out))}: "
        f"{run.country_years} country-year(s), {run.rows} answer row(s)",
        err=fmt != "text",
    )
