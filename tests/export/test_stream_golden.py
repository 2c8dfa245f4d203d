"""Golden digests: every file an export writes is byte-identical to the committed one.

Regenerate after an intended change of the output with
`CMR_GOLDEN_RECORD=1 python -m pytest tests/export/test_stream_golden.py`.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from types import SimpleNamespace

import pytest
from support import write_observation

from cmr.bibliography import load_bibliography
from cmr.checking import check
from cmr.export import _datapackage, _stream, export
from cmr.export._build import Tables, build, layout_for
from cmr.export._select import select
from cmr.project import Project

from .conftest import panel_data

GOLDEN = Path(__file__).parent / "golden"


def _digests(project: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    # datapackage.json names the cmr that wrote it, whose version changes with every commit
    # (setuptools-scm): the digests pin the output of one fixed version.
    monkeypatch.setattr(_datapackage, "metadata", SimpleNamespace(version=lambda _: "0.0.0"))
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


def _both_ways(project: Path) -> tuple[Tables, Tables]:
    """The export's tables built from parsed observations and from the check's records."""
    found = Project.find(project)
    bib = load_bibliography(found.bibliography)
    kept = check(project=found, keep=True)
    assert kept.books is not None
    everything = kept.observations()
    panel = select(everything)
    layout = layout_for(everything, kept.books)
    streamed = check(project=found, keep="records")
    chosen = select(streamed.summaries)
    records = _stream.build(
        streamed.records, streamed.summaries, chosen, streamed.summaries, layout, bib
    )
    return build(panel, layout, bib, everything), records


@pytest.mark.parametrize("double", [False, True])
def test_records_build_the_same_tables(panel_project: Path, double: bool):
    """Tables built from the check's Arrow records equal those built from observations."""
    if double:
        _double_coded(panel_project)
    memory, streamed = _both_ways(panel_project)
    for name in ("long", "wide", "codebook", "sources", "citations", "codings"):
        assert getattr(streamed, name).equals(getattr(memory, name), check_metadata=True), name
    assert {k: list(v) for k, v in streamed.answers.items()} == {
        k: list(v) for k, v in memory.answers.items()
    }
