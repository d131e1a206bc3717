"""Journey changes as transactions: create, apply an operation, restore, each versioned and audited."""

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
from klantreis.web.journeys.documents import attach_document, document_of, remember
from klantreis.web.journeys.fastops import apply_set
from klantreis.web.journeys.models import LIVE, Journey, JourneyVersion
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
        JourneyVersion.objects.create(journey=journey, number=1, document=LIVE, author=_actor(user), summary=summary)
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
    name = user.get_username() if user is not None and user.is_authenticated else ""
    journey.changes = append_feed(journey.changes or [], feed_entry(journey.revision, parts, name, operation))


def _record_version(journey: Journey, before: dict[str, Any], user: User | None, summary: str) -> None:
    """Fold the change into the author's current version, or start a new version.

    The latest version holds no copy of the (large) document: its content is always the
    journey's own document (see `version_document`), so a folded edit only touches a small row.
    When a new version starts, the previous one gets its final content: the document `before`.
    """
    now = timezone.now()
    latest = journey.versions.defer("document").order_by("-number").first()
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
    JourneyVersion.objects.create(journey=journey, number=number, document=LIVE, author=actor, summary=summary[:500])
    journey.version = number


def _settle(latest: JourneyVersion | None, before: dict[str, Any]) -> None:
    """Give the version that stops being the latest its final document (it held none while latest)."""
    if latest is not None:
        latest.document = before
        latest.save(update_fields=["document"])


def version_document(journey: Journey, version: JourneyVersion) -> dict[str, Any]:
    """The document of `version`: the journey's own document for the latest version, else the stored copy."""
    if version.number == journey.version or version.document == LIVE:
        return document_of(journey)
    document: dict[str, Any] = version.document
    return document


def _applied(data: dict[str, Any], operation: Operation) -> tuple[dict[str, Any], bool]:
    """The stored document after `operation`: a field edit on the fast path when it can, else validated whole."""
    if isinstance(operation, SetField):
        fast = apply_set(data, operation)
        if fast is not None:
            return fast
    result = apply(JourneyDocument.model_validate(data), operation)
    return (result.document.model_dump(mode="json"), True) if result.changed else (data, False)


def _locked(journey_pk: int) -> Journey:
    """The journey row, locked for this transaction, with the document of its revision."""
    journey = Journey.objects.select_for_update().select_related("workspace").defer("document").get(pk=journey_pk)
    return attach_document(journey)


def _remember_after_commit(journey: Journey) -> None:
    """Keep the new document for its revision once it is committed (a rolled-back one must not linger)."""
    transaction.on_commit(lambda: remember(journey))


def apply_operation(journey_pk: int, operation: Operation, user: User | None, summary: str) -> EditResult:
    """Apply one edit on the latest stored document, atomically; raise OperationError on conflict."""
    with transaction.atomic():
        journey = _locked(journey_pk)
        before = journey.document
        after, changed = _applied(before, operation)
        if not changed:
            return EditResult(journey, False)
        journey.store_data(after)
        _note_change(journey, affected_parts(before, operation), user, operation)
        journey.updated_by = _actor(user)
        _record_version(journey, before, user, summary)
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
        before = journey.document
        journey.store(document.model_copy(update={"id": journey.uuid}))
        _note_change(journey, [ALL], user, None)
        journey.updated_by = _actor(user)
        latest = journey.versions.defer("document").order_by("-number").first()
        _settle(latest, before)
        number = (latest.number if latest else 0) + 1
        JourneyVersion.objects.create(
            journey=journey, number=number, document=LIVE, author=_actor(user), summary=summary[:500]
        )
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
