"""Fixtures for coverage tests: a dataset with a small COW membership file of its own."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from support import make_project

COW = (
    "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,version\n"
    "ARM,371,Armenia,1991,12,21,2016,12,31,2016\n"
    "AZE,373,Azerbaijan,1991,12,30,2016,12,31,2016\n"
    "GMY,255,Germany,1816,1,1,1945,5,8,2016\n"
    "GFR,260,German Federal Republic,1955,5,5,1990,10,2,2016\n"
    "GMY,255,Germany,1990,10,3,2016,12,31,2016\n"
    "YAR,678,Yemen Arab Republic,1926,9,2,1990,5,21,2016\n"
)


def observation(iso3c: str = "AZE", year: int = 1993, cown: int | None = 373, **extra: str) -> str:
    """An observation's text: `year` on line 5, `cown` on line 4, extra fields after."""
    lines = [
        "codebook: 1.2.0",
        "country: Azerbaijan" if iso3c == "AZE" else f"country: {iso3c}",
        f"iso3c: {iso3c}",
        f"cown: {'null' if cown is None else cown}",
        f"year: {year}",
        "coder: tester",
        "coded_on: 2026-11-01",
        *(f"{k}: {v}" for k, v in extra.items()),
        "answers: {}",
    ]
    return "\n".join(lines) + "\n"


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    """A dataset with all codebook versions, no observations and data/states.csv (COW)."""
    root = make_project(tmp_path / "ds", up_to=None)
    (root / "data").mkdir()
    (root / "data" / "states.csv").write_text(COW, encoding="utf-8")
    return root


@pytest.fixture
def write(dataset: Path) -> Callable[..., Path]:
    """Write an observation file under the dataset's observations/ (path relative to it)."""

    def put(rel: str, text: str) -> Path:
        path = dataset / "observations" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return put


UNIVERSE = '[universe]\nsystem = "cow"\nstates = "data/states.csv"\nfirst = 1988\nlast = 1995\n'
