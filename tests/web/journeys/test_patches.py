"""Patches between stored documents: applying the patch from one document to another gives the other."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from klantreis.web.journeys.patches import apply_patch, diff

from .factories import large_document

LEAVES = st.none() | st.booleans() | st.integers(-3, 3) | st.floats(-2, 2, allow_nan=False) | st.text(max_size=3)
JSON = st.recursive(
    LEAVES,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from("abcd"), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(JSON, JSON)
def test_the_patch_from_one_value_to_another_turns_the_first_into_the_second(before: Any, after: Any) -> None:
    kept = copy.deepcopy(before)
    patched = apply_patch(before, diff(before, after))
    assert patched == after
    assert type(patched) is type(after)
    assert before == kept  # never changed in place


def test_a_field_edit_is_a_patch_of_that_field_alone() -> None:
    data = large_document(stages=3, touchpoints_per_stage=4).model_dump(mode="json")
    touchpoint = {**data["stages"][1]["touchpoints"][2], "name": "Renamed"}
    touchpoints = list(data["stages"][1]["touchpoints"])
    touchpoints[2] = touchpoint
    stages = list(data["stages"])
    stages[1] = {**stages[1], "touchpoints": touchpoints}
    assert diff(data, {**data, "stages": stages}) == [[["stages", 1, "touchpoints", 2, "name"], "Renamed"]]


def test_unchanged_parts_stay_shared_with_the_document_before() -> None:
    data = large_document(stages=3, touchpoints_per_stage=4).model_dump(mode="json")
    patched = apply_patch(data, [[["stages", 2, "name"], "Last"]])
    assert patched["stages"][2]["name"] == "Last"
    assert patched["stages"][0] is data["stages"][0]
    assert patched["stages"][2]["touchpoints"] is data["stages"][2]["touchpoints"]
    assert data["stages"][2]["name"] == "Stage 3"


def test_a_value_that_changes_type_is_patched_even_when_equal() -> None:
    assert diff({"weight": 1, "name": "a"}, {"weight": 1.0, "name": "b"}) == [[["weight"], 1.0], [["name"], "b"]]
    assert diff(True, 1) == [[[], 1]]


def test_the_order_of_keys_is_not_a_change() -> None:
    assert diff({"a": 1, "b": [2]}, {"b": [2], "a": 1}) == []


def test_a_reordered_list_is_replaced_whole_rather_than_item_by_item() -> None:
    before = [{"id": str(i)} for i in range(6)]
    after = list(reversed(before))
    assert diff(before, after) == [[[], after]]
