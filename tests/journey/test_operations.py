"""Edit operations: two people editing different fields both win; the same field is a conflict."""

from __future__ import annotations

from uuid import uuid4

import pytest

from klantreis.journey.model import JourneyDocument
from klantreis.journey.operations import (
    AddItem,
    MoveItem,
    OperationError,
    RemoveItem,
    SetField,
    apply,
    current_value,
    parse_operation,
)


def touchpoint_named(document: JourneyDocument, name: str):  # type: ignore[no-untyped-def]
    return next(t for _, t in document.touchpoints() if t.name == name)


def test_two_edits_of_different_fields_from_the_same_base_both_land(sample_journey: JourneyDocument) -> None:
    form = touchpoint_named(sample_journey, "Fill in the form")
    first = SetField(target=str(form.id), field="name", base="Fill in the form", value="Apply online")
    second = SetField(target=str(form.id), field="customer_action", base="", value="Uploads drawings")
    document = apply(apply(sample_journey, first).document, second).document
    edited = touchpoint_named(document, "Apply online")
    assert edited.customer_action == "Uploads drawings"


def test_a_second_edit_of_the_same_field_is_a_conflict_that_reports_the_stored_value(
    sample_journey: JourneyDocument,
) -> None:
    form = touchpoint_named(sample_journey, "Fill in the form")
    mine = SetField(target=str(form.id), field="name", base="Fill in the form", value="Apply online")
    theirs = SetField(target=str(form.id), field="name", base="Fill in the form", value="Submit the form")
    document = apply(sample_journey, mine).document
    with pytest.raises(OperationError) as raised:
        apply(document, theirs)
    assert raised.value.kind == "conflict"
    assert raised.value.current == "Apply online"


def test_the_same_change_twice_is_not_a_conflict(sample_journey: JourneyDocument) -> None:
    form = touchpoint_named(sample_journey, "Fill in the form")
    edit = SetField(target=str(form.id), field="name", base="Fill in the form", value="Apply online")
    once = apply(sample_journey, edit).document
    again = apply(once, edit)
    assert not again.changed


def test_a_rating_is_set_on_the_experience_of_a_persona_and_created_when_missing(
    sample_journey: JourneyDocument,
) -> None:
    anna = sample_journey.personas[0].id
    form = touchpoint_named(sample_journey, "Fill in the form")
    target = f"{form.id}/{anna}"
    document = apply(sample_journey, SetField(target=target, field="rating", base=-1, value=2)).document
    assert touchpoint_named(document, "Fill in the form").experience_of(anna).rating == 2  # type: ignore[union-attr]
    form.experiences = []
    fresh = apply(sample_journey, SetField(target=target, field="rating", base=None, value=-2)).document
    assert current_value(fresh, target, "rating") == -2


def test_nested_fields_are_set_by_dotted_name(sample_journey: JourneyDocument) -> None:
    search = touchpoint_named(sample_journey, "Search the website")
    document = apply(sample_journey, SetField(target=str(search.id), field="fogg.trigger", value=2)).document
    assert touchpoint_named(document, "Search the website").fogg.trigger == 2  # type: ignore[union-attr]


def test_an_edit_that_breaks_the_model_is_refused_as_invalid(sample_journey: JourneyDocument) -> None:
    search = touchpoint_named(sample_journey, "Search the website")
    target = f"{search.id}/{sample_journey.personas[0].id}"
    with pytest.raises(OperationError) as raised:
        apply(sample_journey, SetField(target=target, field="rating", base=1, value=7))
    assert raised.value.kind == "invalid"


def test_stages_and_touchpoints_are_added_at_a_position(sample_journey: JourneyDocument) -> None:
    stage_id = uuid4()
    add_stage = AddItem(kind="stage", parent=sample_journey.id, index=1, item={"id": str(stage_id), "name": "Wait"})
    document = apply(sample_journey, add_stage).document
    assert [s.name for s in document.stages] == ["Orientation", "Wait", "Application", "Decision"]
    add_touchpoint = AddItem(kind="touchpoint", parent=stage_id, item={"name": "Reminder e-mail"})
    document = apply(document, add_touchpoint).document
    assert document.stages[1].touchpoints[0].name == "Reminder e-mail"


def test_adding_a_touchpoint_to_the_journey_itself_is_refused(sample_journey: JourneyDocument) -> None:
    with pytest.raises(OperationError, match="belongs in a stage"):
        apply(sample_journey, AddItem(kind="touchpoint", parent=sample_journey.id, item={"name": "X"}))


def test_a_touchpoint_moves_to_another_stage(sample_journey: JourneyDocument) -> None:
    letter = touchpoint_named(sample_journey, "Confirmation letter")
    decision_stage = sample_journey.stages[2]
    document = apply(sample_journey, MoveItem(target=letter.id, parent=decision_stage.id, index=1)).document
    assert [t.name for t in document.stages[2].touchpoints] == ["Decision", "Confirmation letter"]
    assert [t.name for t in document.stages[1].touchpoints] == ["Fill in the form"]


def test_removing_a_touchpoint_also_removes_references_to_it(sample_journey: JourneyDocument) -> None:
    form = touchpoint_named(sample_journey, "Fill in the form")
    document = apply(sample_journey, RemoveItem(target=form.id)).document
    assert document.improvements[0].touchpoints == []
    assert document.improvements[0].pain_points == []
    assert document.improvements[0].kpi is None
    assert all(m.touchpoint != form.id for m in document.mirror)


def test_removing_a_persona_removes_its_experiences(sample_journey: JourneyDocument) -> None:
    bob = sample_journey.personas[1].id
    document = apply(sample_journey, RemoveItem(target=bob)).document
    assert all(e.persona != bob for _, t in document.touchpoints() for e in t.experiences)


def test_removing_what_is_already_gone_changes_nothing(sample_journey: JourneyDocument) -> None:
    assert not apply(sample_journey, RemoveItem(target=uuid4())).changed


def test_operations_are_read_from_plain_data() -> None:
    operation = parse_operation({"op": "set", "target": "x", "field": "name", "base": "a", "value": "b"})
    assert isinstance(operation, SetField)
    with pytest.raises(OperationError, match="unknown operation"):
        parse_operation({"op": "explode"})


def test_evidence_is_added_and_loses_what_it_backed_when_that_is_removed(sample_journey: JourneyDocument) -> None:
    form = touchpoint_named(sample_journey, "Fill in the form")
    evidence = {"title": "Interviews", "kind": "interview", "respondents": 12, "supports": [str(form.id)]}
    document = apply(sample_journey, AddItem(kind="evidence", parent=sample_journey.id, item=evidence)).document
    assert document.evidence[0].supports == [form.id]
    document = apply(document, RemoveItem(target=form.id)).document
    assert document.evidence[0].title == "Interviews"
    assert document.evidence[0].supports == []
