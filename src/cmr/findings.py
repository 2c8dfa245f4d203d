"""Findings: what a check says about a file, as data with a place.

A `Finding` carries a stable kebab-case code from the catalogue (`cmr.catalogue`), a severity,
a message, and where it is: the file, the 1-based line and column, and the path inside the
document (`answers.<variable>.answer`). A `Result` gathers findings; the CLI turns its
`success` into an exit status and hands it to a reporter.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

SEVERITIES = ("error", "warning", "info")


def _one_line(text: str) -> str:
    """Line breaks shown as `\\n`, so that a finding stays one line (a file name may hold one)."""
    return text.replace("\r", "\\r").replace("\n", "\\n")


@dataclass(frozen=True, order=True)
class Finding:
    """One thing a check found, at one place."""

    file: str
    line: int
    column: int
    severity: str
    code: str
    message: str
    pointer: str = ""
    related: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["related"] = list(self.related)
        return data

    def render(self) -> str:
        """`path:line:column: severity code message`, the form editors can jump to."""
        where = f"{_one_line(self.file)}:{self.line}:{self.column}"
        return f"{where}: {self.severity} {self.code} {_one_line(self.message)}"


@dataclass
class Result:
    """Findings from one run, with the number of files read."""

    findings: list[Finding] = field(default_factory=list)
    files: int = 0
    context: list[str] = field(default_factory=list)
    """Files read only as context for the named files (their country's other years and
    codings), whose own findings are not reported."""
    checks: list[dict[str, Any]] = field(default_factory=list)
    """The checks that ran: `{"check", "scope", "codes"}` each."""

    def extend(self, findings: Iterable[Finding]) -> None:
        self.findings.extend(findings)

    def sorted(self) -> list[Finding]:
        return sorted(set(self.findings))

    def count(self, severity: str) -> int:
        """Findings of `severity`, each counted once, as `sorted()` prints them."""
        return sum(1 for f in set(self.findings) if f.severity == severity)

    @property
    def errors(self) -> int:
        return self.count("error")

    @property
    def warnings(self) -> int:
        return self.count("warning")

    @property
    def success(self) -> bool:
        """True when no finding is an error; warnings do not fail a run."""
        return self.errors == 0

    def flatten(self, fields: Sequence[str] = ("code", "line")) -> list[tuple[Any, ...]]:
        """Project findings onto `fields`, for tests: `[("answer-not-in-scale", 12), ...]`."""
        return [tuple(getattr(f, name) for name in fields) for f in self.sorted()]

    def to_dict(self) -> dict[str, Any]:
        """The documented JSON structure that `--format json` prints."""
        return {
            "version": 1,
            "success": self.success,
            "summary": {
                "files": self.files,
                "errors": self.errors,
                "warnings": self.warnings,
                "infos": self.count("info"),
            },
            "findings": [f.to_dict() for f in self.sorted()],
            "checks": self.checks,
            "context": self.context,
        }
