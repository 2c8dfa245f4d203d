"""`cmr migrate --to VERSION [PATHS]`: move observation files to a new codebook version."""

from __future__ import annotations

from pathlib import Path

import click

from cmr.cli._common import pass_project
from cmr.project import Project


@click.command("migrate")
@click.option(
    "--to",
    "to",
    required=True,
    metavar="VERSION",
    help="The codebook version to move the files to.",
)
@click.option("--dry-run", is_flag=True, help="Write nothing; show what would change.")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@pass_project
def command(project: Project, to: str, dry_run: bool, paths: tuple[Path, ...]) -> None:
    """Move observation files (default: all) to codebook version VERSION.

    Renamed variables and mapped codes are applied; an answer whose question changed in a
    breaking way gets `needs_review` (the reason, from `cmr codebook diff`) and `previous`
    (the old version, answer and variable), new questions are added unanswered, and such a
    file becomes a draft; the answer to a removed question is kept in `notes`. A file is
    migrated completely or not at all; a file already at VERSION is not rewritten. Exit 0
    when no file was refused, 1 otherwise, 2 for an unknown version.

    \b
    Examples:
      cmr migrate --to 1.2.0 --dry-run
      cmr migrate --to 1.2.0 observations/AZE/1993.yaml
    """
    from cmr.versions import migrate

    result = migrate(project, to, list(paths) or None, dry_run=dry_run)
    verb = "would migrate" if dry_run else "migrated"
    for plan in result.files:
        if plan.action == "migrated":
            counts = f" ({plan.counts()})" if plan.counts() else ""
            click.echo(f"{verb} {plan.path}: {plan.old} -> {result.target}{counts}")
            if dry_run:
                for line in plan.details():
                    click.echo(f"  {line}")
        else:
            click.echo(f"{plan.action} {plan.path}: {plan.reason}")
    click.echo(result.summary())
    if not result.success:
        raise SystemExit(1)
