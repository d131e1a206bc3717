"""Funnels over an ordered list of steps: how many cases reach each step, drop off, and how fast they convert."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any, Literal

import ibis
import ibis.expr.types as ir

from klantreis.analytics.analyses.filters import Filters
from klantreis.analytics.analyses.prepare import CASE, PreparedLog, prepare

FunnelMode = Literal["eventual", "strict"]

# Stands in for "no such activity" so that a step absent from the log simply matches nothing.
_ABSENT = -1


@dataclass(frozen=True)
class FunnelStep:
    """One funnel step: cases that reached it and how they got there from the previous step."""

    activity: str
    entered: int
    drop_off: int
    conversion_rate: float
    overall_conversion_rate: float
    median_seconds_to_convert: float | None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready step."""
        return asdict(self)


@dataclass(frozen=True)
class Funnel:
    """A funnel: the steps in order, the mode and window used, and the number of cases looked at.

    Step 1's drop-off and conversion rate are relative to all cases; later steps' to the previous
    step; the overall conversion rate is relative to step 1. Times to convert are from the previous step.
    """

    mode: FunnelMode
    window_seconds: float | None
    cases: int
    steps: tuple[FunnelStep, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready funnel."""
        return {
            "mode": self.mode,
            "window_seconds": self.window_seconds,
            "cases": self.cases,
            "steps": [s.to_dict() for s in self.steps],
        }


def _within_window(elapsed_us: ir.IntegerValue, window_us: int | None) -> ir.BooleanValue:
    return ibis.literal(True) if window_us is None else elapsed_us <= window_us


def _eventual(prepared: PreparedLog, codes: list[int], window_us: int | None) -> list[ir.Table]:
    """Per step, a table (case_id, start_us, reached_us, seconds) of the cases that reached it.

    A case enters at its first occurrence of step 1; each later step is matched by its first
    occurrence after the previous matched step (greedy earliest matching finds every case that has
    the steps in order, and with a window, the earliest times are the ones most likely inside it).
    """
    steps = prepared.steps
    events = steps.select(CASE, "code", "rank", "us")
    first = events.filter(events.code == codes[0])
    stage = first.group_by(CASE).aggregate(start_us=first.us.min(), last_rank=first["rank"].min())
    stage = stage.mutate(reached_us=stage.start_us, seconds=ibis.null("float64"))
    stages = [stage]
    for code in codes[1:]:
        candidates = events.filter(events.code == code)
        joined = stage.join(
            candidates,
            [
                stage[CASE] == candidates[CASE],
                candidates["rank"] > stage.last_rank,
                _within_window(candidates.us - stage.start_us, window_us),
            ],
        )
        # Timestamps never decrease with rank, so the earliest later rank also has the earliest time.
        next_stage = joined.group_by([joined[CASE], joined.start_us, joined.reached_us]).aggregate(
            last_rank=joined["rank"].min(), next_us=joined.us.min()
        )
        stage = next_stage.select(
            CASE,
            "start_us",
            "last_rank",
            reached_us=next_stage.next_us,
            seconds=(next_stage.next_us - next_stage.reached_us).cast("float64") / 1e6,
        )
        stages.append(stage)
    return stages


def _strict_summary(prepared: PreparedLog, codes: list[int], window_us: int | None) -> ir.Table:
    """One row per entering case with its depth (steps matched consecutively) and times between steps."""
    steps = prepared.steps
    order = ibis.window(group_by=steps[CASE], order_by=steps["rank"])
    ahead: dict[str, Any] = {}
    for offset in range(1, len(codes)):
        ahead[f"code_{offset}"] = steps.code.lead(offset).over(order)
        ahead[f"us_{offset}"] = steps.us.lead(offset).over(order)
    looked = steps.select(CASE, "code", "rank", "us", **ahead)
    runs = looked.filter(looked.code == codes[0])
    matched: ir.BooleanValue = ibis.literal(True)
    depth: ir.IntegerValue = ibis.literal(1)
    times: dict[str, Any] = {}
    previous_us = runs.us
    for offset in range(1, len(codes)):
        step_us = runs[f"us_{offset}"]
        matched = matched & (runs[f"code_{offset}"] == codes[offset]).fill_null(False)
        matched = matched & _within_window(step_us - runs.us, window_us).fill_null(False)
        depth = depth + ibis.ifelse(matched, 1, 0)
        times[f"seconds_{offset}"] = ibis.ifelse(matched, (step_us - previous_us).cast("float64") / 1e6, None)
        previous_us = step_us
    scored = runs.select(CASE, "rank", depth=depth, **times)
    # A case may start the funnel several times; keep its deepest run (the earliest among equals).
    best = ibis.window(group_by=scored[CASE], order_by=[ibis.desc(scored.depth), scored["rank"]])
    ranked = scored.mutate(choice=ibis.row_number().over(best))
    return ranked.filter(ranked.choice == 0)


def funnel_from(
    prepared: PreparedLog,
    steps: Sequence[str],
    *,
    mode: FunnelMode = "eventual",
    window_seconds: float | None = None,
) -> Funnel:
    """The funnel of a prepared log over `steps` (activity names, in order), in one query."""
    if not steps:
        raise ValueError("a funnel needs at least one step")
    if mode not in ("eventual", "strict"):
        raise ValueError(f"funnel mode must be 'eventual' or 'strict', not {mode!r}")
    codes = [prepared.activities.index(s) if s in prepared.activities else _ABSENT for s in steps]
    window_us = None if window_seconds is None else round(window_seconds * 1_000_000)
    table = prepared.steps
    metrics: dict[str, Any] = {}
    summary = table.filter(table["rank"] == 0).aggregate(cases=ibis._.count())
    if mode == "eventual":
        for index, stage in enumerate(_eventual(prepared, codes, window_us)):
            part = stage.aggregate(**{f"entered_{index}": stage.count(), f"median_{index}": stage.seconds.median()})
            summary = summary.cross_join(part)
    else:
        runs = _strict_summary(prepared, codes, window_us)
        metrics = {f"entered_{i}": (runs.depth > i).sum() for i in range(len(codes))}
        metrics |= {f"median_{i}": runs[f"seconds_{i}"].median() for i in range(1, len(codes))}
        summary = summary.cross_join(runs.aggregate(**metrics))
    row: dict[str, Any] = summary.to_pyarrow().to_pylist()[0]
    return _funnel(mode, window_seconds, steps, row)


def _funnel(mode: FunnelMode, window_seconds: float | None, steps: Sequence[str], row: dict[str, Any]) -> Funnel:
    cases = int(row["cases"] or 0)
    result: list[FunnelStep] = []
    previous, first = cases, None
    for index, activity in enumerate(steps):
        entered = int(row.get(f"entered_{index}") or 0)
        first = entered if first is None else first
        median = row.get(f"median_{index}") if index else None
        result.append(
            FunnelStep(
                activity=activity,
                entered=entered,
                drop_off=previous - entered,
                conversion_rate=entered / previous if previous else 0.0,
                overall_conversion_rate=entered / first if first else 0.0,
                median_seconds_to_convert=None if median is None else float(median),
            )
        )
        previous = entered
    return Funnel(mode=mode, window_seconds=window_seconds, cases=cases, steps=tuple(result))


def analyse_funnel(
    events: ir.Table,
    steps: Sequence[str],
    *,
    mode: FunnelMode = "eventual",
    window_seconds: float | None = None,
    filters: Filters | None = None,
) -> Funnel:
    """Funnel over ordered steps (eventual or strict order, optional conversion window from step 1)."""
    with prepare(events, filters) as prepared:
        return funnel_from(prepared, steps, mode=mode, window_seconds=window_seconds)
