"""The Python API: `load_panel` and `read_observations`."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest
from support import write_observation

from cmr.export import PanelError, load_panel, read_observations
from cmr.observation import Observation
from cmr.project import Project

from .conftest import panel_data


def test_load_panel_types(exported: Path) -> None:
    """Labels are categoricals, values nullable integers, confidence an ordered categorical."""
    wide = load_panel(exported)
    variable = wide.columns[wide.columns.get_loc("codebook_version") + 1]
    assert isinstance(wide["country"].dtype, pd.CategoricalDtype)
    assert wide[variable].dtype == pd.Int8Dtype()
    assert wide[f"{variable}_conf"].dtype.ordered
    assert wide[f"{variable}_nsrc"].dtype == pd.Int32Dtype()
    assert wide["year"].dtype == pd.Int16Dtype()


def test_load_panel_defaults_to_the_projects_dist(exported: Path, panel_project: Path) -> None:
    """Without a path, load_panel reads dist/ of the project around the working directory."""
    cwd = Path.cwd()
    os.chdir(panel_project / "observations")
    try:
        assert len(load_panel(shape="long")) == 65
    finally:
        os.chdir(cwd)


def test_load_panel_errors(tmp_path: Path, exported: Path) -> None:
    """A folder without an export, or an unknown shape, is reported clearly."""
    with pytest.raises(PanelError, match="run `cmr export`"):
        load_panel(tmp_path / "nowhere")
    with pytest.raises(ValueError, match="shape"):
        load_panel(exported, "tall")  # type: ignore[arg-type]


def test_read_observations(panel_project: Path) -> None:
    """read_observations returns every observation as an object, in path order."""
    observations = read_observations(panel_project)
    assert [(o.iso3c, o.year) for o in observations] == [
        ("ARM", 1994),
        ("AZE", 1992),
        ("AZE", 1993),
        ("AZE", 1994),
        ("GEO", 1994),
    ]
    assert all(isinstance(o, Observation) for o in observations)
    assert read_observations(Project.find(panel_project))[0].coder == "tester"


def test_read_observations_strict(panel_project: Path) -> None:
    """With errors, read_observations raises listing them, unless strict=False."""
    data = panel_data(panel_project, "ARM", 1995)
    del data["coder"]
    write_observation(panel_project, data)
    with pytest.raises(PanelError, match="field-missing"):
        read_observations(panel_project)
    assert len(read_observations(panel_project, strict=False)) == 6
