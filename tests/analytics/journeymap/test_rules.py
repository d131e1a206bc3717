"""Activity rules: exact, glob and regex matching, journey order deciding ties, and the examples against their logs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from klantreis.analytics.journeymap import mapping_from_document
from klantreis.analytics.journeymap.rules import Rule
from klantreis.journey.model import JourneyDocument
from klantreis.journey.vocabulary import MatchKind

A_ID = JourneyDocument.model_validate({"title": "x"}).id


def activities_of(table: pa.Table) -> list[str]:
    return sorted(pc.unique(table["activity"]).to_pylist())


def test_an_exact_rule_matches_only_the_whole_name_with_its_case() -> None:
    rule = Rule(A_ID, "decide")
    assert rule.matches("decide")
    assert not rule.matches("Decide")
    assert not rule.matches("decide again")


def test_a_glob_rule_matches_the_whole_name_with_wildcards() -> None:
    rule = Rule(A_ID, "T0[2-5]*", MatchKind.GLOB)
    assert rule.matches("T02 Check confirmation of receipt")
    assert rule.matches("T05 Print and send confirmation of receipt")
    assert not rule.matches("T06 Determine necessity of stop advice")
    assert not rule.matches("xT02")


def test_a_regex_rule_is_searched_so_anchors_say_where_it_must_match() -> None:
    assert Rule(A_ID, "receipt", MatchKind.REGEX).matches("T02 Check confirmation of receipt")
    assert not Rule(A_ID, "^receipt", MatchKind.REGEX).matches("T02 Check confirmation of receipt")
    anchored = Rule(A_ID, r"^T(1[6-9]|20)\b", MatchKind.REGEX)
    assert anchored.matches("T18 Adjust report Y to stop indicition")
    assert not anchored.matches("T15 Print document X request unlicensed")


def test_an_activity_matching_several_touchpoints_belongs_to_the_first_in_journey_order(tmp_path: Path) -> None:
    document = JourneyDocument.model_validate(
        {
            "title": "Order",
            "stages": [
                {"name": "One", "touchpoints": [{"name": "Broad", "activities": [{"pattern": "*", "match": "glob"}]}]},
                {"name": "Two", "touchpoints": [{"name": "Narrow", "activities": ["decide"]}]},
            ],
        }
    )
    mapping = mapping_from_document(document)
    assigned = mapping.assign(["decide", "register request"])
    assert {name: t.name for name, t in assigned.items()} == {"decide": "Broad", "register request": "Broad"}
    # The narrow rule now matches nothing that is not taken already: it is not "unused", but its touchpoint gets no events.
    assert mapping.unused_rules(["decide"]) == ()


def test_the_document_rules_keep_stage_and_journey_order(running_journey: JourneyDocument) -> None:
    mapping = mapping_from_document(running_journey)
    assert [t.name for t in mapping.touchpoints][:3] == ["Verzoek indienen", "Ticket gecontroleerd", "Onderzoek"]
    assert [t.order for t in mapping.touchpoints] == list(range(8))
    assert [t.stage_order for t in mapping.touchpoints] == [0, 1, 1, 1, 1, 2, 2, 2]
    assert mapping.rules_of(mapping.touchpoints[-1].id) == ()


def test_every_receipt_activity_is_on_the_permit_journey_and_every_rule_is_used(
    log_table: Callable[[str], pa.Table], example: Callable[[str], JourneyDocument]
) -> None:
    activities = activities_of(log_table("receipt"))
    mapping = mapping_from_document(example("receipt"))
    assigned = mapping.assign(activities)
    assert len(activities) == 27
    assert sorted(assigned) == activities
    assert mapping.unused_rules(activities) == ()
    assert {a: t.name for a, t in assigned.items() if a.startswith("T0")}["T03 Adjust confirmation of receipt"] == (
        "Ontvangstbevestiging"
    )


def test_every_bpic2012_activity_is_on_the_loan_journey_and_every_rule_is_used(
    log_table: Callable[[str], pa.Table], example: Callable[[str], JourneyDocument]
) -> None:
    activities = activities_of(log_table("bpic2012"))
    mapping = mapping_from_document(example("bpic2012"))
    assert len(activities) == 24
    assert sorted(mapping.assign(activities)) == activities
    assert mapping.unused_rules(activities) == ()
