"""Placing an observation in the state system: which state-year it codes, and what is wrong.

The rule (docs/coverage.md):

1. A year the membership file knows nothing of (before its first or after its last day) is
   not checked: a warning, and the observation is outside the universe.
2. The observation's code in the system (its `cown` for Correlates of War; else the code
   the country table gives its ISO3 on its reference date) is a member in the year, and is
   the same country in the file: placed there. If the file has that code as another
   country that year, or as a state without an ISO3 code while the observation's ISO3 code
   is a country's (a DEU file with 265), an error (`coverage-code-mismatch`). A file under a
   code countrycode does not know (XKX, with Kosovo's 347) is placed on the state its code is.
3. Otherwise, if the file lists the observation's country that year under another code
   (`_identity`), an info finding (`coverage-code-differs`), placed there; silently
   when the code is not written in the observation (`cown: null`; any G&W code).
4. Otherwise the state was no member on any day of the year: an error at the `year:` line
   (`coverage-not-in-system`).
5. Placed, but the reference moment falls on a day outside every spell of the state: a
   warning at `as_of:` (or `year:`); in the spell, but the state entered or left the system
   during the year: a warning at `year:` (`coverage-partial-year`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping

from cmr.coverage._identity import code_on, country_of, known
from cmr.coverage._observed import UNREADABLE, Observed
from cmr.coverage._verdicts import Placement, beyond, differs, mismatch, not_member
from cmr.coverage._year import year_findings
from cmr.external import Membership, Spell, System
from cmr.findings import Finding


class Placer:
    """Places observations in one membership list."""

    def __init__(
        self, membership: Membership, system: System, codes: Mapping[int, str] | None = None
    ) -> None:
        self.membership, self.system = membership, system
        self.label = system.label
        self.codes = dict(codes or {})
        self.dawn, self.horizon = membership.dawn, membership.horizon
        self.by_country: dict[str, list[Spell]] = defaultdict(list)
        for spell in membership.spells:
            iso3c = self.country(spell)
            if iso3c is not None:
                self.by_country[iso3c].append(spell)

    def country(self, spell: Spell) -> str | None:
        """The ISO3 code of the country `spell` is (None: a state without one)."""
        return country_of(spell, self.system.code_field, self.codes)

    def own_code(self, obs: Observed) -> int | None:
        """The observation's code in the system: its `cown` for COW, else the code the
        country table gives its country on its reference date (31 December, if that date
        is not in its year), as `cmr check` requires it."""
        if self.system.code_field == "cown" and obs.cown is not None:
            return obs.cown
        day = obs.moment if obs.moment and obs.moment.year == obs.year else None
        return code_on(obs.iso3c, self.system.code_field, day or dt.date(obs.year, 12, 31))

    def written(self, obs: Observed) -> bool:
        """True when the observation's code is written in it (its `cown`, for COW), not
        taken from countrycode."""
        return self.system.code_field == "cown" and obs.cown is not None

    def place(self, obs: Observed) -> Placement:
        """The state-year `obs` codes, with the findings about it."""
        dawn, horizon = self.dawn, self.horizon
        if dawn is None or horizon is None:
            return Placement(None, "no membership spells")
        if not dawn.year <= obs.year <= horizon.year:
            return beyond(obs, self.label, dawn, horizon)
        own = self.own_code(obs)
        placement = self._by_code(obs, own)
        if obs.status == UNREADABLE:  # placed by its path, silently: cmr check reports it
            return Placement(placement.code)
        if placement.code is not None:
            placement.findings += self._moment(obs, placement.code)
        return placement

    def _by_code(self, obs: Observed, own: int | None) -> Placement:
        spells = self.membership.spells_in(own, obs.year) if own is not None else []
        if spells:
            other = self.country(spells[0])
            if other == obs.iso3c or (other is None and not known(obs.iso3c)):
                return Placement(own)  # a code the list gives no ISO3: only for such a file
            return mismatch(obs, self.system, spells[0], other or f"#{own}")
        same = [s for s in self.by_country.get(obs.iso3c, ()) if s.in_year(obs.year)]
        if same and not self.written(obs):  # no code of the coder's to compare: by country
            return Placement(same[0].code)
        if same:
            return differs(obs, self.system, own, same[0])
        held = self.membership.by_code.get(own, []) if own is not None else []
        return not_member(obs, self.label, own, held or self.by_country.get(obs.iso3c, []))

    def _moment(self, obs: Observed, code: int) -> list[Finding]:
        spells = self.year_spells(obs.iso3c, code, obs.year)
        return year_findings(obs, spells, self.label, self.horizon)

    def year_spells(self, iso3c: str | None, code: int, year: int) -> list[Spell]:
        """The spells of `code`, and of the country it is, that hold a day of `year`."""
        spells = self.membership.spells_in(code, year)
        same = self.by_country.get(iso3c, []) if iso3c else []
        return spells + [s for s in same if s.in_year(year) and s not in spells]
