"""Findings: plain sentences in English and Dutch where the event data contradicts the drawn journey."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pyarrow as pa
import pytest

from klantreis.analytics.engine import Engine
from klantreis.analytics.journeymap import JourneyAnalysis, analyse_journey
from klantreis.journey.model import JourneyDocument

JOURNEY = {
    "title": "Proef",
    "stages": [
        {"name": "Begin", "touchpoints": [{"name": "A", "activities": ["a"]}]},
        {
            "name": "Midden",
            "touchpoints": [
                {"name": "B", "activities": ["b"]},
                {"name": "C", "activities": ["c"]},
                {"name": "E"},
                {"name": "F", "activities": ["f"]},
            ],
        },
        {"name": "Einde", "touchpoints": [{"name": "D", "activities": ["d"], "customers_reached": 30}]},
    ],
}
# (how many cases, their activities): 29 cases, 88 events.
ROUTES = [(10, "abcd"), (5, "acbd"), (5, "ab"), (3, "ax"), (6, "ad")]


def crafted_log() -> pa.Table:
    cases, activities, stamps = [], [], []
    start = datetime(2024, 1, 1, tzinfo=UTC)
    number = 0
    for count, route in ROUTES:
        for _ in range(count):
            number += 1
            for step, activity in enumerate(route):
                cases.append(f"case {number}")
                activities.append(activity)
                stamps.append(start + timedelta(days=number, hours=step))
    return pa.table(
        {
            "case_id": pa.array(cases, pa.string()),
            "activity": pa.array(activities, pa.string()),
            "timestamp": pa.array(stamps, pa.timestamp("us", tz="UTC")),
            "position": pa.array(range(len(cases)), pa.int64()),
        }
    )


@pytest.fixture(scope="module")
def crafted(duckdb_engine: Engine) -> JourneyAnalysis:
    return analyse_journey(duckdb_engine.load(crafted_log()), JourneyDocument.model_validate(JOURNEY))


def test_the_findings_come_most_severe_first_in_a_fixed_order(crafted: JourneyAnalysis) -> None:
    assert [(f.severity, f.kind) for f in crafted.findings] == [
        ("medium", "order_violation"),
        ("medium", "biggest_dropoff"),
        ("medium", "skipped_touchpoint"),
        ("medium", "skipped_touchpoint"),
        ("medium", "touchpoint_without_events"),
        ("medium", "unmapped_activity"),
        ("low", "drawn_order"),
        ("low", "reach_differs"),
        ("low", "touchpoints_without_rules"),
    ]


def test_each_finding_says_it_in_english_and_dutch_with_its_numbers(crafted: JourneyAnalysis) -> None:
    by_kind = {f.kind: f for f in crafted.findings}
    order = by_kind["order_violation"]
    assert order.text == {
        "en": "33% of the cases that reach both 'B' and 'C' (5 of 15) reach 'C' before 'B', "
        "although the map draws 'B' first.",
        "nl": "33% van de klanten die zowel 'B' als 'C' bereiken (5 van 15) komt eerder bij 'C' dan bij 'B', "
        "terwijl de kaart 'B' eerst tekent.",
    }
    assert order.numbers == {"cases": 5, "cases_reaching_both": 15, "share": 5 / 15}
    assert by_kind["biggest_dropoff"].message("en") == (
        "The map's biggest drop-off is after 'B' (stage 'Midden'): 5 cases (25% of those that reach it) "
        "go no further on the map."
    )
    assert by_kind["biggest_dropoff"].message("nl") == (
        "De grootste uitval van de klantreis zit na 'B' (fase 'Midden'): 5 klanten (25% van wie er komt) "
        "komen daarna nergens meer op de kaart."
    )
    skipped = [f.message("en") for f in crafted.findings if f.kind == "skipped_touchpoint"]
    assert skipped == [
        "'B' is skipped by 29% of the cases that reach a later touchpoint (6 of 21).",
        "'C' is skipped by 29% of the cases that reach a later touchpoint (6 of 21).",
    ]
    assert by_kind["touchpoint_without_events"].message("nl") == (
        "Contactmoment 'F' heeft geen gebeurtenissen: de activiteitregels passen bij geen activiteit in het eventlog."
    )
    assert by_kind["unmapped_activity"].message("en") == (
        "Activity 'x' (3 events, 3.4% of all) is not on the map: no touchpoint's rules match it."
    )
    assert by_kind["unmapped_activity"].message("nl") == (
        "Activiteit 'x' (3 gebeurtenissen, 3,4% van alle) staat niet op de kaart: "
        "bij geen enkel contactmoment past een regel."
    )
    assert by_kind["drawn_order"].message("en") == (
        "The drawn order is followed by 83% of cases (24 of the 29 cases that reach a touchpoint)."
    )
    assert by_kind["reach_differs"].message("en") == (
        "The map says 30 customers reach 'D'; the data shows 21 cases (30% fewer)."
    )
    assert by_kind["touchpoints_without_rules"].message("nl") == (
        "1 contactmoment heeft geen activiteitregels, dus de data kan er niets over zeggen: 'E'."
    )


def test_the_crafted_log_gives_these_figures(crafted: JourneyAnalysis) -> None:
    rows = {t.name: (t.cases, t.events, t.dropoff) for t in crafted.touchpoints}
    assert rows == {
        "A": (29, 29, 3 / 29),
        "B": (20, 20, 5 / 20),
        "C": (15, 15, 0.0),
        "E": (None, 0, None),
        "F": (0, 0, None),
        "D": (21, 21, 1.0),
    }
    b = next(t for t in crafted.touchpoints if t.name == "B")
    # Time from the case start to B: one hour in every case but the five that do c first (two hours).
    assert (b.median_seconds, b.p90_seconds) == (3600.0, 7200.0)
    assert [(s.name, s.cases, s.dropoff) for s in crafted.stages] == [
        ("Begin", 29, 3 / 29),
        ("Midden", 20, 5 / 20),
        ("Einde", 21, 1.0),
    ]
    assert crafted.conformance.fitting_share == 24 / 29


def test_an_activity_taken_by_an_earlier_touchpoint_is_named_in_the_finding(duckdb_engine: Engine) -> None:
    journey = {
        "title": "Dubbel",
        "stages": [
            {"name": "S", "touchpoints": [{"name": "Alles", "activities": [{"pattern": "*", "match": "glob"}]}]},
            {"name": "T", "touchpoints": [{"name": "Alleen d", "activities": ["d"]}]},
        ],
    }
    analysis = analyse_journey(duckdb_engine.load(crafted_log()), JourneyDocument.model_validate(journey))
    silent = [f for f in analysis.findings if f.kind == "touchpoint_without_events"]
    assert [f.message("en") for f in silent] == [
        "Touchpoint 'Alleen d' has no events: the activities its rules match belong to 'Alles', "
        "which comes earlier in the journey."
    ]


def test_a_journey_without_any_rules_says_so_and_nothing_else(duckdb_engine: Engine) -> None:
    journey = JourneyDocument.model_validate(
        {"title": "Leeg", "stages": [{"name": "S", "touchpoints": [{"name": "T"}]}]}
    )
    analysis = analyse_journey(duckdb_engine.load(crafted_log()), journey)
    assert [(f.kind, f.severity) for f in analysis.findings] == [("no_rules_at_all", "high")]
    assert "koppelbestand" in analysis.findings[0].message("nl")


def test_findings_on_the_loan_journey_point_at_what_the_drawing_gets_wrong(
    log_parquet: Callable[[str], Path], example: Callable[[str], JourneyDocument], duckdb_engine: Engine
) -> None:
    analysis = analyse_journey(duckdb_engine.load(log_parquet("bpic2012")), example("bpic2012"))
    first = analysis.findings[0]
    # The bank draws the call about an incomplete file before the validation, but every such case is validated first.
    assert first.kind == "order_violation"
    assert first.severity == "high"
    assert first.message("en") == (
        "100% of the cases that reach both 'Nagebeld over een incompleet dossier' and 'Status navragen bij de "
        "klantenservice' (1,647 of 1,647) reach 'Status navragen bij de klantenservice' before 'Nagebeld over een "
        "incompleet dossier', although the map draws 'Nagebeld over een incompleet dossier' first."
    )
    kinds = [f.kind for f in analysis.findings]
    assert "biggest_dropoff" in kinds
    assert "reach_differs" in kinds  # O_CANCELLED makes 'Annulering' 3,827 cases where the map says 2,807
    assert analysis.to_dict() == analysis.to_dict()  # deterministic and JSON-ready
