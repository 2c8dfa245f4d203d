"""`cmr codebook show`, `cmr codebook schema` and `cmr codebook diff`."""

from __future__ import annotations

import difflib

import click

from cmr.cli._common import pass_project
from cmr.codebook import Codebook, CodebookError, Codebooks, Question
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
    click.echo(question_text(book, _question(book, variable)), nl=False)


def _question(book: Codebook, name: str) -> Question:
    """The question `name` names: its variable or its id, in any case; a usage error with a
    did-you-mean for a misspelling."""
    wanted = name.strip().casefold()
    for q in book.questions:
        if wanted in (q.variable.casefold(), q.id.casefold()):
            return q
    names = {q.variable.casefold(): q.variable for q in book.questions}
    names.update({q.id.casefold(): q.id for q in book.questions})
    close = difflib.get_close_matches(wanted, list(names), n=1, cutoff=0.6)
    hint = f"did you mean {names[close[0]]!r}? " if close else ""
    raise click.UsageError(
        f"{one_line(name)!r} is not a question of codebook {book.version}; {hint}"
        f"questions are: {', '.join(book.variables)}"
    )


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


@command.command("diff")
@click.argument("old")
@click.argument("new")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: one change per line, grouped; json: the structure docs/codebook.md describes.",
)
@click.option("--fail-on-breaking", is_flag=True, help="Exit 1 when a change is breaking (for CI).")
@pass_project
def diff(project: Project, old: str, new: str, fmt: str, fail_on_breaking: bool) -> None:
    """List the changes from codebook OLD to NEW, each classed breaking or compatible.

    OLD and NEW are versions of the codebook folder or paths to codebook files. A breaking
    change makes answers under the two versions incomparable; docs/codebook.md lists the
    rules. Exit 0 once the diff is shown (1 with --fail-on-breaking when a change is
    breaking), 2 for an unknown version or an unreadable file.

    \b
    Examples:
      cmr codebook diff 1.1.0 1.2.0
      cmr codebook diff 1.1.0 drafts/next.yaml --format json
    """
    import json

    from cmr.versions import diff as compare
    from cmr.versions import resolve

    books = Codebooks(project.codebook_dir)
    result = compare(resolve(books, old), resolve(books, new))
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(result.text(), nl=False)
    if fail_on_breaking and result.breaking:
        raise SystemExit(1)


@command.command("render")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "html", "pdf"]),
    default="md",
    show_default=True,
    help="md: Markdown; html: one printable page; pdf: printed by Chromium.",
)
@click.option("--version", "version", default=None, help="Codebook version (default: latest).")
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False),
    default=None,
    help="File to write (refused when it exists); default: standard output (md, html).",
)
@pass_project
def render(project: Project, fmt: str, version: str | None, out: str | None) -> None:
    """Render the codebook for reading and printing: a title page with the version and how to
    cite it, a table of contents, and one section per question (text, guidance, hard cases,
    scale, window, concepts), then the concepts with their sources.

    PDF needs Chromium (/usr/bin/chromium, or CMR_CHROMIUM) and Playwright
    (pip install "cmr[pdf]"); the same codebook gives the same bytes.

    \b
    Examples:
      cmr codebook render > codebook.md
      cmr codebook render --format html --out codebook.html
      cmr codebook render --format pdf --version 1.0.0 --out codebook-1.0.0.pdf
    """
    from cmr.publish import render_codebook
    from cmr.publish._cli import emit

    book = _book(project, version)
    if fmt == "pdf" and out is None:
        raise click.UsageError("--format pdf writes a file: give --out FILE")
    emit(lambda: render_codebook(project, book, fmt), out)
