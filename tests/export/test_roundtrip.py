"""Property: observations -> panel -> Parquet and CSV -> panel loses nothing."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import REPO

from cmr.bibliography import Bibliography, Entry
from cmr.codebook import Codebooks
from cmr.export import _run, load_panel
from cmr.export._select import select
from cmr.observation import Observation

BOOK = Codebooks(REPO / "codebook").latest
KEYS = ("alpha2001", "beta:1999", "gamma-x")
BIB = Bibliography(
    Path("references.bib"), {k: Entry(k, "book", {"title": f"Title «{k}»"}, 1) for k in KEYS}
)
COUNTRIES = (("AZE", "Azerbaijan", 373), ("ARM", "Armenia", 371), ("GEO", "Georgia", 372))
TEXT = st.text(
    st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), min_size=1, max_size=60
)


@st.composite
def answer(draw: Any, codes: tuple[str, ...]) -> dict[str, Any]:
    cites = draw(
        st.lists(
            st.fixed_dictionaries(
                {"key": st.sampled_from(KEYS)},
                optional={
                    "pages": st.one_of(st.integers(1, 999), st.text("0123456789-", min_size=1))
                },
            ),
            max_size=3,
        )
    )
    entry = {
        "answer": draw(st.sampled_from(codes)),
        "confidence": draw(st.sampled_from(BOOK.confidence)),
        "evidence": draw(TEXT),
        "citations": cites,
    }
    if draw(st.booleans()):
        entry["note"] = draw(TEXT)
    return entry


@st.composite
def observations(draw: Any) -> list[Observation]:
    keys = draw(
        st.sets(
            st.tuples(st.sampled_from(COUNTRIES), st.integers(1990, 2020)), min_size=1, max_size=4
        )
    )
    out = []
    for (iso3c, name, cown), year in sorted(keys):
        answers = {q.variable: draw(answer(q.scale.codes)) for q in BOOK.questions}
        data = {
            "codebook": BOOK.version,
            "country": name,
            "iso3c": iso3c,
            "cown": cown,
            "year": year,
            "coder": "c",
            "coded_on": "2026-01-01",
            "answers": answers,
        }
        out.append(Observation(f"observations/{iso3c}/{year}.yaml", data, BOOK))
    return out


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(observations())
def test_panel_round_trips_through_parquet_and_csv(obs: list[Observation]) -> None:
    """Every answer, confidence, evidence and note comes back from Parquet and from CSV, and
    the wide panels keep each cell's missing code beside its value."""
    chosen = select(obs)
    layout = _run.layout_for(chosen, Codebooks(REPO / "codebook"))
    tables = _run.build(chosen, layout, BIB)
    assert _run.validate(tables, "-") == []
    with tempfile.TemporaryDirectory() as tmp:
        _run.write(tables, Path(tmp))
        long = load_panel(tmp, "long")
        csv = pd.read_csv(
            Path(tmp) / "panel_long.csv", keep_default_na=False, na_values=[""], dtype=str
        )
        wide = load_panel(tmp)
        wide_csv = pd.read_csv(
            Path(tmp) / "panel_wide.csv", keep_default_na=False, na_values=[""], dtype=str
        )
    _wide_keeps_missing_codes(chosen, wide, wide_csv)
    expected = [
        (o.iso3c, o.year, q.variable, o.answers[q.variable]) for o in chosen for q in BOOK.questions
    ]
    assert len(long) == len(csv) == len(expected)
    for i, (iso3c, year, variable, entry) in enumerate(expected):
        row = long.iloc[i]
        assert (row["iso3c"], row["year"], row["variable"]) == (iso3c, year, variable)
        assert row["answer"] == entry["answer"] == csv["answer"][i]
        assert row["confidence"] == entry["confidence"]
        assert row["evidence"] == entry["evidence"] == csv["evidence"][i]
        note = entry.get("note")
        assert (pd.isna(row["note"]) and note is None) or row["note"] == note
        assert row["n_citations"] == len(entry["citations"])
        assert row["value"] is pd.NA or row["value"] == BOOK.question(variable).scale.value_of(
            entry["answer"]
        )


def _wide_keeps_missing_codes(chosen: list[Observation], *frames: pd.DataFrame) -> None:
    """In each wide frame, every cell's value and `_missing` companion give back its answer:
    the value for a scale answer (companion empty), the code for a missing code."""
    for frame in frames:
        assert len(frame) == len(chosen)
        for i, o in enumerate(chosen):
            row = frame.iloc[i]
            assert (str(row["iso3c"]), int(row["year"])) == (o.iso3c, o.year)
            for q in BOOK.questions:
                code = o.answers[q.variable]["answer"]
                number = q.scale.value_of(code)
                value, missing = row[q.variable], row[f"{q.variable}_missing"]
                if number is None:
                    assert pd.isna(value) and missing == code
                else:
                    assert int(value) == number and pd.isna(missing)
