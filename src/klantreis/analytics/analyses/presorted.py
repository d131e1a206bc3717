"""The ordered event view of an imported log, read from the ordering columns the import wrote: no sort needed.

The import (klantreis.analytics.ingest.ordering) sorts each log per case and stores, per event, its case
code, rank, activity code, the next event's activity code and the seconds to it, the case's start, and how often
the case had the event's activity and transition before. An event
table exactly as imported, filtered at most by whole cases, already holds the ordered view every
analysis starts from; any other table (or a filter that drops single events) takes the general path,
a window over all events, which gives the same view.
"""

from __future__ import annotations

from typing import Any

import ibis.expr.datatypes as dt
import ibis.expr.operations as ops
import ibis.expr.types as ir

from klantreis.analytics.analyses.dialect import epoch_microseconds
from klantreis.analytics.analyses.filters import Filters

ACTIVITY, TIMESTAMP = "activity", "timestamp"

# Name -> kind ("int", "float" or "timestamp") of each ordering column, as ingest.ordering.ORDERING writes them.
ORDERING_COLUMNS = {
    "case_code": "int",
    "event_rank": "int",
    "activity_code": "int",
    "next_activity_code": "int",
    "seconds_to_next": "float",
    "case_start": "timestamp",
    "occurrence": "int",
    "transition_occurrence": "int",
    "variant_code": "int",
}


def has_ordering(events: ir.Table) -> bool:
    """Whether `events` is a stored table (not a derived expression) carrying the import's ordering columns."""
    # A filter or projection someone applied could drop events inside a case, which the stored ranks
    # and next events would not know about: only the table itself is trusted.
    if not isinstance(events.op(), ops.PhysicalTable):
        return False
    schema = events.schema()
    return all(name in schema and _is(schema[name], kind) for name, kind in ORDERING_COLUMNS.items())


def is_presorted(events: ir.Table, filters: Filters | None) -> bool:
    """Whether the ordered view of `events` under `filters` can be read from the ordering columns."""
    return has_ordering(events) and (filters is None or filters.keeps_whole_cases)


def presorted_activities(table: ir.Table) -> tuple[tuple[str, ...], tuple[int, ...], int]:
    """(activity names sorted by code point, their stored codes, events with an activity), in one query."""
    counted = table.group_by(["activity_code", ACTIVITY]).aggregate(events=table.count())
    rows: list[dict[str, Any]] = counted.to_pyarrow().to_pylist()
    named = (row for row in rows if row[ACTIVITY] is not None)
    present = sorted((str(row[ACTIVITY]), int(row["activity_code"]), int(row["events"])) for row in named)
    return (
        tuple(name for name, _, _ in present),
        tuple(code for _, code, _ in present),
        sum(events for _, _, events in present),
    )


def presorted_steps(table: ir.Table, stored_codes: tuple[int, ...]) -> ir.Table:
    """The ordered view (see `PreparedLog`) as a projection of the ordering columns, with three more columns.

    occurrence and transition_occurrence count how often the case had this activity, and this
    transition to the next one, up to this event (1 the first time): counting the events where they
    are 1 counts cases without counting distinct case ids. variant_code numbers the case's activity
    sequence in sequence order, so variants are counted without collecting each case's sequence.

    `stored_codes[i]` is the stored code of the i-th activity present; when some activities of the
    imported log are filtered away the codes are renumbered to stay indexes of the present activities.
    """
    kept = table.filter(table.event_rank.notnull())
    renumber = {stored: index for index, stored in enumerate(stored_codes) if stored != index}

    def code(column: ir.IntegerColumn) -> ir.IntegerValue:
        return column.substitute(renumber) if renumber else column

    us = epoch_microseconds(kept, kept[TIMESTAMP])
    return kept.select(
        case_id=kept.case_code,
        code=code(kept.activity_code),
        us=us,
        rank=kept.event_rank,
        start_us=epoch_microseconds(kept, kept.case_start),
        next_code=code(kept.next_activity_code),
        seconds_to_next=kept.seconds_to_next,
        occurrence=kept.occurrence,
        transition_occurrence=kept.transition_occurrence,
        variant_code=kept.variant_code,
    )


def _is(kind: dt.DataType, expected: str) -> bool:
    checks = {"int": kind.is_integer, "float": kind.is_floating, "timestamp": kind.is_timestamp}
    return bool(checks[expected]())
