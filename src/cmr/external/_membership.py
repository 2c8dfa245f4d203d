"""Reading state-system membership files: one reader per system, chosen by name.

`read_membership(paths, "cow")` reads the Correlates of War list, `"gw"` the Gleditsch &
Ward list (several files, such as G&W's states and microstates, are read as one list). Every
problem is a located finding; the spells that could be read are kept.

>>> m = read_membership([Path("states2016.csv")], "cow")     # doctest: +SKIP
>>> [(s.code, s.start.year) for s in m.by_code[373]]         # doctest: +SKIP
[(373, 1991)]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from cmr.catalogue import finding
from cmr.external import _cow, _gw
from cmr.external._rows import Layout, Row, read_rows
from cmr.external._spells import Membership, Spell
from cmr.findings import Finding


@dataclass(frozen=True)
class System:
    """A state system: its name in messages, the layout of its file, its row reader, and the
    field of `cmr.countries.Country` that holds a country's code in it."""

    label: str
    layout: Layout
    spell: Callable[[Row], Spell | Finding]
    code_field: str


SYSTEMS: dict[str, System] = {
    "cow": System("COW", _cow.LAYOUT, _cow.spell, "cown"),
    "gw": System("G&W", _gw.LAYOUT, _gw.spell, "gwn"),
}


def read_membership(
    paths: Sequence[Path], system: str, show: Callable[[Path], str] = str
) -> Membership:
    """The spells of `system` in `paths`; `show(path)` is how findings name a file. A system
    not in `SYSTEMS` is a programming mistake (`ValueError`); everything wrong in the files
    is a finding."""
    spec = SYSTEMS.get(system)
    if spec is None:
        raise ValueError(f"unknown state system {system!r}; one of {', '.join(SYSTEMS)}")
    out = Membership(system)
    for path in paths:
        table = read_rows(path, spec.layout, name=show(path))
        out.files.append(table.file)
        out.encodings[table.file] = table.encoding
        out.findings.extend(table.findings)
        for row in table.rows:
            got = spec.spell(row)
            (out.findings if isinstance(got, Finding) else out.spells).append(got)  # type: ignore[arg-type]
    out.findings.extend(_bad_spells(out, spec.layout.source))
    out.findings.sort()
    return out


def _bad_spells(out: Membership, source: str) -> list[Finding]:
    """Spells that end before they start or overlap an earlier spell of the same code; they
    are dropped, so that a year is never counted twice."""
    bad: list[Finding] = []
    kept: list[Spell] = []
    for spell in sorted(out.spells, key=lambda s: (s.code, s.start, s.file, s.line)):
        earlier = next((k for k in reversed(kept) if k.code == spell.code), None)
        problem = ""
        if spell.end < spell.start:
            problem = f"ends on {spell.end} before it starts on {spell.start}"
        elif earlier is not None and spell.start <= earlier.end:
            problem = f"overlaps the spell at {earlier.file}:{earlier.line} (to {earlier.end})"
        if problem:
            bad.append(_spell_finding(spell, source, problem))
        else:
            kept.append(spell)
    out.spells = sorted(kept, key=lambda s: (s.file, s.line))
    return bad


def _spell_finding(spell: Spell, source: str, problem: str) -> Finding:
    return finding(
        "external-spell-invalid",
        spell.file,
        spell.line,
        1,
        source=source,
        state=spell.name or spell.abbreviation,
        number=spell.code,
        problem=problem,
    )
