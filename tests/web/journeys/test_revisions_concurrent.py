"""Many people editing one journey at the same moment, on PostgreSQL: every edit is logged once, none is lost."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import connection

from klantreis.journey.operations import OperationError, parse_operation
from klantreis.web.journeys import revisions
from klantreis.web.journeys.documents import document_at
from klantreis.web.journeys.memo import DOCUMENTS, LATEST
from klantreis.web.journeys.models import Journey, JourneyRevision, JourneySnapshot, JourneyVersion
from klantreis.web.journeys.service import apply_operation, create_journey

from .factories import large_document

PEOPLE = 6
EDITS = 8


@pytest.fixture
def postgres() -> None:
    """Only on PostgreSQL: SQLite's in-memory test database serialises threads differently."""
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers run in the PostgreSQL pass of the web tests (DATABASE_URL=postgresql://...)")


def _edit(journey: Journey, user: Any, raw: dict[str, Any]) -> bool:
    """Apply one operation as its own request would; False on a conflict."""
    try:
        apply_operation(journey.pk, parse_operation(raw), user, "concurrent")
    except OperationError as error:
        if error.kind != "conflict":
            raise
        return False
    return True


def _person(journey: Journey, users: list[Any], index: int, start: threading.Barrier, won: list[bool]) -> None:
    """One person renaming their own touchpoint again and again, and once the stage everybody wants to rename."""
    try:
        data = Journey.objects.get(pk=journey.pk).document
        touchpoint = (
            data["stages"][1]["touchpoints"][index % 4] if index < 4 else data["stages"][2]["touchpoints"][index % 4]
        )
        stage = data["stages"][0]
        user = users[index % 2]
        start.wait()
        base = touchpoint["name"]
        for step in range(EDITS):
            value = f"Person {index} step {step}"
            assert _edit(
                journey, user, {"op": "set", "target": touchpoint["id"], "field": "name", "base": base, "value": value}
            )
            base = value
            if step == EDITS // 2:
                raw = {
                    "op": "set",
                    "target": stage["id"],
                    "field": "name",
                    "base": stage["name"],
                    "value": f"By {index}",
                }
                won.append(_edit(journey, user, raw))
    finally:
        connection.close()


@pytest.mark.django_db(transaction=True)
def test_simultaneous_edits_are_all_logged_in_order_and_none_is_lost(
    postgres: None, sample: Any, monkeypatch: Any
) -> None:
    monkeypatch.setattr(revisions, "SNAPSHOT_EVERY", 10)
    journey = create_journey(
        sample.workspace, large_document(stages=3, touchpoints_per_stage=4), sample.users["editor"], "t"
    )
    users = [sample.users["editor"], sample.users["owner"]]
    start, won = threading.Barrier(PEOPLE), []
    people = [threading.Thread(target=_person, args=(journey, users, i, start, won)) for i in range(PEOPLE)]
    for person in people:
        person.start()
    for person in people:
        person.join(timeout=120)
    assert sorted(won) == [False] * (PEOPLE - 1) + [True]  # one rename of the stage wins, the others are told

    final = Journey.objects.get(pk=journey.pk)
    assert final.revision == 1 + PEOPLE * EDITS + 1
    logged = list(JourneyRevision.objects.filter(journey=journey).values_list("revision", flat=True))
    assert logged == list(range(1, final.revision + 1))
    names = [t["name"] for s in final.document["stages"][1:] for t in s["touchpoints"]]
    for index in range(PEOPLE):
        assert f"Person {index} step {EDITS - 1}" in names
    assert final.document["stages"][0]["name"].startswith("By ")
    assert JourneySnapshot.objects.filter(journey=journey).count() > 1

    held = final.document
    DOCUMENTS.clear()
    LATEST.clear()
    assert document_at(journey.pk, final.revision) == held
    versions = JourneyVersion.objects.filter(journey=journey).order_by("number")
    finished = [v.revision for v in versions if v.revision is not None]
    assert finished == sorted(finished)  # versions follow one another in the log
