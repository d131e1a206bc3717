"""Migration 0004 moves each journey's document into the log, and back again, without losing a version."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from .factories import large_document

BEFORE = [("journeys", "0003_document_field")]
AFTER = [("journeys", "0004_revision_log")]


def _migrate(target: list[tuple[str, str]]) -> Any:
    """Migrate the test database to `target`; the apps (historical models) of that state."""
    executor = MigrationExecutor(connection)
    executor.migrate(target)
    executor.loader.build_graph()
    return executor.loader.project_state(target).apps


@pytest.mark.django_db(transaction=True)
def test_the_log_migration_keeps_every_document_and_can_be_undone() -> None:
    old = _migrate(BEFORE)
    workspace = old.get_model("workspaces", "Workspace").objects.create(name="W", slug="w")
    current = large_document(stages=2, touchpoints_per_stage=2).model_dump(mode="json")
    earlier = {**current, "title": "Earlier"}
    journey = old.get_model("journeys", "Journey").objects.create(
        workspace=workspace,
        uuid=current["id"],
        document=current,
        version=2,
        revision=7,
        title=current["title"],
        kind=current["kind"],
        state=current["state"],
        status=current["status"],
    )
    versions = old.get_model("journeys", "JourneyVersion").objects
    versions.create(journey=journey, number=1, document=earlier)
    versions.create(journey=journey, number=2, document={})

    new = _migrate(AFTER)
    snapshot = new.get_model("journeys", "JourneySnapshot").objects.get(journey_id=journey.pk)
    assert (snapshot.revision, snapshot.document) == (7, current)
    row = new.get_model("journeys", "JourneyRevision").objects.get(journey_id=journey.pk)
    moved = new.get_model("journeys", "Journey").objects.get(pk=journey.pk)
    assert (row.revision, row.stamp, row.patch) == (7, moved.stamp, None)
    assert new.get_model("journeys", "JourneyVersion").objects.get(number=1).stored == earlier
    # An edit after the migration: logged as a patch; version 2 finished at revision 7.
    new.get_model("journeys", "JourneyRevision").objects.create(
        journey_id=journey.pk, revision=8, stamp=1, patch=[[["title"], "Later"]]
    )
    new.get_model("journeys", "Journey").objects.filter(pk=journey.pk).update(revision=8, version=3, stamp=1)
    new.get_model("journeys", "JourneyVersion").objects.filter(number=2).update(revision=7)
    new.get_model("journeys", "JourneyVersion").objects.create(journey_id=journey.pk, number=3)

    back = _migrate(BEFORE)
    assert back.get_model("journeys", "Journey").objects.get(pk=journey.pk).document == {**current, "title": "Later"}
    old_versions = back.get_model("journeys", "JourneyVersion").objects
    assert [old_versions.get(number=n).document for n in (1, 2, 3)] == [earlier, current, {}]
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
