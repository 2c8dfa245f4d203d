"""Membership spells: a state's code, abbreviation and name, and the days it was a member.

A state-system file (Correlates of War, Gleditsch & Ward) lists one spell per row; a state
that left the system and came back (Haiti under both) has several. `Membership` holds the
spells of one or more files with what was wrong in them, and answers the questions coverage
asks: which codes were members in a year, and what the file's horizon is (the last day it
knows of; a state "ending" there did not leave the system, the list stops).

>>> s = Spell(373, "AZE", "Azerbaijan", date(1991, 12, 30), date(2016, 12, 31), "s.csv", 2)
>>> s.in_year(1991), s.in_year(1990), s.covers(date(1992, 1, 1))
(True, False, True)
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from cmr.findings import Finding

YEARS = (1800, 2200)
"""The years a membership spell may start and end in. Both systems begin in 1816; a year far
outside (`1`, `9999` written for "still a member") is a mistake, and would make the universe
of a thousand states and ten thousand years, which no report can hold."""


@dataclass(frozen=True)
class Spell:
    """One row of a membership file: a state was a member from `start` to `end` (both in)."""

    code: int
    abbreviation: str
    name: str
    start: date
    end: date
    file: str
    line: int

    def in_year(self, year: int) -> bool:
        """True when the spell holds at least one day of `year`."""
        return self.start.year <= year <= self.end.year

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "abbreviation": self.abbreviation,
            "name": self.name,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "where": f"{self.file}:{self.line}",
        }


@dataclass
class Membership:
    """The spells read from a system's membership file(s), and the findings about them."""

    system: str
    files: list[str] = field(default_factory=list)
    spells: list[Spell] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    encodings: dict[str, str] = field(default_factory=dict)

    @cached_property
    def by_code(self) -> dict[int, list[Spell]]:
        """Spells by state code, in date order."""
        out: dict[int, list[Spell]] = defaultdict(list)
        for spell in sorted(self.spells, key=lambda s: (s.code, s.start)):
            out[spell.code].append(spell)
        return dict(out)

    def spells_in(self, code: int, year: int) -> list[Spell]:
        """The spells of `code` that hold a day of `year`."""
        return [s for s in self.by_code.get(code, ()) if s.in_year(year)]

    @property
    def horizon(self) -> date | None:
        """The last day the files know of (the latest end of a spell); None without spells."""
        return max((s.end for s in self.spells), default=None)

    @property
    def dawn(self) -> date | None:
        """The first day the files know of (the earliest start of a spell)."""
        return min((s.start for s in self.spells), default=None)

    @property
    def success(self) -> bool:
        return not any(f.severity == "error" for f in self.findings)
