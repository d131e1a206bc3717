"""Overview of an event log: volumes, time range, start and end activities."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import ibis.expr.types as ir

from klantreis.analytics.analyses.activities import ActivityRow, activity_rows
from klantreis.analytics.analyses.filters import Filters
from klantreis.analytics.analyses.prepare import PreparedLog, prepare, to_datetime
from klantreis.analytics.analyses.variants import variants_from


@dataclass(frozen=True)
class ActivityCount:
    """An activity with a count (for start and end activities)."""

    activity: str
    count: int

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready pair."""
        return {"activity": self.activity, "count": self.count}


@dataclass(frozen=True)
class Overview:
    """How big the log is and where its cases start and end."""

    cases: int
    events: int
    activities: int
    variants: int
    first_timestamp: datetime | None
    last_timestamp: datetime | None
    start_activities: tuple[ActivityCount, ...]
    end_activities: tuple[ActivityCount, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready overview (timestamps as ISO 8601 in UTC)."""
        return {
            "cases": self.cases,
            "events": self.events,
            "activities": self.activities,
            "variants": self.variants,
            "first_timestamp": None if self.first_timestamp is None else self.first_timestamp.isoformat(),
            "last_timestamp": None if self.last_timestamp is None else self.last_timestamp.isoformat(),
            "start_activities": [a.to_dict() for a in self.start_activities],
            "end_activities": [a.to_dict() for a in self.end_activities],
        }


def _counted(pairs: list[tuple[str, int]]) -> tuple[ActivityCount, ...]:
    # Most frequent first, then by name, so equal counts come out in the same order everywhere.
    kept = sorted((pair for pair in pairs if pair[1] > 0), key=lambda pair: (-pair[1], pair[0]))
    return tuple(ActivityCount(activity, count) for activity, count in kept)


def overview_from_rows(rows: Sequence[ActivityRow], variants: int) -> Overview:
    """The overview from the per-activity query's rows and the number of variants."""
    return Overview(
        cases=sum(row.starts for row in rows),
        events=sum(row.events for row in rows),
        activities=len(rows),
        variants=variants,
        first_timestamp=to_datetime(min((row.first_us for row in rows), default=None)),
        last_timestamp=to_datetime(max((row.last_us for row in rows), default=None)),
        start_activities=_counted([(row.activity, row.starts) for row in rows]),
        end_activities=_counted([(row.activity, row.ends) for row in rows]),
    )


def overview_from(prepared: PreparedLog) -> Overview:
    """The overview of a prepared log."""
    return overview_from_rows(activity_rows(prepared), variants_from(prepared, top=0).total)


def analyse_overview(events: ir.Table, *, filters: Filters | None = None) -> Overview:
    """Cases, events, activities, variants, time range, start and end activities."""
    with prepare(events, filters) as prepared:
        return overview_from(prepared)
