"""Suggest moments of truth: the marked ones plus the biggest swings and lowest points."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from klantreis.journey.curves import CurvePoint, emotion_curve
from klantreis.journey.explain import explain
from klantreis.journey.model import JourneyDocument

# A change of two points on the five-point scale (e.g. neutral to very negative) is a swing.
SWING_THRESHOLD = 2.0
# A lowest point only counts when the experience is actually negative there.
LOWEST_CEILING = -1.0


@dataclass(frozen=True)
class Reason:
    """Why a touchpoint is (suggested as) a moment of truth, as a code with parameters."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        """The reason as a sentence in `lang`."""
        return explain(self.code, lang, **self.params)


@dataclass(frozen=True)
class MomentSuggestion:
    """A touchpoint that deserves attention as a moment of truth, with every reason found."""

    touchpoint: UUID
    name: str
    marked: bool
    reasons: tuple[Reason, ...]


def suggest_moments_of_truth(document: JourneyDocument, persona: UUID | None = None) -> list[MomentSuggestion]:
    """Marked moments of truth plus swings and low points of the curve, in journey order."""
    reasons: dict[UUID, list[Reason]] = {}
    for _, touchpoint in document.touchpoints():
        if touchpoint.moment_of_truth is not None:
            reasons.setdefault(touchpoint.id, []).append(
                Reason("marked", {"reason": touchpoint.moment_of_truth.reason})
            )
    rated = emotion_curve(document, persona).rated()
    for point, reason in [*_swings(rated), *_lowest(rated), *_negative_end(rated)]:
        reasons.setdefault(point.touchpoint, []).append(reason)
    marked = {t.id for _, t in document.touchpoints() if t.moment_of_truth is not None}
    return [
        MomentSuggestion(t.id, t.name, t.id in marked, tuple(reasons[t.id]))
        for _, t in document.touchpoints()
        if t.id in reasons
    ]


def _rating_text(value: float) -> str:
    return f"{value:+.1f}".replace(".0", "")


def _swings(rated: list[CurvePoint]) -> list[tuple[CurvePoint, Reason]]:
    found = []
    for previous, point in itertools.pairwise(rated):
        delta = (point.current or 0.0) - (previous.current or 0.0)  # rated() holds no None
        if abs(delta) >= SWING_THRESHOLD:
            code = "swing_down" if delta < 0 else "swing_up"
            size = f"{abs(delta):g}"
            found.append((point, Reason(code, {"size": size, "previous": previous.name})))
    return found


def _lowest(rated: list[CurvePoint]) -> list[tuple[CurvePoint, Reason]]:
    values = [p.current for p in rated if p.current is not None]
    if not values or min(values) > LOWEST_CEILING:
        return []
    low = min(values)
    return [(p, Reason("lowest", {"rating": _rating_text(low)})) for p in rated if p.current == low]


def _negative_end(rated: list[CurvePoint]) -> list[tuple[CurvePoint, Reason]]:
    if not rated or rated[-1].current is None or rated[-1].current >= 0:
        return []
    return [(rated[-1], Reason("negative_end", {"rating": _rating_text(rated[-1].current)}))]
