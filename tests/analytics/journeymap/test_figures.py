"""The figures per touchpoint and stage and the conformance numbers equal a plain-Python count over the events."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pytest

from klantreis.analytics.analyses import Filters
from klantreis.analytics.engine import Engine
from klantreis.analytics.journeymap import JourneyMapping, analyse_journey, mapping_from_document
from klantreis.journey.model import JourneyDocument

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def cases_in_order(table: pa.Table) -> dict[str, list[tuple[str, int]]]:
    """Case -> [(activity, microseconds)] ordered by (timestamp, position), events without a timestamp left out."""
    columns = table.select(["case_id", "activity", "timestamp", "position"]).to_pydict()
    cases: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for case, activity, moment, position in zip(*columns.values(), strict=True):
        if moment is not None:
            cases[case].append(((moment - EPOCH) // timedelta(microseconds=1), position, activity))
    return {case: [(a, us) for us, _, a in sorted(events)] for case, events in cases.items()}


def percentile(values: list[float], q: float) -> float | None:
    return float(np.percentile(values, q, method="linear")) if values else None


def reference(table: pa.Table, mapping: JourneyMapping) -> dict[str, Any]:
    """Everything journey_from computes, counted event by event."""
    cases = cases_in_order(table)
    assigned = mapping.assign({a for events in cases.values() for a, _ in events})
    reached: dict[int, list[float]] = defaultdict(list)
    stage_reached: dict[int, list[float]] = defaultdict(list)
    events: dict[int, int] = defaultdict(int)
    ended: dict[int, int] = defaultdict(int)
    stage_ended: dict[int, int] = defaultdict(int)
    furthest: dict[int, int] = defaultdict(int)
    fitting = 0
    reached_with_later: dict[int, int] = defaultdict(int)
    pairs: dict[tuple[int, int], list[int]] = defaultdict(lambda: [0, 0])
    for trace in cases.values():
        start = trace[0][1]
        first: dict[int, tuple[int, int]] = {}  # tp -> (rank, us)
        stage_first: dict[int, int] = {}
        last_tp = None
        for rank, (activity, us) in enumerate(trace):
            if activity not in assigned:
                continue
            ref = assigned[activity]
            events[ref.order] += 1
            first.setdefault(ref.order, (rank, us))
            stage_first.setdefault(ref.stage_order, us)
            last_tp = ref
        if last_tp is None:
            continue
        for tp, (_, us) in first.items():
            reached[tp].append((us - start) / 1e6)
        for stage, us in stage_first.items():
            stage_reached[stage].append((us - start) / 1e6)
        ended[last_tp.order] += 1
        stage_ended[last_tp.stage_order] += 1
        sequence = [tp for tp, _ in sorted(first.items(), key=lambda item: item[1][0])]
        fitting += sequence == sorted(sequence)
        top = max(first)
        furthest[top] += 1
        for tp in first:
            reached_with_later[tp] += top > tp
        for a in first:
            for b in first:
                if a < b:
                    pairs[(a, b)][1] += 1
                    pairs[(a, b)][0] += first[b][0] < first[a][0]
    total = len(cases)
    touchpoints = []
    for ref in mapping.touchpoints:
        o = ref.order
        has_rules = bool(mapping.rules_of(ref.id))
        n = len(reached[o])
        later = sum(c for f, c in furthest.items() if f > o)
        touchpoints.append(
            {
                "cases": n if has_rules else None,
                "share": n / total if has_rules else None,
                "dropoff": ended[o] / n if n else None,
                "median_seconds": percentile(reached[o], 50),
                "p90_seconds": percentile(reached[o], 90),
                "events": events[o],
                "skipped": later - reached_with_later[o] if has_rules else None,
            }
        )
    stages = [
        {
            "cases": len(stage_reached[s.order]),
            "dropoff": stage_ended[s.order] / len(stage_reached[s.order]) if stage_reached[s.order] else None,
            "median_seconds": percentile(stage_reached[s.order], 50),
            "p90_seconds": percentile(stage_reached[s.order], 90),
        }
        for s in mapping.stages
    ]
    inversions = {k: tuple(v) for k, v in pairs.items() if v[0]}
    return {
        "touchpoints": touchpoints,
        "stages": stages,
        "mapped_cases": sum(furthest.values()),
        "fitting": fitting,
        "inversions": inversions,
    }


def close(expected: Any, actual: Any) -> bool:
    if isinstance(expected, float) and isinstance(actual, float):
        return math.isclose(expected, actual, rel_tol=1e-9, abs_tol=1e-6)
    return bool(expected == actual)


def assert_matches_reference(analysis: Any, expected: dict[str, Any], mapping: JourneyMapping) -> None:
    for figures, wanted in zip(analysis.touchpoints, expected["touchpoints"], strict=True):
        for key in ("cases", "share", "dropoff", "median_seconds", "p90_seconds", "events"):
            assert close(wanted[key], getattr(figures, key)), (figures.name, key, wanted[key], getattr(figures, key))
    skipped = {s.id: s.cases for s in analysis.conformance.skipped}
    for ref, wanted in zip(mapping.touchpoints, expected["touchpoints"], strict=True):
        assert skipped.get(ref.id) == wanted["skipped"], ref.name
    for figures, wanted in zip(analysis.stages, expected["stages"], strict=True):
        if figures.has_rules:
            for key in ("cases", "dropoff", "median_seconds", "p90_seconds"):
                assert close(wanted[key], getattr(figures, key)), (figures.name, key)
    conformance = analysis.conformance
    assert conformance.mapped_cases == expected["mapped_cases"]
    assert conformance.fitting_cases == expected["fitting"]
    orders = {t.id: t.order for t in mapping.touchpoints}
    found = {(orders[v.earlier_id], orders[v.later_id]): (v.cases, v.both) for v in conformance.order_violations}
    assert found == expected["inversions"]


@pytest.mark.parametrize("log", ["receipt", pytest.param("bpic2012", marks=pytest.mark.slow)])
def test_the_example_journeys_figures_equal_a_count_over_the_events(
    log: str,
    log_parquet: Callable[[str], Path],
    log_table: Callable[[str], pa.Table],
    example: Callable[[str], JourneyDocument],
    duckdb_engine: Engine,
) -> None:
    document = example(log)
    analysis = analyse_journey(duckdb_engine.load(log_parquet(log)), document)
    mapping = mapping_from_document(document)
    assert_matches_reference(analysis, reference(log_table(log), mapping), mapping)


def test_the_running_example_on_its_journey_equals_a_count_over_the_events(
    log_parquet: Callable[[str], Path],
    log_table: Callable[[str], pa.Table],
    running_journey: JourneyDocument,
    duckdb_engine: Engine,
) -> None:
    mapping = mapping_from_document(running_journey)
    analysis = analyse_journey(duckdb_engine.load(log_parquet("running_example")), running_journey)
    assert_matches_reference(analysis, reference(log_table("running_example"), mapping), mapping)


def test_the_receipt_log_on_the_permit_journey_gives_these_numbers(
    log_parquet: Callable[[str], Path], example: Callable[[str], JourneyDocument], duckdb_engine: Engine
) -> None:
    analysis = analyse_journey(duckdb_engine.load(log_parquet("receipt")), example("receipt"))
    by_name = {t.name: t for t in analysis.touchpoints}
    form = by_name["Aanvraagformulier invullen in het Omgevingsloket"]
    assert (form.cases, form.share, form.events, form.median_seconds) == (1434, 1.0, 1434, 0.0)
    receipt = by_name["Ontvangstbevestiging"]
    assert (receipt.cases, receipt.events) == (1316, 1368 + 55 + 1307 + 1300)
    assert receipt.activities == (
        "T02 Check confirmation of receipt",
        "T03 Adjust confirmation of receipt",
        "T04 Determine confirmation of receipt",
        "T05 Print and send confirmation of receipt",
    )
    assert by_name["Bericht dat de aanvraag wordt aangehouden"].cases == 20
    assert by_name["Besluit op de aanvraag"].cases is None  # no activity rules: the data is silent
    conformance = analysis.conformance
    assert (conformance.cases, conformance.mapped_cases, conformance.fitting_cases) == (1434, 1434, 1196)
    assert conformance.unmapped_activities == ()
    assert conformance.unused_rules == ()
    assert [s.name for s in analysis.stages if s.cases == 1434] == ["Aanvraag indienen"]


def test_filters_apply_before_the_journey_is_counted(
    log_parquet: Callable[[str], Path], running_journey: JourneyDocument, duckdb_engine: Engine
) -> None:
    events = duckdb_engine.load(log_parquet("running_example"))
    analysis = analyse_journey(events, running_journey, filters=Filters(activities=["register request", "decide"]))
    reached = {t.name: t.cases for t in analysis.touchpoints if t.cases}
    assert reached == {"Verzoek indienen": 6, "Besluit": 6}
    unmapped = analyse_journey(events, running_journey, filters=Filters(activities=["register request"]))
    assert unmapped.conformance.fitting_share == 1.0


def test_a_journey_without_matching_activities_reports_every_activity_as_unmapped(
    log_parquet: Callable[[str], Path], example: Callable[[str], JourneyDocument], duckdb_engine: Engine
) -> None:
    analysis = analyse_journey(duckdb_engine.load(log_parquet("running_example")), example("receipt"))
    conformance = analysis.conformance
    assert conformance.mapped_cases == 0
    assert conformance.fitting_share is None
    assert [(a.activity, a.events) for a in conformance.unmapped_activities][:3] == [
        ("check ticket", 9),
        ("decide", 9),
        ("examine casually", 6),
    ]
    assert math.isclose(sum(a.share_of_events for a in conformance.unmapped_activities), 1.0)
    assert {t.reason for t in conformance.touchpoints_without_events} == {"no_rules", "no_events"}
    assert len(conformance.unused_rules) == 9  # every rule of the permit journey
