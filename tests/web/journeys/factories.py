"""Journey documents for tests and timing: a small complete one and a large generated one."""

from __future__ import annotations

from uuid import UUID

from klantreis.journey.model import Improvement, JourneyDocument, Stage
from klantreis.journey.persona import Persona
from klantreis.journey.touchpoint import (
    EmotionScore,
    Experience,
    Fogg,
    HeuristicUse,
    Kpi,
    MomentOfTruth,
    Opportunity,
    PainPoint,
    Quote,
    Touchpoint,
)

ANNA = UUID("00000000-0000-4000-8000-00000000000a")
BOB = UUID("00000000-0000-4000-8000-00000000000b")


def _touchpoint(stage: int, index: int, personas: list[Persona]) -> Touchpoint:
    rating = (stage + index) % 5 - 2
    experiences = [
        Experience(
            persona=p.id,
            rating=rating,
            desired_rating=min(rating + 1, 2),
            emotions=[EmotionScore(emotion="stress", intensity=3)],
            expectations=["A clear answer"],
            irritations=["Waiting"] if rating < 0 else [],
            quotes=[Quote(text="I had no idea what would happen next", source="interview")],
        )
        for p in personas
    ]
    return Touchpoint(
        name=f"Touchpoint {stage + 1}.{index + 1}",
        description="The customer reads the letter and decides what to do.",
        customer_action="Reads and decides",
        channel="letter" if index % 2 else "website",
        experiences=experiences,
        pain_points=[PainPoint(title="Unclear wording", severity=4)] if index % 3 == 0 else [],
        opportunities=[Opportunity(title="Plain language")] if index % 4 == 0 else [],
        moment_of_truth=MomentOfTruth(reason="Decides to go on") if index % 7 == 0 else None,
        fogg=Fogg(motivation=4, ability=2, trigger=3) if index % 2 else None,
        heuristics=[HeuristicUse(heuristic="social_proof")] if index % 5 == 0 else [],
        kpis=[Kpi(name="Completion", value=0.7, target=0.9)] if index % 6 == 0 else [],
    )


def large_document(stages: int = 12, touchpoints_per_stage: int = 5, personas: int = 2) -> JourneyDocument:
    """A journey of `stages` stages with `touchpoints_per_stage` touchpoints each, richly filled."""
    people = [Persona(name=f"Persona {i + 1}") for i in range(personas)]
    document = JourneyDocument(
        title="Large journey",
        personas=people,
        stages=[
            Stage(name=f"Stage {s + 1}", touchpoints=[_touchpoint(s, t, people) for t in range(touchpoints_per_stage)])
            for s in range(stages)
        ],
    )
    first = document.stages[0].touchpoints[0]
    document.improvements = [Improvement(title="Rewrite the letter", touchpoints=[first.id])]
    return document


def small_document() -> JourneyDocument:
    """A permit journey with two personas and two stages."""
    anna, bob = Persona(id=ANNA, name="Anna"), Persona(id=BOB, name="Bob")
    search = Touchpoint(
        name="Search the website",
        experiences=[Experience(persona=ANNA, rating=1, desired_rating=2), Experience(persona=BOB, rating=0)],
    )
    form = Touchpoint(
        name="Fill in the form",
        channel="self_service_portal",
        experiences=[Experience(persona=ANNA, rating=-1, desired_rating=1)],
        pain_points=[PainPoint(title="Asks for documents nobody has at hand", severity=4)],
    )
    return JourneyDocument(
        title="Environmental permit",
        personas=[anna, bob],
        stages=[Stage(name="Orientation", touchpoints=[search]), Stage(name="Application", touchpoints=[form])],
    )
