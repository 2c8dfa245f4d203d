"""A synthetic dataset for the site tests: several years, a draft, independent codings, a
country-year with independent codings only, events, a DOI, a changelog and a release folder.

Imported as `site_support` (tests/site is on the path through pytest's rootdir conftest).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from support import make_project, observation_data, write_observation

RELEASE_FILES = {"panel_wide.csv": b"iso3c,year\nAZE,1990\n", "README.txt": b"The panel.\n"}


def _data(root: Path, year: int, iso3c: str = "AZE", **fields: Any) -> dict[str, Any]:
    """A valid codebook-1.2.0 observation: every answer no, citations with a tier."""
    data = observation_data(root, year=year, iso3c=iso3c, **fields)
    if iso3c == "ARM":
        data.update(country="Armenia", cown=371)
    data["answers"]["regime_coup_type"]["answer"] = "not_applicable"
    for entry in data["answers"].values():
        for citation in entry["citations"]:
            citation["tier"] = "reference"
    return data


def synthetic(root: Path) -> Path:
    """Make `root` a dataset with AZE 1989-1993 (1989 under codebook 1.1.0; 1992 a draft; 1993
    adjudicated from the independent codings of ann and bob) and ARM 1993 coded by ann alone."""
    make_project(root, up_to=None)
    (root / "cmr.toml").write_text('dataset_version = "2.1.0"\n', encoding="utf-8")
    write_observation(root, _older(root, 1989, "1.1.0"))
    write_observation(root, _data(root, 1990))
    y1991 = _data(root, 1991)
    y1991["answers"]["leader_ex_officer"].update(
        answer="yes",
        evidence="Quartermaine Vexley, the leader in 1991, served as a colonel of the army "
        "until 1985, as the country study's section on the leadership says.",
        citations=[
            {"key": "narang2018", "pages": "1380", "tier": "scholarly", "quote": "a former colonel"}
        ],
    )
    write_observation(root, y1991)
    draft = _data(root, 1992, status="draft", coder="ann")
    del draft["answers"]["civmil_forum"]
    draft["answers"]["coup_history"]["carried_from"] = 1991
    write_observation(root, draft)
    for coder in ("ann", "bob"):
        coding = _data(root, 1993, coder=coder)
        if coder == "bob":
            coding["answers"]["coup_history"]["answer"] = "not_found"
            coding["answers"]["coup_history"]["note"] = "Searched the country study."
        write_observation(root, coding, f"AZE/1993/{coder}.yaml")
    adjudicated = _data(root, 1993, coder="carol", reconciles=["ann", "bob"])
    adjudicated["events"] = [_event()]
    write_observation(root, adjudicated)
    write_observation(root, _data(root, 1993, iso3c="ARM", coder="ann"), "ARM/1993/ann.yaml")
    (root / "CHANGELOG.md").write_text(
        "# Changelog\n\n## 2.1.0\n\n- Added `AZE` 1993, adjudicated.\n- A <b>bold</b> claim.\n",
        encoding="utf-8",
    )
    return root


def _older(root: Path, year: int, version: str) -> dict[str, Any]:
    """A valid observation under an older codebook `version`: every answer no."""
    from cmr.codebook import Codebooks

    data = observation_data(root, year=year)
    book = Codebooks(root / "codebook").get(version)
    assert book is not None
    template = next(iter(data["answers"].values()))
    data["codebook"] = version
    data["answers"] = {q.variable: dict(template) for q in book.questions}
    return data


def _event() -> dict[str, Any]:
    return {
        "id": "purge-1993",
        "date": "1993-11",
        "precision": "month",
        "type": "leader_change",
        "actors": ["The defence council"],
        "outcome": "A new defence minister took office.",
        "citations": [{"key": "curtis1995", "pages": "140", "tier": "reference"}],
    }


def release(folder: Path, files: dict[str, bytes] = RELEASE_FILES) -> Path:
    """A release folder holding `files` and their SHA256SUMS."""
    folder.mkdir(parents=True)
    lines = []
    for name, data in sorted(files.items()):
        (folder / name).write_bytes(data)
        lines.append(f"{hashlib.sha256(data).hexdigest()}  {name}\n")
    (folder / "SHA256SUMS").write_text("".join(lines), encoding="utf-8")
    return folder
