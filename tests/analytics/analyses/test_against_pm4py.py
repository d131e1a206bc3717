"""Differential tests: klantreis' analyses equal pm4py's defaults on every real log in ../shared/data.

pm4py is given the log through `pm4py.format_dataframe`, its documented entry point: that sorts by
(case, timestamp, original row), the same order klantreis uses (its variant code even depends on it:
without formatting, `get_variants` reads cases as contiguous blocks of an unsorted frame).
"""

from __future__ import annotations

import warnings
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import pytest

from klantreis.analytics.analyses import (
    Activities,
    Durations,
    Overview,
    Transitions,
    Variants,
    activities_from,
    case_durations_from,
    overview_from,
    prepare,
    run_bundle,
    transitions_from,
    variants_from,
)
from klantreis.analytics.engine import Engine

pytestmark = pytest.mark.filterwarnings("ignore")

ABS = 1e-6  # seconds
REL = 1e-9


@dataclass(frozen=True)
class Ours:
    """klantreis' results on one log."""

    overview: Overview
    activities: Activities
    transitions: Transitions
    variants: Variants
    durations: Durations


@dataclass(frozen=True)
class Theirs:
    """pm4py's results (and pandas oracles over pm4py's ordering) on one log."""

    frame: pd.DataFrame
    dfg: dict[tuple[str, str], int]
    starts: dict[str, int]
    ends: dict[str, int]
    performance: dict[tuple[str, str], dict[str, float]]
    raw_times: dict[tuple[str, str], list[float]]
    variants: dict[tuple[str, ...], int]
    durations: list[float]
    activity_events: dict[str, int]


_ours: dict[str, Ours] = {}
_theirs: dict[str, Theirs] = {}


@pytest.fixture
def ours(real_log: Any, duckdb_engine: Engine) -> Ours:
    """klantreis' analyses of the real log on DuckDB (computed once per log)."""
    if real_log.name not in _ours:
        with prepare(duckdb_engine.load(real_log.table)) as prepared:
            _ours[real_log.name] = Ours(
                overview=overview_from(prepared),
                activities=activities_from(prepared),
                transitions=transitions_from(prepared),
                variants=variants_from(prepared, top=10**9),
                durations=case_durations_from(prepared),
            )
    return _ours[real_log.name]


@pytest.fixture
def theirs(real_log: Any) -> Theirs:
    """pm4py's view of the real log (computed once per log)."""
    if real_log.name not in _theirs:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pm4py = pytest.importorskip("pm4py", reason="the differential tests compare with pm4py")
            frame = pm4py.format_dataframe(real_log.frame.copy())
            dfg, starts, ends = pm4py.discover_dfg(frame)
            performance, _, _ = pm4py.discover_performance_dfg(frame)
            raw_times, _, _ = pm4py.discover_performance_dfg(frame, perf_aggregation_key="raw_values")
            _theirs[real_log.name] = Theirs(
                frame=frame,
                dfg=dict(dfg),
                starts=dict(starts),
                ends=dict(ends),
                performance=dict(performance),
                raw_times=dict(raw_times),
                variants=dict(pm4py.get_variants(frame)),
                durations=list(pm4py.get_all_case_durations(frame)),
                activity_events=dict(pm4py.get_event_attribute_values(frame, "concept:name")),
            )
    return _theirs[real_log.name]


def close(a: float | None, b: float) -> bool:
    """Floats equal up to rounding of microsecond timestamps."""
    return a is not None and abs(a - b) <= max(ABS, REL * abs(b))


def test_the_overview_counts_match_pm4py(ours: Ours, theirs: Theirs) -> None:
    overview = ours.overview
    assert overview.cases == theirs.frame["case:concept:name"].nunique()
    assert overview.events == len(theirs.frame)
    assert overview.activities == len(theirs.activity_events)
    assert overview.variants == len(theirs.variants)


def test_start_and_end_activities_match_pm4py(ours: Ours, theirs: Theirs) -> None:
    assert {a.activity: a.count for a in ours.overview.start_activities} == theirs.starts
    assert {a.activity: a.count for a in ours.overview.end_activities} == theirs.ends


def test_the_time_range_is_the_first_and_last_timestamp(ours: Ours, theirs: Theirs) -> None:
    timestamps = theirs.frame["time:timestamp"]
    assert ours.overview.first_timestamp == timestamps.min().to_pydatetime()
    assert ours.overview.last_timestamp == timestamps.max().to_pydatetime()


def test_directly_follows_counts_match_pm4py(ours: Ours, theirs: Theirs) -> None:
    assert ours.transitions.counts() == theirs.dfg


def test_transition_mean_and_median_seconds_match_pm4py_performance_dfg(ours: Ours, theirs: Theirs) -> None:
    for transition in ours.transitions.transitions:
        expected = theirs.performance[(transition.source, transition.target)]
        assert close(transition.mean_seconds, expected["mean"]), transition
        assert close(transition.median_seconds, expected["median"]), transition


def test_transition_p90_seconds_interpolate_like_numpy(ours: Ours, theirs: Theirs) -> None:
    for transition in ours.transitions.transitions:
        times = theirs.raw_times[(transition.source, transition.target)]
        assert close(transition.p90_seconds, float(np.percentile(times, 90))), transition


def test_transition_cases_count_each_case_once(ours: Ours, theirs: Theirs) -> None:
    frame = theirs.frame
    following = frame["concept:name"].shift(-1)
    same_case = frame["case:concept:name"] == frame["case:concept:name"].shift(-1)
    pairs = pd.DataFrame({"case": frame["case:concept:name"], "source": frame["concept:name"], "target": following})[
        same_case
    ]
    expected = pairs.drop_duplicates().groupby(["source", "target"]).size().to_dict()
    assert {(t.source, t.target): t.cases for t in ours.transitions.transitions} == expected


def test_variants_and_their_counts_match_pm4py(ours: Ours, theirs: Theirs) -> None:
    assert {v.activities: v.count for v in ours.variants.top} == theirs.variants
    assert ours.variants.total == len(theirs.variants)


def test_variants_come_most_frequent_first(ours: Ours) -> None:
    counts = [v.count for v in ours.variants.top]
    assert counts == sorted(counts, reverse=True)


def test_case_duration_statistics_match_pm4py(ours: Ours, theirs: Theirs) -> None:
    durations = np.array(theirs.durations, dtype=float)
    statistics = ours.durations.statistics
    assert statistics.count == len(durations)
    assert close(statistics.mean, float(durations.mean()))
    assert close(statistics.median, float(np.median(durations)))
    assert close(statistics.p10, float(np.percentile(durations, 10)))
    assert close(statistics.p90, float(np.percentile(durations, 90)))
    assert close(statistics.min, float(durations.min()))
    assert close(statistics.max, float(durations.max()))


def test_the_duration_histogram_counts_every_case(ours: Ours, theirs: Theirs) -> None:
    histogram = ours.durations.histogram
    assert sum(b.count for b in histogram) == len(theirs.durations)
    assert close(histogram[0].start, min(theirs.durations))
    assert close(histogram[-1].end, max(theirs.durations))


def test_activity_event_counts_match_pm4py(ours: Ours, theirs: Theirs) -> None:
    assert {a.activity: a.events for a in ours.activities.activities} == theirs.activity_events


def test_activity_reach_and_rework_match_a_pandas_oracle(ours: Ours, theirs: Theirs) -> None:
    per_case = theirs.frame.groupby(["concept:name", "case:concept:name"]).size()
    reached = per_case.groupby(level=0).size().to_dict()
    repeated = (per_case > 1).groupby(level=0).sum().to_dict()
    cases = theirs.frame["case:concept:name"].nunique()
    for activity in ours.activities.activities:
        assert activity.cases == reached[activity.activity]
        assert activity.cases_with_repeats == repeated[activity.activity]
        assert activity.case_share == pytest.approx(reached[activity.activity] / cases)


def test_median_seconds_to_the_next_event_match_pm4py_raw_times(ours: Ours, theirs: Theirs) -> None:
    outgoing: dict[str, list[float]] = defaultdict(list)
    for (source, _target), times in theirs.raw_times.items():
        outgoing[source].extend(times)
    for activity in ours.activities.activities:
        if activity.activity not in outgoing:
            assert activity.median_seconds_to_next is None
        else:
            assert close(activity.median_seconds_to_next, float(np.median(outgoing[activity.activity])))


def test_the_large_log_strategy_gives_the_same_bundle(real_log: Any, duckdb_engine: Engine) -> None:
    # Large logs count cases per transition and per activity from the variant table instead of from
    # every event; both ways must agree (and the small way is checked against pm4py above).
    events = duckdb_engine.load(real_log.table)
    assert_same_json(run_bundle(events, large_log_events=0).to_dict(), run_bundle(events).to_dict())


def assert_same_json(expected: Any, actual: Any, path: str = "$") -> None:
    """Equal JSON documents, floats up to summation order (parallel sums differ in the last bits)."""
    if isinstance(expected, dict):
        assert expected.keys() == actual.keys(), path
        for key in expected:
            assert_same_json(expected[key], actual[key], f"{path}.{key}")
    elif isinstance(expected, list):
        assert len(expected) == len(actual), path
        for index, (left, right) in enumerate(zip(expected, actual, strict=True)):
            assert_same_json(left, right, f"{path}[{index}]")
    elif isinstance(expected, float):
        assert close(actual, expected), f"{path}: {expected} != {actual}"
    else:
        assert expected == actual, f"{path}: {expected!r} != {actual!r}"
