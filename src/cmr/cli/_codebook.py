"""`cmr codebook show` and `cmr codebook schema`."""

from __future__ import annotations

import click

from cmr.cli._common import pass_project
from cmr.codebook import Codebook, CodebookError, Codebooks
from cmr.errors import one_line
from cmr.project import Project


@click.group("codebook")
def command() -> None:
    """Read the codebook and generate what is derived from it."""


def _book(project: Project, version: str | None) -> Codebook:
    books = Codebooks(project.codebook_dir)
    if version is not None and not version.strip():  # `--version ''` is not "the latest"
        known = ", ".join(books.versions) or "none"
        raise click.UsageError(f"no codebook version '{one_line(version)}' (known: {known})")
    try:
        book = books.get(version) if version is not None else books.latest
    except CodebookError as exc:
        raise click.ClickException(str(exc)) from None
    if book is None:
        known = ", ".join(books.versions) or "none"
        raise click.UsageError(f"no codebook version '{one_line(str(version))}' (known: {known})")
    return book


@command.command("show")
@click.argument("variable", required=False)
@click.option("--version", "version", default=None, help="Codebook version (default: latest).")
@pass_project
def show(project: Project, variable: str | None, version: str | None) -> None:
    """Print the codebook, or one question (by variable or id) with its scale and guidance.

    \b
    Examples:
      cmr codebook show
      cmr codebook show <variable>
      cmr codebook show <id> --version 1.0.0
    """
    from cmr.docs import question_text, summary_text

    book = _book(project, version)
    if variable is None:
        click.echo(summary_text(book), nl=False)
        return
    try:
        question = book.question(variable)
    except KeyError:
        raise click.UsageError(
            f"{variable!r} is not a question of codebook {book.version}; "
            f"try one of: {', '.join(book.variables)}"
        ) from None
    click.echo(question_text(book, question), nl=False)


@command.command("schema")
@click.option("--version", "version", default=None, help="Codebook version (default: all).")
@click.option(
    "--check",
    "check_only",
    is_flag=True,
    help="Write nothing; exit 1 if a committed schema is missing or stale.",
)
@pass_project
def schema(project: Project, version: str | None, check_only: bool) -> None:
    """Write the JSON Schema of observation files for each codebook version.

    The schemas go to codebook/schema/observation-<version>.schema.json. Editors built on
    yaml-language-server use them for completion, hover help and inline errors.
    """
    from cmr.schema import sync_schemas

    books = Codebooks(project.codebook_dir)
    if version is not None:
        _book(project, version)  # an unknown version is a usage error
    try:
        stale = sync_schemas(
            books, [version] if version is not None else None, write=not check_only
        )
    except CodebookError as exc:
        raise click.ClickException(str(exc)) from None
    for path in stale:
        if check_only:
            click.echo(f"{project.display(path)}: stale; run `cmr codebook schema`", err=True)
        else:
            click.echo(f"wrote {project.display(path)}")
    if check_only and stale:
        raise SystemExit(1)
