"""Touchpoints and everything recorded on them: experiences, pain points, Fogg, heuristics, KPIs."""

from __future__ import annotations

import datetime as dt
from uuid import UUID

from pydantic import Field, model_validator

from klantreis.journey.base import Identified, Item, Name, Rating, Score, Text, TextList
from klantreis.journey.vocabulary import (
    DIGITAL_CHANNELS,
    Channel,
    Emotion,
    ExperienceType,
    HeuristicRole,
    Influence,
    KpiDirection,
    MatchKind,
    Medium,
    Ownership,
)


class EmotionScore(Item):
    """A named emotion felt at a touchpoint, with its intensity 1..5."""

    emotion: Emotion
    label: Text = Field(default="", description="Name of a custom emotion")
    intensity: Score = 3

    @model_validator(mode="after")
    def _custom_needs_label(self) -> EmotionScore:
        if self.emotion is Emotion.CUSTOM and not self.label.strip():
            raise ValueError("a custom emotion needs a label; add label: 'name of the emotion'")
        return self


class Quote(Item):
    """Words of a customer or employee, with where they came from."""

    text: Text
    source: Text = ""


class Experience(Item):
    """How one persona experiences one touchpoint: the method's experience record."""

    persona: UUID
    rating: Rating | None = None
    desired_rating: Rating | None = None
    experience_type: ExperienceType | None = None
    emotions: list[EmotionScore] = Field(default_factory=list)
    expectations: TextList = Field(default_factory=list)
    irritations: TextList = Field(default_factory=list)
    positives: TextList = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    notes: Text = ""


class MomentOfTruth(Item):
    """Marks a touchpoint as a moment of truth, with why it matters so much."""

    reason: Text


class PainPoint(Identified):
    """Something that goes wrong for the customer at a touchpoint."""

    title: Name
    description: Text = ""
    severity: Score = 3


class Opportunity(Identified):
    """A chance to do better for the customer at a touchpoint."""

    title: Name
    description: Text = ""


class Fogg(Item):
    """Fogg behaviour model scores (1 low .. 5 high): behaviour = motivation x ability x trigger."""

    motivation: Score | None = None
    ability: Score | None = None
    trigger: Score | None = None
    notes: Text = ""


class HeuristicUse(Item):
    """A heuristic from the library at play at a touchpoint, or to be applied there."""

    heuristic: Name = Field(description="Id of an entry in the heuristics library")
    role: HeuristicRole = HeuristicRole.AT_PLAY
    note: Text = ""


class Kpi(Identified):
    """A measure of how a touchpoint performs."""

    name: Name
    value: float | None = None
    target: float | None = None
    unit: Text = ""
    source: Text = ""
    measured_on: dt.date | None = Field(default=None, description="When `value` was measured")
    direction: KpiDirection = KpiDirection.HIGHER_IS_BETTER


class Stagecraft(Item):
    """What the organisation does at a touchpoint, in front of or behind the line of visibility."""

    description: Text = ""
    processes: TextList = Field(default_factory=list)
    systems: TextList = Field(default_factory=list)
    departments: TextList = Field(default_factory=list)
    owner: Text = ""


class ActivityRule(Item):
    """Which event-log activities belong to a touchpoint: an exact name, a glob or a regex."""

    pattern: Name
    match: MatchKind = MatchKind.EXACT

    @model_validator(mode="before")
    @classmethod
    def _plain_string_is_exact(cls, value: object) -> object:
        return {"pattern": value} if isinstance(value, str) else value


class Touchpoint(Identified):
    """A contact moment: when and how the customer meets the organisation (or a third party)."""

    name: Name
    description: Text = ""
    channel: Channel = Channel.WEBSITE
    channel_label: Text = Field(default="", description="Name of a custom channel")
    medium: Medium | None = Field(default=None, description="Derived from the channel when empty")
    ownership: Ownership = Ownership.OWNED
    influence: Influence = Influence.HIGH
    customer_action: Text = ""
    between: Text = Field(default="", description="What happens between this contact and the next")
    frontstage: Stagecraft = Field(default_factory=Stagecraft)
    backstage: Stagecraft = Field(default_factory=Stagecraft)
    personas: list[UUID] = Field(default_factory=list, description="Empty means every persona")
    experiences: list[Experience] = Field(default_factory=list)
    moment_of_truth: MomentOfTruth | None = None
    pain_points: list[PainPoint] = Field(default_factory=list)
    opportunities: list[Opportunity] = Field(default_factory=list)
    fogg: Fogg | None = None
    heuristics: list[HeuristicUse] = Field(default_factory=list)
    kpis: list[Kpi] = Field(default_factory=list)
    customers_reached: int | None = Field(default=None, ge=0)
    weight: float = Field(default=1.0, gt=0, le=100)
    activities: list[ActivityRule] = Field(
        default_factory=list, description="Event-log activities that belong to this touchpoint"
    )

    @model_validator(mode="after")
    def _custom_channel_needs_label(self) -> Touchpoint:
        if self.channel is Channel.CUSTOM and not self.channel_label.strip():
            raise ValueError("a custom channel needs a name; add channel_label: 'name of the channel'")
        return self

    @property
    def effective_medium(self) -> Medium:
        """The medium as written, or digital/analogue as the channel implies."""
        if self.medium is not None:
            return self.medium
        return Medium.DIGITAL if self.channel in DIGITAL_CHANNELS else Medium.ANALOGUE

    def experience_of(self, persona: UUID) -> Experience | None:
        """Return the experience record of `persona` here, if any."""
        return next((e for e in self.experiences if e.persona == persona), None)
