"""Reading the panel back: `load_panel` for the exported tables, `read_observations` for the
observation files themselves.

>>> from cmr.export import load_panel              # doctest: +SKIP
>>> wide = load_panel("dist")                      # doctest: +SKIP
>>> variable = wide.filter(regex="_conf$").columns[0].removesuffix("_conf")  # doctest: +SKIP
>>> wide.groupby("year")[variable].mean()         # doctest: +SKIP
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from cmr.project import Project

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

    from cmr.observation import Observation

#: Where `cmr export` writes when no --out is given, relative to the project root.
DEFAULT_OUT = "dist"
SHAPES = ("wide", "long")


class PanelError(Exception):
    """Observations that cannot be read cleanly, or a folder that holds no export."""


def parquet_name(shape: str) -> str:
    return f"panel_{shape}.parquet"


def to_frame(table: pa.Table) -> pd.DataFrame:
    """A typed DataFrame from a panel table: categoricals with the codebook's categories (in
    codebook order; confidence is ordered), nullable integers, `datetime64` dates, `str` text."""
    import pandas as pd
    import pyarrow as pa

    ints = {
        pa.int8(): pd.Int8Dtype(),
        pa.int16(): pd.Int16Dtype(),
        pa.int32(): pd.Int32Dtype(),
        pa.int64(): pd.Int64Dtype(),
    }
    frame = table.to_pandas(types_mapper=ints.get, date_as_object=False)
    for field in table.schema:
        meta = field.metadata or {}
        if b"categories" in meta:
            categories = json.loads(meta[b"categories"])
            ordered = json.loads(meta.get(b"ordered", b"false"))
            dtype = pd.CategoricalDtype(categories, ordered=ordered)
            frame[field.name] = frame[field.name].astype(dtype)
    return frame


def load_panel(
    path: str | Path | None = None, shape: Literal["wide", "long"] = "wide"
) -> pd.DataFrame:
    """Load an exported panel (default: the project's `dist/`) as a typed DataFrame.

    `shape="wide"` gives one row per country-year with a nullable integer column per variable
    (`<variable>`), the missing code behind an empty value (`<variable>_missing`, a
    categorical), its confidence (`<variable>_conf`, an ordered categorical) and its number
    of citations (`<variable>_nsrc`). `shape="long"` gives one row per
    country-year-question with the answer code, evidence and citations. Labels (country,
    question, answer, confidence) are categoricals in codebook order.

    >>> wide = load_panel("dist")                          # doctest: +SKIP
    >>> wide.filter(regex="_conf$").head()             # doctest: +SKIP
    >>> long = load_panel("dist", shape="long")            # doctest: +SKIP
    >>> long.groupby("variable", observed=True)["answer"].value_counts()  # doctest: +SKIP
    """
    import pyarrow.parquet as pq

    if shape not in SHAPES:
        raise ValueError(f"shape must be one of {', '.join(SHAPES)}, not {shape!r}")
    folder = Path(path) if path is not None else Project.find().root / DEFAULT_OUT
    file = folder / parquet_name(shape)
    if not file.is_file():
        raise PanelError(f"{file} not found: run `cmr export` first (or pass its --out folder)")
    return to_frame(pq.read_table(file))


def read_observations(
    project: Project | str | Path | None = None, *, strict: bool = True
) -> list[Observation]:
    """Every observation file of a project (default: found from the working directory),
    parsed, in path order; independent codings included.

    With `strict=True` (the default) a project with check errors raises `PanelError` listing
    them; `strict=False` returns whatever could be parsed.

    >>> obs = read_observations()                     # doctest: +SKIP
    >>> first = obs[0]                                 # doctest: +SKIP
    >>> first.iso3c, first.year, first.answer(first.codebook.variables[0])  # doctest: +SKIP
    ('AZE', 1992, 'yes')
    """
    from cmr.checking import check

    if not isinstance(project, Project):
        project = Project.find(project)
    run = check(project=project, keep=True)
    if strict and not run.result.success:
        errors = [f.render() for f in run.result.sorted() if f.severity == "error"]
        raise PanelError("observations have errors (run `cmr check`):\n" + "\n".join(errors))
    return run.observations()
