"""The analyses on small hand-made logs whose right answers can be worked out on paper."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from klantreis.analytics.analyses import (
    analyse_activities,
    analyse_bundle,
    analyse_case_durations,
    analyse_overview,
    analyse_throughput,
    analyse_transitions,
    analyse_variants,
    run_bundle,
)

Build = Callable[..., Any]

# Two cases; in case "c1" B and A share a timestamp and B comes first in the file.
TIES = [
    ("c1", "Start", "2024-01-01 09:00:00"),
    ("c1", "B", "2024-01-01 10:00:00"),
    ("c1", "A", "2024-01-01 10:00:00"),
    ("c2", "Start", "2024-01-02 09:00:00"),
    ("c1", "End", "2024-01-01 12:00:00"),
    ("c2", "A", "2024-01-02 09:30:00"),
    ("c2", "End", "2024-01-02 11:00:00"),
]


def test_events_with_equal_timestamps_keep_their_file_order(events_from_rows: Build) -> None:
    transitions = analyse_transitions(events_from_rows(TIES)).counts()
    assert transitions[("B", "A")] == 1
    assert ("A", "B") not in transitions


def test_events_of_a_case_are_ordered_by_time_not_by_file_position(events_from_rows: Build) -> None:
    variants = analyse_variants(events_from_rows(TIES))
    assert {v.activities for v in variants.top} == {("Start", "B", "A", "End"), ("Start", "A", "End")}


def test_the_overview_counts_cases_events_activities_and_variants(events_from_rows: Build) -> None:
    overview = analyse_overview(events_from_rows(TIES))
    assert (overview.cases, overview.events, overview.activities, overview.variants) == (2, 7, 4, 2)
    assert [(a.activity, a.count) for a in overview.start_activities] == [("Start", 2)]
    assert overview.first_timestamp is not None
    assert overview.first_timestamp.isoformat() == "2024-01-01T09:00:00+00:00"


def test_a_case_literally_named_na_is_a_case(events_from_rows: Build) -> None:
    rows = [("NA", "A", "2024-01-01 09:00:00"), ("NA", "B", "2024-01-01 10:00:00"), ("x", "A", "2024-01-01 09:00:00")]
    assert analyse_overview(events_from_rows(rows)).cases == 2


def test_events_without_a_timestamp_are_left_out(events_from_rows: Build) -> None:
    rows = [("c", "A", "2024-01-01 09:00:00"), ("c", "B", None), ("c", "C", "2024-01-01 10:00:00")]
    assert analyse_transitions(events_from_rows(rows)).counts() == {("A", "C"): 1}


def test_transition_times_are_seconds_with_median_and_p90_interpolated(events_from_rows: Build) -> None:
    rows = [
        (f"c{i}", a, f"2024-01-01 09:00:{s:02d}")
        for i, gap in enumerate([1, 2, 3, 10])
        for a, s in (("A", 0), ("B", gap))
    ]
    (transition,) = analyse_transitions(events_from_rows(rows)).transitions
    assert (transition.count, transition.cases) == (4, 4)
    assert transition.mean_seconds == pytest.approx(4.0)
    assert transition.median_seconds == pytest.approx(2.5)
    assert transition.p90_seconds == pytest.approx(7.9)  # numpy: 3 + 0.7 * (10 - 3)


def test_a_transition_repeated_in_one_case_counts_every_time_but_the_case_once(events_from_rows: Build) -> None:
    rows = [("c", a, f"2024-01-01 09:00:0{i}") for i, a in enumerate("ABAB")]
    transitions = {(t.source, t.target): t for t in analyse_transitions(events_from_rows(rows)).transitions}
    assert (transitions[("A", "B")].count, transitions[("A", "B")].cases) == (2, 1)


def test_rework_counts_cases_where_an_activity_happens_more_than_once(events_from_rows: Build) -> None:
    rows = [("c1", a, f"2024-01-01 09:00:0{i}") for i, a in enumerate("ABA")]
    rows += [("c2", a, f"2024-01-01 09:00:0{i}") for i, a in enumerate("AB")]
    stats = {a.activity: a for a in analyse_activities(events_from_rows(rows)).activities}
    assert (stats["A"].events, stats["A"].cases, stats["A"].cases_with_repeats) == (3, 2, 1)
    assert stats["B"].case_share == 1.0
    assert stats["A"].median_seconds_to_next == pytest.approx(1.0)


def test_an_activity_that_always_ends_its_case_has_no_time_to_next(events_from_rows: Build) -> None:
    stats = {a.activity: a for a in analyse_activities(events_from_rows(TIES)).activities}
    assert stats["End"].median_seconds_to_next is None


def test_variants_report_share_and_median_duration_and_break_ties_by_name(events_from_rows: Build) -> None:
    rows = [(f"b{i}", a, f"2024-01-01 09:00:0{j}") for i in range(2) for j, a in enumerate("XB")]
    rows += [(f"a{i}", a, f"2024-01-01 09:00:0{j * 2}") for i in range(2) for j, a in enumerate("XA")]
    rows += [("z", "Z", "2024-01-01 09:00:00")]
    variants = analyse_variants(events_from_rows(rows), top=2)
    assert [v.activities for v in variants.top] == [("X", "A"), ("X", "B")]
    assert [v.count for v in variants.top] == [2, 2]
    assert variants.top[0].share == pytest.approx(0.4)
    assert variants.top[0].median_duration_seconds == pytest.approx(2.0)
    assert (variants.total, variants.cases) == (3, 5)


def test_case_durations_are_last_minus_first_timestamp(events_from_rows: Build) -> None:
    durations = analyse_case_durations(events_from_rows(TIES), bins=4)
    statistics = durations.statistics
    assert (statistics.count, statistics.min, statistics.max) == (2, 7200.0, 10800.0)
    assert statistics.median == pytest.approx(9000.0)
    assert [b.count for b in durations.histogram] == [1, 0, 0, 1]
    assert durations.histogram[0].start == 7200.0
    assert durations.histogram[-1].end == 10800.0


def test_a_histogram_of_equal_durations_has_one_bin(events_from_rows: Build) -> None:
    rows = [(c, a, f"2024-01-01 09:00:0{i}") for c in ("c1", "c2") for i, a in enumerate("AB")]
    durations = analyse_case_durations(events_from_rows(rows))
    assert [(b.start, b.end, b.count) for b in durations.histogram] == [(1.0, 1.0, 2)]


def test_throughput_uses_the_first_or_last_occurrence_of_each_activity(events_from_rows: Build) -> None:
    rows = [("c", a, f"2024-01-01 09:00:{s:02d}") for a, s in (("A", 0), ("B", 10), ("A", 20), ("B", 40))]
    events = events_from_rows(rows)
    assert analyse_throughput(events, "A", "B").durations.statistics.max == 10.0
    assert analyse_throughput(events, "A", "B", target_occurrence="last").durations.statistics.max == 40.0
    assert (
        analyse_throughput(
            events, "A", "B", source_occurrence="last", target_occurrence="last"
        ).durations.statistics.max
        == 20.0
    )


def test_throughput_only_counts_cases_where_the_target_comes_after_the_source(events_from_rows: Build) -> None:
    rows = [("c1", "A", "2024-01-01 09:00:00"), ("c1", "B", "2024-01-01 09:00:05")]
    rows += [("c2", "B", "2024-01-01 09:00:00"), ("c2", "A", "2024-01-01 09:00:05")]
    statistics = analyse_throughput(events_from_rows(rows), "A", "B").durations.statistics
    assert (statistics.count, statistics.mean) == (1, 5.0)


def test_throughput_of_an_unknown_activity_is_empty(events_from_rows: Build) -> None:
    statistics = analyse_throughput(events_from_rows(TIES), "Start", "Nope").durations.statistics
    assert (statistics.count, statistics.median) == (0, None)


def test_throughput_rejects_an_occurrence_other_than_first_or_last(events_from_rows: Build) -> None:
    with pytest.raises(ValueError, match="first"):
        analyse_throughput(events_from_rows(TIES), "Start", "End", source_occurrence="middle")  # type: ignore[arg-type]


def test_an_empty_log_gives_empty_results(events_from_rows: Build) -> None:
    bundle = run_bundle(events_from_rows([("c", "A", None)]))
    assert (bundle.overview.cases, bundle.overview.events, bundle.overview.variants) == (0, 0, 0)
    assert bundle.case_durations.statistics.count == 0
    assert bundle.transitions.transitions == ()


def test_the_bundle_json_has_the_documented_keys_and_serialises(events_from_rows: Build) -> None:
    document = analyse_bundle(events_from_rows(TIES))
    for key in ("cases", "events", "activities", "variants", "start_activities", "end_activities", "dfg"):
        assert key in document
    assert set(document["case_duration_seconds"]) == {"mean", "median", "p10", "p90", "min", "max"}
    assert {"source", "target", "count", "cases", "mean_seconds", "median_seconds", "p90_seconds"} <= set(
        document["dfg"][0]
    )
    assert {"activities", "count"} <= set(document["top_variants"][0])
    assert json.loads(json.dumps(document)) == document
