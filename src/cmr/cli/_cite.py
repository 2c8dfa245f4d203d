"""`cmr cite`."""

from __future__ import annotations

import click

from cmr.cli._common import pass_project
from cmr.project import Project

_FORMATS = ["text", "bibtex", "ris", "cff"]


@click.command("cite")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(_FORMATS),
    default="text",
    show_default=True,
    help="text: a reference to read; bibtex, ris: for reference managers; cff: CITATION.cff.",
)
@pass_project
def command(project: Project, fmt: str) -> None:
    """Print how to cite this version of the dataset and the data set it descends from.

    The title, authors, licence and addresses come from the dataset's CITATION.cff (else the
    `release` settings, else the codebook); the version from the settings or the release tag
    on HEAD; the origin from the codebook's `lineage.origin` in the bibliography. A
    CITATION.cff or an origin that cannot be used is a finding (exit 1).

    \b
    Examples:
      cmr cite
      cmr cite --format bibtex >> paper.bib
      cmr cite --format cff > CITATION.cff
    """
    from cmr.errors import EnvironmentProblem
    from cmr.findings import Result
    from cmr.publish import PublishError, citation
    from cmr.reporters import REPORTERS

    try:
        click.echo(citation(project, fmt), nl=False)
    except PublishError as exc:
        click.echo(REPORTERS["text"](Result(exc.findings)), nl=False)
        raise SystemExit(1) from None
    except EnvironmentProblem as exc:
        click.echo(f"cmr: {exc}", err=True)
        raise SystemExit(2) from None
