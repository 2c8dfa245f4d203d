"""The Gleditsch & Ward list of independent states (`iisystem.dat`, `microstatessystem.dat`).

Gleditsch, Kristian S. & Michael D. Ward. 1999. "Interstate System Membership: A Revised
List of the Independent States since 1816." International Interactions 25(4): 393-413.
doi:10.1080/03050629908434958. The data are distributed at http://ksgleditsch.com/data-4.html.

The published files are tab-separated without a header, in Latin-1, with dates written
`dd:mm:yyyy`:

    373<TAB>AZE<TAB>Azerbaijan<TAB>30:12:1991<TAB>31:12:2017

(state number, state id, name, start, end). Later copies (`ksgmdw.txt`) carry a header
(`statenumber stateid countryname start end`); a first row naming the columns is read as a
header, and ISO dates (`1991-12-30`) are accepted too; so is a copy saved comma-separated
(a first line without a tab but with a comma).
"""

from __future__ import annotations

from cmr.external._rows import Layout, Row
from cmr.external._spells import YEARS, Spell
from cmr.external._values import gw_date, integer, text
from cmr.findings import Finding

LAYOUT = Layout(
    "G&W state list",
    ("ccode", "stateid", "name", "start", "end"),
    "\t",
    "optional",
    (
        ("statenumber", "ccode"),
        ("statenum", "ccode"),
        ("state_number", "ccode"),
        ("gwcode", "ccode"),
        ("gw_code", "ccode"),
        ("gwno", "ccode"),
        ("code", "ccode"),
        ("countryname", "name"),
        ("country_name", "name"),
        ("country", "name"),
        ("statename", "name"),
        ("statenme", "name"),
        ("gw_name", "name"),
        ("stateabb", "stateid"),
        ("abb", "stateid"),
        ("abbreviation", "stateid"),
        ("gw_abb", "stateid"),
        ("gwc", "stateid"),
        ("startdate", "start"),
        ("start_date", "start"),
        ("enddate", "end"),
        ("end_date", "end"),
    ),
    (",",),
)


def spell(row: Row) -> Spell | Finding:
    """The spell on `row`, or the finding for its first bad value."""
    code = integer(row, "ccode", low=1, high=999)
    if isinstance(code, Finding):
        return code
    start = gw_date(row, "start", years=YEARS)
    if isinstance(start, Finding):
        return start
    end = gw_date(row, "end", years=YEARS)
    if isinstance(end, Finding):
        return end
    abbreviation, name = text(row, "stateid"), text(row, "name")
    for value in (abbreviation, name):
        if isinstance(value, Finding):
            return value
    return Spell(code, str(abbreviation), str(name), start, end, row.file, row.line)
