"""Improvement potential (verbeterpotentieel) per touchpoint and the ranked list it yields.

    potential = gap x reach x weight

- gap: how far the experience must rise, desired minus current rating averaged over the
  personas that rated both; where no desired rating is given the target is +1 ("good").
  Negative gaps count as 0: a step that may get worse needs no improvement.
- reach: the share of customers that reach this step, customers_reached divided by the
  largest customers_reached in the journey; 1.0 when the journey has no such numbers
  (reach_known is then False, so every step is assumed to be reached by everyone).
- weight: the touchpoint's own weight (default 1), doubled for a marked moment of truth.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import fmean
from uuid import UUID

from klantreis.journey.model import JourneyDocument
from klantreis.journey.touchpoint import Touchpoint

DEFAULT_TARGET = 1
MOMENT_OF_TRUTH_FACTOR = 2.0


@dataclass(frozen=True)
class Potential:
    """Improvement potential of one touchpoint with the parts it is made of."""

    touchpoint: UUID
    stage: UUID
    name: str
    gap: float
    reach: float
    reach_known: bool
    customers_reached: int | None
    weight: float
    score: float


def touchpoint_gap(touchpoint: Touchpoint) -> float | None:
    """Desired (or +1) minus current, averaged over personas; None when nobody rated it."""
    gaps = [
        (e.desired_rating if e.desired_rating is not None else DEFAULT_TARGET) - e.rating
        for e in touchpoint.experiences
        if e.rating is not None
    ]
    return max(0.0, fmean(gaps)) if gaps else None


def improvement_potential(document: JourneyDocument) -> list[Potential]:
    """Potential of every rated touchpoint, highest first (ties keep journey order)."""
    reached = [t.customers_reached for _, t in document.touchpoints() if t.customers_reached]
    largest = max(reached) if reached else None
    results = []
    for stage, touchpoint in document.touchpoints():
        gap = touchpoint_gap(touchpoint)
        if gap is None:
            continue
        count = touchpoint.customers_reached
        known = bool(largest) and count is not None
        reach = count / largest if largest and count is not None else 1.0
        weight = touchpoint.weight * (MOMENT_OF_TRUTH_FACTOR if touchpoint.moment_of_truth else 1.0)
        results.append(
            Potential(
                touchpoint=touchpoint.id,
                stage=stage.id,
                name=touchpoint.name,
                gap=gap,
                reach=reach,
                reach_known=known,
                customers_reached=touchpoint.customers_reached,
                weight=weight,
                score=round(gap * reach * weight, 6),
            )
        )
    return sorted(results, key=lambda p: -p.score)
