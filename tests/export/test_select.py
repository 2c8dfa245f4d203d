"""One observation per country-year: independent codings stay out of the panel."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from support import write_observation

from cmr.export import load_panel
from cmr.export._select import is_independent

from .conftest import panel_data


def test_independent_layout_is_recognised() -> None:
    """`<ISO3>/<year>/<coder>.yaml` is an independent coding; `<ISO3>/<year>.yaml` is not."""
    assert is_independent("observations/AZE/1993/jdoe.yaml")
    assert not is_independent("observations/AZE/1993.yaml")


def test_independent_codings_are_left_out(
    panel_project: Path, export_to: Callable[..., Any]
) -> None:
    """An adjudicated country-year appears once, with the adjudicated file's coder."""
    coding = panel_data(panel_project, "AZE", 1993, coder="alice")
    write_observation(panel_project, coding, "AZE/1993/alice.yaml")
    run = export_to(panel_project)
    assert run.result.success
    wide = load_panel(run.out)
    assert len(wide) == 5
    assert "alice" not in set(wide["coder"].astype(str))


def test_unadjudicated_country_year_warns(
    panel_project: Path, export_to: Callable[..., Any]
) -> None:
    """A country-year with only independent codings is left out with a warning."""
    coding = panel_data(panel_project, "GEO", 1995, coder="alice")
    write_observation(panel_project, coding, "GEO/1995/alice.yaml")
    run = export_to(panel_project)
    assert run.result.success
    assert ("panel-not-adjudicated", 1) in run.result.flatten(("code", "line"))
    assert len(load_panel(run.out)) == 5


def test_two_panel_observations_for_one_country_year_fail(
    panel_project: Path, export_to: Callable[..., Any]
) -> None:
    """Two non-independent files for one country-year stop the export."""
    twin = panel_data(panel_project, "AZE", 1993, coder="bob")
    write_observation(panel_project, twin, "AZE/1993.yml")
    run = export_to(panel_project)
    assert not run.result.success
    assert "panel-duplicate-country-year" in {f.code for f in run.result.findings}
    assert run.files == ()
