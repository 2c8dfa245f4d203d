"""The wide panel as a Stata .dta file (format 118, Stata 14 and later), through pyreadstat.

Variables carry labels (the question text, cut to Stata's 80 characters) and value labels
(0 "No", 1 "Yes"); missing codes become extended missing values in scale order (`.a` unknown,
`.b` not applicable, ...), each labelled, so that `haven::read_dta()` shows labelled columns
and Stata users can tell the kinds of missingness apart. Confidence is stored as a labelled
integer, 1 for the lowest level.

Stata files carry a timestamp in their header. For byte-identical exports it is set to the
moment SOURCE_DATE_EPOCH names, or to 01 Jan 1970 00:00 when that is unset.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
from pathlib import Path
from typing import Any

from cmr.export._epoch import source_date_epoch
from cmr.export._spec import PanelSpec, stata_label
from cmr.export._tables import IDENTIFIERS, TRAILING
from cmr.export._units import REFERENCE, UNIT

UNITS = {"unit": UNIT, "reference_date": REFERENCE}

DTA_VERSION = 14
TIMESTAMP_TAG = b"<timestamp>"


def confidence_labels(layout: PanelSpec) -> dict[str, str]:
    return layout.confidence_labels


def stata_frame(wide: Any, answers: dict[str, Any], layout: PanelSpec) -> Any:
    """The wide table as the pandas frame pyreadstat writes: values as floats, missing codes as
    their extended-missing letters, confidence as integers from 1."""
    import numpy as np
    import pyarrow as pa

    names = [*IDENTIFIERS, *_units(wide), *TRAILING]
    frame = wide.select(names).to_pandas(date_as_object=True)
    for name in ("country", "iso3c", "coder", "codebook_version", *_units(wide)[:1]):
        frame[name] = np.asarray(wide[name].cast(pa.string()).to_pylist(), dtype=object)
    for var in layout.variables:
        cells = wide[var.name].to_numpy(zero_copy_only=False).astype(float).astype(object)
        for code, letter in var.stata_missing.items():
            cells[answers[var.name] == code] = letter
        frame[var.name] = cells
        conf = wide[f"{var.name}_conf"].combine_chunks().indices
        frame[f"{var.name}_conf"] = conf.to_numpy(zero_copy_only=False).astype(float) + 1
        frame[f"{var.name}_nsrc"] = (
            wide[f"{var.name}_nsrc"].to_numpy(zero_copy_only=False).astype(float)
        )
    return frame


def _units(wide: Any) -> list[str]:
    """`unit` and `reference_date` when the panel has them (a codebook with `units`)."""
    return [n for n in UNITS if n in wide.column_names]


def _labels(
    layout: PanelSpec,
) -> tuple[dict[str, str | None], dict[str, dict[Any, str]], dict[str, list[str]]]:
    column: dict[str, str | None] = {
        k: stata_label(v) for k, v in {**IDENTIFIERS, **UNITS, **TRAILING}.items()
    }
    value: dict[str, dict[Any, str]] = {}
    missing: dict[str, list[str]] = {}
    conf = {i: label for i, label in enumerate(confidence_labels(layout).values(), start=1)}
    for var in layout.variables:
        q = var.question
        column[var.name] = stata_label(q.text)
        column[f"{var.name}_conf"] = stata_label(f"Confidence: {q.label}")
        column[f"{var.name}_nsrc"] = stata_label(f"Number of citations: {q.label}")
        labels: dict[Any, str] = {v: var.labels[c] for c, v in var.values.items()}
        labels.update({letter: var.labels[c] for c, letter in var.stata_missing.items()})
        value[var.name] = labels
        value[f"{var.name}_conf"] = conf
        if var.stata_missing:
            missing[var.name] = list(var.stata_missing.values())
    return column, value, missing


def timestamp() -> bytes:
    """`dd Mon yyyy hh:mm` of SOURCE_DATE_EPOCH (UTC), or of the epoch when it is unset."""
    epoch = source_date_epoch() or 0
    moment = dt.datetime.fromtimestamp(epoch, dt.UTC)
    return moment.strftime("%d %b %Y %H:%M").encode("ascii")


def _fix_timestamp(path: Path) -> None:
    """Overwrite the header's time of writing, in place and at the same length."""
    with path.open("r+b") as fh:
        head = fh.read(4096)
        at = head.find(TIMESTAMP_TAG)
        if at < 0:
            return
        start = at + len(TIMESTAMP_TAG)
        length = head[start]
        stamp = timestamp()
        if length == len(stamp):
            fh.seek(start + 1)
            fh.write(stamp)


def write_dta(wide: Any, answers: dict[str, Any], layout: PanelSpec, path: Path) -> None:
    """Write the wide panel (an Arrow table) to `path` as a labelled Stata file."""
    import pyreadstat

    column, value, user_missing = _labels(layout)
    frame = stata_frame(wide, answers, layout)
    column = {k: v for k, v in column.items() if k in frame.columns}
    title = stata_label(f"{layout.latest.name} {layout.dataset_version}: {layout.latest.title}")
    try:
        pyreadstat.write_dta(
            frame,
            str(path),
            file_label=title,
            column_labels=column,
            version=DTA_VERSION,
            variable_value_labels=value,
            missing_user_values=user_missing,
            variable_format={n: "%td" for n in ("as_of", "reference_date") if n in frame},
        )
    except (pyreadstat.ReadstatError, pyreadstat.PyreadstatError) as exc:
        raise _write_failure(path, exc) from None
    _fix_timestamp(path)


def write_events_dta(events: Any, layout: PanelSpec, path: Path) -> None:
    """Write the event table (an Arrow table) to `path` as a Stata file: labels as text."""
    import pyarrow as pa
    import pyreadstat

    columns = {
        f.name: events[f.name].cast(pa.string())
        if pa.types.is_dictionary(f.type)
        else events[f.name]
        for f in events.schema
    }
    frame = pa.table(columns).to_pandas()
    labels: dict[str, str | None] = {
        f.name: stata_label(f.metadata[b"description"].decode()) for f in events.schema
    }
    title = stata_label(f"{layout.latest.name} {layout.dataset_version}: events")
    try:
        pyreadstat.write_dta(
            frame, str(path), file_label=title, column_labels=labels, version=DTA_VERSION
        )
    except (pyreadstat.ReadstatError, pyreadstat.PyreadstatError) as exc:
        raise _write_failure(path, exc) from None
    _fix_timestamp(path)


def _write_failure(path: Path, exc: Exception) -> OSError:
    """The OSError behind a failed Stata write: pyreadstat only says "Unable to write data",
    so a device with less than a MiB left is taken to be full."""
    free = os.statvfs(path.parent)
    code = errno.ENOSPC if free.f_bavail * free.f_frsize < 1 << 20 else errno.EIO
    return OSError(code, f"{os.strerror(code)} ({exc})", str(path))
