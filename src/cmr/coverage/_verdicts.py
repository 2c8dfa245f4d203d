"""What placing an observation can come to: a `Placement` (the code it lands on, or None and
why), with the finding that says what is wrong. Each function builds one outcome of the rule
in `_place`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cmr.coverage._observed import Observed
from cmr.external import Spell, System
from cmr.findings import Finding


@dataclass
class Placement:
    """Where an observation lands: a state code (None: nowhere) and why not, if nowhere."""

    code: int | None
    reason: str = ""
    findings: list[Finding] = field(default_factory=list)


def _field(system: System) -> tuple[str, str]:
    """The observation's field holding its code, and the field findings point at."""
    if system.code_field == "cown":
        return "cown", "cown"
    return "gwn (cmr's country table, by iso3c)", "iso3c"


def beyond(obs: Observed, label: str, dawn: dt.date, horizon: dt.date) -> Placement:
    """A year the membership file knows nothing of: a warning, outside the universe."""
    found = obs.finding(
        "coverage-beyond-membership", "year", system=label, dawn=dawn, horizon=horizon
    )
    return Placement(None, "outside the membership file's years", [found])


def mismatch(obs: Observed, system: System, spell: Spell, other: str) -> Placement:
    """The observation's code is another state's that year: an error, placed nowhere."""
    name, key = _field(system)
    found = obs.finding(
        "coverage-code-mismatch",
        key,
        field=name,
        number=spell.code,
        name=spell.name,
        other=other,
        system=system.label,
    )
    return Placement(None, f"{spell.code} is {other} in the list", [found])


def differs(obs: Observed, system: System, own: int | None, spell: Spell) -> Placement:
    """The list has the country under another code that year: info, placed there."""
    name, key = _field(system)
    found = obs.finding(
        "coverage-code-differs",
        key,
        field=name,
        number=own,
        system=system.label,
        other_number=spell.code,
        name=spell.name,
    )
    return Placement(spell.code, "", [found])


def not_member(obs: Observed, label: str, own: int | None, held: list[Spell]) -> Placement:
    """No member on any day of the year: an error naming the spells the state has."""
    spells = ", ".join(f"{s.start} to {s.end}" for s in held[:4])
    found = obs.finding(
        "coverage-not-in-system",
        "year",
        system=label,
        number=own if own is not None else "(no code)",
        name=held[0].name if held else obs.iso3c,
        spells=f"a member {spells}" if spells else "the list never has it",
    )
    return Placement(None, "not a member that year", [found])
