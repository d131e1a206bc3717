"""The ordered event view every analysis starts from, computed once per analysis run."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import ibis
import ibis.expr.types as ir
import pyarrow as pa

from klantreis.analytics.analyses.dialect import epoch_microseconds, materialised, named, release_memtable
from klantreis.analytics.analyses.filters import Filters, apply_filters
from klantreis.analytics.analyses.presorted import has_ordering, is_presorted, presorted_activities, presorted_steps

CASE = "case_id"
ACTIVITY = "activity"
TIMESTAMP = "timestamp"
POSITION = "position"

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class PreparedLog:
    """Events ordered per case by (timestamp, position), one row per event, computed once.

    `steps` has the columns case_id (the case id, or the import's integer case code), code (activity
    code), us (microseconds since the epoch), rank (0-based position in the case), start_us (the case's
    first event), next_code and seconds_to_next (both null on a case's last event).
    Activity codes index `activities`, which is sorted by code point, so code order is name order
    on every backend (collations differ between databases, code points do not).
    `presorted` tells that `steps` was read from the import's ordering columns rather than sorted.
    """

    steps: ir.Table
    activities: tuple[str, ...]
    events: int = 0
    presorted: bool = False

    def activity(self, code: int) -> str:
        """The activity name for a code."""
        return self.activities[code]

    @property
    def width(self) -> int:
        """The multiplier that packs (rank, code) into one integer: rank * width + code."""
        return max(len(self.activities), 1)

    def unpack(self, packed: list[int]) -> list[str]:
        """Activity names of a packed variant (sorted rank * width + code integers)."""
        return [self.activities[value % self.width] for value in packed]


def to_datetime(microseconds: int | None) -> datetime | None:
    """A UTC datetime from microseconds since the epoch."""
    return None if microseconds is None else _EPOCH + timedelta(microseconds=microseconds)


def activity_codes(activities: tuple[str, ...]) -> ir.Table:
    """An in-memory (activity, code) table: code = index in `activities`."""
    return ibis.memtable(
        pa.table({ACTIVITY: pa.array(activities, pa.string()), "code": pa.array(range(len(activities)), pa.int32())})
    )


def steps_expression(events: ir.Table, codes: ir.Table, *, case: str = CASE) -> ir.Table:
    """The unmaterialised ordered view (see `PreparedLog` for its columns), coding activities with `codes`.

    `case` names the column that identifies cases (an imported table's integer case_code is cheaper).
    """
    # pm4py and the process-mining literature drop events without a timestamp; so do we.
    selected = events.select(events[case].name(CASE), events[ACTIVITY], events[TIMESTAMP], events[POSITION])
    dated = selected.filter(selected[TIMESTAMP].notnull())
    coded = dated.join(codes, ACTIVITY)
    # Integer microseconds first: exact differences everywhere, and integers sort faster than timestamps.
    timed = coded.select(CASE, "code", POSITION, us=epoch_microseconds(coded, coded[TIMESTAMP]))
    # One window specification for every column, so each backend sorts the events only once.
    # 32-bit codes and ranks keep the table narrow: at 100 M events every byte per row is 100 MB.
    order = ibis.window(group_by=timed[CASE], order_by=[timed.us, timed[POSITION]])
    return timed.select(
        timed[CASE],
        timed.code,
        timed.us,
        rank=ibis.row_number().over(order).cast("int32"),
        start_us=timed.us.first().over(order),
        next_code=timed.code.lead().over(order),
        seconds_to_next=(timed.us.lead().over(order) - timed.us).cast("float64") / 1e6,
    )


def activity_counts(events: ir.Table) -> dict[str, int]:
    """Events per activity name (one small query; its total also tells how big the log is)."""
    counted = events.group_by(ACTIVITY).aggregate(events=events.count())
    rows: list[dict[str, Any]] = counted.to_pyarrow().to_pylist()
    return {str(row[ACTIVITY]): int(row["events"]) for row in rows if row[ACTIVITY] is not None}


@contextmanager
def prepare(events: ir.Table, filters: Filters | None = None) -> Iterator[PreparedLog]:
    """Filter the events, order them per case and materialise that view for the analyses that follow.

    An imported table (see `presorted`) needs neither: its ordering columns already hold the view.
    """
    table = apply_filters(events, filters) if filters is not None else events
    if is_presorted(events, filters):
        activities, stored_codes, total = presorted_activities(table)
        with named(presorted_steps(table, stored_codes), prefix="klantreis_steps") as steps:
            yield PreparedLog(steps, activities, total, presorted=True)
        return
    counts = activity_counts(table)
    activities = tuple(sorted(counts))
    codes = activity_codes(activities)
    case = "case_code" if has_ordering(events) else CASE
    with materialised(steps_expression(table, codes, case=case), prefix="klantreis_steps") as steps:
        # The codes live on in the steps table; their in-memory table need not outlive this moment.
        release_memtable(steps.get_backend(), codes)
        yield PreparedLog(steps=steps, activities=activities, events=sum(counts.values()))
