"""Checks that go beyond field types: broken references, duplicate ids, bad patterns."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from klantreis.journey.heuristics import library
from klantreis.journey.model import JourneyDocument
from klantreis.journey.vocabulary import JourneyState, MatchKind

PathParts = tuple[str | int, ...]


@dataclass(frozen=True)
class Finding:
    """A problem found in a valid-typed document: where, which message and its parameters."""

    path: PathParts
    code: str
    params: dict[str, Any] = field(default_factory=dict)


def check_document(document: JourneyDocument) -> list[Finding]:
    """Return every reference and consistency problem in `document`, in document order."""
    return [
        *_duplicate_ids(document),
        *_touchpoint_findings(document),
        *_improvement_findings(document),
        *_mirror_findings(document),
        *_evidence_findings(document),
        *_redesign_findings(document),
    ]


def _identified_items(document: JourneyDocument) -> Iterator[tuple[PathParts, UUID]]:
    yield ("id",), document.id
    for p, persona in enumerate(document.personas):
        yield ("personas", p, "id"), persona.id
    for s, stage in enumerate(document.stages):
        yield ("stages", s, "id"), stage.id
        for t, touchpoint in enumerate(stage.touchpoints):
            base: PathParts = ("stages", s, "touchpoints", t)
            yield (*base, "id"), touchpoint.id
            for kind in ("pain_points", "opportunities", "kpis"):
                for i, item in enumerate(getattr(touchpoint, kind)):
                    yield (*base, kind, i, "id"), item.id
    for i, improvement in enumerate(document.improvements):
        yield ("improvements", i, "id"), improvement.id
    for m, entry in enumerate(document.mirror):
        yield ("mirror", m, "id"), entry.id
    for e, evidence in enumerate(document.evidence):
        yield ("evidence", e, "id"), evidence.id


def _duplicate_ids(document: JourneyDocument) -> Iterator[Finding]:
    first_seen: dict[UUID, PathParts] = {}
    for path, item_id in _identified_items(document):
        if item_id in first_seen:
            first = format_path(first_seen[item_id])
            yield Finding(path, "duplicate_id", {"value": item_id, "first": first})
        else:
            first_seen[item_id] = path


def _touchpoint_findings(document: JourneyDocument) -> Iterator[Finding]:
    persona_ids = {p.id for p in document.personas}
    heuristics = library()
    example = next(iter(heuristics), "")
    for s, stage in enumerate(document.stages):
        for t, touchpoint in enumerate(stage.touchpoints):
            base: PathParts = ("stages", s, "touchpoints", t)
            for i, persona in enumerate(touchpoint.personas):
                if persona not in persona_ids:
                    yield Finding((*base, "personas", i), "unknown_persona", {"value": persona})
            seen: set[UUID] = set()
            for e, experience in enumerate(touchpoint.experiences):
                path = (*base, "experiences", e, "persona")
                if experience.persona not in persona_ids:
                    yield Finding(path, "unknown_persona", {"value": experience.persona})
                elif touchpoint.personas and experience.persona not in touchpoint.personas:
                    yield Finding(path, "persona_not_on_touchpoint")
                if experience.persona in seen:
                    yield Finding(path, "duplicate_experience")
                seen.add(experience.persona)
            for h, use in enumerate(touchpoint.heuristics):
                if use.heuristic not in heuristics:
                    params = {"value": use.heuristic, "example": example}
                    yield Finding((*base, "heuristics", h, "heuristic"), "unknown_heuristic", params)
            for a, rule in enumerate(touchpoint.activities):
                yield from _regex_findings((*base, "activities", a, "pattern"), rule.pattern, rule.match)


def _regex_findings(path: PathParts, pattern: str, match: MatchKind) -> Iterator[Finding]:
    if match is not MatchKind.REGEX:
        return
    try:
        re.compile(pattern)
    except re.error as error:
        yield Finding(path, "bad_regex", {"value": pattern, "detail": str(error)})


def _improvement_findings(document: JourneyDocument) -> Iterator[Finding]:
    touchpoint_ids = {t.id for _, t in document.touchpoints()}
    pain_point_ids = {p.id for _, p in document.pain_points()}
    kpi_ids = {k.id for _, k in document.kpis()}
    for i, improvement in enumerate(document.improvements):
        base: PathParts = ("improvements", i)
        for j, ref in enumerate(improvement.touchpoints):
            if ref not in touchpoint_ids:
                yield Finding((*base, "touchpoints", j), "unknown_touchpoint", {"value": ref})
        for j, ref in enumerate(improvement.pain_points):
            if ref not in pain_point_ids:
                yield Finding((*base, "pain_points", j), "unknown_pain_point", {"value": ref})
        if improvement.kpi is not None and improvement.kpi not in kpi_ids:
            yield Finding((*base, "kpi"), "unknown_kpi", {"value": improvement.kpi})


def _mirror_findings(document: JourneyDocument) -> Iterator[Finding]:
    touchpoint_ids = {t.id for _, t in document.touchpoints()}
    persona_ids = {p.id for p in document.personas}
    for m, entry in enumerate(document.mirror):
        if entry.touchpoint not in touchpoint_ids:
            yield Finding(("mirror", m, "touchpoint"), "unknown_touchpoint", {"value": entry.touchpoint})
        if entry.persona is not None and entry.persona not in persona_ids:
            yield Finding(("mirror", m, "persona"), "unknown_persona", {"value": entry.persona})


def _evidence_findings(document: JourneyDocument) -> Iterator[Finding]:
    # Everything but the document itself, mirror entries and evidence can be backed by evidence.
    unsupportable = ("id", "mirror", "evidence")
    supportable = {item_id for path, item_id in _identified_items(document) if path[0] not in unsupportable}
    for e, evidence in enumerate(document.evidence):
        for j, ref in enumerate(evidence.supports):
            if ref not in supportable:
                yield Finding(("evidence", e, "supports", j), "unknown_supported", {"value": ref})


def _redesign_findings(document: JourneyDocument) -> Iterator[Finding]:
    if document.redesigns is None:
        return
    if document.redesigns == document.id:
        yield Finding(("redesigns",), "redesigns_self")
    elif document.state is not JourneyState.DESIRED:
        yield Finding(("redesigns",), "redesigns_needs_desired")


def format_path(path: PathParts) -> str:
    """Render a path like ('stages', 2, 'touchpoints', 0, 'channel') as stages[2].touchpoints[0].channel."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text
