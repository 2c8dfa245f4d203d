"""`cmr export`: the checked observations as a tidy, typed, labelled and versioned panel.

One export folder (default `dist/`) holds the long and wide panels as Parquet and CSV, the wide
panel as a labelled Stata file, `codebook.csv`, `sources.csv`, `citations.csv` and a
Frictionless `datapackage.json`. Everything about the columns comes from the codebook.

Export fails closed: nothing is written when a check fails (unless `allow_partial`), only
files a previous export listed in its manifest are ever replaced, the new files are published
in one atomic step, and a problem of the machine raises `cmr.errors.EnvironmentProblem` with
the previous export intact.

>>> from cmr.export import export, load_panel   # doctest: +SKIP
>>> export("dist").result.success               # doctest: +SKIP
True
>>> load_panel("dist").shape                    # doctest: +SKIP
(412, 47)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cmr.export._spec import UNVERSIONED
from cmr.export.panel import DEFAULT_OUT, PanelError, load_panel, read_observations

if TYPE_CHECKING:
    from cmr.export._run import ExportRun, export

__all__ = [
    "DEFAULT_OUT",
    "UNVERSIONED",
    "ExportRun",
    "PanelError",
    "export",
    "load_panel",
    "read_observations",
]


def __getattr__(name: str) -> Any:
    # `export` pulls in pyarrow; import it on first use so that `import cmr` stays light.
    if name in ("export", "ExportRun"):
        from cmr.export import _run

        return getattr(_run, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
