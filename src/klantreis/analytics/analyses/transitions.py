"""Directly-follows transitions: how often one activity directly follows another, in how many cases, how fast."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import ibis.expr.types as ir

from klantreis.analytics.analyses.cases import transition_cases_expression
from klantreis.analytics.analyses.filters import Filters
from klantreis.analytics.analyses.prepare import CASE, PreparedLog, prepare


@dataclass(frozen=True)
class Transition:
    """Source directly followed by target within a case, with the time between them in seconds."""

    source: str
    target: str
    count: int
    cases: int
    mean_seconds: float
    median_seconds: float
    p90_seconds: float

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready transition."""
        return {
            "source": self.source,
            "target": self.target,
            "count": self.count,
            "cases": self.cases,
            "mean_seconds": self.mean_seconds,
            "median_seconds": self.median_seconds,
            "p90_seconds": self.p90_seconds,
        }


@dataclass(frozen=True)
class Transitions:
    """The directly-follows graph, most frequent transitions first."""

    transitions: tuple[Transition, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready directly-follows graph."""
        return {"dfg": [t.to_dict() for t in self.transitions]}

    def counts(self) -> dict[tuple[str, str], int]:
        """(source, target) -> count, the shape pm4py's discover_dfg returns."""
        return {(t.source, t.target): t.count for t in self.transitions}


def transitions_expression(prepared: PreparedLog, *, with_cases: bool = True) -> ir.Table:
    """Per (source code, target code): count, mean seconds, [median, p90] seconds and (optionally) cases."""
    steps = prepared.steps
    pairs = steps.filter(steps.next_code.notnull())
    aggregates: dict[str, Any] = {
        "count": pairs.count(),
        "mean_seconds": pairs.seconds_to_next.mean(),
        # Both percentiles from one sort per transition; exact and interpolating on every backend.
        "quantiles": pairs.seconds_to_next.quantile([0.5, 0.9]),
    }
    if prepared.presorted:
        # Each case's first time through a transition, as the import numbered them: no distinct count.
        aggregates["cases"] = (pairs.transition_occurrence == 1).sum()
    elif with_cases:
        aggregates["cases"] = pairs[CASE].nunique()
    return pairs.group_by(["code", "next_code"]).aggregate(**aggregates)


def transitions_from(
    prepared: PreparedLog, *, min_count: int = 1, variant_table: ir.Table | None = None
) -> Transitions:
    """The directly-follows graph of a prepared log, leaving out transitions seen fewer than `min_count` times.

    With a (materialised) `variant_table`, the cases per transition are summed over variants instead
    of counted distinct over every event: the same numbers, far cheaper on large logs. A presorted log
    needs neither (see `transitions_expression`).
    """
    from_variants = variant_table is not None and not prepared.presorted
    expression = transitions_expression(prepared, with_cases=not from_variants)
    if min_count > 1:
        expression = expression.filter(expression["count"] >= min_count)
    rows: list[dict[str, Any]] = expression.to_pyarrow().to_pylist()
    if from_variants and variant_table is not None:
        counted: list[dict[str, Any]] = (
            transition_cases_expression(variant_table, prepared.width).to_pyarrow().to_pylist()
        )
        cases = {(int(r["code"]), int(r["next_code"])): int(r["cases"]) for r in counted}
        for row in rows:
            row["cases"] = cases[(int(row["code"]), int(row["next_code"]))]
    found = [
        Transition(
            source=prepared.activity(int(row["code"])),
            target=prepared.activity(int(row["next_code"])),
            count=int(row["count"]),
            cases=int(row["cases"]),
            mean_seconds=float(row["mean_seconds"]),
            median_seconds=float(row["quantiles"][0]),
            p90_seconds=float(row["quantiles"][1]),
        )
        for row in rows
    ]
    found.sort(key=lambda t: (-t.count, t.source, t.target))
    return Transitions(transitions=tuple(found))


def analyse_transitions(events: ir.Table, *, filters: Filters | None = None) -> Transitions:
    """Directly-follows transitions with count, cases, mean, median and p90 seconds."""
    filters = filters or Filters()
    with prepare(events, filters) as prepared:
        return transitions_from(prepared, min_count=filters.min_transition_count)
