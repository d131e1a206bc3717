"""Variants: the distinct activity sequences of cases, how often each occurs and how long it takes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import ibis
import ibis.expr.types as ir

from klantreis.analytics.analyses.cases import case_ends, variant_table_expression
from klantreis.analytics.analyses.filters import Filters
from klantreis.analytics.analyses.prepare import CASE, PreparedLog, prepare


@dataclass(frozen=True)
class Variant:
    """One activity sequence with the number and share of cases following it."""

    activities: tuple[str, ...]
    count: int
    share: float
    median_duration_seconds: float | None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready variant."""
        return {
            "activities": list(self.activities),
            "count": self.count,
            "share": self.share,
            "median_duration_seconds": self.median_duration_seconds,
        }


@dataclass(frozen=True)
class Variants:
    """The most frequent variants (ties broken by sequence), with the totals they are a part of."""

    cases: int
    total: int
    top: tuple[Variant, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready variants."""
        return {"cases": self.cases, "variants": self.total, "top_variants": [v.to_dict() for v in self.top]}


def variants_from_table(prepared: PreparedLog, grouped: ir.Table, *, top: int = 20) -> Variants:
    """Top variants from a variant table (see `variant_table_expression`), in one query."""
    # Arrays order element by element on every backend; packed elements compare by code at each
    # position and codes follow name order, so ties break by activity names the same way everywhere.
    rows, total, cases = _most_frequent(grouped, "variant", top)
    return _variants(rows, total, cases, lambda row: prepared.unpack(row["variant"]))


def presorted_variants(prepared: PreparedLog, *, top: int = 20, ends: ir.Table | None = None) -> Variants:
    """Top variants of a presorted log, counted by the variant codes the import stored (two small queries).

    Variant codes are numbered in sequence order, so they break ties as the sequences themselves do;
    each top variant's activities are read from one of its cases. `ends` is `case_ends`, if at hand.
    """
    cases = case_ends(prepared) if ends is None else ends
    grouped = cases.group_by("variant_code").aggregate(
        count=cases.count(),
        median_duration_seconds=(cases.duration_us.cast("float64") / 1e6).median(),
        example=cases[CASE].min(),
    )
    rows, total, cases = _most_frequent(grouped, "variant_code", top)
    sequences = _sequences(prepared, [row["example"] for row in rows])
    return _variants(rows, total, cases, lambda row: sequences[row["example"]])


def variants_from(prepared: PreparedLog, *, top: int = 20, ends: ir.Table | None = None) -> Variants:
    """Top variants of a prepared log (on a presorted one from `ends`, see `case_ends`, when given)."""
    if prepared.presorted:
        return presorted_variants(prepared, top=top, ends=ends)
    return variants_from_table(prepared, variant_table_expression(prepared), top=top)


def _most_frequent(grouped: ir.Table, tie_break: str, top: int) -> tuple[list[dict[str, Any]], int, int]:
    """The `top` rows with the highest count (ties by `tie_break`), the number of rows and the sum of counts."""
    everything = ibis.window()
    # Totals ride along as window aggregates so one query returns the top rows and the totals.
    ranked = grouped.mutate(
        total=grouped["count"].count().over(everything),
        cases=grouped["count"].sum().over(everything),
    )
    rows: list[dict[str, Any]] = (
        ranked.order_by([ibis.desc("count"), tie_break]).limit(top).to_pyarrow().to_pylist() if top > 0 else []
    )
    if rows:
        return rows, int(rows[0]["total"]), int(rows[0]["cases"])
    totals: list[dict[str, Any]] = (
        grouped.aggregate(total=grouped.count(), cases=grouped["count"].sum()).to_pyarrow().to_pylist()
    )
    return [], int(totals[0]["total"]), int(totals[0]["cases"] or 0)


def _variants(
    rows: list[dict[str, Any]], total: int, cases: int, activities: Callable[[dict[str, Any]], Sequence[str]]
) -> Variants:
    return Variants(
        cases=cases,
        total=total,
        top=tuple(
            Variant(
                activities=tuple(activities(row)),
                count=int(row["count"]),
                share=int(row["count"]) / cases,
                median_duration_seconds=_float_or_none(row["median_duration_seconds"]),
            )
            for row in rows
        ),
    )


def _sequences(prepared: PreparedLog, cases: list[Any]) -> dict[Any, list[str]]:
    """The activities of a few cases, in order."""
    if not cases:
        return {}
    steps = prepared.steps
    chosen = steps.filter(steps[CASE].isin(cases)).select(CASE, "rank", "code")
    sequences: dict[Any, list[tuple[int, str]]] = {case: [] for case in cases}
    for row in chosen.to_pyarrow().to_pylist():
        sequences[row[CASE]].append((int(row["rank"]), prepared.activity(int(row["code"]))))
    return {case: [name for _, name in sorted(events)] for case, events in sequences.items()}


def analyse_variants(events: ir.Table, *, top: int = 20, filters: Filters | None = None) -> Variants:
    """Variants: sequence, count, share of cases and median case duration, the `top` most frequent."""
    with prepare(events, filters) as prepared:
        return variants_from(prepared, top=top)


def _float_or_none(value: Any) -> float | None:
    return None if value is None else float(value)
