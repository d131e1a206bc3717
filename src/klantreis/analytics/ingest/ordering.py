"""The ordering columns: what the order of each case's events implies, stored next to every event at import.

Every analysis orders the events of each case; doing that once at import, and storing what the order
implies next to each event, spares every later analysis a sort of the whole log. The columns cover the
events an analysis keeps (those with an activity and a timestamp); the others get nulls.

- case_code: the case's number (0, 1, ... in sort order; events without a case id form the last case)
- event_rank: the event's 0-based place among its case's kept events
- activity_code: the activity's index in the log's activity names sorted by code point (null without one)
- next_activity_code: the activity code of the case's next kept event (null on its last one)
- seconds_to_next: seconds from this event to that next one, as analyses compute them (null on the last)
- case_start: the timestamp of the case's first kept event
- occurrence: how often the case has had this activity so far, this event included (1, 2, ...)
- transition_occurrence: the same for the pair (this activity, the next one) (null on the last event)
- variant_code: the case's variant, its sequence of activity codes, numbered in sequence order (element by
  element, a sequence before its extensions), so ordering by the code orders by the sequence
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from klantreis.analytics.ingest.arrays import from_numpy, present, to_numpy
from klantreis.analytics.ingest.timestamps import UTC_US

ORDERING = {
    "case_code": pa.int32(),
    "event_rank": pa.int32(),
    "activity_code": pa.int32(),
    "next_activity_code": pa.int32(),
    "seconds_to_next": pa.float64(),
    "case_start": UTC_US,
    "occurrence": pa.int32(),
    "transition_occurrence": pa.int32(),
    "variant_code": pa.int32(),
}


def case_starts(cases: pa.ChunkedArray | pa.Array) -> np.ndarray:
    """Where a new case begins in a column of sorted case ids (the nulls, sorted last, are one case)."""
    combined = cases.combine_chunks() if isinstance(cases, pa.ChunkedArray) else cases
    codes = to_numpy(pc.dictionary_encode(combined, null_encoding="encode").indices)
    starts = np.ones(len(codes), dtype=bool)
    starts[1:] = codes[1:] != codes[:-1]
    return starts


def derive(
    cases: pa.Table, activities: pa.Array, first_code: int, variants: pa.Array | None = None
) -> tuple[dict[str, pa.Array], int]:
    """The ORDERING columns of sorted whole cases, numbering cases from `first_code`; also the next free code.

    `variants` holds each row's variant code when numbered elsewhere; without it `cases` must be the
    whole log, as variant codes are numbered over all cases.
    """
    count = len(cases)
    starts = case_starts(cases["case_id"])
    case_code = (first_code - 1 + np.cumsum(starts)).astype(np.int32)
    activity = pc.index_in(cases["activity"], value_set=activities).combine_chunks()
    timestamp = cases["timestamp"].combine_chunks()
    kept = np.flatnonzero(present(activity) & present(timestamp))
    # Read straight from the buffers (fill_null would import pandas): only present values are used.
    codes = to_numpy(activity)[kept]
    moments = to_numpy(timestamp.cast(pa.int64()))[kept]
    case_of = case_code[kept]
    # Kept events of one case are adjacent: rank and start from where each case's run of kept events begins.
    first = np.ones(len(kept), dtype=bool)
    first[1:] = case_of[1:] != case_of[:-1]
    last = np.ones(len(kept), dtype=bool)
    last[:-1] = first[1:]
    run_start = np.maximum.accumulate(np.where(first, np.arange(len(kept)), 0))
    following = _shifted(codes)
    # Numbers local to this batch keep the combined sort keys of the occurrences small.
    local_case = (case_of - case_of[0]).astype(np.int64) if len(kept) else case_of.astype(np.int64)
    width = len(activities) + 1
    paired = np.flatnonzero(~last)
    derived = {
        "case_code": from_numpy(case_code),
        "event_rank": _spread((np.arange(len(kept)) - run_start).astype(np.int32), kept, None, count),
        "activity_code": activity.cast(pa.int32()),
        "next_activity_code": _spread(following.astype(np.int32), kept, last, count),
        # Whole microseconds, then seconds: the very float the general path computes in the engine.
        "seconds_to_next": _spread((_shifted(moments) - moments).astype(np.float64) / 1e6, kept, last, count),
        "case_start": _spread(moments[run_start], kept, None, count).view(UTC_US),
        "occurrence": _spread(occurrences([local_case, codes], width), kept, None, count),
        "transition_occurrence": _spread(
            occurrences([local_case[paired], codes[paired], following[paired]], width), kept[paired], None, count
        ),
        "variant_code": _spread(
            variant_codes(codes, first) if variants is None else to_numpy(variants)[kept],
            kept,
            None,
            count,
        ),
    }
    return derived, int(case_code[-1]) + 1 if count else first_code


def variant_codes(codes: np.ndarray, first: np.ndarray) -> np.ndarray:
    """Per kept event, the variant code of its case (`first` marks where each case's kept events begin)."""
    starts = np.flatnonzero(first)
    if len(starts) == 0:
        return np.zeros(0, dtype=np.int32)
    bounds = np.append(starts, len(codes)).astype(np.int64)
    # Each case's codes as big-endian 4-byte integers: byte order of these strings is sequence order.
    data = pa.py_buffer(codes.astype(">u4").tobytes())
    small = len(codes) * 4 < 2**31
    offsets = (bounds * 4).astype(np.int32 if small else np.int64)
    kind = pa.binary() if small else pa.large_binary()
    sequences = pa.Array.from_buffers(kind, len(starts), [None, pa.py_buffer(offsets), data])
    encoded = pc.dictionary_encode(sequences)
    order = to_numpy(pc.sort_indices(encoded.dictionary).cast(pa.int64()))
    numbers = np.empty(len(order), dtype=np.int32)
    numbers[order] = np.arange(len(order), dtype=np.int32)
    return np.repeat(numbers[to_numpy(encoded.indices)], np.diff(bounds))


def occurrences(keys: list[np.ndarray], width: int) -> np.ndarray:
    """1-based: how often each row's combination of keys has come up so far (first key < rows, others < width)."""
    rows = len(keys[0])
    if rows == 0:
        return np.zeros(0, dtype=np.int32)
    if (rows + 1) * width ** (len(keys) - 1) < 2**62:
        # One integer key sorts much faster than several.
        combined = keys[0].astype(np.int64)
        for key in keys[1:]:
            combined = combined * width + key
        order = np.argsort(combined, kind="stable")
        ordered = combined[order]
        changes = ordered[1:] != ordered[:-1]
    else:
        order = np.lexsort(keys[::-1])  # stable; sorts by the last key first
        changes = np.zeros(rows - 1, dtype=bool)
        for key in keys:
            changes |= key[order][1:] != key[order][:-1]
    starts = np.ones(rows, dtype=bool)
    starts[1:] = changes
    positions = np.arange(rows)
    counted = np.empty(rows, dtype=np.int32)
    # Stable sorting keeps each combination's rows in rank order, so their place in the run is the count.
    counted[order] = positions - np.maximum.accumulate(np.where(starts, positions, 0)) + 1
    return counted


def _shifted(values: np.ndarray) -> np.ndarray:
    # The value of the following kept event; the last slot is masked out by the caller.
    following = np.zeros_like(values)
    following[:-1] = values[1:]
    return following


def _spread(values: np.ndarray, kept: np.ndarray, missing: np.ndarray | None, count: int) -> pa.Array:
    """A column of `count` rows holding `values` at the kept rows and null elsewhere (and where `missing`)."""
    full = np.zeros(count, dtype=values.dtype)
    full[kept] = values
    null = np.ones(count, dtype=bool)
    null[kept] = False if missing is None else missing
    return from_numpy(full, null)
