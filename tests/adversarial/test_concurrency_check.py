"""`cmr check` runs at the same time, and edits the cache cannot see by size and time."""

from __future__ import annotations

import json
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from adversarial_support import Ran, run_cmr

TARGET = "observations/AZE/1993.yaml"

pytestmark = pytest.mark.slow


def _break(dataset: Path) -> None:
    """Give 1993 an error so that the runs have something to agree on."""
    path = dataset / TARGET
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("confidence: medium", "confidence: middling", 1), "utf-8")


def _together(dataset: Path, n: int, *args: str) -> list[Ran]:
    with ThreadPoolExecutor(n) as pool:
        futures = [pool.submit(run_cmr, "check", *args, cwd=dataset) for _ in range(n)]
        return [f.result() for f in futures]


def _cache_is_json(dataset: Path) -> None:
    for path in (dataset / ".cmr_cache").glob("*.json"):
        json.loads(path.read_text(encoding="utf-8"))
    leftovers = [p.name for p in (dataset / ".cmr_cache").iterdir() if p.name.endswith(".tmp")]
    assert not leftovers, leftovers


def test_two_cold_runs_at_once(dataset: Path) -> None:
    """Two simultaneous runs on a cold cache agree, and a third run agrees with them."""
    _break(dataset)
    first, second = _together(dataset, 2)
    assert first.code == second.code == 1, first.text + second.text
    assert first.out == second.out
    _cache_is_json(dataset)
    third = run_cmr("check", cwd=dataset)
    assert (third.code, third.out) == (first.code, first.out)
    fresh = run_cmr("check", "--no-cache", cwd=dataset)
    assert fresh.out == first.out


def test_four_runs_at_once_mixed_paths(dataset: Path) -> None:
    """Whole-dataset and single-file runs at once leave a cache the next run can trust."""
    _break(dataset)
    with ThreadPoolExecutor(4) as pool:
        futures = [
            pool.submit(run_cmr, "check", *args, cwd=dataset)
            for args in ([], [TARGET], [], ["observations/AZE/1992.yaml"])
        ]
        runs = [f.result() for f in futures]
    assert [r.code for r in runs] == [1, 1, 1, 0], [r.text for r in runs]
    assert runs[0].out == runs[2].out
    _cache_is_json(dataset)
    again = run_cmr("check", cwd=dataset)
    fresh = run_cmr("check", "--no-cache", cwd=dataset)
    assert again.out == fresh.out == runs[0].out


def test_runs_racing_with_an_edit(dataset: Path, good_text: str) -> None:
    """A file fixed while two runs race is seen as fixed by the run after them."""
    _break(dataset)
    run_cmr("check", cwd=dataset)
    with ThreadPoolExecutor(3) as pool:
        racing = [pool.submit(run_cmr, "check", cwd=dataset) for _ in range(2)]
        (dataset / TARGET).write_text(good_text, encoding="utf-8")
        [f.result() for f in racing]
    after = run_cmr("check", cwd=dataset)
    fresh = run_cmr("check", "--no-cache", cwd=dataset)
    assert (after.code, after.out) == (fresh.code, fresh.out) == (0, fresh.out), after.text


def test_same_size_same_mtime_edit_in_place(dataset: Path) -> None:
    """An in-place edit of equal size with the mtime put back is seen by the next run."""
    path = dataset / TARGET
    first = run_cmr("check", cwd=dataset)
    assert first.code == 0, first.text
    stat = path.stat()
    data = path.read_bytes()
    index = data.index(b"confidence: medium")
    with open(path, "r+b") as handle:  # same inode, same size
        handle.seek(index)
        handle.write(b"confidence: mediux")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size
    assert path.stat().st_mtime_ns == stat.st_mtime_ns
    second = run_cmr("check", cwd=dataset)
    assert second.code == 1, f"stale cache: the edit was not seen\n{second.text}"
    assert "mediux" in second.out


def test_same_size_same_mtime_edit_by_replace(dataset: Path) -> None:
    """An editor's save (write a new file, rename over) with the same size and mtime is seen."""
    path = dataset / TARGET
    first = run_cmr("check", cwd=dataset)
    assert first.code == 0, first.text
    stat = path.stat()
    new = path.read_bytes().replace(b"confidence: medium", b"confidence: mediux", 1)
    temp = path.with_name("1993.yaml.new")
    temp.write_bytes(new)
    os.utime(temp, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    os.replace(temp, path)
    second = run_cmr("check", cwd=dataset)
    assert second.code == 1, f"stale cache: the edit was not seen\n{second.text}"


def test_same_size_edit_of_the_bibliography(dataset: Path) -> None:
    """A same-size, same-mtime edit of references.bib (a key renamed) is seen."""
    assert run_cmr("check", cwd=dataset).code == 0
    bib = dataset / "observations" / "references.bib"
    stat = bib.stat()
    data = bib.read_bytes()
    index = data.index(b"@book{curtis1995")
    with open(bib, "r+b") as handle:
        handle.seek(index)
        handle.write(b"@book{curtis1996")
    os.utime(bib, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    second = run_cmr("check", cwd=dataset)
    assert second.code == 1, second.text
    assert "curtis1995" in second.out


def test_same_size_edit_of_the_neighbour_year(dataset: Path) -> None:
    """A same-size, same-mtime edit making 1992 claim year 1993 is seen, cross-file too."""
    assert run_cmr("check", cwd=dataset).code == 0
    path = dataset / "observations" / "AZE" / "1992.yaml"
    stat = path.stat()
    index = path.read_bytes().index(b"year: 1992")
    with open(path, "r+b") as handle:
        handle.seek(index)
        handle.write(b"year: 1993")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    second = run_cmr("check", cwd=dataset)
    fresh = run_cmr("check", "--no-cache", cwd=dataset)
    assert fresh.code == 1, fresh.text
    assert (second.code, second.out) == (fresh.code, fresh.out), second.text
