"""cmr: coding civil-military relations.

The library behind the `cmr` command. The main entry points:

>>> import cmr
>>> run = cmr.check()                        # doctest: +SKIP
>>> run.result.success                       # doctest: +SKIP
True
>>> book = cmr.Codebooks("codebook").latest  # doctest: +SKIP
>>> panel = cmr.load_panel("dist")           # doctest: +SKIP

The core (checking, codebooks, observations) is imported with the package: `cmr check` needs
all of it. The exporter, the agreement statistics and the memo importer are imported on first
use, so that the functions needing pandas or pyarrow cost nothing until called.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from cmr.checking import Run, check
from cmr.codebook import Codebook, CodebookError, Codebooks, Question, load_codebook
from cmr.findings import Finding, Result
from cmr.observation import Observation, read_observation
from cmr.project import Project

if TYPE_CHECKING:
    from cmr.agreement import compute as agreement
    from cmr.export import export, load_panel, read_observations
    from cmr.memo import import_memos

_WHERE: dict[str, tuple[str, str]] = {
    "export": ("cmr.export", "export"),
    "load_panel": ("cmr.export", "load_panel"),
    "read_observations": ("cmr.export", "read_observations"),
    "agreement": ("cmr.agreement", "compute"),
    "import_memos": ("cmr.memo", "import_memos"),
}

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
    "agreement",
    "check",
    "export",
    "import_memos",
    "load_codebook",
    "load_panel",
    "read_observation",
    "read_observations",
]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        module, attribute = _WHERE[name]
        value = getattr(import_module(module), attribute)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'cmr' has no attribute {name!r}")


def __dir__() -> list[str]:
    return __all__
