"""The pandera schemas generated from the codebook catch a panel that breaks its contract."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from cmr.codebook import Codebooks
from cmr.export import _schemas, load_panel
from cmr.export._spec import PanelSpec

READS_ONLY = True  # the session's shared panel and export serve (see conftest)


@pytest.fixture
def layout(panel_project: Path) -> PanelSpec:
    return PanelSpec((Codebooks(panel_project / "codebook").latest,))


def test_exported_panels_pass(exported: Path, layout: PanelSpec) -> None:
    """The exported frames validate cleanly."""
    assert (
        _schemas.validate(
            load_panel(exported, "long"), _schemas.long_schema(layout), "long", "dist"
        )
        == []
    )
    assert (
        _schemas.validate(load_panel(exported), _schemas.wide_schema(layout), "wide", "dist") == []
    )


def test_value_must_match_answer(exported: Path, layout: PanelSpec) -> None:
    """A value that is not the scale's number for the answer fails `value_matches_answer`."""
    long = load_panel(exported, "long")
    long.loc[0, "value"] = 1 - long.loc[0, "value"]
    found = _schemas.validate(long, _schemas.long_schema(layout), "long", "dist")
    assert [f.message for f in found] == ["long: value_matches_answer failed on rows: 0"]


def test_duplicate_keys_fail(exported: Path, layout: PanelSpec) -> None:
    """Two rows for one country-year-variable break the unique key."""
    long = load_panel(exported, "long")
    doubled = pd.concat([long, long.iloc[:1]], ignore_index=True)
    found = _schemas.validate(doubled, _schemas.long_schema(layout), "long", "dist")
    assert [f.message for f in found] == [
        f"long: multiple_fields_uniqueness failed on rows: 0, {len(long)}"
    ]


def test_wide_values_must_be_on_the_scale(exported: Path, layout: PanelSpec) -> None:
    """A wide value off the scale is reported with the failing cases."""
    wide = load_panel(exported)
    variable = layout.variables[0].name
    wide[variable] = wide[variable].astype("Int8")
    wide.loc[0, variable] = 7
    found = _schemas.validate(wide, _schemas.wide_schema(layout), "wide", "dist")
    assert len(found) == 1
    assert f"column {variable}" in found[0].message and "7" in found[0].message
    assert found[0].render().startswith("dist:1:1: error export-schema-failed ")


def test_wide_value_and_missing_code_exclude_each_other(exported: Path, layout: PanelSpec) -> None:
    """A cell with both a value and a missing code, or with neither while its confidence says
    it was answered, fails `value_or_missing_code`."""
    wide = load_panel(exported)
    first, last = layout.variables[0].name, layout.variables[-1].name
    for name in (f"{first}_missing", f"{last}_missing"):
        wide[name] = wide[name].copy(deep=True)
    wide.loc[0, f"{first}_missing"] = layout.variables[0].missing[0]
    wide.loc[1, f"{last}_missing"] = None
    found = _schemas.validate(wide, _schemas.wide_schema(layout), "wide", "dist")
    assert [f.message for f in found] == ["wide: value_or_missing_code failed on rows: 0, 1"]
