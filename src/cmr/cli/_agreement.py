"""`cmr agreement`."""

from __future__ import annotations

import json

import click

from cmr.cli._common import pass_project
from cmr.project import Project


@click.command("agreement")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--min-alpha",
    type=click.FloatRange(-1, 1),
    default=None,
    help="Exit 1 when overall Krippendorff's alpha is below this value.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="How the report is printed.",
)
@click.option(
    "--prevalence",
    type=click.FloatRange(0.5, 1),
    default=0.9,
    show_default=True,
    help="Note a question when one answer makes up at least this share of codings.",
)
@pass_project
def command(
    project: Project, paths: tuple[str, ...], min_alpha: float | None, fmt: str, prevalence: float
) -> None:
    """Inter-coder agreement over independent codings (observations/<ISO3>/<YEAR>/<CODER>.yaml).

    Per question and overall: double-coded units, percent agreement, Krippendorff's alpha
    (nominal) and Gwet's AC1, a note where one answer dominates (alpha misleads there), and
    every disagreement with both coders' answers, evidence and citations side by side.

    \b
    Examples:
      cmr agreement
      cmr agreement --min-alpha 0.8          # for CI: exit 1 below the threshold
      cmr agreement --format json > agreement.json
    """
    from cmr.agreement import agreement
    from cmr.agreement._render import text

    report = agreement(paths or None, project=project, prevalence=prevalence)
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(text(report), nl=False)
    if min_alpha is not None and not report.passes(min_alpha):
        click.echo(
            f"overall alpha {report.overall.alpha} is below --min-alpha {min_alpha}", err=True
        )
        raise SystemExit(1)
