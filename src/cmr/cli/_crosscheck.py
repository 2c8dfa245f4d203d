"""`cmr crosscheck`."""

from __future__ import annotations

from pathlib import Path

import click

from cmr.cli._common import pass_project, table_format_option
from cmr.project import Project, shown_relative_to_cwd

SOURCE_NAMES = ("powell-thyne", "cline")


@click.command("crosscheck")
@click.argument("source", type=click.Choice(SOURCE_NAMES))
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@table_format_option(
    "text: one line per comparison with both sides; json: the report; csv: one row each."
)
@click.option("--drafts", is_flag=True, help="Compare drafts too (left out by default).")
@click.option(
    "--strict",
    is_flag=True,
    help="Exit 1 on unexplained disagreements, unmentioned rows, stale notes.",
)
@pass_project
def command(
    project: Project, source: str, file: Path, fmt: str, drafts: bool, strict: bool
) -> None:
    """Compare the coup answers and events of every adjudicated observation with a published
    coup list: SOURCE is powell-thyne (Powell & Thyne's tab-separated list) or cline (the
    Cline Center Coup d'État Project CSV), FILE the file as published.

    Each answer the codebook's event rules tie to coup events, and each event of the
    observation's year, is listed as agree, disagree, unmentioned (a row the events lack),
    explained (acknowledged in `external_checks`), undecided or stale, with the source's row
    (file:line) and the observation's evidence side by side. Which event type each of the
    source's categories stands for is set in [crosscheck.SOURCE] of the settings.

    Exit status 0; 1 when the file or an observation cannot be read (located findings), and
    with --strict when anything is unexplained; 2 for unusable settings.

    \b
    Examples:
      cmr crosscheck powell-thyne powell_thyne_coups_final.txt
      cmr crosscheck cline "Coup data 2.1.2.csv" --format csv > crosscheck.csv
      cmr crosscheck powell-thyne pt.txt --strict --drafts
    """
    from cmr.crosscheck import RENDERERS, crosscheck

    if not file.is_file():  # a FIFO would block, a device never end
        raise click.UsageError(f"{file}: not a regular file (a FIFO, socket or device)")
    report = crosscheck(project, source, file, drafts=drafts, show=shown_relative_to_cwd())
    click.echo(RENDERERS[fmt](report), nl=False)
    if not report.success or (strict and report.failing()):
        raise SystemExit(1)
