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
    from cmr.publish import citation
    from cmr.publish._cli import fail_on

    click.echo(fail_on(lambda: citation(project, fmt).encode("utf-8")).decode("utf-8"), nl=False)
