"""Typed results of the data-driven journey: figures per touchpoint and stage, conformance, findings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal
from uuid import UUID

Severity = Literal["high", "medium", "low"]


@dataclass(frozen=True)
class TouchpointFigures:
    """What the event data says about one touchpoint (contactmoment).

    - `cases`: cases (customers) with at least one event mapped to this touchpoint;
    - `share`: `cases` over all cases in the (filtered) log;
    - `dropoff`: the share of `cases` whose last mapped event is at this touchpoint (they leave the
      drawn journey here);
    - `median_seconds` / `p90_seconds`: throughput time from the start of the case (its first event,
      mapped or not) to the case's first event at this touchpoint;
    - `events`: events mapped to this touchpoint.
    Figures are None when the touchpoint has no activity rules (the data cannot speak about it).
    """

    id: UUID
    name: str
    stage_id: UUID
    stage: str
    order: int
    has_rules: bool
    cases: int | None
    share: float | None
    dropoff: float | None
    median_seconds: float | None
    p90_seconds: float | None
    events: int
    activities: tuple[str, ...]
    customers_reached: int | None  # what the map says

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready figures."""
        return {
            "id": str(self.id),
            "name": self.name,
            "stage": self.stage,
            "stage_id": str(self.stage_id),
            "cases": self.cases,
            "share": self.share,
            "dropoff": self.dropoff,
            "median_seconds": self.median_seconds,
            "p90_seconds": self.p90_seconds,
            "events": self.events,
            "activities": list(self.activities),
            "customers_reached_on_map": self.customers_reached,
        }


@dataclass(frozen=True)
class StageFigures:
    """The same figures for a stage (fase): a case reaches a stage when it reaches any of its touchpoints."""

    id: UUID
    name: str
    order: int
    has_rules: bool
    cases: int | None
    share: float | None
    dropoff: float | None
    median_seconds: float | None
    p90_seconds: float | None
    events: int

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready figures."""
        return {
            "id": str(self.id),
            "name": self.name,
            "cases": self.cases,
            "share": self.share,
            "dropoff": self.dropoff,
            "median_seconds": self.median_seconds,
            "p90_seconds": self.p90_seconds,
            "events": self.events,
        }


@dataclass(frozen=True)
class Skip:
    """Cases that reach a touchpoint drawn later without passing this one."""

    id: UUID
    name: str
    cases: int  # cases that skip it
    later_cases: int  # cases that reach a later touchpoint at all
    share: float  # cases / later_cases

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready skip count."""
        return {
            "id": str(self.id),
            "name": self.name,
            "cases": self.cases,
            "cases_reaching_later": self.later_cases,
            "share": self.share,
        }


@dataclass(frozen=True)
class OrderViolation:
    """Cases that reach `later` (drawn after `earlier`) before they reach `earlier`."""

    earlier_id: UUID
    earlier: str
    later_id: UUID
    later: str
    cases: int  # cases that reach `later` first
    both: int  # cases that reach both
    share: float  # cases / both

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready violation."""
        return {
            "drawn_first": {"id": str(self.earlier_id), "name": self.earlier},
            "reached_first": {"id": str(self.later_id), "name": self.later},
            "cases": self.cases,
            "cases_reaching_both": self.both,
            "share": self.share,
        }


@dataclass(frozen=True)
class UnmappedActivity:
    """An activity of the log that no rule puts on the map."""

    activity: str
    events: int
    share_of_events: float

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready activity."""
        return {"activity": self.activity, "events": self.events, "share_of_events": self.share_of_events}


@dataclass(frozen=True)
class SilentTouchpoint:
    """A touchpoint the data says nothing about: it has no activity rules, or no event is mapped to it."""

    id: UUID
    name: str
    stage: str
    reason: Literal["no_rules", "no_events"]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready touchpoint."""
        return {"id": str(self.id), "name": self.name, "stage": self.stage, "reason": self.reason}


@dataclass(frozen=True)
class Finding:
    """A plain-language observation where the data contradicts (or confirms) the drawn journey."""

    kind: str
    severity: Severity
    text: dict[str, str]  # language -> sentence
    numbers: dict[str, float | int]
    touchpoints: tuple[UUID, ...] = ()
    activity: str | None = None

    def message(self, lang: str) -> str:
        """The sentence in `lang` (English when the language is unknown)."""
        return self.text.get(lang) or self.text["en"]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready finding."""
        return {
            "kind": self.kind,
            "severity": self.severity,
            "text": dict(self.text),
            "numbers": dict(self.numbers),
            "touchpoints": [str(t) for t in self.touchpoints],
            "activity": self.activity,
        }


@dataclass(frozen=True)
class Conformance:
    """How well the cases follow the drawn journey.

    A case follows the drawn order when the touchpoints it reaches, taken at their first occurrence
    and in time order, never go back in journey order. `fitting_share` is over the cases that reach
    at least one touchpoint (`mapped_cases`); `cases` counts every case in the log.
    """

    cases: int
    mapped_cases: int
    fitting_cases: int
    fitting_share: float | None
    skipped: tuple[Skip, ...]
    order_violations: tuple[OrderViolation, ...]
    unmapped_activities: tuple[UnmappedActivity, ...]
    touchpoints_without_events: tuple[SilentTouchpoint, ...]
    unused_rules: tuple[dict[str, str], ...]
    findings: tuple[Finding, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready conformance."""
        return {
            "fitting_share": self.fitting_share,
            "cases": self.cases,
            "mapped_cases": self.mapped_cases,
            "fitting_cases": self.fitting_cases,
            "skipped": [s.to_dict() for s in self.skipped],
            "order_violations": [v.to_dict() for v in self.order_violations],
            "unmapped_activities": [a.to_dict() for a in self.unmapped_activities],
            "touchpoints_without_events": [t.to_dict() for t in self.touchpoints_without_events],
            "unused_rules": [dict(r) for r in self.unused_rules],
            "findings": [f.to_dict() for f in self.findings],
        }


@dataclass(frozen=True)
class JourneyAnalysis:
    """The data-driven journey: figures per touchpoint and stage, and conformance to the drawn order."""

    touchpoints: tuple[TouchpointFigures, ...]
    stages: tuple[StageFigures, ...]
    conformance: Conformance

    @property
    def findings(self) -> tuple[Finding, ...]:
        """The findings, most severe first."""
        return self.conformance.findings

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready analysis: keys touchpoints, stages and conformance."""
        return {
            "touchpoints": [t.to_dict() for t in self.touchpoints],
            "stages": [s.to_dict() for s in self.stages],
            "conformance": self.conformance.to_dict(),
        }
