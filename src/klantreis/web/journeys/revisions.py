"""Writing a journey's log: one small row per revision, and now and then the whole document.

An edit of a large journey changes a few hundred bytes of a document of megabytes; logging the
patch instead of rewriting the document keeps an edit's write small. A snapshot every
SNAPSHOT_EVERY revisions keeps rebuilding a document (a new process, an old version) short.
Only service.py calls this, inside its transaction, with the journey row locked.
"""

from __future__ import annotations

from typing import Any

import pydantic_core

from klantreis.web.journeys.itemindex import carry
from klantreis.web.journeys.models import Journey, JourneyRevision, JourneySnapshot
from klantreis.web.journeys.patches import Patch, apply_patch, diff

Data = dict[str, Any]

SNAPSHOT_EVERY = 100
# A patch this large (JSON bytes) is stored as a snapshot instead: a reorder of stages, an import.
LARGE_PATCH = 256 * 1024


def log_whole(journey: Journey, data: Data) -> None:
    """Log the journey's current revision (and stamp) as a whole document: creation, import, restore."""
    JourneyRevision.objects.create(journey=journey, revision=journey.revision, stamp=journey.stamp, patch=None)
    _snapshot(journey, data)


def log_change(journey: Journey, before: Data, after: Data) -> Data:
    """Log the journey's current revision (and stamp) as the patch from `before` to `after`; the document to keep.

    The document returned is `before` with the patch as stored applied (equal to `after`), so this
    process holds exactly what every other process rebuilds from the log, sharing unchanged parts.
    """
    patch = diff(before, after)
    text = pydantic_core.to_json(patch)
    if len(text) > LARGE_PATCH:
        log_whole(journey, after)
        return after
    stored: Patch = pydantic_core.from_json(text)
    document: Data = apply_patch(before, stored)
    carry(before, document, stored)
    JourneyRevision.objects.create(journey=journey, revision=journey.revision, stamp=journey.stamp, patch=stored)
    if journey.revision - journey.snapshot_revision >= SNAPSHOT_EVERY:
        _snapshot(journey, document)
    return document


def _snapshot(journey: Journey, data: Data) -> None:
    JourneySnapshot.objects.create(journey=journey, revision=journey.revision, document=data)
    journey.snapshot_revision = journey.revision
