"""Per case and per variant tables, and what can be counted from variants instead of from every event."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import ibis
import ibis.expr.types as ir

from klantreis.analytics.analyses.dialect import materialised
from klantreis.analytics.analyses.prepare import CASE, PreparedLog


def cases_expression(prepared: PreparedLog) -> ir.Table:
    """Per case: variant (packed, see `PreparedLog.unpack`) and duration_us (last minus first timestamp)."""
    steps = prepared.steps
    # Each event packed as rank * width + code: sorting those integers puts a case's activities in
    # order (cheaper than an ordered aggregate, and Spark has no ORDER BY inside one), and equal
    # sequences give equal arrays, so the packed array itself identifies the variant.
    packed = steps["rank"].cast("int64") * prepared.width + steps.code
    return steps.group_by(CASE).aggregate(
        variant=packed.collect().sort(),
        duration_us=steps.us.max() - steps.us.min(),
    )


def variant_table_expression(prepared: PreparedLog, *, with_ids: bool = False) -> ir.Table:
    """Every variant once: variant (packed codes), count (cases), median_duration_seconds (and a variant_id)."""
    cases = cases_expression(prepared)
    grouped = cases.group_by("variant").aggregate(
        count=cases.count(),
        median_duration_seconds=(cases.duration_us.cast("float64") / 1e6).median(),
    )
    if not with_ids:
        return grouped
    # An integer id to join and group on: arrays make slow keys.
    return grouped.mutate(variant_id=ibis.row_number().over(order_by=grouped.variant))


@contextmanager
def materialised_variants(prepared: PreparedLog) -> Iterator[ir.Table]:
    """The variant table (with ids) computed once, for the analyses that can count from variants."""
    with materialised(variant_table_expression(prepared, with_ids=True), prefix="klantreis_variants") as table:
        yield table


def case_ends(prepared: PreparedLog) -> ir.Table:
    """One row per case (its last event): case_id, duration_us and, on a presorted log, variant_code."""
    steps = prepared.steps
    # Each case's last event carries its start: no grouping by case needed.
    last = steps.filter(steps.next_code.isnull())
    variant = ["variant_code"] if prepared.presorted else []
    return last.select(CASE, *variant, duration_us=last.us - last.start_us)


@contextmanager
def materialised_case_ends(prepared: PreparedLog) -> Iterator[ir.Table]:
    """`case_ends` computed once, for the variants and case durations of a presorted log (one scan, not three)."""
    with materialised(case_ends(prepared), prefix="klantreis_cases") as table:
        yield table


def _elements(variants: ir.Table, width: int) -> ir.Table:
    # One row per position in each variant: (variant_id, count, index, code), unpacked.
    unnested = variants.select("variant_id", "count", packed=variants.variant).unnest("packed")
    return unnested.select(
        "variant_id", "count", index=unnested.packed // width, code=(unnested.packed % width).cast("int32")
    )


def transition_cases_expression(variants: ir.Table, width: int) -> ir.Table:
    """Per (code, next_code): cases, the number of cases with that transition, summed over variants."""
    elements = _elements(variants, width)
    following = elements.select(
        variant_after=elements.variant_id, index_after=elements["index"] - 1, next_code=elements.code
    )
    pairs = elements.join(
        following,
        [elements.variant_id == following.variant_after, elements["index"] == following.index_after],
    )
    # A transition repeated inside a variant still counts its cases once.
    distinct = pairs.select("variant_id", "count", "code", "next_code").distinct()
    return distinct.group_by(["code", "next_code"]).aggregate(cases=distinct["count"].sum())


def activity_reach_expression(variants: ir.Table, width: int) -> ir.Table:
    """Per code: cases reached and cases_with_repeats, summed over variants."""
    elements = _elements(variants, width)
    per_variant = elements.group_by(["variant_id", "count", "code"]).aggregate(occurrences=elements.count())
    return per_variant.group_by("code").aggregate(
        cases=per_variant["count"].sum(),
        cases_with_repeats=ibis.ifelse(per_variant.occurrences > 1, per_variant["count"], 0).sum(),
    )
