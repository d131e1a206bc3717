"""Small conversions between numpy and Arrow that the tokenizers need."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyarrow as pa

_TYPES = {
    np.dtype(np.int64): pa.int64(),
    np.dtype(np.int32): pa.int32(),
    np.dtype(np.float64): pa.float64(),
}


def from_numpy(values: np.ndarray, null: np.ndarray | None = None) -> pa.Array:
    """A zero-copy Arrow array over a 1-D int or float array; `null` marks missing values."""
    values = np.ascontiguousarray(values)
    validity = None
    nulls = 0
    if null is not None:
        nulls = int(np.count_nonzero(null))
        if nulls:
            validity = pa.py_buffer(np.packbits(~null, bitorder="little"))
    return pa.Array.from_buffers(_TYPES[values.dtype], len(values), [validity, pa.py_buffer(values)], null_count=nulls)


def to_numpy(array: pa.Array | pa.ChunkedArray) -> np.ndarray:
    """The values of an int32/int64 Arrow array without nulls as numpy (read from its buffer).

    Not Array.to_numpy(): that imports pandas (when installed), which costs a second in a fresh process.
    """
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks()
    dtype = {pa.int32(): np.int32, pa.int64(): np.int64}[array.type]
    return np.frombuffer(array.buffers()[1], dtype=dtype)[array.offset : array.offset + len(array)]


def present(array: pa.Array) -> np.ndarray:
    """Which values of an Arrow array are present, read from its validity bitmap (no pandas import)."""
    if array.null_count == 0:
        return np.ones(len(array), dtype=bool)
    bits = np.unpackbits(np.frombuffer(array.buffers()[0], dtype=np.uint8), bitorder="little")
    return bits[array.offset : array.offset + len(array)].astype(bool)


def filled(array: pa.Array, value: int) -> np.ndarray:
    """The values of an int32/int64 Arrow array as numpy, `value` where missing (fill_null imports pandas)."""
    return np.where(present(array), to_numpy(array), value)


def strings(values: Sequence[str | None]) -> pa.Array:
    """An Arrow string array from Python strings (None = null), built from buffers (pa.array imports pandas)."""
    encoded = [b"" if value is None else value.encode("utf-8") for value in values]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
    np.cumsum(np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded)), out=offsets[1:])
    data = pa.py_buffer(b"".join(encoded))
    missing = np.fromiter((value is None for value in values), dtype=bool, count=len(values))
    validity = pa.py_buffer(np.packbits(~missing, bitorder="little")) if missing.any() else None
    if offsets[-1] < 2**31:
        offsets_buffer, kind = pa.py_buffer(offsets.astype(np.int32)), pa.string()
    else:
        offsets_buffer, kind = pa.py_buffer(offsets), pa.large_string()
    array = pa.Array.from_buffers(kind, len(encoded), [validity, offsets_buffer, data], null_count=int(missing.sum()))
    return array if kind == pa.string() else array.cast(pa.string())


def spans(buffer: pa.Buffer, starts: np.ndarray, ends: np.ndarray) -> pa.Array:
    """The binary values buffer[starts[i]:ends[i]] (ordered, non-overlapping spans), copied into a compact array."""
    count = len(starts)
    if count == 0:
        return pa.array([], pa.binary())
    # Offsets start0, end0, start1, end1, ... cut the buffer into the wanted spans and the gaps between them;
    # taking every other value keeps the spans. No Python loop touches the values.
    offsets = np.empty(2 * count, dtype=np.int32)
    offsets[0::2] = starts
    offsets[1::2] = ends
    cut = pa.Array.from_buffers(pa.binary(), 2 * count - 1, [None, pa.py_buffer(offsets), buffer])
    return cut.take(from_numpy(np.arange(0, 2 * count - 1, 2, dtype=np.int64)))
