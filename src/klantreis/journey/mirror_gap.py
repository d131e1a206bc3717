"""Employee mirror: how well employees estimate the customer's experience, and their blind spots.

The gap of an estimate is the employees' estimated rating minus the customers' reported
rating at that touchpoint (for the persona estimated, or all personas): positive means
employees think it goes better than customers say. Accuracy is 1 minus the mean absolute
gap divided by the width of the rating scale, so 1.0 is a perfect mirror.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import fmean
from uuid import UUID

from klantreis.journey.base import RATING_MAX, RATING_MIN
from klantreis.journey.curves import emotion_curve
from klantreis.journey.explain import explain
from klantreis.journey.model import JourneyDocument

BLIND_SPOT_GAP = 2.0
SCALE_WIDTH = RATING_MAX - RATING_MIN


@dataclass(frozen=True)
class MirrorGap:
    """One employee group's estimate at one touchpoint against what customers report."""

    entry: UUID
    touchpoint: UUID
    employee_group: str
    estimated: float
    actual: float | None

    @property
    def gap(self) -> float | None:
        """Estimated minus actual rating; None when customers gave no rating here."""
        return None if self.actual is None else self.estimated - self.actual


@dataclass(frozen=True)
class BlindSpot:
    """A touchpoint where employees misjudge (or never judged) the customer's experience."""

    touchpoint: UUID
    name: str
    code: str
    group: str
    estimated: float | None
    actual: float

    def text(self, lang: str = "en") -> str:
        """The blind spot as a sentence in `lang`."""
        estimated = "" if self.estimated is None else f"{self.estimated:+g}"
        return explain(self.code, lang, group=self.group, estimated=estimated, actual=f"{self.actual:+g}")


@dataclass(frozen=True)
class MirrorReport:
    """All estimates compared, the mean gap per touchpoint, overall accuracy and blind spots."""

    gaps: tuple[MirrorGap, ...]
    touchpoint_gaps: dict[UUID, float]
    mean_absolute_gap: float | None
    accuracy: float | None
    blind_spots: tuple[BlindSpot, ...]


def mirror_report(document: JourneyDocument) -> MirrorReport:
    """Compare every employee-mirror estimate with the customers' own ratings."""
    gaps = tuple(_estimate_gaps(document))
    per_touchpoint: dict[UUID, list[float]] = {}
    for item in gaps:
        if item.gap is not None:
            per_touchpoint.setdefault(item.touchpoint, []).append(item.gap)
    absolute = [abs(g.gap) for g in gaps if g.gap is not None]
    mean_abs = fmean(absolute) if absolute else None
    return MirrorReport(
        gaps=gaps,
        touchpoint_gaps={tp: fmean(values) for tp, values in per_touchpoint.items()},
        mean_absolute_gap=mean_abs,
        accuracy=None if mean_abs is None else 1 - mean_abs / SCALE_WIDTH,
        blind_spots=tuple(_blind_spots(document, gaps)),
    )


def _estimate_gaps(document: JourneyDocument) -> list[MirrorGap]:
    overall = {p.touchpoint: p.current for p in emotion_curve(document).points}
    by_persona: dict[UUID, dict[UUID, float | None]] = {}
    found = []
    for entry in document.mirror:
        if entry.estimated_rating is None:
            continue
        if entry.persona is None:
            actual = overall.get(entry.touchpoint)
        else:
            if entry.persona not in by_persona:
                curve = emotion_curve(document, entry.persona)
                by_persona[entry.persona] = {p.touchpoint: p.current for p in curve.points}
            actual = by_persona[entry.persona].get(entry.touchpoint)
        gap = MirrorGap(entry.id, entry.touchpoint, entry.employee_group, entry.estimated_rating, actual)
        found.append(gap)
    return found


def _blind_spots(document: JourneyDocument, gaps: tuple[MirrorGap, ...]) -> list[BlindSpot]:
    names = {t.id: t.name for _, t in document.touchpoints()}
    spots = []
    for item in gaps:
        if item.gap is None or item.actual is None:
            continue
        crosses_sign = (item.estimated > 0 > item.actual) or (item.estimated < 0 < item.actual)
        if abs(item.gap) >= BLIND_SPOT_GAP or crosses_sign:
            code = "mirror_overestimated" if item.gap > 0 else "mirror_underestimated"
            spots.append(
                BlindSpot(
                    item.touchpoint, names[item.touchpoint], code, item.employee_group, item.estimated, item.actual
                )
            )
    if document.mirror:
        estimated = {g.touchpoint for g in gaps}
        for point in emotion_curve(document).points:
            if point.touchpoint not in estimated and point.current is not None and point.current < 0:
                spots.append(BlindSpot(point.touchpoint, point.name, "mirror_not_estimated", "", None, point.current))
    return spots
