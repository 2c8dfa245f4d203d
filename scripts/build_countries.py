"""Build src/cmr/data/countries.json from the countrycode package.

cmr checks country names against ISO3, Correlates of War and Gleditsch-Ward codes. The
`countrycode` package is the field's reference for those crosswalks, but importing it pulls in
pandas (when installed) and a 2.5 MB pickle, which `cmr check` cannot afford on every run. This
script extracts the few columns cmr needs into a small JSON table that ships with the package.

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
}


def _clean(value: Any) -> Any:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def build() -> dict[str, Any]:
    """Return the country table as a JSON-ready dictionary."""
    import countrycode

    pickled = Path(countrycode.__file__).parent / "data" / "codelist.pickle"
    with pickled.open("rb") as fh:
        codelist = pickle.load(fh)
    n = len(codelist["iso3c"])
    rows = []
    for i in range(n):
        row = {key: _clean(codelist[col][i]) for key, col in COLUMNS.items()}
        if row["iso3c"] is None or row["regex"] is None:
            continue
        rows.append(row)
    rows.sort(key=lambda r: r["iso3c"])
    return {
        "source": f"countrycode {version('countrycode')}",
        "columns": list(COLUMNS),
        "rows": [[r[c] for c in COLUMNS] for r in rows],
    }


def render(table: dict[str, Any]) -> str:
    """One country per line, so that a rebuild shows up as a readable diff."""
    rows = ",\n".join("  " + json.dumps(row, ensure_ascii=False) for row in table["rows"])
    head = json.dumps({k: v for k, v in table.items() if k != "rows"}, ensure_ascii=False)
    return head[:-1] + ', "rows": [\n' + rows + "\n]}\n"


if __name__ == "__main__":
    table = build()
    OUT.write_text(render(table), encoding="utf-8")
    print(f"wrote {OUT} ({len(table['rows'])} countries)", file=sys.stderr)
