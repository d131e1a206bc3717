"""An imported log is analysed from the ordering columns the import stored, and gives the general path's numbers.

The general path (any other table, or a filter that drops single events) sorts the events itself; the
reference here is the log as pm4py reads it, loaded as a plain table.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import ibis
import pytest

from klantreis.analytics.analyses import (
    Filters,
    analyse_funnel,
    analyse_throughput,
    prepare,
    run_bundle,
)
from klantreis.analytics.engine import Engine, connect
from klantreis.analytics.journeymap import analyse_journey
from klantreis.journey.files import read_document

PROJECT = Path(__file__).resolve().parents[3]
LOGS = ["running_example", "sepsis", "receipt", "helpdesk", "roadtraffic100traces", "traffic_fines"]
SEPSIS_STEPS = ["ER Registration", "ER Triage", "ER Sepsis Triage", "IV Antibiotics"]
RARE_RELEASES = {"Release C", "Release D", "Release E"}
RealLog = Any  # conftest.RealLog: the log as pm4py reads it (.table is the plain normalised table)


def assert_same(expected: Any, actual: Any, path: str = "$") -> None:
    """Deep equality, floats to 1e-9 relative (1e-6 absolute near zero): sums in another order differ in the last bit."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), path
        assert expected.keys() == actual.keys(), path
        for key in expected:
            assert_same(expected[key], actual[key], f"{path}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list), path
        assert len(expected) == len(actual), path
        for index, (left, right) in enumerate(zip(expected, actual, strict=True)):
            assert_same(left, right, f"{path}[{index}]")
    elif isinstance(expected, float) and isinstance(actual, float):
        assert math.isclose(expected, actual, rel_tol=1e-9, abs_tol=1e-6), f"{path}: {expected} != {actual}"
    else:
        assert expected == actual, f"{path}: {expected!r} != {actual!r}"


@pytest.fixture(scope="module")
def engine() -> Iterator[Engine]:
    """One DuckDB engine for the module."""
    with connect("duckdb") as opened:
        yield opened


def is_presorted(events: Any, filters: Filters | None = None) -> bool:
    """Whether the analyses read the ordering columns for `events` under `filters`."""
    with prepare(events, filters) as prepared:
        return prepared.presorted


@pytest.mark.parametrize("name", LOGS)
def test_an_imported_log_is_analysed_without_sorting_and_gives_the_same_bundle(
    name: str, engine: Engine, imported_log: Callable[[str], Path], load_real_log: Callable[[str], RealLog]
) -> None:
    events = engine.load(imported_log(name))
    assert is_presorted(events)
    expected = run_bundle(engine.load(load_real_log(name).table), top_variants=500).to_dict()
    assert_same(expected, run_bundle(events, top_variants=500).to_dict())


@pytest.mark.slow
def test_bpic2012_imported_gives_the_same_bundle_read_from_memory_and_from_the_file(
    engine: Engine, imported_log: Callable[[str], Path], load_real_log: Callable[[str], RealLog]
) -> None:
    expected = run_bundle(engine.load(load_real_log("bpic2012").table), top_variants=200).to_dict()
    for events in (engine.load(imported_log("bpic2012")), engine.load(imported_log("bpic2012"), in_memory=True)):
        assert is_presorted(events)
        assert_same(expected, run_bundle(events, top_variants=200).to_dict())


@pytest.mark.parametrize(
    "filters",
    [
        Filters(case_attributes={"Diagnose": ["A", "B", "C"]}, min_variant_cases=2),
        Filters(time_from=datetime(2014, 6, 1, tzinfo=UTC), time_until=datetime(2014, 9, 1, tzinfo=UTC)),
        Filters(min_variant_cases=3, min_transition_count=5),
    ],
    ids=["attribute-and-support", "cases-starting", "support"],
)
def test_filters_that_keep_whole_cases_still_read_the_ordering_columns(
    filters: Filters, engine: Engine, imported_log: Callable[[str], Path], load_real_log: Callable[[str], RealLog]
) -> None:
    events = engine.load(imported_log("sepsis"))
    assert is_presorted(events, filters)
    expected = run_bundle(engine.load(load_real_log("sepsis").table), filters=filters).to_dict()
    assert_same(expected, run_bundle(events, filters=filters).to_dict())


def test_codes_are_renumbered_when_whole_cases_take_an_activity_away(
    engine: Engine, imported_log: Callable[[str], Path], load_real_log: Callable[[str], RealLog]
) -> None:
    # Only cases whose variant occurs twice: "Admission IC", the first activity by name, never happens in
    # them, so every other activity's code moves down by one.
    filters = Filters(min_variant_cases=2)
    events = engine.load(imported_log("sepsis"))
    with prepare(events, filters) as prepared, prepare(events) as everything:
        assert prepared.presorted
        assert everything.activities[0] == "Admission IC"
        assert set(prepared.activities) == set(everything.activities) - {"Admission IC", *RARE_RELEASES}
    expected = run_bundle(engine.load(load_real_log("sepsis").table), filters=filters).to_dict()
    assert_same(expected, run_bundle(events, filters=filters).to_dict())


@pytest.mark.parametrize(
    "filters",
    [
        Filters(activities=SEPSIS_STEPS),
        Filters(time_from=datetime(2014, 6, 1, tzinfo=UTC), time_mode="events_within"),
    ],
    ids=["activities", "events-within"],
)
def test_filters_that_drop_single_events_take_the_general_path(
    filters: Filters, engine: Engine, imported_log: Callable[[str], Path], load_real_log: Callable[[str], RealLog]
) -> None:
    events = engine.load(imported_log("sepsis"))
    assert not is_presorted(events, filters)
    expected = run_bundle(engine.load(load_real_log("sepsis").table), filters=filters).to_dict()
    assert_same(expected, run_bundle(events, filters=filters).to_dict())


def test_a_table_derived_from_an_imported_one_is_sorted_again(
    engine: Engine, imported_log: Callable[[str], Path]
) -> None:
    events = engine.load(imported_log("running_example"))
    assert not is_presorted(events.filter(events.activity != "decide"))
    assert not is_presorted(events.mutate(activity=ibis.literal("same")))
    assert not is_presorted(events.drop("case_start"))


def test_funnels_and_throughput_times_read_from_the_ordering_columns_alike(
    engine: Engine, imported_log: Callable[[str], Path], load_real_log: Callable[[str], RealLog]
) -> None:
    def analyses(events: Any) -> dict[str, Any]:
        return {
            "eventual": analyse_funnel(events, SEPSIS_STEPS, window_seconds=7200).to_dict(),
            "strict": analyse_funnel(events, SEPSIS_STEPS[:3], mode="strict").to_dict(),
            "throughput": analyse_throughput(
                events, "ER Registration", "IV Antibiotics", target_occurrence="last"
            ).to_dict(),
        }

    assert_same(analyses(engine.load(load_real_log("sepsis").table)), analyses(engine.load(imported_log("sepsis"))))


def test_the_journey_analysis_reads_from_the_ordering_columns_alike(
    engine: Engine, imported_log: Callable[[str], Path], load_real_log: Callable[[str], RealLog]
) -> None:
    document = read_document(PROJECT / "examples" / "omgevingsvergunning-huidig.yaml")
    filters = Filters(case_attributes={"channel": ["Internet"]})
    for chosen in (None, filters):
        expected = analyse_journey(engine.load(load_real_log("receipt").table), document, filters=chosen)
        actual = analyse_journey(engine.load(imported_log("receipt")), document, filters=chosen)
        assert_same(expected.to_dict(), actual.to_dict())


def test_presorted_analyses_leave_no_views_behind(engine: Engine, imported_log: Callable[[str], Path]) -> None:
    run_bundle(engine.load(imported_log("running_example")))
    views = engine.backend.con.sql("SELECT view_name FROM duckdb_views() WHERE temporary").fetchall()
    assert [name for (name,) in views if name.startswith("ibis_klantreis")] == []
