"""Small helpers for building Arrow columns fast and with their metadata."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np
import pyarrow as pa

CHUNK = 8192


def field(
    name: str, array: Any, description: str, nullable: bool = True, **meta: Any
) -> tuple[pa.Field, Any]:
    """A field with its description and JSON-encoded metadata, paired with its column."""
    metadata = {"description": description, **{k: json.dumps(v) for k, v in meta.items()}}
    return pa.field(name, array.type, nullable=nullable, metadata=metadata), array


def table(fields: Iterable[tuple[pa.Field, Any]], metadata: dict[str, str]) -> pa.Table:
    pairs = list(fields)
    schema = pa.schema([f for f, _ in pairs], metadata=metadata)
    return pa.Table.from_arrays([a for _, a in pairs], schema=schema)


def int_type(low: int, high: int) -> pa.DataType:
    """The smallest signed integer type holding `low..high`."""
    for bits, t in ((8, pa.int8()), (16, pa.int16()), (32, pa.int32())):
        if -(2 ** (bits - 1)) <= low and high < 2 ** (bits - 1):
            return t
    return pa.int64()


def labels(indices: Any, categories: Sequence[str], ordered: bool = False) -> pa.Array:
    """A dictionary-encoded column: `indices` into `categories`, negative for missing."""
    idx = np.asarray(indices, dtype=np.int64)
    kind = int_type(0, max(len(categories), 1))
    arr = pa.array(idx, kind, mask=idx < 0) if len(idx) else pa.array([], kind)
    return pa.DictionaryArray.from_arrays(
        arr, pa.array(list(categories), pa.string()), ordered=ordered
    )


def _text_chunk(values: Sequence[Any], convert: Callable[[Any], str | None] | None) -> pa.Array:
    if convert is not None:
        values = [convert(v) for v in values]
    raw = [b"" if v is None else v.encode("utf-8") for v in values]
    offsets = np.zeros(len(raw) + 1, dtype=np.int64)
    np.cumsum([len(b) for b in raw], out=offsets[1:])
    valid = np.fromiter((v is not None for v in values), dtype=bool, count=len(values))
    nulls = len(values) - int(valid.sum())
    bitmap = pa.py_buffer(np.packbits(valid, bitorder="little")) if nulls else None
    return pa.LargeStringArray.from_buffers(
        len(raw), pa.py_buffer(offsets), pa.py_buffer(b"".join(raw)), bitmap, nulls
    )


def _one(part: pa.ChunkedArray) -> pa.Array:
    """`part` as one array: without a copy when it lies in one chunk."""
    return part.chunk(0) if part.num_chunks == 1 else pa.concat_arrays(part.chunks)


def text(
    values: Sequence[Any], convert: Callable[[Any], str | None] | None = None
) -> pa.ChunkedArray:
    """A large_string column of `values` (made strings by `convert`, a chunk at a time, so
    that the strings never all exist at once), built from UTF-8 buffers. Handing `str` objects
    to Arrow instead would make CPython cache a UTF-8 copy inside every non-ASCII string, which
    doubles their memory for as long as the observations live, and is slower. An Arrow array
    of text is cast and sliced into the same chunks."""
    if isinstance(values, pa.ChunkedArray | pa.Array):  # already text: chunked the same way
        whole = pa.chunked_array(values).cast(pa.large_string())
        chunks = [_one(whole.slice(i, CHUNK)) for i in range(0, len(whole), CHUNK)]
    else:
        chunks = [_text_chunk(values[i : i + CHUNK], convert) for i in range(0, len(values), CHUNK)]
    return pa.chunked_array(chunks, pa.large_string())


def scatter(size: int, rows: np.ndarray, values: np.ndarray, fill: Any) -> np.ndarray:
    """An array of `size` cells, `fill` everywhere except `values` at `rows`."""
    out = np.full(size, fill, dtype=values.dtype)
    out[rows] = values
    return out
