"""`cmr export` on the command line."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any


def test_export_default_folder(panel_project: Path, run_cli: Callable[..., Any]) -> None:
    """Without --out the panel goes to dist/ in the dataset folder; a summary is printed."""
    result = run_cli("export", project=panel_project)
    assert result.exit_code == 0, result.output
    assert (panel_project / "dist" / "datapackage.json").is_file()
    assert "5 country-year(s), 65 answer row(s)" in result.output


def test_export_json_format(
    panel_project: Path, run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    """--format json prints the findings structure `cmr check` prints."""
    result = run_cli(
        "export", "--format", "json", "--out", str(tmp_path / "o"), project=panel_project
    )
    assert result.exit_code == 0
    assert json.loads(result.stdout)["success"] is True


def test_help_documents_the_command(run_cli: Callable[..., Any]) -> None:
    """`cmr export --help` names the files and shows examples."""
    result = run_cli("export", "--help")
    assert result.exit_code == 0
    assert "panel_wide.dta" in result.output and "Examples:" in result.output


def test_no_observations_exports_empty_panel(project: Path, run_cli: Callable[..., Any]) -> None:
    """A dataset without observations exports empty, fully typed tables."""
    from cmr.codebook import Codebooks
    from cmr.export import load_panel

    result = run_cli("export", project=project)
    assert result.exit_code == 0, result.output
    assert "no-observations" in result.output
    wide = load_panel(project / "dist")
    book = Codebooks(project / "codebook").latest
    assert len(wide) == 0 and len(wide.columns) == 9 + 4 * len(book.questions)
