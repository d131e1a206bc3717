"""Variant codes: the distinct activity sequences of a log's cases, numbered in sequence order.

Sequences compare element by element, a sequence before its extensions; so ordering variants by
their code orders them by their activities, as the analyses order variants everywhere else.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from klantreis.analytics.ingest.arrays import to_numpy
from klantreis.analytics.ingest.ordering import kept_events


class VariantNumbering:
    """Collects the sequences of sorted whole cases, batch after batch, and numbers them once all are seen."""

    def __init__(self) -> None:
        self._ids: dict[bytes, int] = {}  # sequence -> number in order of appearance
        self._cases: list[np.ndarray] = []  # per batch, per case: that number (-1: no kept events)

    def add(self, cases: pa.Table, activities: pa.Array) -> None:
        """Record the sequence of every case in `cases` (sorted whole cases, following those added before)."""
        events = kept_events(cases, activities, 0)
        ids = np.full(int(events.case_code[-1]) + 1 if len(cases) else 0, -1, dtype=np.int64)
        if len(events.kept):
            encoded = pc.dictionary_encode(_sequences(events.codes, events.first))
            # Only the batch's distinct sequences pass through Python.
            seen = [self._ids.setdefault(sequence, len(self._ids)) for sequence in encoded.dictionary.to_pylist()]
            numbers = np.asarray(seen, dtype=np.int64)[to_numpy(encoded.indices)]
            ids[events.case_code[events.kept[events.first]]] = numbers
        self._cases.append(ids)

    def codes(self) -> np.ndarray:
        """Every case's variant code by case code (-1 for a case without kept events)."""
        appearance = np.concatenate(self._cases) if self._cases else np.zeros(0, dtype=np.int64)
        order = to_numpy(pc.sort_indices(_binary(list(self._ids))).cast(pa.int64()))
        code = np.empty(len(order) + 1, dtype=np.int32)
        code[order] = np.arange(len(order), dtype=np.int32)
        code[-1] = -1  # what index -1 finds
        result: np.ndarray = code[appearance]
        return result


def _sequences(codes: np.ndarray, first: np.ndarray) -> pa.Array:
    """Each case's activity codes as big-endian 4-byte integers: the byte order of these is sequence order."""
    bounds = np.append(np.flatnonzero(first), len(codes)).astype(np.int64) * 4
    return _from_parts(pa.py_buffer(codes.astype(">u4").tobytes()), bounds)


def _binary(values: list[bytes]) -> pa.Array:
    """A binary array (not pa.array(): it imports pandas)."""
    bounds = np.zeros(len(values) + 1, dtype=np.int64)
    np.cumsum(np.fromiter(map(len, values), dtype=np.int64, count=len(values)), out=bounds[1:])
    return _from_parts(pa.py_buffer(b"".join(values)), bounds)


def _from_parts(data: pa.Buffer, bounds: np.ndarray) -> pa.Array:
    small = bounds[-1] < 2**31
    offsets = pa.py_buffer(bounds.astype(np.int32 if small else np.int64))
    array = pa.Array.from_buffers(pa.binary() if small else pa.large_binary(), len(bounds) - 1, [None, offsets, data])
    return array
