"""Emotion curves (current and desired) and the gap between them per touchpoint."""

from __future__ import annotations

from dataclasses import dataclass
from statistics import fmean
from uuid import UUID

from klantreis.journey.model import JourneyDocument
from klantreis.journey.touchpoint import Touchpoint


@dataclass(frozen=True)
class CurvePoint:
    """One touchpoint on an emotion curve; a value is None where nobody rated it."""

    touchpoint: UUID
    stage: UUID
    name: str
    current: float | None
    desired: float | None

    @property
    def gap(self) -> float | None:
        """Desired minus current: how far the experience must rise (negative: it may fall)."""
        if self.current is None or self.desired is None:
            return None
        return self.desired - self.current


@dataclass(frozen=True)
class Curve:
    """The emotion curve of one persona, or of all personas together when persona is None."""

    persona: UUID | None
    points: tuple[CurvePoint, ...]

    def rated(self) -> list[CurvePoint]:
        """The points that have a current rating, in journey order."""
        return [p for p in self.points if p.current is not None]


def _mean(values: list[int]) -> float | None:
    return fmean(values) if values else None


def _ratings(touchpoint: Touchpoint, persona: UUID | None) -> tuple[float | None, float | None]:
    """Current and desired rating here: of one persona, or the mean over all personas."""
    experiences = touchpoint.experiences
    if persona is not None:
        experiences = [e for e in experiences if e.persona == persona]
    current = _mean([e.rating for e in experiences if e.rating is not None])
    desired = _mean([e.desired_rating for e in experiences if e.desired_rating is not None])
    return current, desired


def emotion_curve(document: JourneyDocument, persona: UUID | None = None) -> Curve:
    """The current and desired curve across the journey for `persona` (None: all personas)."""
    points = []
    for stage, touchpoint in document.touchpoints():
        current, desired = _ratings(touchpoint, persona)
        points.append(CurvePoint(touchpoint.id, stage.id, touchpoint.name, current, desired))
    return Curve(persona, tuple(points))


def persona_curves(document: JourneyDocument) -> list[Curve]:
    """One curve per persona that has at least one experience, in persona order."""
    curves = [emotion_curve(document, p.id) for p in document.personas]
    return [c for c in curves if any(p.current is not None or p.desired is not None for p in c.points)]


def gaps(document: JourneyDocument, persona: UUID | None = None) -> dict[UUID, float | None]:
    """Desired minus current per touchpoint id, averaged over personas unless one is named."""
    if persona is not None:
        return {p.touchpoint: p.gap for p in emotion_curve(document, persona).points}
    result: dict[UUID, float | None] = {}
    for _, touchpoint in document.touchpoints():
        per_persona = [
            e.desired_rating - e.rating
            for e in touchpoint.experiences
            if e.rating is not None and e.desired_rating is not None
        ]
        result[touchpoint.id] = _mean(per_persona)
    return result
