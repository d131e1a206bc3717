"""Funnels: hand-made cases, and real logs against a plain-Python reference implementation."""

from __future__ import annotations

import statistics
from collections.abc import Callable
from typing import Any

import pytest

from klantreis.analytics.analyses import Funnel, analyse_funnel
from klantreis.analytics.engine import Engine

Build = Callable[..., Any]
Case = list[tuple[str, float]]  # (activity, seconds) in case order


def reference_depths(case: Case, steps: list[str], mode: str, window: float | None) -> list[float]:
    """Times at which the case reached each funnel step (as many as it reached), by definition."""
    if mode == "eventual":
        starts = [i for i, (activity, _) in enumerate(case) if activity == steps[0]]
        if not starts:
            return []
        index, reached = starts[0], [case[starts[0]][1]]
        for step in steps[1:]:
            later = [
                i
                for i in range(index + 1, len(case))
                if case[i][0] == step and (window is None or case[i][1] - reached[0] <= window)
            ]
            if not later:
                break
            index = later[0]
            reached.append(case[index][1])
        return reached
    best: list[float] = []
    for start, (activity, moment) in enumerate(case):
        if activity != steps[0]:
            continue
        run = [moment]
        for offset, step in enumerate(steps[1:], start=1):
            position = start + offset
            if position >= len(case) or case[position][0] != step:
                break
            if window is not None and case[position][1] - moment > window:
                break
            run.append(case[position][1])
        if len(run) > len(best):
            best = run
    return best


def reference_funnel(cases: list[Case], steps: list[str], mode: str, window: float | None) -> list[tuple[int, Any]]:
    """(entered, median seconds from the previous step) per step."""
    reached = [reference_depths(case, steps, mode, window) for case in cases]
    result: list[tuple[int, Any]] = []
    for index in range(len(steps)):
        deeper = [r for r in reached if len(r) > index]
        gaps = [r[index] - r[index - 1] for r in deeper] if index else []
        result.append((len(deeper), statistics.median(gaps) if gaps else None))
    return result


def assert_matches(funnel: Funnel, expected: list[tuple[int, Any]]) -> None:
    """The funnel's entered counts and median times equal the reference's."""
    assert [s.entered for s in funnel.steps] == [e for e, _ in expected]
    for step, (_, median) in zip(funnel.steps, expected, strict=True):
        if median is None:
            assert step.median_seconds_to_convert is None
        else:
            assert step.median_seconds_to_convert == pytest.approx(median, abs=1e-6)


JOURNEY = [
    ("c1", "Visit", 0),
    ("c1", "Form", 10),
    ("c1", "Pay", 20),
    ("c2", "Visit", 0),
    ("c2", "Help", 5),
    ("c2", "Form", 30),
    ("c2", "Pay", 100),
    ("c3", "Form", 0),
    ("c3", "Visit", 5),
    ("c4", "Visit", 0),
    ("c4", "Form", 50),
    ("c4", "Visit", 60),
    ("c4", "Form", 65),
    ("c4", "Pay", 70),
]


@pytest.fixture
def journey(events_from_rows: Build) -> Any:
    """Four customers through Visit -> Form -> Pay, each in their own way."""
    return events_from_rows([(c, a, f"2024-01-01 09:{s // 60:02d}:{s % 60:02d}") for c, a, s in JOURNEY])


def test_an_eventual_funnel_allows_other_events_between_the_steps(journey: Any) -> None:
    funnel = analyse_funnel(journey, ["Visit", "Form", "Pay"])
    assert [s.entered for s in funnel.steps] == [4, 3, 3]
    assert [s.drop_off for s in funnel.steps] == [0, 1, 0]
    assert funnel.steps[1].conversion_rate == pytest.approx(0.75)
    assert funnel.steps[1].median_seconds_to_convert == pytest.approx(30.0)


def test_a_strict_funnel_needs_the_steps_directly_after_each_other(journey: Any) -> None:
    funnel = analyse_funnel(journey, ["Visit", "Form", "Pay"], mode="strict")
    assert [s.entered for s in funnel.steps] == [4, 2, 2]
    # c4 reaches Pay through its second visit: the deepest run counts.
    assert funnel.steps[2].median_seconds_to_convert == pytest.approx(7.5)


def test_a_conversion_window_counts_only_steps_soon_enough_after_the_first(journey: Any) -> None:
    funnel = analyse_funnel(journey, ["Visit", "Form", "Pay"], window_seconds=60)
    assert [s.entered for s in funnel.steps] == [4, 3, 1]
    assert funnel.steps[2].overall_conversion_rate == pytest.approx(1 / 4)


def test_a_step_that_never_happens_stops_the_funnel(journey: Any) -> None:
    funnel = analyse_funnel(journey, ["Visit", "Unknown", "Pay"])
    assert [s.entered for s in funnel.steps] == [4, 0, 0]
    assert funnel.steps[2].conversion_rate == 0.0


def test_a_funnel_needs_steps_and_a_known_mode(journey: Any) -> None:
    with pytest.raises(ValueError, match="at least one step"):
        analyse_funnel(journey, [])
    with pytest.raises(ValueError, match="mode"):
        analyse_funnel(journey, ["Visit"], mode="sideways")  # type: ignore[arg-type]


@pytest.mark.parametrize("mode", ["eventual", "strict"])
@pytest.mark.parametrize("window", [None, 3600.0])
@pytest.mark.parametrize(
    ("log_name", "steps"),
    [
        ("running_example", ["register request", "check ticket", "decide", "pay compensation"]),
        ("sepsis", ["ER Registration", "ER Triage", "ER Sepsis Triage", "IV Antibiotics", "Admission NC"]),
        (
            "receipt",
            ["Confirmation of receipt", "T02 Check confirmation of receipt", "T04 Determine confirmation of receipt"],
        ),
    ],
)
def test_funnels_on_real_logs_match_the_reference_definition(
    load_real_log: Callable[[str], Any],
    duckdb_engine: Engine,
    log_name: str,
    steps: list[str],
    mode: str,
    window: float | None,
) -> None:
    log = load_real_log(log_name)
    frame = log.frame.sort_values(["case:concept:name", "time:timestamp"], kind="stable")
    seconds = frame["time:timestamp"].astype("int64") / 1e6
    cases: dict[str, Case] = {}
    for case, activity, moment in zip(frame["case:concept:name"], frame["concept:name"], seconds, strict=True):
        cases.setdefault(str(case), []).append((str(activity), float(moment)))
    funnel = analyse_funnel(duckdb_engine.load(log.table), steps, mode=mode, window_seconds=window)  # type: ignore[arg-type]
    assert funnel.cases == len(cases)
    assert_matches(funnel, reference_funnel(list(cases.values()), steps, mode, window))
