"""A kind of finding: code, severity, title, description and message template."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from cmr.findings import Finding


@dataclass(frozen=True)
class Kind:
    """One entry of the catalogue. `template` is formatted with the finding's parameters."""

    code: str
    severity: str
    title: str
    description: str
    template: str
    family: str = "core"
    defaults: tuple[tuple[str, Any], ...] = ()
    """Parameters a caller may leave out (a did-you-mean `hint` that is often empty)."""

    def message(self, **params: Any) -> str:
        return self.template.format(**{**dict(self.defaults), **params})


def make(kinds: Mapping[str, Kind]) -> Callable[..., Finding]:
    """Build the `finding(code, file, line, column, pointer=..., **params)` factory."""

    def finding(
        code: str,
        file: str,
        line: int = 1,
        column: int = 1,
        *,
        pointer: str = "",
        severity: str | None = None,
        related: tuple[str, ...] = (),
        **params: Any,
    ) -> Finding:
        kind = kinds[code]
        return Finding(
            file=file,
            line=line,
            column=column,
            severity=severity or kind.severity,
            code=code,
            message=kind.message(**params),
            pointer=pointer,
            related=related,
        )

    return finding
