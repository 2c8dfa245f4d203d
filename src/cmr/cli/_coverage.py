"""`cmr coverage`."""

from __future__ import annotations

import click

from cmr.cli._common import pass_project, table_format_option
from cmr.project import Project


@click.command("coverage")
@click.option(
    "--system",
    type=click.Choice(["cow", "gw"]),
    default=None,
    help="State system: cow (Correlates of War) or gw (Gleditsch & Ward).",
)
@click.option(
    "--states",
    "states",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="Membership file (repeat for G&W's states and microstates).",
)
@click.option(
    "--from",
    "first",
    type=click.IntRange(1, 9999),
    default=None,
    help="First year of the universe.",
)
@click.option(
    "--to", "last", type=click.IntRange(1, 9999), default=None, help="Last year of the universe."
)
@click.option(
    "--country",
    "countries",
    multiple=True,
    help="Only this country (ISO3 code or state number); repeat for more.",
)
@click.option("--exclude", multiple=True, help="Leave this country out; repeat for more.")
@table_format_option("text: a table per country; json; csv: one record a case.")
@click.option("--matrix", is_flag=True, help="Print countries × years (text).")
@click.option("--strict", is_flag=True, help="Exit 1 also when cases of the universe are missing.")
@pass_project
def command(
    project: Project,
    system: str | None,
    states: tuple[str, ...],
    first: int | None,
    last: int | None,
    countries: tuple[str, ...],
    exclude: tuple[str, ...],
    fmt: str,
    matrix: bool,
    strict: bool,
) -> None:
    """Show which country-years of the declared universe are coded, drafts or missing, and
    which observations lie outside it.

    The universe is declared in the dataset's settings (`[universe]` in cmr.toml: system,
    states, first, last, countries, exclude); the options override it. An observation of a
    state that was not a member of the system in its year is an error; one in a year its
    state entered or left the system, a warning (docs/coverage.md).

    Exit status 1 when there are errors (in the membership file or the observations), and
    with --strict also when cases are missing; 0 otherwise.

    \b
    Examples:
      cmr coverage
      cmr coverage --matrix
      cmr coverage --system cow --states states2016.csv --from 1946 --to 2016
      cmr coverage --country AZE --country ARM --format csv > coverage.csv
    """
    import shutil

    from cmr.coverage import RENDERERS, coverage_report
    from cmr.coverage import matrix as grid

    if matrix and fmt != "text":
        raise click.UsageError("--matrix prints text; leave out --format, or drop --matrix")
    report = coverage_report(
        project,
        system=system,
        states=states,
        first=first,
        last=last,
        countries=countries,
        exclude=exclude,
    )
    width = shutil.get_terminal_size((80, 24)).columns  # COLUMNS, else the terminal, else 80
    click.echo(grid(report, width) if matrix else RENDERERS[fmt](report), nl=False)
    if matrix or fmt == "csv":
        for f in sorted(set(report.findings)):
            click.echo(f.render(), err=True)
    if not report.success or (strict and report.missing):
        raise SystemExit(1)
