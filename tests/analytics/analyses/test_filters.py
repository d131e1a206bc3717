"""Filters restrict the event table before any analysis."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from klantreis.analytics.analyses import Filters, analyse_overview, analyse_transitions, analyse_variants, run_bundle

Build = Callable[..., Any]

ROWS = [
    ("early", "A", "2024-01-01 09:00:00"),
    ("early", "B", "2024-01-03 09:00:00"),
    ("late", "A", "2024-01-02 09:00:00"),
    ("late", "C", "2024-01-02 10:00:00"),
    ("late", "B", "2024-01-02 11:00:00"),
    ("other", "A", "2024-01-05 09:00:00"),
    ("other", "B", "2024-01-05 10:00:00"),
]
CHANNEL = ["web", "web", "phone", "phone", "phone", "web", "web"]


@pytest.fixture
def events(events_from_rows: Build) -> Any:
    """Three cases with a case attribute (channel) on every event."""
    return events_from_rows(ROWS, **{"case:channel": CHANNEL})


def cases_of(events: Any, filters: Filters) -> int:
    """Number of cases left after filtering."""
    return analyse_overview(events, filters=filters).cases


def test_no_filters_keep_everything(events: Any) -> None:
    assert cases_of(events, Filters()) == 3


def test_a_time_window_keeps_the_cases_starting_in_it(events: Any) -> None:
    window = Filters(time_from=datetime(2024, 1, 2), time_until=datetime(2024, 1, 4))
    overview = analyse_overview(events, filters=window)
    assert (overview.cases, overview.events) == (1, 3)


def test_a_time_window_can_keep_only_the_events_inside_it(events: Any) -> None:
    window = Filters(
        time_from=datetime(2024, 1, 2, tzinfo=UTC), time_until=datetime(2024, 1, 4), time_mode="events_within"
    )
    overview = analyse_overview(events, filters=window)
    assert (overview.cases, overview.events) == (2, 4)


def test_a_case_attribute_filter_keeps_cases_with_one_of_the_values(events: Any) -> None:
    assert cases_of(events, Filters(case_attributes={"channel": ["phone"]})) == 1
    assert cases_of(events, Filters(case_attributes={"case:channel": ["phone", "web"]})) == 3
    assert cases_of(events, Filters(case_attributes={"channel": "web"})) == 2


def test_an_unknown_case_attribute_is_named_in_the_error(events: Any) -> None:
    with pytest.raises(ValueError, match=r"no case attribute 'colour'.*channel"):
        analyse_overview(events, filters=Filters(case_attributes={"colour": ["red"]}))


def test_an_activity_subset_drops_the_other_events_and_links_the_remaining_ones(events: Any) -> None:
    transitions = analyse_transitions(events, filters=Filters(activities=["A", "B"])).counts()
    assert transitions == {("A", "B"): 3}


def test_minimum_variant_support_keeps_only_cases_of_frequent_variants(events: Any) -> None:
    variants = analyse_variants(events, filters=Filters(min_variant_cases=2))
    assert [(v.activities, v.count) for v in variants.top] == [(("A", "B"), 2)]


def test_minimum_transition_support_leaves_rare_transitions_out(events: Any) -> None:
    bundle = run_bundle(events, filters=Filters(min_transition_count=2))
    assert bundle.transitions.counts() == {("A", "B"): 2}
    assert bundle.overview.cases == 3


def test_filters_reject_nonsense() -> None:
    with pytest.raises(ValueError, match="time_mode"):
        Filters(time_mode="sometimes")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="at least 1"):
        Filters(min_variant_cases=0)
    with pytest.raises(ValueError, match="list of activity names"):
        Filters(activities="A")
