"""A readable diff between two versions names what was added, removed and changed."""

from __future__ import annotations

from klantreis.journey.diff import Change, diff
from klantreis.journey.model import JourneyDocument, Stage


def test_identical_documents_have_no_changes(sample_journey: JourneyDocument) -> None:
    assert diff(sample_journey, sample_journey.model_copy(deep=True)) == []


def test_a_renamed_touchpoint_and_a_changed_rating_are_named(sample_journey: JourneyDocument) -> None:
    after = sample_journey.model_copy(deep=True)
    form = after.stages[1].touchpoints[0]
    form.name = "Apply online"
    form.experiences[0].rating = 1
    changes = diff(sample_journey, after)
    assert Change("changed", "touchpoint", "Apply online", "name", "Fill in the form", "Apply online") in changes
    assert Change("changed", "experience", "Apply online · Anna", "rating", -1, 1) in changes
    assert len(changes) == 2


def test_added_and_removed_items_are_listed(sample_journey: JourneyDocument) -> None:
    after = sample_journey.model_copy(deep=True)
    after.stages.append(Stage(name="Aftercare"))
    del after.stages[0]
    changes = diff(sample_journey, after)
    assert Change("added", "stage", "Aftercare") in changes
    assert Change("removed", "stage", "Orientation") in changes
    assert Change("removed", "touchpoint", "Search the website") in changes
