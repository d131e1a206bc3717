"""Journey changes as transactions: create, apply an operation, restore, each versioned, logged and audited.

The only writer of journey documents: each change is one revision, logged (revisions.py) as the
patch from the revision before, or whole for creation, import and restore.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any, TypeAlias
from uuid import uuid4

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction
from django.utils import timezone

from klantreis.journey.model import JourneyDocument
from klantreis.journey.operations import Operation, OperationError, SetField, apply
from klantreis.web.journeys.changes import ALL, affected_parts, append_feed, feed_entry
from klantreis.web.journeys.documents import document_at, remember
from klantreis.web.journeys.fastops import apply_set
from klantreis.web.journeys.models import LIVE, Journey, JourneyVersion, new_stamp
from klantreis.web.journeys.revisions import log_change, log_whole
from klantreis.web.workspaces.access import audit
from klantreis.web.workspaces.models import Workspace

# Edits by the same person within this window are folded into one version, so the history
# reads as editing sessions rather than keystrokes.
FOLD_WINDOW = timedelta(minutes=10)

User: TypeAlias = AbstractBaseUser | AnonymousUser


@dataclass(frozen=True)
class EditResult:
    """The journey after an operation and whether the document changed."""

    journey: Journey
    changed: bool


def _actor(user: User | None) -> Any:
    return user if user is not None and user.is_authenticated else None


def create_journey(workspace: Workspace, document: JourneyDocument, user: User | None, summary: str) -> Journey:
    """Store a new journey with its first version; a document id already in the workspace gets a new id."""
    with transaction.atomic():
        if Journey.objects.filter(workspace=workspace, uuid=document.id).exists():
            document = document.model_copy(update={"id": uuid4()})
        journey = Journey(workspace=workspace, updated_by=_actor(user))
        journey.store(document)
        journey.save()
        log_whole(journey, journey.document)
        JourneyVersion.objects.create(journey=journey, number=1, author=_actor(user), summary=summary)
        audit(
            workspace,
            user,
            "journey.create",
            f"{journey.title}: {summary}",
            object_type="journey",
            object_id=str(journey.uuid),
        )
    return journey


def _note_change(journey: Journey, parts: list[str], user: User | None, operation: Operation | None) -> None:
    """Count the change and remember which parts of the map it touched, for polling editors."""
    journey.revision += 1
    journey.stamp = new_stamp()
    name = user.get_username() if user is not None and user.is_authenticated else ""
    journey.changes = append_feed(journey.changes or [], feed_entry(journey.revision, parts, name, operation))


def _record_version(journey: Journey, before: int, user: User | None, summary: str) -> None:
    """Fold the change into the author's current version, or start a new version.

    No version holds a copy of the (large) document: the latest one's is the journey's own, and
    a finished one names its last revision (`before`, the revision this change started from).
    """
    now = timezone.now()
    latest = journey.versions.defer("stored").order_by("-number").first()
    actor = _actor(user)
    folds = (
        latest is not None
        and actor is not None
        and latest.author_id == actor.pk
        and now - latest.updated < FOLD_WINDOW
        and latest.number > 1
    )
    if folds and latest is not None:
        latest.updated = now
        latest.edits += 1
        latest.summary = summary[:500]
        latest.save(update_fields=["updated", "edits", "summary"])
        journey.version = latest.number
        return
    _settle(latest, before)
    number = (latest.number if latest else 0) + 1
    JourneyVersion.objects.create(journey=journey, number=number, author=actor, summary=summary[:500])
    journey.version = number


def _settle(latest: JourneyVersion | None, before: int) -> None:
    """Finish the version that stops being the latest: its document is that of revision `before`."""
    if latest is not None:
        latest.revision = before
        latest.save(update_fields=["revision"])


def version_document(journey: Journey, version: JourneyVersion) -> dict[str, Any]:
    """The document of `version`: the journey's own for the latest, else its copy or its last revision's."""
    if version.stored != LIVE:
        stored: dict[str, Any] = version.stored
        return stored
    if version.number == journey.version or version.revision is None:
        return journey.document
    return document_at(journey.pk, version.revision)


def _applied(data: dict[str, Any], operation: Operation) -> tuple[dict[str, Any], bool]:
    """The stored document after `operation`: a field edit on the fast path when it can, else validated whole."""
    if isinstance(operation, SetField):
        fast = apply_set(data, operation)
        if fast is not None:
            return fast
    result = apply(JourneyDocument.model_validate(data), operation)
    return (result.document.model_dump(mode="json"), True) if result.changed else (data, False)


def _locked(journey_pk: int) -> Journey:
    """The journey row, locked for this transaction (its document follows from its revision)."""
    return Journey.objects.select_for_update().select_related("workspace").get(pk=journey_pk)


def _remember_after_commit(journey: Journey) -> None:
    """Keep the new document for its revision once it is committed (a rolled-back one must not linger)."""
    pk, revision, stamp, document = journey.pk, journey.revision, journey.stamp, journey.document
    transaction.on_commit(lambda: remember(pk, revision, stamp, document))


def apply_operation(journey_pk: int, operation: Operation, user: User | None, summary: str) -> EditResult:
    """Apply one edit on the latest stored document, atomically; raise OperationError on conflict."""
    with transaction.atomic():
        journey = _locked(journey_pk)
        before = journey.document
        after, changed = _applied(before, operation)
        if not changed:
            return EditResult(journey, False)
        _note_change(journey, affected_parts(before, operation), user, operation)
        journey.store_data(log_change(journey, before, after))
        journey.updated_by = _actor(user)
        _record_version(journey, journey.revision - 1, user, summary)
        journey.save()
        audit(
            journey.workspace,
            user,
            f"journey.{operation.op}",
            f"{journey.title}: {summary}",
            object_type="journey",
            object_id=str(journey.uuid),
            detail=operation.model_dump(mode="json"),
        )
        _remember_after_commit(journey)
    return EditResult(journey, True)


def replace_document(journey_pk: int, document: JourneyDocument, user: User | None, summary: str) -> Journey:
    """Replace the whole document (import over an existing journey, restore) as a new version."""
    with transaction.atomic():
        journey = _locked(journey_pk)
        journey.store(document.model_copy(update={"id": journey.uuid}))
        _note_change(journey, [ALL], user, None)
        log_whole(journey, journey.document)
        journey.updated_by = _actor(user)
        latest = journey.versions.defer("stored").order_by("-number").first()
        _settle(latest, journey.revision - 1)
        number = (latest.number if latest else 0) + 1
        JourneyVersion.objects.create(journey=journey, number=number, author=_actor(user), summary=summary[:500])
        journey.version = number
        journey.save()
        audit(
            journey.workspace,
            user,
            "journey.replace",
            f"{journey.title}: {summary}",
            object_type="journey",
            object_id=str(journey.uuid),
        )
        _remember_after_commit(journey)
    return journey


def restore_version(journey: Journey, number: int, user: User | None, summary: str) -> Journey:
    """Make an old version the latest again, as a new version (history is never rewritten)."""
    version = journey.versions.get(number=number)
    document = JourneyDocument.model_validate(version_document(journey, version))
    return replace_document(journey.pk, document, user, summary)


__all__ = ["EditResult", "OperationError", "apply_operation", "create_journey", "replace_document", "restore_version"]
