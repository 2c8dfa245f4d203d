"""Options and helpers shared by the commands."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from typing import Any, TypeVar

import click

from cmr.errors import EnvironmentProblem
from cmr.project import NotADataset, Project, ProjectError
from cmr.reporters import REPORTERS
from cmr.settings import SettingsError

F = TypeVar("F", bound=Callable[..., Any])


def pass_project(func: F) -> F:
    """Give the command a `project` argument: the dataset found from `-C` or the cwd.

    Settings that cannot be read or used, and a folder outside any dataset, are a usage
    error (exit 2, one line) in every command.
    """

    @click.pass_context
    @functools.wraps(func)
    def wrapper(ctx: click.Context, *args: Any, **kwargs: Any) -> Any:
        start = (ctx.find_root().obj or {}).get("project_dir")
        if start is not None and not os.path.isdir(start):
            raise click.UsageError(f"-C {start!r}: no such folder", ctx)
        try:
            project = Project.dataset(start)
        except NotADataset as exc:
            raise EnvironmentProblem(str(exc)) from None
        except ProjectError as exc:
            raise click.UsageError(str(exc), ctx) from None
        try:
            return func(project, *args, **kwargs)
        except (ProjectError, SettingsError) as exc:  # the dataset's settings cannot be used
            raise click.UsageError(str(exc), ctx) from None

    return wrapper  # type: ignore[return-value]


def format_option(func: F) -> F:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(REPORTERS)),
        default="text",
        show_default=True,
        help="How findings are printed.",
    )(func)


def table_format_option(help_text: str) -> Callable[[F], F]:
    """`--format text|json|csv` of the commands that print a report rather than findings."""

    def decorate(func: F) -> F:
        return click.option(
            "--format",
            "fmt",
            type=click.Choice(["text", "json", "csv"]),
            default="text",
            show_default=True,
            help=help_text,
        )(func)

    return decorate
