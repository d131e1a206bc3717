"""The fast path for field edits gives exactly the document the general operation gives, or steps aside."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from klantreis.journey.model import JourneyDocument
from klantreis.journey.operations import OperationError, SetField, apply
from klantreis.web.journeys.fastops import apply_set

from .factories import ANNA, BOB, large_document, small_document


def _data() -> dict[str, Any]:
    document = large_document(stages=2, touchpoints_per_stage=7)
    small = small_document()
    document.personas = [*document.personas, *small.personas]
    return document.model_dump(mode="json")


DATA = _data()
STAGE = DATA["stages"][1]
TP = STAGE["touchpoints"][0]  # has a pain point, an opportunity, a moment of truth, a heuristic and a KPI
PERSONA = DATA["personas"][0]["id"]
IMPROVEMENT = DATA["improvements"][0]["id"]

CASES: list[tuple[str, str, Any, Any]] = [
    # (target, field, base, value)
    (DATA["id"], "title", DATA["title"], "Renamed journey"),
    (DATA["id"], "title", DATA["title"], ""),  # invalid: a name needs a character
    (DATA["id"], "status", "draft", "validated"),
    (DATA["id"], "status", "draft", "finished"),  # invalid value
    (DATA["id"], "goals", [], ["Halve the calls", "Faster decisions"]),
    (DATA["id"], "state", "current", "desired"),  # reaches other fields: general path
    (DATA["id"], "owner", "", 42),  # wrong type
    (STAGE["id"], "name", STAGE["name"], "Renamed stage"),
    (STAGE["id"], "description", "", "What happens"),
    (TP["id"], "name", TP["name"], "Renamed touchpoint"),
    (TP["id"], "channel", TP["channel"], "custom"),  # invalid without a channel label
    (TP["id"], "channel", TP["channel"], "phone"),
    (TP["id"], "customer_action", TP["customer_action"], "Calls"),
    (TP["id"], "fogg.motivation", None, 2),
    (TP["id"], "fogg.trigger", None, 9),  # out of range
    (TP["id"], "moment_of_truth", TP["moment_of_truth"], None),
    (TP["id"], "moment_of_truth.reason", TP["moment_of_truth"]["reason"], "Because"),
    (TP["id"], "backstage.systems", [], ["CRM", "Case system"]),
    (TP["id"], "frontstage.owner", "", "Service desk"),
    (TP["id"], "heuristics", TP["heuristics"], [{"heuristic": "authority", "role": "to_apply", "note": ""}]),
    (TP["id"], "heuristics", TP["heuristics"], [{"heuristic": "no_such_thing", "role": "at_play", "note": ""}]),
    (TP["id"], "personas", [], [PERSONA]),  # a reference: general path
    (TP["id"], "weight", 1.0, 2),
    (TP["id"], "name", "Someone else's name", "Mine"),  # conflict
    (TP["id"], "name", TP["name"], TP["name"]),  # no change
    (f"{TP['id']}/{PERSONA}", "rating", TP["experiences"][0]["rating"], 2),
    (f"{TP['id']}/{PERSONA}", "rating", TP["experiences"][0]["rating"], 1.0),
    (f"{TP['id']}/{PERSONA}", "rating", 99, 2),  # conflict
    (f"{TP['id']}/{PERSONA}", "quotes", TP["experiences"][0]["quotes"], [{"text": "Hm", "source": ""}]),
    (
        f"{TP['id']}/{PERSONA}",
        "emotions",
        TP["experiences"][0]["emotions"],
        [{"emotion": "custom", "label": "", "intensity": 2}],
    ),
    (f"{TP['id']}/{ANNA}", "rating", None, -1),  # no record yet: created
    (f"{TP['id']}/{BOB}", "notes", "", "Seen twice"),
    (f"{TP['id']}/{BOB}", "persona", None, str(ANNA)),
    (f"{TP['id']}/00000000-0000-4000-8000-000000000999", "rating", None, 1),  # unknown persona
    (TP["pain_points"][0]["id"], "severity", 4, 5),
    (TP["pain_points"][0]["id"], "severity", 4, 0),
    (TP["pain_points"][0]["id"], "id", TP["pain_points"][0]["id"], str(ANNA)),
    (TP["opportunities"][0]["id"], "title", TP["opportunities"][0]["title"], "Checklist"),
    (TP["kpis"][0]["id"], "value", 0.7, 0.75),
    (DATA["personas"][0]["id"], "name", DATA["personas"][0]["name"], "Pat"),
    (IMPROVEMENT, "status", "idea", "planned"),
    (IMPROVEMENT, "touchpoints", DATA["improvements"][0]["touchpoints"], []),
    ("00000000-0000-4000-8000-000000000998", "name", None, "Ghost"),  # missing
]


def _general(data: dict[str, Any], operation: SetField) -> tuple[str, Any]:
    try:
        result = apply(JourneyDocument.model_validate(data), operation)
    except OperationError as error:
        return error.kind, error.current
    return "ok", result.document.model_dump(mode="json") if result.changed else None


def _ids(cases: list[tuple[str, str, Any, Any]]) -> list[str]:
    """Stable test ids (the items' ids are random, and xdist workers must collect the same tests)."""
    return [f"{number}-{field}" for number, (_target, field, _base, _value) in enumerate(cases)]


def _fast(data: dict[str, Any], operation: SetField) -> tuple[str, Any] | None:
    try:
        result = apply_set(data, operation)
    except OperationError as error:
        return error.kind, error.current
    if result is None:
        return None
    document, changed = result
    return "ok", document if changed else None


@pytest.mark.parametrize(("target", "field", "base", "value"), CASES, ids=_ids(CASES))
def test_the_fast_path_agrees_with_the_general_path(target: str, field: str, base: Any, value: Any) -> None:
    operation = SetField(target=target, field=field, base=base, value=value)
    original = copy.deepcopy(DATA)
    expected = _general(DATA, operation)
    outcome = _fast(DATA, operation)
    if outcome is not None:  # None: the fast path stepped aside
        assert outcome == expected
    assert original == DATA  # the stored document is never changed in place


def test_the_fast_path_shares_what_it_did_not_touch() -> None:
    operation = SetField(target=TP["id"], field="name", base=TP["name"], value="Shared?")
    result = apply_set(DATA, operation)
    assert result is not None
    document, changed = result
    assert changed
    assert document["stages"][0] is DATA["stages"][0]
    assert document["stages"][1]["touchpoints"][1] is STAGE["touchpoints"][1]
    assert document["stages"][1]["touchpoints"][0] is not TP


EVERYDAY = [
    (DATA["id"], "title", DATA["title"], "Renamed journey"),
    (DATA["id"], "goals", [], ["Halve the calls"]),
    (STAGE["id"], "name", STAGE["name"], "Renamed stage"),
    (TP["id"], "name", TP["name"], "Renamed touchpoint"),
    (TP["id"], "fogg.motivation", None, 2),
    (TP["id"], "heuristics", TP["heuristics"], [{"heuristic": "authority", "role": "to_apply", "note": ""}]),
    (f"{TP['id']}/{PERSONA}", "rating", TP["experiences"][0]["rating"], 2),
    (f"{TP['id']}/{ANNA}", "rating", None, -1),
    (f"{TP['id']}/{PERSONA}", "quotes", TP["experiences"][0]["quotes"], [{"text": "Hm", "source": ""}]),
    (TP["pain_points"][0]["id"], "severity", 4, 5),
    (IMPROVEMENT, "status", "idea", "planned"),
]


@pytest.mark.parametrize(("target", "field", "base", "value"), EVERYDAY, ids=_ids(EVERYDAY))
def test_everyday_edits_take_the_fast_path(target: str, field: str, base: Any, value: Any) -> None:
    operation = SetField(target=target, field=field, base=base, value=value)
    assert apply_set(DATA, operation) is not None
