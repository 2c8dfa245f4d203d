"""The benchmark's synthetic data is valid and its script runs end to end (quick, not timed)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from cmr.checking import check
from cmr.codebook import Codebooks
from cmr.project import Project

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "benchmarks"

pytestmark = pytest.mark.slow


def _synthetic() -> ModuleType:
    spec = importlib.util.spec_from_file_location("_synthetic", BENCH / "_synthetic.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("bench-data")
    return _synthetic().make_dataset(root, n_files=30, seed=3)  # type: ignore[no-any-return]


def test_synthetic_dataset_passes_check(dataset: Path) -> None:
    files = sorted((dataset / "observations").glob("*/*.yaml"))
    assert len(files) == 30
    run = check(project=Project(dataset), jobs=1)
    assert run.result.findings == []
    assert run.result.files == 30


def test_synthetic_files_look_like_coders_files(dataset: Path) -> None:
    from cmr import _yaml

    book = Codebooks(dataset / "codebook").latest
    bib = (dataset / "observations" / "references.bib").read_text(encoding="utf-8")
    for path in sorted((dataset / "observations").glob("*/*.yaml"))[:5]:
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# yaml-language-server: $schema=../../codebook/schema/")
        data = _yaml.loads(text)
        assert list(data["answers"]) == book.variables
        for answer in data["answers"].values():
            assert 400 <= len(answer["evidence"]) <= 1500
            assert any(ord(ch) > 127 for ch in answer["evidence"])
            assert all("{" + c["key"] + "," in bib for c in answer["citations"])


def test_synthetic_is_deterministic_and_cached(dataset: Path, tmp_path: Path) -> None:
    synthetic = _synthetic()
    again = synthetic.make_dataset(tmp_path, n_files=30, seed=3)
    assert again.name == dataset.name
    for path in sorted((dataset / "observations").rglob("*.yaml"))[:5]:
        twin = again / path.relative_to(dataset)
        assert twin.read_bytes() == path.read_bytes()
    marker = again / synthetic.MARKER
    stamp = marker.stat().st_mtime_ns
    assert synthetic.make_dataset(tmp_path, n_files=30, seed=3) == again
    assert marker.stat().st_mtime_ns == stamp


def test_bench_check_runs_end_to_end(tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    proc = subprocess.run(
        [
            sys.executable,
            str(BENCH / "bench_check.py"),
            "--files",
            "30",
            "--runs",
            "1",
            "--single-runs",
            "2",
            "--breakdown-files",
            "10",
            "--json",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "cmr check, 30 files" in proc.stdout
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["files"] == 30
    assert not figures["heavy"]["import_pandas"]
    assert not figures["heavy"]["import_pyarrow"]


def test_bench_publish_runs_end_to_end(tmp_path: Path) -> None:
    """bench_publish.py times site, release, coverage and crosscheck and writes their figures."""
    out = tmp_path / "figures.json"
    args = ["--files", "30", "--runs", "1", "--json", str(out)]
    proc = subprocess.run(
        [sys.executable, str(BENCH / "bench_publish.py"), *args],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert [f["figure"] for f in figures] == [
        "cmr site",
        "cmr release --no-pdf",
        "cmr coverage",
        "cmr crosscheck powell-thyne",
    ]
    assert all(f["median"] > 0 for f in figures)
