"""`cmr codes`: every check and finding code."""

from __future__ import annotations

import click


@click.command("codes")
@click.option("--markdown", is_flag=True, help="Print the reference page (docs/codes.md).")
def command(markdown: bool) -> None:
    """List every finding code cmr can report: its severity, the check that reports it and
    that check's scope, and its title.

    \b
    Examples:
      cmr codes
      cmr codes --markdown > docs/codes.md
    """
    from cmr.docs import codes_markdown, codes_text

    click.echo(codes_markdown() if markdown else codes_text(), nl=False)
