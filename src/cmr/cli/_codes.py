"""`cmr codes`: the catalogue of finding codes."""

from __future__ import annotations

import click

from cmr.catalogue import KINDS


@click.command("codes")
@click.option("--markdown", is_flag=True, help="Print the reference page (docs/codes.md).")
def command(markdown: bool) -> None:
    """List every finding code cmr can report, with its severity and meaning."""
    from cmr.docs import codes_markdown

    if markdown:
        click.echo(codes_markdown(), nl=False)
        return
    for kind in KINDS.values():
        click.echo(f"{kind.code:32} {kind.severity:8} {kind.title}")
