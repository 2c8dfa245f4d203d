"""The `cmr` command line: a thin layer over the library.

Each command lives in a module of this package, parses options, calls one library function and
renders its result. Heavy libraries (pandas, pyarrow) are imported inside the commands that need
them, so that `cmr check` starts fast.
"""

from __future__ import annotations

import sys

import click

from cmr.cli import _check, _codebook, _codes, _import_memo, _new
from cmr.cli._common import pass_project

__all__ = ["main", "pass_project"]


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("-C", "--project", "project_dir", type=click.Path(file_okay=False),
              default=None, help="Dataset folder (default: found from the working directory).")
@click.version_option(package_name="cmr")
@click.pass_context
def cli(ctx: click.Context, project_dir: str | None) -> None:
    """cmr: code civil-military relations into a checked, versioned panel.

    \b
    Coders:      cmr new AZE 1994 --coder jdoe   then   cmr check
    Researchers: cmr export --out dist/
    CI:          cmr check --format github
    """
    ctx.obj = {"project_dir": project_dir}


for _module in (_check, _new, _codebook, _codes, _import_memo):
    cli.add_command(_module.command)


def main() -> None:
    """Console entry point; exit status 2 for usage errors, as click does."""
    cli.main(prog_name="cmr")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
