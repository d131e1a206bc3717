"""The journey log: every revision rebuilt from snapshots and patches is the document its edit produced."""

from __future__ import annotations

import json
from typing import Any

import pytest

from klantreis.journey.model import JourneyDocument
from klantreis.journey.operations import OperationError, parse_operation
from klantreis.web.journeys import revisions
from klantreis.web.journeys.documents import document_at, remember
from klantreis.web.journeys.memo import DOCUMENTS, LATEST
from klantreis.web.journeys.models import Journey, JourneyRevision, JourneySnapshot
from klantreis.web.journeys.service import apply_operation, create_journey, replace_document, restore_version

from .conftest import fresh
from .factories import large_document


def _forget() -> None:
    """Empty this process's documents, as a freshly started worker has none."""
    DOCUMENTS.clear()
    LATEST.clear()


@pytest.fixture(autouse=True)
def _fresh_worker() -> None:
    """Each test starts as a freshly started worker (the journeys conftest leaves LATEST alone)."""
    _forget()


def _text(data: dict[str, Any]) -> str:
    """The stored document as JSON with sorted keys (PostgreSQL's jsonb keeps keys in its own order)."""
    return json.dumps(data, sort_keys=True)


def _set(journey: Journey, user: Any, target: str, field: str, base: Any, value: Any) -> Journey:
    operation = parse_operation({"op": "set", "target": target, "field": field, "base": base, "value": value})
    return apply_operation(journey.pk, operation, user, "test").journey


def _run(journey: Journey, user: Any, raw: dict[str, Any]) -> Journey:
    return apply_operation(journey.pk, parse_operation(raw), user, "test").journey


@pytest.fixture
def big(sample: Any) -> Journey:
    """A journey of three stages of four touchpoints, two personas, in the sample workspace."""
    return create_journey(
        sample.workspace, large_document(stages=3, touchpoints_per_stage=4), sample.users["editor"], "t"
    )


def _operations(data: dict[str, Any]) -> list[dict[str, Any]]:
    """One of each kind of change: field edits on the fast and the general path, adds, moves, removes."""
    first, second = data["stages"][0], data["stages"][1]
    touchpoint = first["touchpoints"][1]
    persona = data["personas"][0]["id"]
    record = next(e for e in touchpoint["experiences"] if e["persona"] == persona)
    return [
        {"op": "set", "target": touchpoint["id"], "field": "name", "base": touchpoint["name"], "value": "Renamed"},
        {
            "op": "set",
            "target": f"{touchpoint['id']}/{persona}",
            "field": "rating",
            "base": record["rating"],
            "value": 2,
        },
        {"op": "set", "target": data["id"], "field": "state", "base": "current", "value": "desired"},
        {
            "op": "set",
            "target": touchpoint["id"],
            "field": "fogg.ability",
            "base": touchpoint["fogg"]["ability"],
            "value": 5,
        },
        {
            "op": "add",
            "kind": "touchpoint",
            "parent": second["id"],
            "index": 0,
            "item": {"name": "New", "id": _uuid(1)},
        },
        {"op": "move", "target": touchpoint["id"], "parent": second["id"], "index": 2},
        {"op": "move", "target": second["id"], "parent": data["id"], "index": 0},
        {"op": "add", "kind": "pain_point", "parent": touchpoint["id"], "item": {"title": "Slow", "id": _uuid(2)}},
        {"op": "remove", "target": first["touchpoints"][0]["id"]},
        {"op": "set", "target": second["id"], "field": "name", "base": second["name"], "value": "Applying"},
    ]


def _uuid(n: int) -> str:
    return f"00000000-0000-4000-8000-{n:012d}"


def test_every_revision_rebuilt_from_the_log_is_the_document_its_edit_produced(sample: Any, big: Journey) -> None:
    produced = {big.revision: big.document}
    for raw in _operations(big.document):
        edited = _run(big, sample.users["editor"], raw)
        produced[edited.revision] = edited.document
    restored = restore_version(fresh(big), 1, sample.users["owner"], "back to the start")
    produced[restored.revision] = restored.document
    assert sorted(produced) == list(range(1, restored.revision + 1))
    for revision, document in produced.items():
        _forget()
        rebuilt = document_at(big.pk, revision)
        assert _text(rebuilt) == _text(document), revision
        assert JourneyDocument.model_validate(rebuilt).model_dump(mode="json") == rebuilt  # a valid stored document
    _forget()
    assert _text(fresh(big).document) == _text(produced[restored.revision])


def test_a_field_edit_logs_a_small_patch_and_no_snapshot(sample: Any, big: Journey) -> None:
    touchpoint = big.document["stages"][0]["touchpoints"][0]
    edited = _set(big, sample.users["editor"], touchpoint["id"], "name", touchpoint["name"], "Renamed")
    row = JourneyRevision.objects.get(journey=big, revision=edited.revision)
    assert row.patch == [[["stages", 0, "touchpoints", 0, "name"], "Renamed"]]
    assert row.stamp == edited.stamp
    assert list(JourneySnapshot.objects.filter(journey=big).values_list("revision", flat=True)) == [1]


def test_a_snapshot_is_written_every_so_many_revisions_and_rebuilding_starts_from_the_nearest(
    sample: Any, big: Journey, monkeypatch: Any, django_assert_num_queries: Any
) -> None:
    monkeypatch.setattr(revisions, "SNAPSHOT_EVERY", 3)
    touchpoint = big.document["stages"][0]["touchpoints"][0]
    produced = {}
    name = touchpoint["name"]
    for n in range(7):
        edited = _set(big, sample.users["editor"], touchpoint["id"], "name", name, f"Name {n}")
        name, produced[edited.revision] = f"Name {n}", edited.document
    assert sorted(JourneySnapshot.objects.filter(journey=big).values_list("revision", flat=True)) == [1, 4, 7]
    assert fresh(big).snapshot_revision == 7
    _forget()
    with django_assert_num_queries(2):  # the snapshot of revision 4, the log rows 4 to 6
        rebuilt = document_at(big.pk, 6)
    assert _text(rebuilt) == _text(produced[6])


def test_a_change_too_large_for_a_patch_is_stored_whole(sample: Any, big: Journey, monkeypatch: Any) -> None:
    monkeypatch.setattr(revisions, "LARGE_PATCH", 10)
    stage = big.document["stages"][2]
    edited = _set(big, sample.users["editor"], stage["id"], "description", stage["description"], "A long description")
    assert JourneyRevision.objects.get(journey=big, revision=edited.revision).patch is None
    assert JourneySnapshot.objects.filter(journey=big, revision=edited.revision).exists()
    _forget()
    assert fresh(big).document["stages"][2]["description"] == "A long description"


def test_a_process_that_fell_behind_catches_up_from_the_log_alone(
    sample: Any, big: Journey, django_assert_num_queries: Any
) -> None:
    touchpoint = big.document["stages"][1]["touchpoints"][3]
    behind = fresh(big).document  # this "worker" holds revision 1
    # Edits through another worker: this process's memo is not told (their on_commit never runs here).
    edited = big
    for n in range(3):
        edited = _set(
            big,
            sample.users["editor"],
            touchpoint["id"],
            "name",
            edited.document["stages"][1]["touchpoints"][3]["name"],
            f"Step {n}",
        )
    now = fresh(big)
    with django_assert_num_queries(1):  # only the log rows since revision 1: no snapshot is read
        caught_up = now.document
    assert caught_up["stages"][1]["touchpoints"][3]["name"] == "Step 2"
    assert _text(caught_up) == _text(edited.document)
    assert caught_up["stages"][0] is behind["stages"][0]  # what did not change is shared, not copied


def test_a_remembered_document_of_another_timeline_is_never_used(sample: Any, big: Journey) -> None:
    journey = fresh(big)
    bogus = {**journey.document, "title": "From a rolled-back transaction"}
    remember(journey.pk, journey.revision, journey.stamp + 1, bogus)  # same revision, another stamp
    assert fresh(big).document["title"] == "Large journey"
    touchpoint = journey.document["stages"][0]["touchpoints"][0]
    _forget()
    remember(journey.pk, journey.revision, journey.stamp + 1, bogus)  # a catch-up must not start from it either
    edited = _set(big, sample.users["editor"], touchpoint["id"], "name", touchpoint["name"], "Renamed")
    assert edited.document["title"] == "Large journey"
    _forget()
    assert fresh(big).document["title"] == "Large journey"


def test_finished_versions_name_their_last_revision_and_keep_their_document(sample: Any, big: Journey) -> None:
    touchpoint = big.document["stages"][0]["touchpoints"][0]
    name = touchpoint["name"]
    for n, who in enumerate(["editor", "owner", "editor", "owner"]):
        _set(big, sample.users[who], touchpoint["id"], "name", name, f"By {who} {n}")
        name = f"By {who} {n}"
    journey = fresh(big)
    versions = {v.number: v for v in journey.versions.all()}
    assert journey.version == 5
    assert [versions[n].revision for n in range(1, 6)] == [1, 2, 3, 4, None]
    _forget()
    assert versions[3].document["stages"][0]["touchpoints"][0]["name"] == "By owner 1"
    assert versions[5].document == {}  # the latest is the journey's own document


def test_a_failed_edit_leaves_no_revision_behind(sample: Any, big: Journey) -> None:
    touchpoint = big.document["stages"][0]["touchpoints"][0]
    with pytest.raises(OperationError):
        _set(big, sample.users["editor"], touchpoint["id"], "name", "Not the stored name", "Mine")
    assert list(JourneyRevision.objects.filter(journey=big).values_list("revision", flat=True)) == [1]
    assert fresh(big).revision == 1


def test_an_import_over_a_journey_is_one_whole_revision(sample: Any, big: Journey) -> None:
    document = large_document(stages=1, touchpoints_per_stage=2)
    replaced = replace_document(big.pk, document, sample.users["editor"], "import")
    row = JourneyRevision.objects.get(journey=big, revision=replaced.revision)
    assert row.patch is None
    _forget()
    assert len(fresh(big).document["stages"]) == 1
