"""The journey document: one journey with its personas, stages, improvements and employee mirror."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Literal
from uuid import UUID

from pydantic import Field

from klantreis.journey.base import Identified, Item, Name, Rating, Score, Text, TextList
from klantreis.journey.persona import Persona
from klantreis.journey.touchpoint import (
    EmotionScore,
    Experience,
    Kpi,
    PainPoint,
    Touchpoint,
)
from klantreis.journey.vocabulary import (
    EvidenceKind,
    ImprovementStatus,
    JourneyKind,
    JourneyState,
    JourneyStatus,
    Language,
)

SCHEMA_VERSION = 1


class Stage(Identified):
    """A phase of the journey (fase) holding its touchpoints in order."""

    name: Name
    description: Text = ""
    touchpoints: list[Touchpoint] = Field(default_factory=list)


class ImprovementResult(Item):
    """The measured effect of an improvement."""

    value: float | None = None
    measured_on: dt.date | None = None
    note: Text = ""


class Improvement(Identified):
    """An owned change that should close a gap, with its hypothesis and measured result."""

    title: Name
    description: Text = ""
    touchpoints: list[UUID] = Field(default_factory=list)
    pain_points: list[UUID] = Field(default_factory=list)
    hypothesis: Text = ""
    impact: Score = 3
    effort: Score = 3
    owner: Text = ""
    department: Text = ""
    status: ImprovementStatus = ImprovementStatus.IDEA
    kpi: UUID | None = Field(default=None, description="Id of a touchpoint KPI this should move")
    baseline: float | None = None
    target: float | None = None
    result: ImprovementResult | None = None


class MirrorEntry(Identified):
    """Employee mirror: an employee group's estimate of the customer's experience at a touchpoint."""

    employee_group: Name
    touchpoint: UUID
    persona: UUID | None = Field(default=None, description="Customer persona estimated; empty = all")
    respondents: int | None = Field(default=None, ge=0)
    estimated_rating: Rating | None = None
    estimated_emotions: list[EmotionScore] = Field(default_factory=list)
    own_rating: Rating | None = None
    own_experience: Text = ""
    helps: TextList = Field(default_factory=list)
    blocks: TextList = Field(default_factory=list)


class Evidence(Identified):
    """A source that backs the map (interview, survey, data, ...) and the items it supports."""

    title: Name
    kind: EvidenceKind = EvidenceKind.INTERVIEW
    summary: Text = ""
    source: Text = Field(default="", description="Where to find it: a reference, file name or URL")
    collected_on: dt.date | None = None
    respondents: int | None = Field(default=None, ge=0)
    supports: list[UUID] = Field(
        default_factory=list,
        description="Ids of the stages, touchpoints, personas, pain points, opportunities or improvements it backs",
    )


class JourneyDocument(Identified):
    """A whole journey map as one versioned, validated document."""

    schema_version: Literal[1] = 1
    title: Name
    language: Language = Language.NL
    kind: JourneyKind = JourneyKind.CUSTOMER
    state: JourneyState = JourneyState.CURRENT
    redesigns: UUID | None = Field(default=None, description="For a desired journey: the current one")
    owner: Text = ""
    status: JourneyStatus = JourneyStatus.DRAFT
    scope: Text = ""
    description: Text = ""
    goals: TextList = Field(default_factory=list)
    team: TextList = Field(default_factory=list)
    personas: list[Persona] = Field(default_factory=list)
    stages: list[Stage] = Field(default_factory=list)
    improvements: list[Improvement] = Field(default_factory=list)
    mirror: list[MirrorEntry] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)

    def touchpoints(self) -> Iterator[tuple[Stage, Touchpoint]]:
        """Yield every touchpoint with its stage, in journey order."""
        for stage in self.stages:
            for touchpoint in stage.touchpoints:
                yield stage, touchpoint

    def touchpoint(self, touchpoint_id: UUID) -> Touchpoint | None:
        """Return the touchpoint with this id, if present."""
        return next((t for _, t in self.touchpoints() if t.id == touchpoint_id), None)

    def persona(self, persona_id: UUID) -> Persona | None:
        """Return the persona with this id, if present."""
        return next((p for p in self.personas if p.id == persona_id), None)

    def pain_points(self) -> Iterator[tuple[Touchpoint, PainPoint]]:
        """Yield every pain point with the touchpoint it belongs to."""
        for _, touchpoint in self.touchpoints():
            for pain_point in touchpoint.pain_points:
                yield touchpoint, pain_point

    def kpis(self) -> Iterator[tuple[Touchpoint, Kpi]]:
        """Yield every KPI with the touchpoint it measures."""
        for _, touchpoint in self.touchpoints():
            for kpi in touchpoint.kpis:
                yield touchpoint, kpi


__all__ = ["Evidence", "Experience", "Improvement", "JourneyDocument", "MirrorEntry", "Persona", "Stage"]
