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

from dataclasses import dataclass

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


@dataclass(frozen=True)
class KeptEvents:
    """Sorted whole cases seen as analyses see them: which rows they keep, with activity codes and cases."""

    activity: pa.Array  # every row's activity code (null without an activity)
    case_code: np.ndarray  # every row's case code
    kept: np.ndarray  # indices of the kept rows (an activity and a timestamp)
    codes: np.ndarray  # the kept rows' activity codes
    first: np.ndarray  # per kept row: the first kept row of its case


def kept_events(cases: pa.Table, activities: pa.Array, first_code: int) -> KeptEvents:
    """The kept events of sorted whole cases, numbering the cases from `first_code`."""
    case_code = (first_code - 1 + np.cumsum(case_starts(cases["case_id"]))).astype(np.int32)
    activity = pc.index_in(cases["activity"], value_set=activities).combine_chunks()
    kept = np.flatnonzero(present(activity) & present(cases["timestamp"].combine_chunks()))
    case_of = case_code[kept]
    first = np.ones(len(kept), dtype=bool)
    first[1:] = case_of[1:] != case_of[:-1]
    # Read straight from the buffer (fill_null would import pandas): only present values are used.
    return KeptEvents(activity, case_code, kept, to_numpy(activity)[kept], first)


def derive(
    cases: pa.Table, activities: pa.Array, first_code: int, case_variants: np.ndarray
) -> tuple[dict[str, pa.Array], int]:
    """The ORDERING columns of sorted whole cases, numbering cases from `first_code`; also the next free code.

    `case_variants` holds every case's variant code by case code (see `variants.VariantNumbering`).
    """
    count = len(cases)
    events = kept_events(cases, activities, first_code)
    kept, codes, first = events.kept, events.codes, events.first
    moments = to_numpy(cases["timestamp"].combine_chunks().cast(pa.int64()))[kept]
    case_of = events.case_code[kept]
    # Kept events of one case are adjacent: rank and start from where each case's run of kept events begins.
    last = np.ones(len(kept), dtype=bool)
    last[:-1] = first[1:]
    run_start = np.maximum.accumulate(np.where(first, np.arange(len(kept)), 0))
    following = _shifted(codes)
    # Numbers local to this batch keep the combined sort keys of the occurrences small.
    local_case = (case_of - case_of[0]).astype(np.int64) if len(kept) else case_of.astype(np.int64)
    width = len(activities) + 1
    paired = np.flatnonzero(~last)
    derived = {
        "case_code": from_numpy(events.case_code),
        "event_rank": _spread((np.arange(len(kept)) - run_start).astype(np.int32), kept, None, count),
        "activity_code": events.activity.cast(pa.int32()),
        "next_activity_code": _spread(following.astype(np.int32), kept, last, count),
        # Whole microseconds, then seconds: the very float the general path computes in the engine.
        "seconds_to_next": _spread((_shifted(moments) - moments).astype(np.float64) / 1e6, kept, last, count),
        "case_start": _spread(moments[run_start], kept, None, count).view(UTC_US),
        "occurrence": _spread(occurrences([local_case, codes], width), kept, None, count),
        "transition_occurrence": _spread(
            occurrences([local_case[paired], codes[paired], following[paired]], width), kept[paired], None, count
        ),
        "variant_code": _spread(case_variants[case_of].astype(np.int32), kept, None, count),
    }
    return derived, int(events.case_code[-1]) + 1 if count else first_code


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
