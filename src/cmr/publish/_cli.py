"""What the publishing commands share: findings and problems turned into exit statuses."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import click

from cmr.errors import EnvironmentProblem, one_line, os_errors_as_problems
from cmr.findings import Finding, Result
from cmr.publish._citation import PublishError
from cmr.publish._placing import signals_held

__all__ = ["emit", "fail_on", "show_findings"]


def show_findings(findings: list[Finding]) -> None:
    """Print findings as `path:line:column: severity code message`, one a line, in order."""
    for item in Result(findings).sorted():
        click.echo(item.render())


def fail_on(make: Callable[[], bytes]) -> bytes:
    """`make()`, with findings printed and exit 1, a problem printed and exit 2."""
    try:
        return make()
    except PublishError as exc:
        show_findings(exc.findings)
        raise SystemExit(1) from None
    except EnvironmentProblem as exc:
        click.echo(f"cmr: {exc}", err=True)
        raise SystemExit(2) from None


def emit(make: Callable[[], bytes], out: str | None) -> None:
    """Write what `make()` returns to `out` (never over an existing file) or stdout."""
    if out is not None and os.path.lexists(out):  # a link to nothing is taken too
        raise click.UsageError(f"{one_line(out)} exists; remove it or choose another --out")
    data = fail_on(make)
    if out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    with os_errors_as_problems(one_line(out)), signals_held():  # no temporary file left behind
        _write_new(Path(out), data)
    click.echo(f"wrote {one_line(out)}", err=True)


def _write_new(path: Path, data: bytes) -> None:
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.link(tmp, path)  # FileExistsError if someone wrote it meanwhile
    finally:
        os.unlink(tmp)
