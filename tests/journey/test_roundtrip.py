"""YAML and JSON files hold a journey losslessly: writing and reading back gives the same document."""

from __future__ import annotations

import datetime as dt
from uuid import UUID

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from klantreis.journey.files import dumps, parse_document
from klantreis.journey.model import Improvement, ImprovementResult, JourneyDocument, MirrorEntry, Stage
from klantreis.journey.persona import Persona
from klantreis.journey.touchpoint import (
    ActivityRule,
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
from klantreis.journey.vocabulary import (
    Channel,
    Emotion,
    ExperienceType,
    HeuristicRole,
    ImprovementStatus,
    Influence,
    JourneyKind,
    Language,
    MatchKind,
    Medium,
    Ownership,
)

texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
names = texts.filter(lambda s: 1 <= len(s) <= 300 and s.strip() != "")
text_lists = st.lists(texts, max_size=3)
ratings = st.none() | st.integers(-2, 2)
scores = st.integers(1, 5)
numbers = st.none() | st.floats(allow_nan=False, allow_infinity=False)
HEURISTICS = ["social_proof", "peak_end_rule", "loss_aversion"]


@st.composite
def experiences(draw: st.DrawFn, persona: UUID) -> Experience:
    emotion = draw(st.sampled_from(list(Emotion)))
    label = draw(names) if emotion is Emotion.CUSTOM else draw(st.just("") | names)
    return Experience(
        persona=persona,
        rating=draw(ratings),
        desired_rating=draw(ratings),
        experience_type=draw(st.none() | st.sampled_from(list(ExperienceType))),
        emotions=[EmotionScore(emotion=emotion, label=label, intensity=draw(scores))],
        expectations=draw(text_lists),
        irritations=draw(text_lists),
        positives=draw(text_lists),
        quotes=[Quote(text=t, source=draw(texts)) for t in draw(text_lists)],
        notes=draw(texts),
    )


@st.composite
def touchpoints(draw: st.DrawFn, personas: list[UUID]) -> Touchpoint:
    channel = draw(st.sampled_from(list(Channel)))
    chosen = draw(st.lists(st.sampled_from(personas), unique=True)) if personas else []
    return Touchpoint(
        name=draw(names),
        description=draw(texts),
        channel=channel,
        channel_label=draw(names) if channel is Channel.CUSTOM else "",
        medium=draw(st.none() | st.sampled_from(list(Medium))),
        ownership=draw(st.sampled_from(list(Ownership))),
        influence=draw(st.sampled_from(list(Influence))),
        customer_action=draw(texts),
        between=draw(texts),
        frontstage=Stagecraft(processes=draw(text_lists), owner=draw(texts)),
        backstage=Stagecraft(systems=draw(text_lists), departments=draw(text_lists)),
        experiences=[draw(experiences(p)) for p in (chosen or personas)[:2]],
        personas=chosen,
        moment_of_truth=draw(st.none() | st.builds(MomentOfTruth, reason=texts)),
        pain_points=[PainPoint(title=t, severity=draw(scores)) for t in draw(st.lists(names, max_size=2))],
        fogg=draw(st.none() | st.builds(Fogg, motivation=scores, ability=st.none() | scores, trigger=scores)),
        heuristics=[
            HeuristicUse(heuristic=h, role=draw(st.sampled_from(list(HeuristicRole))))
            for h in draw(st.lists(st.sampled_from(HEURISTICS), max_size=2))
        ],
        kpis=[Kpi(name=n, value=draw(numbers), target=draw(numbers)) for n in draw(st.lists(names, max_size=2))],
        customers_reached=draw(st.none() | st.integers(0, 10**9)),
        weight=draw(st.floats(0.1, 100)),
        activities=[
            ActivityRule(pattern=p, match=draw(st.sampled_from([MatchKind.EXACT, MatchKind.GLOB])))
            for p in draw(st.lists(names, max_size=2))
        ],
    )


@st.composite
def journeys(draw: st.DrawFn) -> JourneyDocument:
    personas = [Persona(name=n, goals=draw(text_lists)) for n in draw(st.lists(names, max_size=2))]
    ids = [p.id for p in personas]
    stages = [
        Stage(name=n, touchpoints=draw(st.lists(touchpoints(ids), max_size=2)))
        for n in draw(st.lists(names, max_size=3))
    ]
    all_touchpoints = [t for s in stages for t in s.touchpoints]
    document = JourneyDocument(
        title=draw(names),
        language=draw(st.sampled_from(list(Language))),
        kind=draw(st.sampled_from(list(JourneyKind))),
        description=draw(texts),
        personas=personas,
        stages=stages,
    )
    if all_touchpoints:
        target = draw(st.sampled_from(all_touchpoints))
        document.improvements = [
            Improvement(
                title=draw(names),
                touchpoints=[target.id],
                status=draw(st.sampled_from(list(ImprovementStatus))),
                result=ImprovementResult(
                    value=draw(numbers), measured_on=draw(st.none() | st.dates(dt.date(2000, 1, 1)))
                ),
            )
        ]
        document.mirror = [
            MirrorEntry(employee_group=draw(names), touchpoint=target.id, estimated_rating=draw(ratings))
        ]
    return document


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(journeys())
def test_yaml_round_trip_is_lossless(document: JourneyDocument) -> None:
    text = dumps(document, "yaml")
    loaded, problems = parse_document(text, "yaml")
    assert problems == []
    assert loaded == document
    assert dumps(loaded, "yaml") == text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(journeys())
def test_json_round_trip_is_lossless(document: JourneyDocument) -> None:
    loaded, problems = parse_document(dumps(document, "json"), "json")
    assert problems == []
    assert loaded == document


def test_fields_left_at_their_default_are_not_written(sample_journey: JourneyDocument) -> None:
    text = dumps(sample_journey, "yaml")
    assert text.startswith("schema_version: 1\n")
    assert "ownership" not in text
    assert "frontstage" not in text
