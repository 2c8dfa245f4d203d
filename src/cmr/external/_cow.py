"""The Correlates of War state system membership list (`states2016.csv`).

Correlates of War Project. 2017. "State System Membership List, v2016." Online,
https://correlatesofwar.org/data-sets/state-system-membership (the project's requested
citation). A comma-separated file with a header; string values may be quoted:

    stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,version
    AZE,373,Azerbaijan,1991,12,30,2016,12,31,2016

One row per membership spell; a state still a member when the list was made ends on its
last day (31 December 2016 for v2016). `version` and any further columns are not needed.
A copy saved tab- or semicolon-separated (a first line without a comma) is read too.
"""

from __future__ import annotations

from datetime import date

from cmr.external._rows import Layout, Row
from cmr.external._spells import YEARS, Spell
from cmr.external._values import calendar_date, integer, text
from cmr.findings import Finding

LAYOUT = Layout(
    "COW state list",
    (
        "stateabb",
        "ccode",
        "statenme",
        "styear",
        "stmonth",
        "stday",
        "endyear",
        "endmonth",
        "endday",
    ),
    ",",
    "required",
    (("statename", "statenme"), ("cowcode", "ccode")),
    ("\t", ";"),
)


def spell(row: Row) -> Spell | Finding:
    """The spell on `row`, or the finding for its first bad value."""
    code = integer(row, "ccode", low=1, high=999)
    if isinstance(code, Finding):
        return code
    start = calendar_date(row, "styear", "stmonth", "stday", years=YEARS)
    if isinstance(start, Finding):
        return start
    end = calendar_date(row, "endyear", "endmonth", "endday", years=YEARS)
    if isinstance(end, Finding):
        return end
    return _spell(row, code, start, end)


def _spell(row: Row, code: int, start: date, end: date) -> Spell | Finding:
    abbreviation, name = text(row, "stateabb"), text(row, "statenme")
    for value in (abbreviation, name):
        if isinstance(value, Finding):
            return value
    return Spell(code, str(abbreviation), str(name), start, end, row.file, row.line)
