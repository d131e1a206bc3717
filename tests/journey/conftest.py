"""Shared journey fixtures: a small but complete sample journey built in code."""

from __future__ import annotations

from uuid import UUID

import pytest

from klantreis.journey.model import Improvement, JourneyDocument, MirrorEntry, Stage
from klantreis.journey.persona import Persona
from klantreis.journey.touchpoint import Experience, Fogg, Kpi, MomentOfTruth, PainPoint, Touchpoint

ANNA = UUID("00000000-0000-4000-8000-00000000000a")
BOB = UUID("00000000-0000-4000-8000-00000000000b")


def touchpoint(name: str, *ratings: tuple[UUID, int | None, int | None], **fields: object) -> Touchpoint:
    """A touchpoint with one experience per (persona, rating, desired rating)."""
    experiences = [Experience(persona=p, rating=r, desired_rating=d) for p, r, d in ratings]
    return Touchpoint(name=name, experiences=experiences, **fields)  # type: ignore[arg-type]


@pytest.fixture
def sample_journey() -> JourneyDocument:
    """A permit journey with two personas, three stages and a little of everything."""
    search = touchpoint("Search the website", (ANNA, 1, 2), (BOB, 0, 2), customers_reached=1000)
    form = touchpoint(
        "Fill in the form",
        (ANNA, -1, 1),
        (BOB, -2, 1),
        customers_reached=800,
        fogg=Fogg(motivation=4, ability=1, trigger=4),
        pain_points=[PainPoint(title="Form asks for documents nobody has at hand", severity=4)],
        kpis=[Kpi(name="Completion rate", value=0.62, target=0.85, unit="share")],
    )
    confirmation = touchpoint("Confirmation letter", (ANNA, 0, 1), (BOB, 0, 1), customers_reached=780)
    decision = touchpoint(
        "Decision",
        (ANNA, 2, 2),
        (BOB, -1, 1),
        customers_reached=700,
        moment_of_truth=MomentOfTruth(reason="The customer learns whether the plan can go ahead"),
    )
    document = JourneyDocument(
        title="Environmental permit",
        personas=[Persona(id=ANNA, name="Anna"), Persona(id=BOB, name="Bob")],
        stages=[
            Stage(name="Orientation", touchpoints=[search]),
            Stage(name="Application", touchpoints=[form, confirmation]),
            Stage(name="Decision", touchpoints=[decision]),
        ],
    )
    document.improvements = [
        Improvement(
            title="Ask only for what is needed",
            touchpoints=[form.id],
            pain_points=[form.pain_points[0].id],
            kpi=form.kpis[0].id,
        )
    ]
    document.mirror = [
        MirrorEntry(employee_group="Front office", touchpoint=form.id, estimated_rating=1),
        MirrorEntry(employee_group="Front office", touchpoint=search.id, estimated_rating=1),
        MirrorEntry(employee_group="Case handlers", touchpoint=search.id, persona=ANNA, estimated_rating=1),
    ]
    return document
