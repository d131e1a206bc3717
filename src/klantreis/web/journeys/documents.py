"""The stored document of a journey at a revision: from this process's memo, or rebuilt from the log.

Every change of a journey's document bumps its revision and logs the patch from the revision
before (revisions.py), so (journey, revision, stamp) names one document forever. A process keeps
the documents it has seen; when the journey has moved on (another worker edited it) it catches up
by applying the patches logged since, and otherwise starts from the nearest snapshot before the
revision. Documents are shared between revisions and callers, so they are never mutated.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from klantreis.web.journeys.itemindex import carry
from klantreis.web.journeys.memo import DOCUMENTS, LATEST
from klantreis.web.journeys.models import Journey, JourneyRevision, JourneySnapshot
from klantreis.web.journeys.patches import apply_patch

Data = dict[str, Any]
Row = tuple[int, int, Any]  # (revision, stamp, patch) of a log row


class LogError(RuntimeError):
    """The log of a journey cannot rebuild a revision (a gap or a missing snapshot): never silently."""


@dataclass(frozen=True)
class Known:
    """A document this process holds: the revision it belongs to and that revision's stamp."""

    revision: int
    stamp: int
    data: Data


def revision_key(journey: Journey) -> str:
    """A name for this journey's current document, unique across journeys and over time."""
    return f"{journey.pk}.{journey.revision}.{journey.stamp}"


def remember(journey_pk: int, revision: int, stamp: int, data: Data) -> None:
    """Keep a committed document for its revision; the newest per journey is where catching up starts."""
    known = Known(revision, stamp, data)
    DOCUMENTS.put(f"{journey_pk}.{revision}", known)
    newest = LATEST.get(str(journey_pk))
    if newest is None or newest.revision <= revision:
        LATEST.put(str(journey_pk), known)


def load(journey: Journey) -> Data:
    """The document of the journey's revision (the one `journey` was read at)."""
    known = DOCUMENTS.get(f"{journey.pk}.{journey.revision}")
    if known is not None and known.stamp == journey.stamp:
        return known.data
    known = _rebuilt(journey.pk, journey.revision)
    remember(journey.pk, known.revision, known.stamp, known.data)
    return known.data


def document_at(journey_pk: int, revision: int) -> Data:
    """The document of any logged revision of a journey (a finished version's, say)."""
    stamp = JourneyRevision.objects.filter(journey_id=journey_pk, revision=revision).values_list("stamp", flat=True)
    known = DOCUMENTS.get(f"{journey_pk}.{revision}")
    if known is not None and [known.stamp] == list(stamp):
        return known.data
    known = _rebuilt(journey_pk, revision)
    DOCUMENTS.put(f"{journey_pk}.{revision}", known)
    return known.data


def _rebuilt(journey_pk: int, revision: int) -> Known:
    """The document of `revision`: the newest one held caught up when it can be, else from a snapshot."""
    newest = LATEST.get(str(journey_pk))
    if newest is not None and newest.revision < revision:
        rows = _rows(journey_pk, newest.revision, revision)
        if rows and rows[0][:2] == (newest.revision, newest.stamp):
            return _replayed(journey_pk, newest, rows[1:], revision)
        LATEST.forget(str(journey_pk))  # of another timeline: a restored backup, a rolled-back test
    elif newest is not None and not _logged(journey_pk, newest):
        LATEST.forget(str(journey_pk))
    snapshot = (
        JourneySnapshot.objects.filter(journey_id=journey_pk, revision__lte=revision)
        .order_by("-revision")
        .values_list("revision", "document")
        .first()
    )
    if snapshot is None:
        raise LogError(f"journey {journey_pk} has no snapshot at or before revision {revision}")
    rows = _rows(journey_pk, snapshot[0], revision)
    if not rows or rows[0][0] != snapshot[0]:
        raise LogError(f"journey {journey_pk} has a snapshot of revision {snapshot[0]} but no log row for it")
    return _replayed(journey_pk, Known(snapshot[0], rows[0][1], snapshot[1]), rows[1:], revision)


def _logged(journey_pk: int, known: Known) -> bool:
    """Whether `known` is a revision of this journey's log (and not of another timeline)."""
    return JourneyRevision.objects.filter(journey_id=journey_pk, revision=known.revision, stamp=known.stamp).exists()


def _rows(journey_pk: int, first: int, last: int) -> list[Row]:
    """The log rows from revision `first` to `last`, in order."""
    rows = JourneyRevision.objects.filter(journey_id=journey_pk, revision__gte=first, revision__lte=last)
    return list(rows.order_by("revision").values_list("revision", "stamp", "patch"))


def _replayed(journey_pk: int, start: Known, rows: list[Row], revision: int) -> Known:
    """`start` with the patches of `rows` (the revisions after it, up to `revision`) applied."""
    expected = list(range(start.revision + 1, revision + 1))
    if [row[0] for row in rows] != expected:
        raise LogError(f"journey {journey_pk}: the log from revision {start.revision} to {revision} has gaps")
    # A revision stored whole (no patch) starts the replay afresh from its snapshot.
    whole = [row for row in rows if row[2] is None]
    data = start.data
    if whole:
        data = _snapshot(journey_pk, whole[-1][0])
        rows = rows[rows.index(whole[-1]) :]
    for _revision, _stamp, patch in rows:
        if patch is not None:
            data, before = apply_patch(data, patch), data
            carry(before, data, patch)
    return Known(revision, rows[-1][1] if rows else start.stamp, data)


def _snapshot(journey_pk: int, revision: int) -> Data:
    found = JourneySnapshot.objects.filter(journey_id=journey_pk, revision=revision).values_list("document", flat=True)
    for document in found:
        data: Data = document
        return data
    raise LogError(f"journey {journey_pk}: revision {revision} is stored whole but has no snapshot")
