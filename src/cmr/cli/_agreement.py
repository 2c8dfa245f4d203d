"""`cmr agreement`."""

from __future__ import annotations

import json
import math
import os
from pathlib import Path

import click

from cmr.cli._common import pass_project
from cmr.errors import one_line
from cmr.project import Project


class Between(click.ParamType[float, object]):
    """A finite number from `low` to `high`: nan, inf and numbers outside are usage errors."""

    name = "number"

    def __init__(self, low: float, high: float):
        self.low, self.high = low, high

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> float:
        try:
            number = float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            number = math.nan
        if not (math.isfinite(number) and self.low <= number <= self.high):
            self.fail(f"{value!r} is not a number from {self.low:g} to {self.high:g}", param, ctx)
        return number


@click.command("agreement")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--min-alpha",
    type=Between(-1, 1),
    default=None,
    help="Exit 1 when overall Krippendorff's alpha is below this value (from -1 to 1), or "
    "when no alpha can be computed.",
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
    type=Between(0.5, 1),
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
    Missing codes (unknown, ...) are left out of the figures.

    Exit 1 when a coding cannot be read or used (each is printed as
    path:line:column: severity code message), or with --min-alpha when the overall alpha is
    below it or cannot be computed.

    \b
    Examples:
      cmr agreement
      cmr agreement --min-alpha 0.8          # for CI: exit 1 below the threshold
      cmr agreement --format json > agreement.json
    """
    from cmr.agreement import agreement
    from cmr.agreement._render import text, why_not

    _inside_observations(project, paths)
    report = agreement(paths or None, project=project, prevalence=prevalence)
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(text(report), nl=False)
        for f in sorted(set(report.findings)):
            click.echo(f.render())
    failed = not report.success
    if failed:
        errors = sum(f.severity == "error" for f in report.findings)
        click.echo(
            f"cmr agreement: {errors} error(s) in the independent codings; the figures leave "
            "out what could not be used: fix them (cmr check) and run again",
            err=True,
        )
    if min_alpha is not None and not report.computable:
        click.echo(f"cmr agreement: no agreement could be computed: {why_not(report)}", err=True)
        failed = True
    elif min_alpha is not None and not report.passes(min_alpha):
        shown = "n/a" if report.overall.alpha is None else f"{report.overall.alpha:.3f}"
        click.echo(
            f"cmr agreement: overall alpha {shown} is below --min-alpha {min_alpha:g}", err=True
        )
        failed = True
    if failed:
        raise SystemExit(1)


def _inside_observations(project: Project, paths: tuple[str, ...]) -> None:
    """Codings live in the observation folder: a path outside it (`/etc`, `codebook`) is a
    usage error, and nothing outside is read."""
    folder = project.observations_dir.resolve()
    for path in paths:
        where = Path(os.path.abspath(path)).resolve() if path else None
        if where is None or not (where == folder or folder in where.parents):
            raise click.UsageError(
                f"'{one_line(path[:80])}' is not in the observation folder "
                f"{one_line(project.display(project.observations_dir))}; cmr agreement reads "
                "the independent codings there"
            )
