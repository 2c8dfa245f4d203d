"""The panel's country codes: COW, Gleditsch-Ward and V-Dem beside ISO3, as in force on each
row's date, whatever code the observation file itself carries."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pyreadstat
from support import observation_data, write_observation

from cmr.export import load_panel

FILES = [  # ISO3, year, name, the file's cown (countrycode's, as cmr check wants it)
    ("DEU", 1989, "Germany", 255),
    ("DEU", 1991, "Germany", 255),
    ("YEM", 1989, "Yemen", 679),
    ("YEM", 1991, "Yemen", 679),
    ("SRB", 2000, "Serbia", None),
    ("SRB", 2007, "Serbia", None),
    ("VNM", 1980, "Vietnam", 816),
]
EXPECTED = {  # (ISO3, year): (cown, gwn, vdem)
    ("DEU", 1989): (260, 260, 77),
    ("DEU", 1991): (255, 260, 77),
    ("YEM", 1989): (678, 678, 14),
    ("YEM", 1991): (679, 678, 14),
    ("SRB", 2000): (345, 345, 198),
    ("SRB", 2007): (345, 340, 198),
    ("VNM", 1980): (816, 816, 34),
}


def _export(project: Path, export_to: Callable[..., Any]) -> Path:
    for iso3c, year, name, cown in FILES:
        data = observation_data(project, iso3c=iso3c, year=year, country=name, cown=cown)
        write_observation(project, data)
    run = export_to(project)
    assert run.result.success, [f.render() for f in run.result.findings]
    return Path(run.out)


def _codes(frame: pd.DataFrame) -> dict[tuple[str, int], tuple[Any, ...]]:
    rows = frame[["iso3c", "year", "cown", "gwn", "vdem"]].astype(object)
    return {
        (str(r[0]), int(r[1])): tuple(None if pd.isna(x) else int(x) for x in r[2:])
        for r in rows.itertuples(index=False)
    }


def test_codes_change_with_the_year(project: Path, export_to: Callable[..., Any]) -> None:
    """Germany, Yemen, Serbia and Vietnam get the codes each state list gives them that year,
    in the Parquet and CSV panels alike."""
    out = _export(project, export_to)
    assert _codes(load_panel(out)) == EXPECTED
    csv = pd.read_csv(out / "panel_wide.csv", keep_default_na=False, na_values=[""])
    assert _codes(csv) == EXPECTED
    long = load_panel(out, "long").drop_duplicates(["iso3c", "year"])
    assert _codes(long) == EXPECTED


def test_stata_file_carries_the_codes(project: Path, export_to: Callable[..., Any]) -> None:
    """The Stata file has the three code columns, labelled."""
    out = _export(project, export_to)
    frame, meta = pyreadstat.read_dta(str(out / "panel_wide.dta"))
    assert _codes(frame) == EXPECTED
    labels = dict(zip(meta.column_names, meta.column_labels, strict=True))
    assert "V-Dem" in str(labels["vdem"]) and "Gleditsch" in str(labels["gwn"])
