"""Golden digests: every file an export writes is byte-identical to the committed one.

Regenerate after an intended change of the output with
`CMR_GOLDEN_RECORD=1 python -m pytest tests/export/test_stream_golden.py`.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from support import write_observation

from cmr.export import export
from cmr.project import Project

from .conftest import panel_data

GOLDEN = Path(__file__).parent / "golden"


def _digests(project: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    run = export(project / "dist", project=Project.find(project))
    assert run.result.success, [f.render() for f in run.result.findings]
    files = sorted((project / "dist").iterdir())
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def _compare(name: str, found: dict[str, str]) -> None:
    path = GOLDEN / f"{name}.json"
    if os.environ.get("CMR_GOLDEN_RECORD"):
        path.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    assert found == json.loads(path.read_text(encoding="utf-8"))


def _double_coded(project: Path) -> None:
    for coder in ("alice", "bob"):
        data = panel_data(project, "AZE", 1994, coder=coder)
        write_observation(project, data, f"AZE/1994/{coder}.yaml")
    judged = panel_data(project, "AZE", 1994, coder="judge", reconciles=["alice", "bob"])
    write_observation(project, judged)


def test_panel_files_match_golden_digests(panel_project: Path, monkeypatch: pytest.MonkeyPatch):
    """Exporting the fixture panel writes files with the committed sha256 digests."""
    _compare("panel", _digests(panel_project, monkeypatch))


def test_codings_files_match_golden_digests(panel_project: Path, monkeypatch: pytest.MonkeyPatch):
    """With independent codings and a reconciled file, every file matches its digest."""
    _double_coded(panel_project)
    _compare("codings", _digests(panel_project, monkeypatch))
