"""pandera schemas of the long and wide panels, generated from the codebook layout.

They pin what a researcher may rely on: the columns and their order, dtypes (categoricals
with the codebook's categories, nullable integers), unique keys, allowed answers and values,
and that each value matches its answer. Export validates both frames before writing anything.
pandera is imported here only, so that `cmr check` never pays for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from cmr.catalogue import finding
from cmr.export._arrow import int_type
from cmr.export._spec import PanelSpec
from cmr.export._units import has_units
from cmr.findings import Finding

if TYPE_CHECKING:
    import pandas as pd

MAX_CASES = 5


def _nullable_int(arrow_type: Any) -> Any:
    import pandas as pd

    return {8: pd.Int8Dtype(), 16: pd.Int16Dtype(), 32: pd.Int32Dtype()}.get(
        arrow_type.bit_width, pd.Int64Dtype()
    )


def _identifiers(layout: PanelSpec, pa: Any) -> dict[str, Any]:
    import pandas as pd

    return {
        "country": pa.Column("category"),
        "iso3c": pa.Column("category", pa.Check.str_matches(r"^[A-Z]{3}$")),
        "cown": pa.Column(pd.Int16Dtype(), pa.Check.ge(0), nullable=True),
        "gwn": pa.Column(pd.Int16Dtype(), pa.Check.ge(0), nullable=True),
        "vdem": pa.Column(pd.Int16Dtype(), pa.Check.ge(0), nullable=True),
        "year": pa.Column(pd.Int16Dtype(), pa.Check.ge(layout.min_year)),
        "as_of": pa.Column("datetime64[ms]"),
        **_units(layout, pa),
    }


def _units(layout: PanelSpec, pa: Any) -> dict[str, Any]:
    """`unit` and `reference_date`, when a codebook version of the panel declares units."""
    if not has_units(layout):
        return {}
    return {
        "unit": pa.Column("category", nullable=True),
        "reference_date": pa.Column("datetime64[ms]"),
    }


def _trailing(layout: PanelSpec, pa: Any) -> dict[str, Any]:
    import pandas as pd

    return {
        "coder": pa.Column("category"),
        "codebook_version": pa.Column(pd.CategoricalDtype(list(layout.versions))),
    }


def _expected_values(layout: PanelSpec) -> np.ndarray:
    """[variable, answer] -> the value the answer must have: a number, NaN for a missing
    code, infinity for an answer that is not on the variable's scale."""
    answers = {a: j for j, a in enumerate(layout.answer_codes)}
    out = np.full((len(layout.variables) + 1, len(answers) + 1), np.inf)
    for i, var in enumerate(layout.variables):
        for code in var.missing:
            out[i, answers[code]] = np.nan
        for code, number in var.values.items():
            out[i, answers[code]] = number
    return out


def long_schema(layout: PanelSpec) -> Any:
    """The schema of the long panel (one row per country-year-question)."""
    import pandas as pd
    import pandera.pandas as pa

    value = _nullable_int(int_type(*layout.value_range))
    expected = _expected_values(layout)

    def lookup(df: pd.DataFrame) -> np.ndarray:
        # Categories are the layout's, so category codes index the matrix directly; the extra
        # last row and column (code -1, a missing label) hold "not allowed".
        found: np.ndarray = expected[
            df["variable"].cat.codes.to_numpy(), df["answer"].cat.codes.to_numpy()
        ]
        return found

    def answer_in_scale(df: pd.DataFrame) -> pd.Series:
        return pd.Series(~np.isinf(lookup(df)), index=df.index)

    def value_matches_answer(df: pd.DataFrame) -> pd.Series:
        want = lookup(df)
        have = df["value"].to_numpy(dtype=float, na_value=np.nan)
        same = (have == want) | (np.isnan(have) & np.isnan(want))
        return pd.Series(same, index=df.index)

    return pa.DataFrameSchema(
        {
            **_identifiers(layout, pa),
            "question": pa.Column(pd.CategoricalDtype(list(layout.question_ids))),
            "variable": pa.Column(pd.CategoricalDtype([v.name for v in layout.variables])),
            "answer": pa.Column(pd.CategoricalDtype(list(layout.answer_codes))),
            "value": pa.Column(value, nullable=True),
            "confidence": pa.Column(pd.CategoricalDtype(list(layout.confidence), ordered=True)),
            "evidence": pa.Column(str),
            "note": pa.Column(str, nullable=True),
            "citations": pa.Column(str, nullable=True),
            "n_citations": pa.Column(pd.Int32Dtype(), pa.Check.ge(0)),
            **_trailing(layout, pa),
        },
        checks=[
            pa.Check(answer_in_scale, name="answer_in_scale"),
            pa.Check(value_matches_answer, name="value_matches_answer"),
        ],
        unique=["iso3c", "year", "variable"],
        strict=True,
        ordered=True,
        name="long",
    )


def wide_schema(layout: PanelSpec) -> Any:
    """The schema of the wide panel (one row per country-year)."""
    import pandas as pd
    import pandera.pandas as pa

    value = _nullable_int(int_type(*layout.value_range))
    conf = pd.CategoricalDtype(list(layout.confidence), ordered=True)
    columns = {**_identifiers(layout, pa), **_trailing(layout, pa)}
    for var in layout.variables:
        allowed = sorted(set(var.values.values()))
        missing = pd.CategoricalDtype(list(var.missing))
        columns[var.name] = pa.Column(value, pa.Check.isin(allowed), nullable=True)
        columns[f"{var.name}_missing"] = pa.Column(missing, nullable=True)
        columns[f"{var.name}_conf"] = pa.Column(conf, nullable=True)
        columns[f"{var.name}_nsrc"] = pa.Column(pd.Int32Dtype(), pa.Check.ge(0), nullable=True)
    return pa.DataFrameSchema(
        columns,
        checks=[pa.Check(_value_or_missing(layout), name="value_or_missing_code")],
        unique=["iso3c", "year"],
        strict=True,
        ordered=True,
        name="wide",
    )


def _value_or_missing(layout: PanelSpec) -> Any:
    """A row check: no variable has both a value and a missing code, and every variable its
    row's codebook asks (it has a confidence) has one of the two."""
    import pandas as pd

    def check(df: pd.DataFrame) -> pd.Series:
        ok = np.ones(len(df), dtype=bool)
        for var in layout.variables:
            has_value = df[var.name].notna().to_numpy()
            has_code = df[f"{var.name}_missing"].notna().to_numpy()
            asked = df[f"{var.name}_conf"].notna().to_numpy()
            ok &= ~(has_value & has_code) & ((has_value | has_code) == asked)
        return pd.Series(ok, index=df.index)

    return check


def validate(frame: pd.DataFrame, schema: Any, table: str, where: str) -> list[Finding]:
    """Validate `frame` collecting every failure; one finding per failed check and column."""
    import pandera.pandas as pa

    try:
        schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        return _findings(exc.failure_cases, table, where)
    return []


def _findings(cases: pd.DataFrame, table: str, where: str) -> list[Finding]:
    # A column check fails on values; a check across columns (keys, value against answer)
    # fails on rows, which pandera repeats once per column: show the row numbers once.
    rows = cases["schema_context"] != "Column"
    cases = cases.assign(
        subject=("column " + cases["column"].astype(str)).where(~rows, "rows"),
        shown=cases["failure_case"].where(~rows, cases["index"]),
    )
    out = []
    for (subject, check), group in cases.groupby(["subject", "check"], sort=True):
        distinct = list(dict.fromkeys(group["shown"]))
        shown = ", ".join(repr(c) if isinstance(c, str) else str(c) for c in distinct[:MAX_CASES])
        more = len(distinct) - MAX_CASES
        out.append(
            finding(
                "export-schema-failed",
                where,
                table=table,
                check=check,
                subject=subject,
                cases=shown + (f" and {more} more" if more > 0 else ""),
            )
        )
    return out
