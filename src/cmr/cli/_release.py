"""`cmr release`."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import click

from cmr.cli._common import format_option, pass_project
from cmr.project import Project


@contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM (a CI job cancelled, `kill`) and SIGINT, even where the shell ignores it for a
    background job, stop a release as Ctrl-C does: the staging folder is removed and nothing
    is published (exit 130)."""
    import signal

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    stops = (signal.SIGTERM, signal.SIGINT)
    previous = [signal.signal(number, stop) for number in stops]
    try:
        yield
    finally:
        for number, handler in zip(stops, previous, strict=True):
            signal.signal(number, handler)


@click.command("release")
@click.argument("version")
@click.option(
    "--out",
    "out",
    type=click.Path(file_okay=False),
    default=None,
    help="Folder to put the release in (default: dist/ of the dataset).",
)
@click.option("--allow-drafts", is_flag=True, help="Release with drafts left out of the panel.")
@click.option(
    "--pdf/--no-pdf",
    default=True,
    show_default=True,
    help="Include the codebook as PDF (needs Chromium and Playwright).",
)
@format_option
@pass_project
def command(
    project: Project, version: str, out: str | None, allow_drafts: bool, pdf: bool, fmt: str
) -> None:
    """Check everything, then write release VERSION: dist/cmr-dataset-VERSION/ and its zip.

    The folder holds the panel (as cmr export writes it, with datapackage.json), the codebook
    (YAML of every version; the latest as Markdown, HTML and PDF), CITATION.cff with this
    version and date, CHANGELOG.md (which must have a heading for VERSION), the data licence
    and SHA256SUMS. The zip is byte-identical whenever the same commit is released (set
    SOURCE_DATE_EPOCH to date it; default: the commit's time). Any error finding: the
    findings, exit 1, nothing written. A VERSION already released (under any spelling), a
    malformed VERSION, drafts without --allow-drafts, or an --out among the inputs or inside
    a release: one line, exit 2. Ctrl-C or SIGTERM: nothing published, exit 130.

    \b
    Examples:
      cmr release 1.2.0
      cmr release 2026.1 --out /tmp/releases --no-pdf
      git tag v1.2.0 && cmr release 1.2.0
    """
    from cmr.errors import EnvironmentProblem, one_line
    from cmr.publish import ReleaseRefused, release
    from cmr.reporters import REPORTERS

    try:
        with _terminate_as_interrupt():
            run = release(project, version, out, allow_drafts=allow_drafts, pdf=pdf)
    except ReleaseRefused as exc:
        raise click.UsageError(str(exc)) from None
    except EnvironmentProblem as exc:
        click.echo(f"cmr: {exc}", err=True)
        raise SystemExit(2) from None
    if fmt == "text":
        for item in run.result.sorted():
            click.echo(item.render())
    else:
        click.echo(REPORTERS[fmt](run.result), nl=False)
    if not run.files:
        raise SystemExit(1)
    shown = one_line(project.display(run.zip))
    click.echo(f"released {run.version}: {shown} ({len(run.files)} files)", err=fmt != "text")
