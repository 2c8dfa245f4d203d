"""Build src/cmr/data/countries.json from the countrycode package.

cmr checks country names against ISO3, Correlates of War and Gleditsch-Ward codes. The
`countrycode` package is the field's reference for those crosswalks, but importing it pulls in
pandas (when installed) and a 2.5 MB pickle, which `cmr check` cannot afford on every run. This
script extracts the few columns cmr needs into a small JSON table that ships with the package.

Historical states are handled on purpose, in two groups, both written to the table:

* countrycode keeps some states apart, in rows without an ISO3 code: former states
  (Czechoslovakia, Yugoslavia, the German Democratic Republic, …) and Kosovo. Those of the
  state system (with a Correlates of War or Gleditsch-Ward code) are listed under
  `without_iso3`: cmr files observations by ISO3 code, so it refuses them by name rather than
  put another state's codes in their place.
* countrycode's regex for a current state also matches some names of former states or
  territories (the Soviet Union is matched by Russia's, West Germany by Germany's).
  `SUCCEEDED` names them by hand — a rename of the same state (Zaire, Ceylon, Siam) is not
  one — and the build checks that countrycode maps each of their names to the successor
  given, so that the list cannot drift from countrycode silently. cmr uses the successor's
  codes and warns, naming both.

The codes of a few states depend on the date, and countrycode holds one code per state:
`SPELLS` lists, by hand, the periods in which a state's Correlates of War or Gleditsch-Ward
code differs from countrycode's (Germany, Yemen, Serbia, Vietnam), each with the state list it
follows. The build checks that every code there is one countrycode gives the state itself or a
state it keeps apart (Yugoslavia, the Yemen Arab Republic), that the periods of a state do not
overlap, and that their dates are real. The export writes, for each country-year, the code in
force on the day the row describes (`cmr.countries.codes`).

Run it after upgrading countrycode:

    python scripts/build_countries.py

`tests/test_countries.py` regenerates the table in memory and fails when the committed file
differs, and checks the table's sanity (unique ISO3 codes, regexes that compile, expected size).
"""

from __future__ import annotations

import json
import math
import pickle
import sys
from importlib.metadata import version
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parents[1] / "src" / "cmr" / "data" / "countries.json"
COLUMNS = {
    "name": "country.name.en",
    "regex": "country.name.en.regex",
    "iso3c": "iso3c",
    "cown": "cown",
    "gwn": "gwn",
    "vdem": "vdem",
}


def _clean(value: Any) -> Any:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


# Former states or territories whose names countrycode gives to a current state: the name cmr
# shows, the successor's ISO3 code, the spellings countrycode maps there, and why it is not
# the same state under another name.
SUCCEEDED = [
    (
        "Soviet Union",
        "RUS",
        ["Soviet Union", "USSR", "U.S.S.R.", "Union of Soviet Socialist Republics"],
        "dissolved in 1991",
    ),
    ("West Germany", "DEU", ["West Germany", "German Federal Republic"], "before 1990"),
    ("North Vietnam", "VNM", ["North Vietnam", "North Viet Nam"], "before 1976"),
    ("East Pakistan", "BGD", ["East Pakistan"], "part of Pakistan until 1971"),
    ("Rhodesia", "ZWE", ["Rhodesia", "Southern Rhodesia"], "a colony, then unrecognised"),
    ("Belgian Congo", "COD", ["Belgian Congo", "Congo Free State"], "a colony until 1960"),
    ("Bohemia", "CZE", ["Bohemia"], "a kingdom of Austria-Hungary until 1918"),
]
WITHOUT_ISO3_COLUMNS = ["name", "regex", "cown", "gwn"]
SUCCEEDED_COLUMNS = ["name", "successor", "aliases", "note"]

# Periods in which a state's code differs from the one countrycode gives it: ISO3, system
# (`cown`: Correlates of War, `gwn`: Gleditsch-Ward), first and last day (None: open), the code
# (None: the system has no code for the state then), and why. Sources: the Correlates of War
# State System Membership List (v2016) and Gleditsch & Ward (1999), "Interstate System
# Membership: A Revised List of the Independent States since 1816", International
# Interactions 25: 393-413, list version 3.2 and later, as reproduced in the `states` and
# `peacesciencer` R packages.
GW = "Gleditsch & Ward list"
COW = "COW State System Membership List v2016"
SPELLS = [
    ("DEU", "cown", "1949-09-21", "1990-10-02", 260,
     f"{COW}: German Federal Republic until 1990-10-02; Germany (255) from 1990-10-03"),
    ("DEU", "gwn", None, "1945-05-07", 255,
     f"{GW}: Germany (Prussia) 255 until 1945-05-07; the German Federal Republic (260) "
     "from 1949-09-21 continues after unification"),
    ("YEM", "cown", None, "1990-05-21", 678,
     f"{COW}: Yemen Arab Republic 678 until 1990-05-21; Yemen 679 from 1990-05-22"),
    ("YEM", "gwn", "1918-10-30", None, 678,
     f"{GW}: Yemen (Arab Republic) 678 from 1918-10-30, continued by unified Yemen"),
    ("SRB", "cown", None, None, 345,
     f"{COW}: Serbia keeps Yugoslavia's 345 before and after Yugoslavia"),
    ("SRB", "gwn", "1918-12-01", "2006-06-04", 345,
     f"{GW}: Yugoslavia 345 from 1918-12-01 to 2006-06-04; Serbia 340 before and after"),
    ("VNM", "gwn", None, "1954-04-30", None,
     f"{GW}: no Vietnamese state from 1893 to 1954-05-01; its 815 (until 1893) is not "
     "in countrycode"),
    ("VNM", "gwn", "1954-05-01", None, 816,
     f"{GW}: Vietnam (Democratic Republic) 816 from 1954-05-01; countrycode's 817 is the "
     "Republic of Vietnam (1954-1975)"),
]  # fmt: skip
SPELLS_COLUMNS = ["iso3c", "system", "start", "end", "code", "source"]


def _codelist() -> dict[str, list[Any]]:
    import countrycode

    pickled = Path(countrycode.__file__).parent / "data" / "codelist.pickle"
    with pickled.open("rb") as fh:
        codelist: dict[str, list[Any]] = pickle.load(fh)
    return codelist


def build() -> dict[str, Any]:
    """Return the country table as a JSON-ready dictionary."""
    codelist = _codelist()
    n = len(codelist["iso3c"])
    rows, apart = [], []
    for i in range(n):
        row = {key: _clean(codelist[col][i]) for key, col in COLUMNS.items()}
        if row["regex"] is None:
            continue
        if row["iso3c"] is not None:
            rows.append(row)
        elif row["cown"] is not None or row["gwn"] is not None:
            apart.append(row)
    rows.sort(key=lambda r: r["iso3c"])
    apart.sort(key=lambda r: r["name"])
    return {
        "source": f"countrycode {version('countrycode')}",
        "columns": list(COLUMNS),
        "rows": [[r[c] for c in COLUMNS] for r in rows],
        "without_iso3_columns": WITHOUT_ISO3_COLUMNS,
        "without_iso3": [[r[c] for c in WITHOUT_ISO3_COLUMNS] for r in apart],
        "succeeded_columns": SUCCEEDED_COLUMNS,
        "succeeded": _succeeded(rows),
        "spells_columns": SPELLS_COLUMNS,
        "spells": _spells(rows, apart),
    }


def _succeeded(rows: list[dict[str, Any]]) -> list[list[Any]]:
    """`SUCCEEDED`, each name checked to map to its successor as countrycode maps it."""
    import re

    out = []
    for name, successor, aliases, note in SUCCEEDED:
        for alias in aliases:
            first = next((r for r in rows if re.search(r["regex"], alias, re.I)), None)
            if first is None or first["iso3c"] != successor:
                found = first and first["iso3c"]
                raise SystemExit(f"countrycode maps {alias!r} to {found}, not {successor}")
        out.append([name, successor, aliases, note])
    return out


def _spells(rows: list[dict[str, Any]], apart: list[dict[str, Any]]) -> list[list[Any]]:
    """`SPELLS`, each checked: a known state and system, real dates in order, no overlap with
    another period of the same state and system, and a code countrycode gives the state
    itself (in either system) or a state it keeps apart (in that system)."""
    import datetime as dt

    by_iso3 = {r["iso3c"]: r for r in rows}
    seen: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for iso3c, system, start, end, code, _source in SPELLS:
        if iso3c not in by_iso3 or system not in ("cown", "gwn"):
            raise SystemExit(f"spell for unknown state or system: {iso3c} {system}")
        first, last = start or "0001-01-01", end or "9999-12-31"
        if dt.date.fromisoformat(first) > dt.date.fromisoformat(last):
            raise SystemExit(f"spell of {iso3c} {system} ends before it starts: {start}..{end}")
        own = {by_iso3[iso3c]["cown"], by_iso3[iso3c]["gwn"]}
        if code is not None and code not in own | {r[system] for r in apart}:
            raise SystemExit(f"countrycode knows no {system} {code} for {iso3c} or a former state")
        periods = seen.setdefault((iso3c, system), [])
        if any(first <= b and a <= last for a, b in periods):
            raise SystemExit(f"spells of {iso3c} {system} overlap at {start}..{end}")
        periods.append((first, last))
    return [list(spell) for spell in SPELLS]


def render(table: dict[str, Any]) -> str:
    """One country per line, so that a rebuild shows up as a readable diff."""
    lists = ("rows", "without_iso3", "succeeded", "spells")
    head = json.dumps({k: v for k, v in table.items() if k not in lists}, ensure_ascii=False)
    parts = [head[:-1]]
    for key in lists:
        lines = ",\n".join("  " + json.dumps(row, ensure_ascii=False) for row in table[key])
        parts.append(f', "{key}": [\n{lines}\n]')
    return "".join(parts) + "}\n"


if __name__ == "__main__":
    table = build()
    OUT.write_text(render(table), encoding="utf-8")
    print(f"wrote {OUT} ({len(table['rows'])} countries)", file=sys.stderr)
