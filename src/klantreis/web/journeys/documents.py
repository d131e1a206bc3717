"""The stored document of a journey, parsed once per revision per process.

Every change of a journey's document bumps its revision, so (journey, revision) names one
document forever. Views load the journey row without its document and take the document from
the memo, or read it (with its revision, so the pair stays true) when this process has not seen it.
"""

from __future__ import annotations

from typing import Any

from klantreis.web.journeys.memo import DOCUMENTS
from klantreis.web.journeys.models import Journey


def revision_key(journey: Journey) -> str:
    """A name for this journey's current document, unique across journeys and over time.

    The revision alone would do within one database; the time of the last save keeps names
    apart when a rolled-back transaction (tests) or a restored database hands out a key again.
    """
    return f"{journey.pk}.{journey.revision}.{journey.updated.timestamp():.6f}"


def remember(journey: Journey) -> None:
    """Keep the journey's loaded document for its revision (callers never mutate it)."""
    DOCUMENTS.put(revision_key(journey), journey.document)


def attach_document(journey: Journey) -> Journey:
    """Give a journey loaded without its document (defer) the document of its revision."""
    if "document" not in journey.get_deferred_fields():
        return journey
    found = DOCUMENTS.get(revision_key(journey))
    if found is None:
        row = Journey.objects.filter(pk=journey.pk).values("document", "revision", "version", "updated").first()
        if row is None:
            raise Journey.DoesNotExist
        # Someone may have edited since the row was read: take the newer revision with its document.
        journey.revision, journey.version, journey.updated = row["revision"], row["version"], row["updated"]
        found = row["document"]
        DOCUMENTS.put(revision_key(journey), found)
    journey.document = found
    return journey


def document_of(journey: Journey) -> dict[str, Any]:
    """The journey's document (from the memo when possible)."""
    document: dict[str, Any] = attach_document(journey).document
    return document
