"""What the details panels send: KPIs, touchpoint details, improvements, evidence and the employee mirror,
each saved as the same small operations as the map, with the same conflicts and the same roles."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import pytest

from klantreis.journey.model import Evidence, MirrorEntry
from klantreis.journey.persona import Persona
from klantreis.journey.touchpoint import Kpi
from klantreis.web.journeys.service import replace_document

from .conftest import fresh, send, stored


def _touchpoint(sample: Any) -> Any:
    """The sample's second touchpoint (it has a pain point and Fatima's rating)."""
    return stored(sample.journey).stages[1].touchpoints[0]


def _ok(response: Any) -> dict[str, Any]:
    assert response.status_code == 200, response.content
    body: dict[str, Any] = response.json()
    return body


def _set(sample: Any, who: str, target: Any, field: str, base: Any, value: Any) -> Any:
    operation = {"op": "set", "target": str(target), "field": field, "base": base, "value": value}
    return send(sample.client(who), sample, sample.journey, operation)


def _add(sample: Any, who: str, kind: str, parent: Any, item: dict[str, Any]) -> Any:
    operation = {"op": "add", "kind": kind, "parent": str(parent), "item": item}
    return send(sample.client(who), sample, sample.journey, operation)


def _with(sample: Any, **lists: Any) -> Any:
    """Store the sample journey with extra evidence / mirror entries / KPIs on its second touchpoint."""
    document = stored(sample.journey)
    for key, value in lists.items():
        if key == "kpis":
            document.stages[1].touchpoints[0].kpis = value
        else:
            setattr(document, key, value)
    replace_document(sample.journey.pk, document, sample.users["editor"], "test")
    return document


def test_a_kpi_is_added_filled_in_field_by_field_and_removed(sample: Any) -> None:
    touchpoint = _touchpoint(sample)
    kpi_id = _ok(_add(sample, "editor", "kpi", touchpoint.id, {"name": "New KPI"}))["id"]
    edits = [
        ("name", "New KPI", "Complete at first try"),
        ("value", None, 62.5),
        ("target", None, 80),
        ("unit", "", "%"),
        ("source", "", "Portal statistics"),
        ("measured_on", None, "2024-03-05"),
        ("direction", "higher_is_better", "lower_is_better"),
    ]
    for field, base, value in edits:
        _ok(_set(sample, "editor", kpi_id, field, base, value))
    kpi = _touchpoint(sample).kpis[0]
    assert (kpi.name, kpi.value, kpi.target, kpi.unit, kpi.source) == (
        "Complete at first try",
        62.5,
        80,
        "%",
        "Portal statistics",
    )
    assert (kpi.measured_on.isoformat(), kpi.direction) == ("2024-03-05", "lower_is_better")
    _ok(send(sample.client("editor"), sample, sample.journey, {"op": "remove", "target": kpi_id}))
    assert _touchpoint(sample).kpis == []


def test_a_kpi_field_changed_by_someone_else_is_a_conflict_and_other_fields_still_save(sample: Any) -> None:
    document = _with(sample, kpis=[Kpi(name="Complete at first try", value=0.5)])
    kpi = document.stages[1].touchpoints[0].kpis[0]
    _ok(_set(sample, "owner", kpi.id, "value", 0.5, 0.6))
    mine = _set(sample, "editor", kpi.id, "value", 0.5, 0.7)  # started from 0.5 too
    assert mine.status_code == 409
    assert (mine.json()["current"], mine.json()["by"]) == (0.6, "voorbeeld-owner")
    _ok(_set(sample, "editor", kpi.id, "target", None, 0.9))  # another field of the same KPI
    stored_kpi = _touchpoint(sample).kpis[0]
    assert (stored_kpi.value, stored_kpi.target) == (0.6, 0.9)


def test_every_touchpoint_detail_saves(sample: Any) -> None:
    touchpoint = _touchpoint(sample)
    edits = [
        ("medium", None, "analogue"),
        ("personas", [], [str(touchpoint.experiences[0].persona)]),
        ("weight", 1.0, 2.5),
        ("customers_reached", None, 1200),
        ("frontstage.processes", [], ["Intake"]),
        ("frontstage.systems", [], ["Portal"]),
        ("frontstage.departments", [], ["Front office"]),
        ("backstage.processes", [], ["Check the drawings"]),
        ("fogg.notes", None, "They give up at the drawings"),
        ("activities", [], [{"pattern": "Submit*", "match": "glob"}]),
    ]
    for field, base, value in edits:
        _ok(_set(sample, "editor", touchpoint.id, field, base, value))
    after = _touchpoint(sample)
    assert (after.medium, after.weight, after.customers_reached) == ("analogue", 2.5, 1200)
    assert after.personas == [touchpoint.experiences[0].persona]
    assert (after.frontstage.processes, after.frontstage.systems, after.frontstage.departments) == (
        ["Intake"],
        ["Portal"],
        ["Front office"],
    )
    assert after.backstage.processes == ["Check the drawings"]
    assert after.fogg is not None
    assert after.fogg.notes == "They give up at the drawings"
    assert [(rule.pattern, rule.match) for rule in after.activities] == [("Submit*", "glob")]


def test_a_bad_activity_pattern_or_dropping_a_rated_persona_is_refused_with_the_reason(sample: Any) -> None:
    touchpoint = _touchpoint(sample)
    bad = _set(sample, "editor", touchpoint.id, "activities", [], [{"pattern": "Submit (", "match": "regex"}])
    assert bad.status_code == 400
    assert "bad_regex" in bad.json()["message"]
    document = stored(sample.journey)
    other = Persona(id=UUID(int=7), name="Ruud")
    document.personas.append(other)
    replace_document(sample.journey.pk, document, sample.users["editor"], "test")
    # Only Ruud on this touchpoint, while Fatima has an experience here: the map would break.
    dropped = _set(sample, "editor", touchpoint.id, "personas", [], [str(other.id)])
    assert dropped.status_code == 400
    assert "persona_not_on_touchpoint" in dropped.json()["message"]
    assert _touchpoint(sample).activities == []


def test_an_improvement_is_added_and_every_field_of_it_saves(sample: Any) -> None:
    document = stored(sample.journey)
    touchpoint = _touchpoint(sample)
    kpi_id = _ok(_add(sample, "editor", "kpi", touchpoint.id, {"name": "Complete at first try"}))["id"]
    improvement = _ok(_add(sample, "editor", "improvement", document.id, {"title": "New improvement"}))["id"]
    edits = [
        ("title", "New improvement", "Drawing checklist"),
        ("description", "", "One page listing the drawings"),
        ("hypothesis", "", "If people know the drawings, they complete at first try"),
        ("status", "idea", "planned"),
        ("impact", 3, 4),
        ("effort", 3, 2),
        ("owner", "", "Permits team"),
        ("department", "", "Permits"),
        ("touchpoints", [], [str(touchpoint.id)]),
        ("pain_points", [], [str(touchpoint.pain_points[0].id)]),
        ("kpi", None, kpi_id),
        ("baseline", None, 0.55),
        ("target", None, 0.8),
        ("result.value", None, 0.72),
        ("result.measured_on", None, "2024-06-01"),
        ("result.note", "", "Fewer calls about drawings"),  # (the result exists since its value was set)
    ]
    for field, base, value in edits:
        _ok(_set(sample, "editor", improvement, field, base, value))
    saved = stored(sample.journey).improvements[0]
    assert (saved.title, saved.status, saved.impact, saved.effort) == ("Drawing checklist", "planned", 4, 2)
    assert (saved.owner, saved.department, saved.baseline, saved.target) == ("Permits team", "Permits", 0.55, 0.8)
    assert saved.hypothesis.startswith("If people know")
    assert (saved.touchpoints, saved.pain_points) == ([touchpoint.id], [touchpoint.pain_points[0].id])
    assert str(saved.kpi) == kpi_id
    assert saved.result is not None
    assert (saved.result.value, saved.result.measured_on.isoformat(), saved.result.note) == (
        0.72,
        "2024-06-01",
        "Fewer calls about drawings",
    )


def test_linking_an_improvement_to_a_touchpoint_redraws_that_column(sample: Any) -> None:
    document = stored(sample.journey)
    touchpoint = _touchpoint(sample)
    improvement = _ok(_add(sample, "editor", "improvement", document.id, {"title": "Drawing checklist"}))["id"]
    body = _ok(_set(sample, "editor", improvement, "touchpoints", [], [str(touchpoint.id)]))
    assert "Drawing checklist" in body["parts"][f"tp-{touchpoint.id}"]


def test_a_contributor_adds_evidence_and_says_what_it_backs(sample: Any) -> None:
    document = stored(sample.journey)
    touchpoint = _touchpoint(sample)
    item = {"title": "Interviews with applicants", "kind": "interview", "supports": [str(touchpoint.id)]}
    evidence = _ok(_add(sample, "contributor", "evidence", document.id, item))["id"]
    supports = [str(touchpoint.id), str(touchpoint.pain_points[0].id)]
    _ok(_set(sample, "contributor", evidence, "supports", [str(touchpoint.id)], supports))
    _ok(_set(sample, "contributor", evidence, "respondents", None, 8))
    _ok(_set(sample, "contributor", evidence, "collected_on", None, "2024-02-01"))
    saved = stored(sample.journey).evidence[0]
    assert (saved.title, saved.respondents, saved.collected_on.isoformat()) == (
        "Interviews with applicants",
        8,
        "2024-02-01",
    )
    assert [str(s) for s in saved.supports] == supports


def test_evidence_edits_redraw_nothing_on_the_map_and_name_their_kind_in_the_history(sample: Any) -> None:
    document = stored(sample.journey)
    added = _ok(_add(sample, "editor", "evidence", document.id, {"title": "Survey"}))
    assert added["parts"] == {}  # evidence lives in its panel: no column, and certainly not the whole map
    body = _ok(_set(sample, "editor", added["id"], "title", "Survey", "Survey of applicants"))
    assert body["parts"] == {}
    latest = fresh(sample.journey).versions.order_by("-number").first()
    assert latest is not None
    assert "changed title of evidence Survey" in latest.summary


def test_a_contributor_records_an_employee_mirror_estimate(sample: Any) -> None:
    document = stored(sample.journey)
    touchpoint = _touchpoint(sample)
    item = {"employee_group": "Front office", "touchpoint": str(touchpoint.id)}
    entry = _ok(_add(sample, "contributor", "mirror", document.id, item))["id"]
    emotions = [{"emotion": "stress", "label": "", "intensity": 4}]
    _ok(_set(sample, "contributor", entry, "estimated_rating", None, 1))
    _ok(_set(sample, "contributor", entry, "estimated_emotions", [], emotions))
    _ok(_set(sample, "contributor", entry, "own_experience", "", "We cannot see the drawings either"))
    _ok(_set(sample, "contributor", entry, "helps", [], ["The checklist"]))
    _ok(_set(sample, "contributor", entry, "blocks", [], ["Scans of bad quality"]))
    saved = stored(sample.journey).mirror[0]
    assert (saved.estimated_rating, saved.helps, saved.blocks) == (1, ["The checklist"], ["Scans of bad quality"])
    assert [(e.emotion, e.intensity) for e in saved.estimated_emotions] == [("stress", 4)]


def _restructuring(sample: Any, document: Any) -> list[dict[str, Any]]:
    """Operations that change more than observations: a contributor may send none of them."""
    touchpoint = document.stages[1].touchpoints[0]
    evidence, entry = document.evidence[0], document.mirror[0]
    return [
        {"op": "remove", "target": str(evidence.id)},
        {"op": "remove", "target": str(entry.id)},
        {"op": "move", "target": str(evidence.id), "parent": str(document.id), "index": 0},
        {"op": "set", "target": str(evidence.id), "field": "id", "base": str(evidence.id), "value": str(UUID(int=5))},
        {"op": "set", "target": str(touchpoint.id), "field": "medium", "base": None, "value": "analogue"},
        {"op": "set", "target": str(touchpoint.kpis[0].id), "field": "value", "base": None, "value": 1},
        {"op": "add", "kind": "kpi", "parent": str(touchpoint.id), "item": {"name": "Sneaky"}},
        {"op": "add", "kind": "improvement", "parent": str(document.id), "item": {"title": "Sneaky"}},
        {"op": "add", "kind": "touchpoint", "parent": str(document.stages[0].id), "item": {"name": "Sneaky"}},
    ]


def test_a_contributor_cannot_restructure_through_the_panels(sample: Any) -> None:
    touchpoint = _touchpoint(sample)
    document = _with(
        sample,
        kpis=[Kpi(name="Complete at first try")],
        evidence=[Evidence(title="Interviews", supports=[touchpoint.id])],
        mirror=[MirrorEntry(employee_group="Front office", touchpoint=touchpoint.id)],
    )
    before = fresh(sample.journey).revision
    for operation in _restructuring(sample, document):
        response = send(sample.client("contributor"), sample, sample.journey, operation)
        assert response.status_code == 403, operation
    assert fresh(sample.journey).revision == before


@pytest.mark.parametrize("kind", ["evidence", "mirror"])
def test_a_viewer_cannot_add_observations(sample: Any, kind: str) -> None:
    document = stored(sample.journey)
    touchpoint = _touchpoint(sample)
    item = {"title": "Mine"} if kind == "evidence" else {"employee_group": "Me", "touchpoint": str(touchpoint.id)}
    assert _add(sample, "viewer", kind, document.id, item).status_code == 403
    assert stored(sample.journey).evidence == stored(sample.journey).mirror == []
