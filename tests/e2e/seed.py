"""Small journeys the browser tests start from: one per test that changes a journey."""

from __future__ import annotations

from uuid import uuid4

from klantreis.journey.model import JourneyDocument, Stage
from klantreis.journey.persona import Persona
from klantreis.journey.touchpoint import Experience, PainPoint, Touchpoint

PERSONA = "Anna de Boer"
STAGES = ("Orientation", "Application")
TOUCHPOINTS = ("Search the website", "Call the contact centre", "Fill in the form", "Receive a confirmation")
RATINGS = (1, -1, -2, 2)  # current rating of each touchpoint above
# The journeys seeded into the E2E workspace, by key; a test edits only its own.
TITLES = {
    "rating": "Parking permit (rating)",
    "comments": "Parking permit (comments)",
    "share": "Parking permit (share)",
    "viewer": "Parking permit (viewer)",
    "different_fields": "Parking permit (different fields)",
    "same_field": "Parking permit (same field)",
    "typing": "Parking permit (typing during a save)",
    "panels": "Parking permit (details panels)",
    "panels_conflict": "Parking permit (details panels, two editors)",
    "panels_contributor": "Parking permit (details panels, contributor)",
}


def permit_journey(title: str) -> JourneyDocument:
    """Two stages of two touchpoints, one persona with a current and desired rating on each."""
    anna = Persona(id=uuid4(), name=PERSONA)
    touchpoints = [
        Touchpoint(
            name=name,
            channel="website" if index % 2 == 0 else "phone",
            description=f"Anna {name.lower()}.",
            experiences=[Experience(persona=anna.id, rating=rating, desired_rating=2)],
            pain_points=[PainPoint(title="Nobody explains the rules", severity=3)] if rating < 0 else [],
        )
        for index, (name, rating) in enumerate(zip(TOUCHPOINTS, RATINGS, strict=True))
    ]
    return JourneyDocument(
        id=uuid4(),
        title=title,
        language="en",
        personas=[anna],
        stages=[Stage(name=STAGES[0], touchpoints=touchpoints[:2]), Stage(name=STAGES[1], touchpoints=touchpoints[2:])],
    )


def journey_documents() -> dict[str, str]:
    """Every seeded journey as JSON, by key."""
    return {key: permit_journey(title).model_dump_json() for key, title in TITLES.items()}
