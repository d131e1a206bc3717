"""Variants: the distinct activity sequences of cases, how often each occurs and how long it takes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import ibis
import ibis.expr.types as ir

from klantreis.analytics.analyses.cases import variant_table_expression
from klantreis.analytics.analyses.filters import Filters
from klantreis.analytics.analyses.prepare import PreparedLog, prepare


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
    everything = ibis.window()
    # Totals ride along as window aggregates so one query returns the top rows and the totals.
    ranked = grouped.mutate(
        total=grouped["count"].count().over(everything),
        cases=grouped["count"].sum().over(everything),
    )
    # Arrays order element by element on every backend; packed elements compare by code at each
    # position and codes follow name order, so ties break by activity names the same way everywhere.
    rows: list[dict[str, Any]] = (
        ranked.order_by([ibis.desc("count"), "variant"]).limit(top).to_pyarrow().to_pylist() if top > 0 else []
    )
    if not rows:
        totals: list[dict[str, Any]] = (
            grouped.aggregate(total=grouped.count(), cases=grouped["count"].sum()).to_pyarrow().to_pylist()
        )
        return Variants(cases=int(totals[0]["cases"] or 0), total=int(totals[0]["total"]), top=())
    cases_total = int(rows[0]["cases"])
    return Variants(
        cases=cases_total,
        total=int(rows[0]["total"]),
        top=tuple(
            Variant(
                activities=tuple(prepared.unpack(row["variant"])),
                count=int(row["count"]),
                share=int(row["count"]) / cases_total,
                median_duration_seconds=_float_or_none(row["median_duration_seconds"]),
            )
            for row in rows
        ),
    )


def variants_from(prepared: PreparedLog, *, top: int = 20) -> Variants:
    """Top variants of a prepared log."""
    return variants_from_table(prepared, variant_table_expression(prepared), top=top)


def analyse_variants(events: ir.Table, *, top: int = 20, filters: Filters | None = None) -> Variants:
    """Variants: sequence, count, share of cases and median case duration, the `top` most frequent."""
    with prepare(events, filters) as prepared:
        return variants_from(prepared, top=top)


def _float_or_none(value: Any) -> float | None:
    return None if value is None else float(value)
