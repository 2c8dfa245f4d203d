"""Arrow column helpers."""

from __future__ import annotations

import pyarrow as pa

from cmr.export import _arrow


def test_text_keeps_every_string_and_null() -> None:
    """`text` builds a large_string column equal to its input, across chunk boundaries."""
    values = [None if i % 7 == 0 else f'é{i}\n"中"' * (i % 5) for i in range(20_000)]
    column = _arrow.text(values)
    assert column.type == pa.large_string()
    assert column.to_pylist() == values
    assert column.null_count == sum(v is None for v in values)
    assert _arrow.text([]).to_pylist() == []


def test_labels_use_the_given_categories() -> None:
    """`labels` keeps unused categories and turns negative indices into nulls."""
    column = _arrow.labels([1, -1, 1], ["low", "high"], ordered=True)
    assert column.to_pylist() == ["high", None, "high"]
    assert column.dictionary.to_pylist() == ["low", "high"]
    assert column.type.ordered


def test_int_type_is_the_smallest_that_fits() -> None:
    """Integer columns get the narrowest signed type for the codebook's values."""
    assert _arrow.int_type(0, 1) == pa.int8()
    assert _arrow.int_type(-1, 300) == pa.int16()
    assert _arrow.int_type(0, 2**40) == pa.int64()
