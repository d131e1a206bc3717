"""XES attributes as flat arrays (what both tokenizers produce) and their pivot into typed event columns."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from klantreis.analytics.ingest import timestamps
from klantreis.analytics.ingest.arrays import from_numpy
from klantreis.analytics.ingest.errors import Notes, fail

# Attribute types in the order of their codes.
TYPES = ("string", "date", "int", "float", "boolean", "id")
STRING, DATE, INT, FLOAT, BOOLEAN, ID = range(len(TYPES))
_EXAMPLES = {
    DATE: "an ISO 8601 date-time like 2011-10-01T00:38:44.546+02:00",
    INT: "a whole number like 42",
    FLOAT: "a number like 3.14",
    BOOLEAN: "true or false",
}


@dataclass(frozen=True)
class Tokens:
    """The traces, events and attributes of a run of whole traces.

    Attribute i has key `key_names[key_codes[i]]`, type `kinds[i]` (an index into TYPES) and text
    `values[i]`; it belongs to event `owner[i]` when `in_event[i]`, else to trace `owner[i]`.
    Events and traces are numbered from 0 within the run; `event_trace` gives each event's trace.
    """

    traces: int
    event_trace: np.ndarray
    key_names: list[str]
    key_codes: np.ndarray
    kinds: np.ndarray
    values: pa.Array
    in_event: np.ndarray
    owner: np.ndarray
    line_of: Callable[[int], int]

    @property
    def events(self) -> int:
        """How many events the run holds."""
        return len(self.event_trace)


def columns(tokens: Tokens, source: str, notes: Notes) -> dict[str, pa.Array]:
    """One typed column per attribute key, one row per event; trace attributes as case:<key>."""
    result = _pivot(tokens, tokens.in_event, tokens.events, "event", source, notes)
    per_trace = _pivot(tokens, ~tokens.in_event, tokens.traces, "trace", source, notes)
    if per_trace:
        event_trace = from_numpy(tokens.event_trace.astype(np.int64, copy=False))
        for name, column in per_trace.items():
            if f"case:{name}" in result:
                notes.once(
                    f"clash:{name}",
                    f"an event attribute is called 'case:{name}' like the trace attribute {name!r}; "
                    "the column holds the trace attribute",
                )
            result[f"case:{name}"] = column.take(event_trace)
    return result


def _pivot(
    tokens: Tokens, selected: np.ndarray, size: int, scope: str, source: str, notes: Notes
) -> dict[str, pa.Array]:
    members_all = np.flatnonzero(selected)
    if len(members_all) == 0:
        return {}
    codes = tokens.key_codes[members_all]
    # Group the attributes by key without disturbing document order inside a group.
    order = np.argsort(codes, kind="stable")
    counts = np.bincount(codes, minlength=len(tokens.key_names))
    bounds = np.concatenate(([0], np.cumsum(counts)))
    result: dict[str, pa.Array] = {}
    # Keys in order of first appearance, like pm4py's columns: a stable sort puts each key's first one first.
    used = np.flatnonzero(counts)
    for code in used[np.argsort(order[bounds[used]], kind="stable")]:
        name = tokens.key_names[code]
        members = members_all[order[bounds[code] : bounds[code + 1]]]
        values = _typed(tokens, members, name, scope, source, notes)
        column, repeat = _scatter(values, tokens.owner[members], size)
        if repeat is not None:
            notes.once(
                f"repeat:{scope}:{name}",
                f"the {scope} attribute {name!r} occurs more than once in one {scope} "
                f"(first on line {tokens.line_of(int(members[repeat]))}); the last value is kept",
            )
        result[name] = column
    return result


def _typed(tokens: Tokens, members: np.ndarray, name: str, scope: str, source: str, notes: Notes) -> pa.Array:
    values = tokens.values.take(from_numpy(members.astype(np.int64, copy=False)))
    present = set(np.flatnonzero(np.bincount(tokens.kinds[members], minlength=len(TYPES))).tolist())
    if present <= {STRING, ID}:
        return values
    if len(present) == 1:
        kind = present.pop()
    elif present == {INT, FLOAT}:
        kind = FLOAT
    else:
        kinds = ", ".join(TYPES[k] for k in sorted(present))
        notes.once(
            f"mixed:{scope}:{name}",
            f"the {scope} attribute {name!r} has values of several types ({kinds}); kept as text",
        )
        return values
    converted, bad = _convert(values, kind)
    if bad is None:
        return converted
    raise fail(
        source,
        f"the {TYPES[kind]} attribute {name!r} has the value {values[bad].as_py()!r}, which is not {_EXAMPLES[kind]}",
        line=tokens.line_of(int(members[bad])),
        fix="correct the value (or its type) in the file",
    )


def _convert(values: pa.Array, kind: int) -> tuple[pa.Array, int | None]:
    if kind == DATE:
        return timestamps.parse_iso(values)
    target = {INT: pa.int64(), FLOAT: pa.float64(), BOOLEAN: pa.bool_()}[kind]
    try:
        return values.cast(target), None
    except pa.ArrowInvalid:
        pass
    trimmed = pc.utf8_trim_whitespace(values)
    try:
        return trimmed.cast(target), None
    except pa.ArrowInvalid:
        pass
    # Only on the error path: find the first value Arrow cannot read.
    for index, text in enumerate(trimmed.to_pylist()):
        try:
            pa.array([text], pa.string()).cast(target)
        except pa.ArrowInvalid:
            return values, index
    raise AssertionError("a value failed to convert but none fails alone")


def _scatter(values: pa.Array, owners: np.ndarray, size: int) -> tuple[pa.Array, int | None]:
    """The values placed at their owners' rows (nulls elsewhere), and the index of a repeated value, if any."""
    count = len(owners)
    # Owners never decrease within a key (document order), so a repeat sits right after its predecessor.
    last = np.ones(count, dtype=bool)
    last[:-1] = owners[1:] != owners[:-1]
    repeat = None if last.all() else int(np.argmin(last)) + 1
    if repeat is None and count == size:
        # Every owner has exactly one value, in order: the values are the column.
        return values, None
    take = np.full(size, -1, dtype=np.int64)
    take[owners[last]] = np.flatnonzero(last)
    return values.take(from_numpy(take, null=take < 0)), repeat
