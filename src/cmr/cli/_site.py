"""`cmr site`."""

from __future__ import annotations

import click

from cmr.cli._common import format_option, pass_project
from cmr.errors import EnvironmentProblem, one_line
from cmr.project import Project
from cmr.reporters import REPORTERS


@click.command("site")
@click.option(
    "-o",
    "--out",
    type=click.Path(),
    default=None,
    help="Output folder (default: site/ in the dataset folder). It is replaced as a whole, "
    "and only if it is missing, empty or holds nothing but a previous site.",
)
@click.option(
    "--release",
    type=click.Path(),
    default=None,
    help="A release folder (dist/cmr-dataset-VERSION/ with SHA256SUMS) whose files the site "
    "offers for download, with sizes and checksums.",
)
@format_option
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Worker processes.")
@pass_project
def command(
    project: Project, out: str | None, release: str | None, fmt: str, jobs: int | None
) -> None:
    """Build the dataset's static website: codebook, country-years, coverage, downloads,
    citation, changelog and an offline search. Open OUT/index.html in a browser or copy the
    folder to any static host; no page loads anything from another host.

    With an error in a final observation (drafts are shown, marked) nothing is written: the
    findings print as `cmr check` prints them and the exit status is 1. A problem of the
    machine prints one line and the exit status is 2; the previous site stays as it was.

    \b
    Examples:
      cmr site --out site/
      cmr site --out site/ --release dist/cmr-dataset-1.0.0/
    """
    from cmr.progress import counter
    from cmr.site import build_site

    try:
        with counter("checking", quiet=fmt != "text") as progress:  # on a terminal only
            run = build_site(out, project=project, release=release, jobs=jobs, progress=progress)
    except EnvironmentProblem as exc:
        click.echo(f"cmr: {exc}", err=True)
        raise SystemExit(2) from None
    if not run.written:
        click.echo(REPORTERS[fmt](run.result), nl=False)
        raise SystemExit(1)
    if fmt == "text":  # the warnings, as `cmr check` prints them
        for item in run.result.sorted():
            click.echo(item.render())
    else:
        click.echo(REPORTERS[fmt](run.result), nl=False)
    drafts = f", {run.drafts} of them draft(s)" if run.drafts else ""
    click.echo(
        f"wrote {len(run.files)} files to {one_line(project.display(run.out))}: "
        f"{run.country_years} country-year(s){drafts}; open "
        f"{one_line(project.display(run.out / 'index.html'))}",
        err=fmt != "text",
    )
