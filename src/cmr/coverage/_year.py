"""A country's membership within one year: whether it covers a day, and how it changed.

A country may hold several spells in a year under different codes (West Germany, 260, until
2 October 1990, and Germany, 255, from 3 October): the year is partial only where no spell of
the country holds a day. The membership file's last day is where the list stops, not a
departure from the system.

>>> from cmr.external import Spell
>>> gfr = Spell(260, "GFR", "German Federal Republic", date(1955, 5, 5), date(1990, 10, 2), "s", 2)
>>> gmy = Spell(255, "GMY", "Germany", date(1990, 10, 3), date(2016, 12, 31), "s", 3)
>>> change([gfr, gmy], 1990, date(2016, 12, 31)) is None
True
>>> change([gmy], 1990, date(2016, 12, 31))[:2]
('entered', datetime.date(1990, 10, 3))
"""

from __future__ import annotations

from datetime import date, timedelta

from cmr.coverage._observed import Observed
from cmr.external import Spell
from cmr.findings import Finding


def change(spells: list[Spell], year: int, horizon: date | None) -> tuple[str, date, Spell] | None:
    """How the country's membership changed during `year`: (`entered` or `left`, the day, the
    spell), or None when its spells hold every day of the year."""
    day, last = date(year, 1, 1), date(year, 12, 31)
    ordered = sorted(spells, key=lambda s: s.start)
    for spell in ordered:
        if spell.end < day:
            continue
        if spell.start > day:
            return "entered", spell.start, spell
        if spell.end >= last or spell.end == horizon:
            return None
        day = spell.end + timedelta(days=1)
    left = max(ordered, key=lambda s: s.end)
    return "left", left.end, left


def covers(spells: list[Spell], day: date) -> bool:
    """True when a spell holds `day`."""
    return any(s.covers(day) for s in spells)


def nearest(spells: list[Spell], day: date) -> Spell:
    """The spell whose start or end is closest to `day` (to name it in a message)."""
    return min(spells, key=lambda s: min(abs((s.start - day).days), abs((s.end - day).days)))


def year_findings(
    obs: Observed, spells: list[Spell], system: str, horizon: date | None
) -> list[Finding]:
    """What is partial about a placed observation's year: its reference moment outside the
    country's spells (at `as_of:`, or `year:`), else a year the country entered or left the
    system (at `year:`); nothing for a full year. A moment in another year is `cmr check`'s
    to report (`as-of-outside-year`), not a day outside the state's membership."""
    moment = obs.moment
    if moment is not None and moment.year == obs.year and not covers(spells, moment):
        spell = nearest(spells, moment)
        key = "as_of" if obs.how == "as_of" else "year"
        return [
            obs.finding(
                "coverage-moment-outside-spell",
                key,
                moment=moment,
                how=obs.how,
                name=spell.name,
                system=system,
                start=spell.start,
                end=spell.end,
            )
        ]
    event = change(spells, obs.year, horizon)
    if event is None:
        return []
    what, day, spell = event
    return [
        obs.finding(
            "coverage-partial-year",
            "year",
            name=spell.name,
            number=spell.code,
            event=what,
            system=system,
            day=day,
        )
    ]
