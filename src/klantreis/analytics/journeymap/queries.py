"""The Ibis queries behind the data-driven journey, over a prepared (ordered, coded) event log.

The activity -> touchpoint assignment arrives as a small in-memory table (code, tp, stage) joined into
the events, so every engine runs the same SQL. Per case and touchpoint the first and last event are
computed once and materialised; the figures, the conformance and the order violations are small
aggregates over that table.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import ibis
import ibis.expr.types as ir
import pyarrow as pa

from klantreis.analytics.analyses.dialect import materialised, release_memtable
from klantreis.analytics.analyses.prepare import CASE, PreparedLog


@dataclass(frozen=True)
class Spread:
    """Counts and throughput-time percentiles of one touchpoint or stage (by its index)."""

    cases: int
    events: int
    ended: int  # cases whose last mapped event is here
    median_seconds: float | None
    p90_seconds: float | None


@dataclass(frozen=True)
class Counts:
    """Everything the journey analysis reads from the engine, keyed by touchpoint or stage index."""

    touchpoints: dict[int, Spread]
    stages: dict[int, Spread]
    later_reached: dict[int, int]  # touchpoint -> cases that reach it and also a touchpoint drawn later
    furthest: dict[int, tuple[int, int]]  # furthest touchpoint reached -> (cases, cases in drawn order)
    inversions: dict[tuple[int, int], tuple[int, int]]  # (earlier, later) -> (cases reaching later first, both)


def activity_events(prepared: PreparedLog) -> tuple[dict[int, int], int]:
    """Events per activity code, and the number of cases (each case has one first event)."""
    steps = prepared.steps
    rows: list[dict[str, Any]] = (
        steps.group_by("code")
        .aggregate(events=steps.count(), starts=(steps["rank"] == 0).sum())
        .to_pyarrow()
        .to_pylist()
    )
    events = {int(row["code"]): int(row["events"]) for row in rows}
    return events, sum(int(row["starts"] or 0) for row in rows)


def _assignment_table(assignment: Mapping[int, tuple[int, int]]) -> ir.Table:
    codes = sorted(assignment)
    return ibis.memtable(
        pa.table(
            {
                "code": pa.array(codes, pa.int32()),
                "tp": pa.array([assignment[c][0] for c in codes], pa.int32()),
                "stage": pa.array([assignment[c][1] for c in codes], pa.int32()),
            }
        )
    )


def _case_touchpoints(prepared: PreparedLog, assignment: ir.Table) -> ir.Table:
    """Per case and touchpoint: first/last rank, seconds from case start to first arrival, events, and context."""
    steps = prepared.steps
    mapped = steps.join(assignment, "code")
    per = mapped.group_by([CASE, "tp", "stage"]).aggregate(
        first_rank=mapped["rank"].min(),
        last_rank=mapped["rank"].max(),
        arrival_us=mapped.us.min() - mapped.start_us.min(),
        events=mapped.count(),
    )
    per_case = ibis.window(group_by=per[CASE])
    in_order = ibis.window(group_by=per[CASE], order_by=per.first_rank)
    return per.select(
        per[CASE],
        per.tp,
        per.stage,
        per.first_rank,
        per.events,
        seconds=per.arrival_us.cast("float64") / 1e6,
        is_last=ibis.ifelse(per.last_rank == per.last_rank.max().over(per_case), 1, 0),
        max_tp=per.tp.max().over(per_case),
        # Going back in journey order between consecutive first arrivals breaks the drawn order.
        backwards=ibis.ifelse((per.tp.lag().over(in_order) > per.tp).fill_null(False), 1, 0),
    )


@contextmanager
def case_touchpoints(prepared: PreparedLog, assignment: Mapping[int, tuple[int, int]]) -> Iterator[ir.Table]:
    """The per case and touchpoint table, materialised for the queries that follow."""
    table = _assignment_table(assignment)
    with materialised(_case_touchpoints(prepared, table), prefix="klantreis_journey") as computed:
        release_memtable(computed.get_backend(), table)
        yield computed


def _spreads(rows: list[dict[str, Any]], key: str) -> dict[int, Spread]:
    spreads: dict[int, Spread] = {}
    for row in rows:
        quantiles = row["quantiles"]
        spreads[int(row[key])] = Spread(
            cases=int(row["cases"]),
            events=int(row["events"]),
            ended=int(row["ended"] or 0),
            median_seconds=None if quantiles is None else float(quantiles[0]),
            p90_seconds=None if quantiles is None else float(quantiles[1]),
        )
    return spreads


def count_journey(table: ir.Table) -> Counts:
    """Run the figure, conformance and order queries over the materialised per case/touchpoint table."""
    per_tp: list[dict[str, Any]] = (
        table.group_by("tp")
        .aggregate(
            cases=table.count(),
            events=table.events.sum(),
            ended=table.is_last.sum(),
            later=ibis.ifelse(table.max_tp > table.tp, 1, 0).sum(),
            quantiles=table.seconds.quantile([0.5, 0.9]),
        )
        .to_pyarrow()
        .to_pylist()
    )
    case_stage = table.group_by([CASE, "stage"]).aggregate(
        seconds=table.seconds.min(), events=table.events.sum(), ended=table.is_last.max()
    )
    per_stage: list[dict[str, Any]] = (
        case_stage.group_by("stage")
        .aggregate(
            cases=case_stage.count(),
            events=case_stage.events.sum(),
            ended=case_stage.ended.sum(),
            quantiles=case_stage.seconds.quantile([0.5, 0.9]),
        )
        .to_pyarrow()
        .to_pylist()
    )
    per_case = table.group_by(CASE).aggregate(backwards=table.backwards.sum(), furthest=table.tp.max())
    furthest: list[dict[str, Any]] = (
        per_case.group_by("furthest")
        .aggregate(cases=per_case.count(), fitting=ibis.ifelse(per_case.backwards == 0, 1, 0).sum())
        .to_pyarrow()
        .to_pylist()
    )
    return Counts(
        touchpoints=_spreads(per_tp, "tp"),
        stages=_spreads(per_stage, "stage"),
        later_reached={int(row["tp"]): int(row["later"] or 0) for row in per_tp},
        furthest={int(row["furthest"]): (int(row["cases"]), int(row["fitting"] or 0)) for row in furthest},
        inversions=_inversions(table),
    )


def _inversions(table: ir.Table) -> dict[tuple[int, int], tuple[int, int]]:
    """(earlier tp, later tp) -> (cases that reach the later one first, cases that reach both)."""
    left = table.select(case_a=table[CASE], tp_a=table.tp, rank_a=table.first_rank)
    right = table.select(case_b=table[CASE], tp_b=table.tp, rank_b=table.first_rank)
    pairs = left.join(right, [left.case_a == right.case_b, left.tp_a < right.tp_b])
    counted = pairs.group_by(["tp_a", "tp_b"]).aggregate(
        both=pairs.count(), inverted=ibis.ifelse(pairs.rank_b < pairs.rank_a, 1, 0).sum()
    )
    rows: list[dict[str, Any]] = counted.filter(counted.inverted > 0).to_pyarrow().to_pylist()
    return {(int(r["tp_a"]), int(r["tp_b"])): (int(r["inverted"]), int(r["both"])) for r in rows}
