"""cmr: coding civil-military relations.

The library behind the `cmr` command. The main entry points:

>>> import cmr
>>> run = cmr.check()                      # doctest: +SKIP
>>> run.result.success                     # doctest: +SKIP
True
>>> book = cmr.Codebooks("codebook").latest  # doctest: +SKIP

Functions that need pandas or pyarrow (`load_panel`, `read_observations`, `export`) are
imported on first use, so that `import cmr` stays light.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from cmr.check import Run, check
from cmr.codebook import Codebook, CodebookError, Codebooks, Question, load_codebook
from cmr.findings import Finding, Result
from cmr.observation import Observation, read_observation
from cmr.project import Project

__all__ = [
    "Codebook",
    "CodebookError",
    "Codebooks",
    "Finding",
    "Observation",
    "Project",
    "Question",
    "Result",
    "Run",
    "check",
    "load_codebook",
    "read_observation",
]

_LAZY: dict[str, str] = {}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'cmr' has no attribute {name!r}")
