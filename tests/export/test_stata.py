"""The Stata file: labelled variables and values, missing codes as extended missing values."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyreadstat

from cmr.codebook import Codebooks
from cmr.export._spec import stata_label

READS_ONLY = True  # the session's shared panel and export serve (see conftest)


def test_variable_and_value_labels(exported: Path, panel_project: Path) -> None:
    """Variables carry the question text (cut to 80) and scale values their labels."""
    book = Codebooks(panel_project / "codebook").latest
    frame, meta = pyreadstat.read_dta(exported / "panel_wide.dta", user_missing=True)
    labels = dict(zip(meta.column_names, meta.column_labels, strict=True))
    for q in book.questions:
        assert labels[q.variable] == stata_label(q.text)
        assert len(str(labels[q.variable])) <= 80
        value_labels: dict[Any, str] = meta.variable_value_labels[q.variable]
        for v in q.scale.values:
            assert value_labels[v.value] == v.label
        assert value_labels["a"] == q.scale.missing[0].label
    conf = meta.variable_value_labels[f"{book.variables[0]}_conf"]
    assert list(conf) == [1, 2, 3]
    assert len(frame) == 5


def test_missing_codes_are_extended_missing_values(exported: Path, panel_project: Path) -> None:
    """An 'unknown' answer reads back as .a; plain readers see it as missing."""
    last = Codebooks(panel_project / "codebook").latest.variables[-1]
    frame, meta = pyreadstat.read_dta(exported / "panel_wide.dta", user_missing=True)
    assert list(frame[last]) == ["a"] * 5
    assert meta.missing_user_values[last] == ["a"]
    plain, _ = pyreadstat.read_dta(exported / "panel_wide.dta")
    assert plain[last].isna().all()
    first = Codebooks(panel_project / "codebook").latest.variables[0]
    assert set(plain[first]) == {1.0}


def test_stata_label_cuts_long_text() -> None:
    """Texts over 80 characters are cut with an ellipsis; shorter ones are kept whole."""
    assert stata_label("short") == "short"
    cut = stata_label("word " * 30)
    assert len(cut) <= 80 and cut.endswith("…")
