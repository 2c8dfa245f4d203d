"""The `cmr` command line: a thin layer over the library.

Each command lives in a module of this package, parses options, calls one library function and
renders its result. Command modules are imported only when their command runs, so that
`cmr check` does not pay for the memo importer or the exporter; heavy libraries (pandas,
pyarrow) are imported inside the commands that need them.
"""

from __future__ import annotations

from importlib import import_module

import click

from cmr.cli._common import pass_project

__all__ = ["cli", "main", "pass_project"]

# command name -> module of this package defining `command`
COMMANDS = {
    "check": "_check",
    "new": "_new",
    "codebook": "_codebook",
    "export": "_export",
    "agreement": "_agreement",
    "import-memo": "_import_memo",
    "codes": "_codes",
}


class _LazyGroup(click.Group):
    """A group that imports a command's module when the command is looked up."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = COMMANDS.get(cmd_name)
        if module is None:
            return None
        command: click.Command = import_module(f"cmr.cli.{module}").command
        return command


@click.group(
    cls=_LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.option(
    "-C",
    "--project",
    "project_dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Dataset folder (default: found from the working directory).",
)
@click.version_option(package_name="cmr")
@click.pass_context
def cli(ctx: click.Context, project_dir: str | None) -> None:
    """cmr: code civil-military relations into a checked, versioned panel.

    \b
    Coders:      cmr new AZE 1994 --coder jdoe   then   cmr check
    Researchers: cmr export --out dist/
    CI:          cmr check --format github   and   cmr agreement --min-alpha 0.67
    """
    ctx.obj = {"project_dir": project_dir}


def main() -> None:
    """Console entry point; exit status 2 for usage errors, as click does."""
    cli.main(prog_name="cmr")


if __name__ == "__main__":  # pragma: no cover
    main()
