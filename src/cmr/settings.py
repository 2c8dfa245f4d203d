"""A dataset's check settings: severity overrides, selected and ignored codes.

Read from `[tool.cmr]` in pyproject.toml or the top level of cmr.toml:

    [tool.cmr]
    min_evidence_chars = 120           # overrides the codebook's observation.min_evidence_chars
    select = ["citation", "coup-history-reverts"]   # report only these codes (and prefixes)
    ignore = ["evidence-too-short"]

    [tool.cmr.severity]                # or [severity] in cmr.toml
    evidence-too-short = "off"         # "error", "warning", "info" or "off"
    window-no-year-in-window = "error"

A selector is a code or a prefix of codes ending at a dash boundary: `citation` matches
`citation-missing` and `citation-unknown-key`. The most specific severity entry wins.

>>> s = Settings(severity={"evidence": "off", "evidence-too-short": "error"})
>>> s.severity_of("evidence-too-short", "warning")
'error'
>>> s.severity_of("evidence-opens-by-denying", "warning")
'off'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from cmr.registry import fixed_codes

LEVELS = ("error", "warning", "info", "off")


class SettingsError(ValueError):
    """Settings that cannot be used: a wrong type or an unknown severity level."""


def matches(selector: str, code: str) -> bool:
    """True when `selector` is `code` or a dash-bounded prefix of it (`citation`, `citation-`)."""
    stem = selector.rstrip("-*")
    return code == stem or code.startswith(stem + "-")


def _codes(value: Any, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SettingsError(f"{name} must be a list of finding codes")
    return tuple(s.strip() for v in value for s in v.split(",") if s.strip())


@dataclass(frozen=True)
class Settings:
    """What a dataset (or the command line) changes about how findings are reported."""

    severity: dict[str, str] = field(default_factory=dict)
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    min_evidence_chars: int | None = None

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Settings:
        """Settings from a project's configuration table (`Project.config`)."""
        severity = config.get("severity", {})
        if not isinstance(severity, dict):
            raise SettingsError("[severity] must be a table of code = level")
        for code, level in severity.items():
            if level not in LEVELS:
                raise SettingsError(
                    f"severity of {code!r} must be one of {', '.join(LEVELS)}, not {level!r}"
                )
        for code in severity:
            if code in fixed_codes():
                raise SettingsError(
                    f"the severity of {code!r} cannot be changed: a file that cannot be read "
                    "must fail the check"
                )
        minimum = config.get("min_evidence_chars")
        if minimum is not None and (
            isinstance(minimum, bool) or not isinstance(minimum, int) or not 0 <= minimum <= 100_000
        ):
            raise SettingsError("min_evidence_chars must be a whole number from 0 to 100000")
        return cls(
            dict(severity),
            _codes(config.get("select"), "select"),
            _codes(config.get("ignore"), "ignore"),
            minimum,
        )

    def with_options(self, select: Sequence[str] = (), ignore: Sequence[str] = ()) -> Settings:
        """Command-line options on top: `--select` replaces the selection, `--ignore` adds."""
        chosen = _codes(list(select), "--select") or self.select
        return replace(self, select=chosen, ignore=self.ignore + _codes(list(ignore), "--ignore"))

    def severity_of(self, code: str, default: str) -> str:
        """The severity a finding of `code` is reported at ("off": not at all)."""
        best, length = default, -1
        for selector, level in self.severity.items():
            if matches(selector, code) and len(selector) > length:
                best, length = level, len(selector)
        return best

    def wanted(self, code: str) -> bool:
        """Whether findings of `code` are reported at all."""
        if self.select and not any(matches(s, code) for s in self.select):
            return False
        if any(matches(s, code) for s in self.ignore):
            return False
        return self.severity_of(code, "error") != "off"

    def unknown(self, known: Iterable[str]) -> list[str]:
        """Selectors (in select, ignore or severity) that match no known code."""
        codes = list(known)
        selectors = [*self.select, *self.ignore, *self.severity]
        return [s for s in selectors if not any(matches(s, c) for c in codes)]

    def apply(self, findings: Iterable[Any]) -> list[Any]:
        """Drop unwanted findings and give the rest their dataset severity. Findings that a
        file could not be read (`cmr.registry` marks their checks `fixed`) always stay."""
        out = []
        fixed = fixed_codes()
        for f in findings:
            if f.code in fixed:
                out.append(f)
                continue
            if not self.wanted(f.code):
                continue
            level = self.severity_of(f.code, f.severity)
            out.append(f if level == f.severity else replace(f, severity=level))
        return out
