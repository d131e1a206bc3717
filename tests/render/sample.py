"""A small but complete permit journey in Dutch, with two personas and a little of everything."""

from __future__ import annotations

from uuid import UUID

from klantreis.journey.model import Improvement, JourneyDocument, MirrorEntry, Stage
from klantreis.journey.persona import Persona
from klantreis.journey.touchpoint import (
    EmotionScore,
    Experience,
    Fogg,
    HeuristicUse,
    Kpi,
    MomentOfTruth,
    PainPoint,
    Quote,
    Stagecraft,
    Touchpoint,
)
from klantreis.render import TouchpointData

ANNA = UUID("00000000-0000-4000-8000-00000000000a")
BOB = UUID("00000000-0000-4000-8000-00000000000b")
SEARCH = UUID("00000000-0000-4000-8000-000000000101")
FORM = UUID("00000000-0000-4000-8000-000000000102")
LETTER = UUID("00000000-0000-4000-8000-000000000103")
DECISION = UUID("00000000-0000-4000-8000-000000000104")

# A 1x1 transparent PNG: an embedded photo that works offline.
PIXEL = (
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)


def experience(persona: UUID, rating: int, desired: int | None = None, **fields: object) -> Experience:
    """An experience record of `persona` with its current and desired rating."""
    return Experience(persona=persona, rating=rating, desired_rating=desired, **fields)


def permit_journey() -> JourneyDocument:
    """A Dutch permit journey: orientation, application, decision, and an empty 'after' stage."""
    search = Touchpoint(
        id=SEARCH,
        name="Informatie zoeken op de website",
        channel="website",
        customer_action="Zoekt uit of een vergunning nodig is",
        between="Bespreekt het plan met de aannemer",
        experiences=[
            experience(ANNA, 1, 2, expectations=["Snel duidelijk of ik een vergunning nodig heb"]),
            experience(BOB, 0, 2, positives=["Vergunningcheck is handig"]),
        ],
        heuristics=[HeuristicUse(heuristic="social_proof", role="to_apply", note="Laat zien hoeveel buren het deden")],
        customers_reached=1000,
        frontstage=Stagecraft(description="Webredactie houdt de teksten actueel"),
    )
    form = Touchpoint(
        id=FORM,
        name="Formulier invullen",
        channel="self_service_portal",
        customer_action="Vult het aanvraagformulier in en uploadt tekeningen",
        experiences=[
            experience(
                ANNA,
                -1,
                1,
                irritations=["Formulier vraagt documenten die ik niet heb"],
                quotes=[Quote(text="Ik had geen idee wat een situatietekening was", source="Interview 3")],
                emotions=[EmotionScore(emotion="stress", intensity=4)],
                experience_type="information",
            ),
            experience(BOB, -2, 1, emotions=[EmotionScore(emotion="custom", label="Machteloosheid", intensity=5)]),
        ],
        pain_points=[PainPoint(title="Onduidelijke bijlagen", description="Niemand weet wat er nodig is", severity=4)],
        fogg=Fogg(motivation=4, ability=1, trigger=4),
        kpis=[Kpi(name="Voltooiing", value=62, target=85, unit="%")],
        customers_reached=800,
        backstage=Stagecraft(
            processes=["Ontvankelijkheidstoets"], systems=["Zaaksysteem"], departments=["Vergunningen"]
        ),
    )
    letter = Touchpoint(
        id=LETTER,
        name="Ontvangstbevestiging",
        channel="letter",
        experiences=[experience(ANNA, 0, 1), experience(BOB, 0, 1)],
        customers_reached=780,
    )
    decision = Touchpoint(
        id=DECISION,
        name="Besluit ontvangen",
        channel="email",
        moment_of_truth=MomentOfTruth(reason="De klant hoort of het plan door kan gaan"),
        experiences=[experience(ANNA, 2, 2), experience(BOB, -1, 1)],
        customers_reached=700,
        backstage=Stagecraft(owner="Teamleider vergunningen"),
    )
    document = JourneyDocument(
        title="Omgevingsvergunning aanvragen",
        owner="Team Dienstverlening",
        scope="Aanvraag tot besluit, particulieren",
        personas=[
            Persona(
                id=ANNA,
                name="Anna de Vries",
                quote="Ik wil gewoon weten waar ik aan toe ben",
                segment="Particulier, eerste aanvraag",
                goals=["Aanbouw realiseren"],
                needs=["Duidelijkheid"],
                frustrations=["Vakjargon"],
                preferred_channels=["website", "phone"],
                photo=PIXEL,
            ),
            Persona(id=BOB, name="Bob Jansen", photo="https://example.com/bob.jpg"),
        ],
        stages=[
            Stage(name="Oriëntatie", touchpoints=[search]),
            Stage(name="Aanvraag", touchpoints=[form, letter]),
            Stage(name="Besluit", touchpoints=[decision]),
            Stage(name="Na de bouw"),
        ],
    )
    document.improvements = [
        Improvement(title="Vraag alleen wat nodig is", touchpoints=[FORM], status="planned", owner="Marieke"),
        Improvement(title="Klantpanel opzetten"),
    ]
    document.mirror = [
        MirrorEntry(employee_group="Frontoffice", touchpoint=FORM, estimated_rating=1, blocks=["Oud zaaksysteem"]),
        MirrorEntry(employee_group="Frontoffice", touchpoint=SEARCH, estimated_rating=1),
    ]
    return document


def permit_figures() -> dict[UUID, TouchpointData]:
    """Event-data figures for two touchpoints of the journey."""
    return {
        SEARCH: TouchpointData(cases=12345, share=1.0, dropoff=0.05, median_seconds=754, p90_seconds=3 * 3600),
        FORM: TouchpointData(cases=9876, share=0.8, dropoff=0.235, median_seconds=2 * 86400 + 4 * 3600),
    }
