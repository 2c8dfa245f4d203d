"""`cmr import-memo`."""

from __future__ import annotations

import datetime as dt
import re

import click

from cmr.cli._common import format_option, pass_project
from cmr.memo import ImportRun, OptionError, Options, import_memos
from cmr.project import Project
from cmr.reporters import REPORTERS

_CODER = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


def _coder(ctx: click.Context, param: click.Parameter, value: str) -> str:
    if not _CODER.fullmatch(value):
        raise click.BadParameter(
            "letters, digits, '_', '.' and '-', starting with a letter or digit"
        )
    return value


@click.command("import-memo")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option(
    "--out",
    "out",
    type=click.Path(file_okay=False),
    default=None,
    help="Folder to write <ISO3>/<YEAR>.yaml into (default: the dataset's observations/).",
)
@click.option(
    "--coder",
    default="legacy-memo",
    show_default=True,
    callback=_coder,
    help="Coder name recorded in the observations.",
)
@click.option(
    "--footnotes",
    "footnotes",
    type=click.Path(dir_okay=False),
    default=None,
    help="CSV with columns footnote,key,pages (and optionally memo) mapping the "
    "memos' footnote numbers to bibliography keys.",
)
@click.option(
    "--cite-memo",
    "cite_memo",
    default=None,
    metavar="KEY",
    help="Bibliography key of the memo itself, cited (pages: question N) by answers "
    "that have no footnote; '{memo}' is replaced by the memo number.",
)
@click.option(
    "--codebook",
    "codebook",
    default=None,
    metavar="VERSION",
    help="Codebook version to import under (default: the latest, or the newest version whose "
    "questions the memo answers when a newer one added questions).",
)
@click.option(
    "--confidence",
    default=None,
    help="Confidence of every answer (default: the codebook's lowest level).",
)
@click.option(
    "--coded-on",
    "coded_on",
    type=click.DateTime(["%Y-%m-%d"]),
    default=None,
    help="Coding date recorded (default: today).",
)
@click.option(
    "--force",
    is_flag=True,
    hidden=True,
    help="No longer accepted: an import never replaces an observation.",
)
@format_option
@pass_project
def command(
    project: Project,
    files: tuple[str, ...],
    out: str | None,
    coder: str,
    footnotes: str | None,
    cite_memo: str | None,
    confidence: str | None,
    coded_on: dt.datetime | None,
    codebook: str | None,
    force: bool,
    fmt: str,
) -> None:
    """Import legacy coding memos (plain text) as observation files, one per memo.

    \b
    A memo looks like this (tabs or spaces, any line endings, UTF-8 or UTF-16):
      Observation no: 201 – Azeri-Armenian Conflict
      Country-year: Azerbaijan 1992
      1. Did the current regime come to power in a
         military coup?
      No.
      The current regime ... through elections.1
      2. Has the country ever ...?
      Yes. Azerbaijan experienced a coup in April 1920 ...

    Questions are matched to the codebook by their wording, not their number. The answer
    opens the line after the question ("Yes.", "No. The ...", "Unclear." for a missing code).
    Wrapped lines are joined into paragraphs. Numbers glued to a word or punctuation that
    run 1, 2, 3 ... through the memo are footnotes: they become citations fn1, fn2 ... until
    --footnotes maps them. Answers get the codebook's lowest confidence unless --confidence
    says otherwise. --footnotes keys must be bibliography entries; a missing --cite-memo
    entry is appended to the bibliography.

    A memo that cannot be mapped completely is refused and nothing is written for it. An
    observation is never replaced: onto a coded country-year the import is an independent
    coding <ISO3>/<YEAR>/<coder>.yaml. Each file written is checked in its dataset; one that
    `cmr check` would fail is written with `status: draft`, and its findings are listed.
    Exit status 1 when a memo is refused or a written file has errors. See
    docs/import-memo.md.

    \b
    Examples:
      cmr import-memo memos/201.txt
      cmr import-memo memos/*.txt --footnotes memos/footnotes.csv --coder jdoe
      cmr import-memo memos/201.txt --out /tmp/review --cite-memo 'memo{memo}'
    """
    if force:
        raise click.BadParameter(
            "an import never replaces an observation; onto a coded country-year it writes "
            "an independent coding <ISO3>/<YEAR>/<coder>.yaml (see docs/import-memo.md)",
            param_hint="--force",
        )
    options = Options(
        coder=coder,
        coded_on=coded_on.date() if coded_on else None,
        confidence=confidence,
        cite_memo=cite_memo,
    )
    try:
        run = import_memos(
            files,
            project=project,
            out=out,
            options=options,
            footnotes=footnotes,
            codebook=codebook,
        )
    except OptionError as exc:
        raise click.BadParameter(str(exc), param_hint=exc.option) from None
    bib = project.display(project.bibliography)
    for key in run.added:
        click.echo(f"added @misc{{{key}}} to {bib}", err=True)
    for path in run.written:
        draft = " (a draft)" if path in run.drafts else ""
        click.echo(f"wrote {project.display(path)}{draft}", err=True)
    click.echo(_report(run, fmt), nl=False)
    raise SystemExit(0 if run.result.success else 1)


def _report(run: ImportRun, fmt: str) -> str:
    result = run.result
    if fmt != "text":
        return REPORTERS[fmt](result)
    lines = [f.render() for f in result.sorted()]
    drafts = f" ({len(run.drafts)} as draft)" if run.drafts else ""
    lines.append(
        f"{len(run.written)} of {result.files} memo(s) imported{drafts}: {result.errors} "
        f"error(s), {result.warnings} warning(s)"
    )
    return "\n".join(lines) + "\n"
