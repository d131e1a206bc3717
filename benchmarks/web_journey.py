"""The large journey of the web benchmark: every lane filled, as a team would after a few workshops."""

from __future__ import annotations

from typing import Any

STAGE_NAMES = [
    "Orientation",
    "Comparing",
    "Application",
    "Documents",
    "Assessment",
    "Decision",
    "Offer",
    "Contract",
    "Payment",
    "Use",
    "Changes",
    "Ending",
]
CHANNELS = ["website", "app", "email", "phone", "letter", "chat", "counter", "self_service_portal"]


def big_journey(stages: int, per_stage: int, personas: int) -> Any:
    """A journey with `stages` x `per_stage` touchpoints, each lane filled as a workshop would."""
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
        Stagecraft,
        Touchpoint,
    )

    people = [Persona(name=f"Persona {i + 1}", quote="I just want to know where I stand.") for i in range(personas)]
    heuristics = ["social_proof", "peak_end_rule", "authority", "reciprocity"]

    def touchpoint(s: int, t: int) -> Touchpoint:
        rating = (s * 7 + t * 3) % 5 - 2
        experiences = [
            Experience(
                persona=p.id,
                rating=rating,
                desired_rating=min(rating + 2, 2),
                experience_type="information" if t % 3 else "result",
                emotions=[EmotionScore(emotion="stress", intensity=3), EmotionScore(emotion="trust", intensity=2)],
                expectations=["A clear answer within a week", "Knowing what happens next"],
                irritations=["Waiting without news"] if rating < 0 else [],
                positives=["Friendly staff"] if rating > 0 else [],
                quotes=[Quote(text="I had no idea what would happen next", source="interview 12")],
                notes="Seen in three of five interviews.",
            )
            for p in people
        ]
        return Touchpoint(
            name=f"{STAGE_NAMES[s % len(STAGE_NAMES)]}: step {t + 1}",
            description="The customer reads the letter and decides what to do next; many call to ask.",
            customer_action="Reads the letter, looks for the form and calls when unsure",
            channel=CHANNELS[(s + t) % len(CHANNELS)],
            between="Waits for the answer; checks the portal twice a day.",
            frontstage=Stagecraft(description="The case handler answers questions", owner="Customer service"),
            backstage=Stagecraft(
                description="The application is checked against the rules",
                processes=["Intake", "Assessment"],
                systems=["CRM", "Case system"],
                departments=["Operations"],
            ),
            experiences=experiences,
            pain_points=[PainPoint(title="Unclear which documents are needed", severity=4)] if t % 3 == 0 else [],
            opportunities=[Opportunity(title="A checklist before starting")] if t % 4 == 0 else [],
            moment_of_truth=MomentOfTruth(reason="Decides whether to go on") if t % 7 == 0 else None,
            fogg=Fogg(motivation=4, ability=2, trigger=3) if t % 2 else None,
            heuristics=[HeuristicUse(heuristic=heuristics[t % 4])] if t % 5 == 0 else [],
            kpis=[Kpi(name="Completion", value=0.7, target=0.9, unit="%")] if t % 6 == 0 else [],
        )

    document = JourneyDocument(
        title=f"Large journey ({stages} x {per_stage})",
        language="en",
        personas=people,
        scope="Every applicant, from the first question to the payment.",
        stages=[
            Stage(
                name=STAGE_NAMES[s % len(STAGE_NAMES)],
                description="What happens in this stage",
                touchpoints=[touchpoint(s, t) for t in range(per_stage)],
            )
            for s in range(stages)
        ],
    )
    first = document.stages[0].touchpoints[0]
    document.improvements = [Improvement(title="Rewrite the letter", touchpoints=[first.id])]
    return document
