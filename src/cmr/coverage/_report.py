"""The coverage report: each case of the universe with its status, the observations outside
it, and the findings, per country and overall.

A case is a country-year of the universe: a country (its ISO3 code, or the system's number
for a state without one) that the membership file has as a member on at least one day of a
year from `first` to `last` (a state that entered on 30 December is a case of that year),
kept by the universe's filters. A country that changed code during a year (West Germany 260
to Germany 255 in 1990) is one case, as it is one observation file.
Its status is that of the observation placed there: `final` or `draft` (the adjudicated
file), `independent` (independent codings only), `unreadable`, or `missing`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from cmr.coverage._universe import Universe
from cmr.findings import Finding

MISSING = "missing"
STATUSES = ("final", "draft", "independent", "unreadable", MISSING)


@dataclass(frozen=True)
class Case:
    """A state-year of the universe and what covers it."""

    codes: tuple[int, ...]
    """The state's numbers in the system that year (two when it changed code in the year)."""
    iso3c: str | None
    name: str
    year: int
    status: str
    files: tuple[str, ...] = ()
    partial: bool = False
    """The state entered or left the system during the year."""

    @property
    def country(self) -> str:
        """How the case's country is shown: its ISO3 code, or the system's number."""
        return self.iso3c or f"#{self.codes[0]}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "iso3c": self.iso3c,
            "codes": list(self.codes),
            "name": self.name,
            "year": self.year,
            "status": self.status,
            "partial": self.partial,
            "files": list(self.files),
        }


@dataclass(frozen=True)
class Outside:
    """An observation that lands on no case of the universe, and why."""

    file: str
    iso3c: str
    year: int
    reason: str
    error: bool = False
    """True when the observation is outside because it is wrong (an error finding says why),
    not because the universe leaves its year or country out."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "iso3c": self.iso3c,
            "year": self.year,
            "reason": self.reason,
            "error": self.error,
        }


@dataclass
class CoverageReport:
    """What `cmr coverage` reports; `to_dict()` is what `--format json` prints."""

    universe: Universe
    files: list[str] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)
    outside: list[Outside] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 for f in set(self.findings) if f.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for f in set(self.findings) if f.severity == "warning")

    @property
    def missing(self) -> int:
        return sum(1 for c in self.cases if c.status == MISSING)

    @property
    def success(self) -> bool:
        return self.errors == 0

    def totals(self) -> dict[str, int]:
        """Cases by status (every status, zero included), and observations outside."""
        counts = Counter(c.status for c in self.cases)
        return {
            "cases": len(self.cases),
            **{s: counts[s] for s in STATUSES},
            "outside": len(self.outside),
        }

    def countries(self) -> list[dict[str, Any]]:
        """One line per country of the universe: its codes, name, years and cases by status."""
        groups: dict[str, list[Case]] = {}
        for case in self.cases:
            groups.setdefault(case.country, []).append(case)
        return [_country_line(key, cases) for key, cases in sorted(groups.items())]

    def to_dict(self) -> dict[str, Any]:
        u = self.universe
        return {
            "version": 1,
            "success": self.success,
            "universe": {
                "system": u.system,
                "states": self.files,
                "first": u.first,
                "last": u.last,
                "countries": list(u.countries),
                "exclude": list(u.exclude),
                "codes": {iso3c: list(numbers) for iso3c, numbers in u.codes},
            },
            "summary": {**self.totals(), "errors": self.errors, "warnings": self.warnings},
            "countries": self.countries(),
            "cases": [c.to_dict() for c in self.cases],
            "outside": [o.to_dict() for o in self.outside],
            "findings": [f.to_dict() for f in sorted(set(self.findings))],
        }


def _country_line(key: str, cases: list[Case]) -> dict[str, Any]:
    counts = Counter(c.status for c in cases)
    coded = counts["final"]
    return {
        "country": key,
        "iso3c": cases[0].iso3c,
        "codes": sorted({n for c in cases for n in c.codes}),
        "name": cases[-1].name,
        "first": min(c.year for c in cases),
        "last": max(c.year for c in cases),
        "cases": len(cases),
        **{s: counts[s] for s in STATUSES},
        "share_final": round(coded / len(cases), 3),
    }
