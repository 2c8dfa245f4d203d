"""A small dataset that exercises the export: several countries and years, a missing code,
tricky evidence text, several citations, and an export of it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from support import make_project, observation_data, write_observation

from cmr.checking import check
from cmr.export import export
from cmr.project import Project

TRICKY = (
    'Line one says "coup", then a comma, and a quote.\nLine two: Müdafiə Nazirliyi, '
    "Министерство обороны, 中文, emoji 🪖.\r\nLast line; with; semicolons and a tab\there. "
    'NA null nan ""'
)
BIB_EXTRA = """
@article{aliyev2001,
  author = {Əliyev, Nigar},
  title = {Ordu və siyasət},
  journal = {Caucasus Survey},
  year = {2001},
}
"""
COUNTRIES = {"AZE": ("Azerbaijan", 373), "ARM": ("Armenia", 371), "GEO": ("Georgia", 372)}


def panel_data(project: Path, iso3c: str, year: int, **fields: Any) -> dict[str, Any]:
    """An observation with the same answers every year (so no year-to-year rule fires)."""
    name, cown = COUNTRIES[iso3c]
    data = observation_data(project, iso3c=iso3c, year=year, country=name, cown=cown, **fields)
    answers = data["answers"]
    variables = list(answers)
    answers[variables[0]]["answer"] = answers[variables[1]]["answer"] = "yes"
    answers[variables[1]]["evidence"] = TRICKY
    answers[variables[1]]["confidence"] = "high"
    answers[variables[1]]["citations"] = [
        {"key": "curtis1995", "pages": "12"},
        {"key": "aliyev2001"},
    ]
    answers[variables[-1]] = {
        "answer": "unknown",
        "confidence": "low",
        "citations": [],
        "evidence": "The sources consulted say nothing about a standing civil-military "
        "forum in this year, neither to affirm nor to deny it.",
        "note": "Searched the country study and the press digest for the year.",
    }
    return data


@pytest.fixture
def panel_project(request: pytest.FixtureRequest, project: Path) -> Path:
    """`project` with five clean observations: AZE 1992-1994, ARM 1994, GEO 1994; a module
    that sets `READS_ONLY = True` gets the session's shared one."""
    if getattr(request.module, "READS_ONLY", False):
        shared: tuple[Path, Path] = request.getfixturevalue("shared_panel")
        return shared[0]
    return fill_panel(project)


@pytest.fixture(scope="session")
def shared_panel(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A panel project and its export made once for the session, for tests that only read
    them (the modules that use it say so by overriding `panel_project` and `exported`)."""
    project = fill_panel(make_project(tmp_path_factory.mktemp("shared-panel")))
    run = export(project / "dist", project=Project.find(project))
    assert run.result.success, [f.render() for f in run.result.findings]
    return project, project / "dist"


def fill_panel(project: Path) -> Path:
    """Write the five observations of the panel fixture into `project`, checked clean."""
    with (project / "observations" / "references.bib").open("a", encoding="utf-8") as fh:
        fh.write(BIB_EXTRA)
    for iso3c, year in (("AZE", 1992), ("AZE", 1993), ("AZE", 1994), ("ARM", 1994), ("GEO", 1994)):
        write_observation(project, panel_data(project, iso3c, year))
    run = check(project=Project.find(project))
    assert [f.render() for f in run.result.findings] == []
    return project


@pytest.fixture
def exported(request: pytest.FixtureRequest, panel_project: Path) -> Path:
    """The export folder of `panel_project` (shared when the module `READS_ONLY`)."""
    if getattr(request.module, "READS_ONLY", False):
        shared: tuple[Path, Path] = request.getfixturevalue("shared_panel")
        return shared[1]
    run = export(panel_project / "dist", project=Project.find(panel_project))
    assert run.result.success, [f.render() for f in run.result.findings]
    return panel_project / "dist"


@pytest.fixture
def export_to() -> Callable[..., Any]:
    """Export a project folder to `out`, returning the `ExportRun`."""

    def run(project: Path, out: Path | None = None) -> Any:
        return export(out, project=Project.find(project))

    return run
