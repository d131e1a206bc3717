"""Per activity: events, cases reached, rework and time to the next event."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

import ibis.expr.types as ir

from klantreis.analytics.analyses.cases import activity_reach_expression
from klantreis.analytics.analyses.filters import Filters
from klantreis.analytics.analyses.prepare import CASE, PreparedLog, prepare


@dataclass(frozen=True)
class ActivityRow:
    """The raw per-activity aggregates one query returns; overview and activity statistics derive from it."""

    activity: str
    events: int
    cases: int
    cases_with_repeats: int
    starts: int
    ends: int
    first_us: int
    last_us: int
    median_seconds_to_next: float | None


@dataclass(frozen=True)
class ActivityStats:
    """How often an activity happens, in how many cases, how often it is repeated and what follows it."""

    activity: str
    events: int
    cases: int
    case_share: float
    cases_with_repeats: int
    median_seconds_to_next: float | None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready statistics."""
        return asdict(self)


@dataclass(frozen=True)
class Activities:
    """Statistics of every activity, most frequent first."""

    cases: int
    activities: tuple[ActivityStats, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready statistics."""
        return {"cases": self.cases, "activities": [a.to_dict() for a in self.activities]}


def activity_rows(prepared: PreparedLog, *, variant_table: ir.Table | None = None) -> list[ActivityRow]:
    """Run the per-activity queries over a prepared log (reach from `variant_table` when given).

    A presorted log counts the cases that reach an activity, and those that repeat it, from the
    occurrence numbers the import stored: one query, no grouping by case.
    """
    steps = prepared.steps
    aggregates = {
        "events": steps.count(),
        "starts": (steps["rank"] == 0).sum(),
        "ends": steps.next_code.isnull().sum(),
        "first_us": steps.us.min(),
        "last_us": steps.us.max(),
        "median_seconds_to_next": steps.seconds_to_next.median(),
    }
    if prepared.presorted:
        aggregates["cases"] = (steps.occurrence == 1).sum()
        aggregates["cases_with_repeats"] = (steps.occurrence == 2).sum()
        counted: list[dict[str, Any]] = steps.group_by("code").aggregate(**aggregates).to_pyarrow().to_pylist()
        return [_activity_row(prepared, row) for row in counted]
    events = steps.group_by("code").aggregate(**aggregates)
    if variant_table is None:
        # Cases reached and rework from (activity, case) counts: cheaper than COUNT(DISTINCT) or
        # another window partitioned by activity, and it rides along in the same query.
        per_case = steps.group_by(["code", CASE]).aggregate(occurrences=steps.count())
        reach = per_case.group_by("code").aggregate(
            cases=per_case.count(),
            cases_with_repeats=(per_case.occurrences > 1).sum(),
        )
        rows: list[dict[str, Any]] = events.join(reach, "code").to_pyarrow().to_pylist()
    else:
        # On large logs the variants (far fewer rows than events) give the same counts.
        rows = events.to_pyarrow().to_pylist()
        reached: list[dict[str, Any]] = (
            activity_reach_expression(variant_table, prepared.width).to_pyarrow().to_pylist()
        )
        by_code = {int(r["code"]): r for r in reached}
        for row in rows:
            row["cases"] = by_code[int(row["code"])]["cases"]
            row["cases_with_repeats"] = by_code[int(row["code"])]["cases_with_repeats"]
    return [_activity_row(prepared, row) for row in rows]


def _activity_row(prepared: PreparedLog, row: dict[str, Any]) -> ActivityRow:
    median = row["median_seconds_to_next"]
    return ActivityRow(
        activity=prepared.activity(int(row["code"])),
        events=int(row["events"]),
        cases=int(row["cases"]),
        cases_with_repeats=int(row["cases_with_repeats"] or 0),
        starts=int(row["starts"] or 0),
        ends=int(row["ends"] or 0),
        first_us=int(row["first_us"]),
        last_us=int(row["last_us"]),
        median_seconds_to_next=None if median is None else float(median),
    )


def activities_from_rows(rows: Sequence[ActivityRow]) -> Activities:
    """Per-activity statistics from the per-activity query's rows."""
    cases = sum(row.starts for row in rows)  # every case has exactly one first event
    stats = [
        ActivityStats(
            activity=row.activity,
            events=row.events,
            cases=row.cases,
            case_share=row.cases / cases if cases else 0.0,
            cases_with_repeats=row.cases_with_repeats,
            median_seconds_to_next=row.median_seconds_to_next,
        )
        for row in rows
    ]
    stats.sort(key=lambda s: (-s.events, s.activity))
    return Activities(cases=cases, activities=tuple(stats))


def activities_from(prepared: PreparedLog) -> Activities:
    """Per-activity statistics of a prepared log."""
    return activities_from_rows(activity_rows(prepared))


def analyse_activities(events: ir.Table, *, filters: Filters | None = None) -> Activities:
    """Per activity: events, cases reached, share of cases, cases with repeats, median seconds to the next event."""
    with prepare(events, filters) as prepared:
        return activities_from(prepared)
