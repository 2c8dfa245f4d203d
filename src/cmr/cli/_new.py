"""`cmr new`."""

from __future__ import annotations

import click

from cmr import countries
from cmr.carry import NothingToCarry
from cmr.cli._common import pass_project
from cmr.codebook import CodebookError
from cmr.project import Project
from cmr.template import TemplateError, new_observation


@click.command("new")
@click.argument("country")
@click.argument("year", type=click.IntRange(1000, 9999))
@click.option("--coder", required=True, help="Your coder name, as it will appear in the panel.")
@click.option(
    "--independent",
    is_flag=True,
    help="Write observations/<ISO3>/<YEAR>/<CODER>.yaml, an independent coding for "
    "inter-coder agreement, instead of observations/<ISO3>/<YEAR>.yaml.",
)
@click.option(
    "--from-previous",
    is_flag=True,
    help="Start a draft from the country's most recent earlier year: its answers, evidence "
    "and citations copied, each marked carried_from until you confirm it.",
)
@pass_project
def command(
    project: Project, country: str, year: int, coder: str, independent: bool, from_previous: bool
) -> None:
    """Write a blank observation for COUNTRY (name or ISO3 code) and YEAR.

    The file holds every question of the latest codebook, with the question text as a comment
    above each answer. It is never written over an existing file.

    \b
    Examples:
      cmr new Azerbaijan 1994 --coder jdoe
      cmr new AZE 1994 --coder jdoe --independent
      cmr new AZE 1995 --coder jdoe --from-previous
    """
    refused = countries.refusal(country)
    if refused is not None:  # a state cmr cannot file: a usage error, exit 2
        raise click.BadParameter(refused, param_hint="COUNTRY")
    try:
        path = new_observation(
            project, country, year, coder, independent=independent, from_previous=from_previous
        )
    except TemplateError as exc:
        if exc.param == "codebook":  # no codebook to write from: a usage error, exit 2
            raise click.UsageError(str(exc)) from None
        if exc.param is not None:  # the request is wrong: a usage error, exit 2
            hint = "--from-previous" if exc.param == "from_previous" else exc.param.upper()
            raise click.BadParameter(str(exc), param_hint=hint) from None
        raise click.ClickException(str(exc)) from None
    except CodebookError as exc:  # the codebook is broken: its findings, exit 1
        for item in exc.findings:
            click.echo(item.render())
        raise SystemExit(1) from None
    except NothingToCarry as exc:  # the earlier year is at fault: its findings, exit 1
        for item in exc.findings:
            click.echo(item.render())
        click.echo(f"cmr: {exc}", err=True)
        raise SystemExit(1) from None
    click.echo(project.display(path))
    substituted = countries.substitution(country)
    if substituted is not None:  # a former state: its successor's codes, said out loud
        click.echo(f"cmr: warning: {substituted}, which the file uses", err=True)
