"""Version history: a readable difference between any two versions, and restoring an old one."""

from __future__ import annotations

from typing import Any

from klantreis.web.journeys.models import LIVE, Journey
from klantreis.web.workspaces.models import AuditEvent

from .conftest import fresh, send, stored, url


def _edit(sample: Any, who: str, operation: dict[str, Any]) -> None:
    assert send(sample.client(who), sample, sample.journey, operation).status_code == 200


def _three_versions(sample: Any) -> Any:
    """v1: the sample; v2 (editor): a renamed touchpoint and a rating; v3 (owner): a moved stage."""
    document = stored(sample.journey)
    touchpoint = document.stages[0].touchpoints[0]
    fatima = document.personas[0].id
    _edit(
        sample,
        "editor",
        {"op": "set", "target": str(touchpoint.id), "field": "name", "base": touchpoint.name, "value": "Googelen"},
    )
    _edit(
        sample,
        "editor",
        {"op": "set", "target": f"{touchpoint.id}/{fatima}", "field": "rating", "base": 1, "value": -1},
    )
    _edit(
        sample,
        "owner",
        {"op": "move", "target": str(document.stages[1].id), "parent": str(sample.journey.uuid), "index": 0},
    )
    return document


def _diff(sample: Any, a: int, b: int) -> str:
    response = sample.client("viewer").get(url(sample, "journeys:diff", sample.journey), {"a": a, "b": b})
    assert response.status_code == 200
    return response.content.decode()


def test_the_history_lists_versions_with_author_edits_and_summary(sample: Any) -> None:
    _three_versions(sample)
    html = sample.client("viewer").get(url(sample, "journeys:history", sample.journey)).content.decode()
    rows = html.split("<tbody>")[1].split("</tr>")
    assert "voorbeeld-owner" in rows[0]
    assert "moved stage Aanvraag" in rows[0]
    assert "voorbeeld-editor" in rows[1]
    assert '<td class="num">2</td>' in rows[1]
    assert "Restore" not in html  # viewers cannot restore


def test_the_diff_shows_each_changed_field_with_before_and_after(sample: Any) -> None:
    _three_versions(sample)
    html = _diff(sample, 1, 2)
    assert "Changes from version 1 to version 2" in html
    assert "touchpoint <strong>Googelen</strong>: name" in html
    assert "<del>Informatie zoeken</del>" in html
    assert "<ins>Googelen</ins>" in html
    assert "experience <strong>Googelen · Fatima el Amrani</strong>: rating" in html
    assert "<del>1</del>" in html
    assert "<ins>-1</ins>" in html


def test_the_diff_names_moved_stages(sample: Any) -> None:
    _three_versions(sample)
    html = _diff(sample, 2, 3)
    assert "moved</span> stage <strong>Aanvraag</strong>: position" in html
    assert "<del>2</del>" in html
    assert "<ins>1</ins>" in html
    assert "Oriëntatie" not in html.split("Changes from")[1]  # only the stage that moved is named


def test_a_touchpoint_dragged_to_another_stage_reads_as_a_move_between_stages(sample: Any) -> None:
    document = stored(sample.journey)
    _edit(
        sample,
        "owner",
        {
            "op": "move",
            "target": str(document.stages[0].touchpoints[0].id),
            "parent": str(document.stages[1].id),
            "index": 1,
        },
    )
    html = _diff(sample, 1, 2)
    assert "touchpoint <strong>Informatie zoeken</strong>: stage" in html
    assert "<del>Oriëntatie</del>" in html
    assert "<ins>Aanvraag</ins>" in html


def test_any_two_versions_can_be_compared_either_way(sample: Any) -> None:
    _three_versions(sample)
    html = _diff(sample, 3, 1)
    assert "<del>Googelen</del>" in html
    assert "<ins>Informatie zoeken</ins>" in html
    assert "No differences." in _diff(sample, 2, 2)


def test_older_versions_keep_their_own_document_after_later_edits(sample: Any) -> None:
    _three_versions(sample)
    journey = fresh(sample.journey)
    v2 = journey.versions.get(number=2).document
    assert v2 != LIVE  # settled when version 3 started
    assert v2["stages"][0]["touchpoints"][0]["name"] == "Googelen"
    assert journey.versions.get(number=3).document == LIVE  # the latest is the journey's own document


def test_restoring_an_old_version_makes_it_the_latest_as_a_new_version(sample: Any) -> None:
    _three_versions(sample)
    response = sample.client("editor").post(url(sample, "journeys:restore", sample.journey), {"number": 1})
    assert response.status_code == 302
    journey = fresh(sample.journey)
    assert journey.version == 4
    assert journey.versions.get(number=4).summary == "restored version 1"
    document = journey.parsed()
    assert [s.name for s in document.stages] == ["Oriëntatie", "Aanvraag"]
    assert document.stages[0].touchpoints[0].name == "Informatie zoeken"
    assert "<ins>Googelen</ins>" not in _diff(sample, 3, 4)
    assert "<ins>Informatie zoeken</ins>" in _diff(sample, 3, 4)
    assert AuditEvent.objects.filter(action="journey.replace", object_id=str(journey.uuid)).exists()


def test_restoring_is_for_editors_only(sample: Any) -> None:
    _three_versions(sample)
    before = fresh(sample.journey).document
    for who in ("viewer", "contributor"):
        assert (
            sample.client(who).post(url(sample, "journeys:restore", sample.journey), {"number": 1}).status_code == 403
        )
    assert (
        sample.client("outsider").post(url(sample, "journeys:restore", sample.journey), {"number": 1}).status_code
        == 404
    )
    assert fresh(sample.journey).document == before


def test_unknown_versions_are_not_found(sample: Any) -> None:
    assert (
        sample.client("viewer").get(url(sample, "journeys:diff", sample.journey), {"a": 1, "b": 9}).status_code == 404
    )
    assert (
        sample.client("editor").post(url(sample, "journeys:restore", sample.journey), {"number": "x"}).status_code
        == 404
    )


def test_a_restored_journey_can_be_edited_on(sample: Any) -> None:
    document = _three_versions(sample)
    sample.client("editor").post(url(sample, "journeys:restore", sample.journey), {"number": 2})
    touchpoint = stored(sample.journey).stages[0].touchpoints[0]
    assert touchpoint.name == "Googelen"
    assert touchpoint.id == document.stages[0].touchpoints[0].id
    _edit(
        sample,
        "editor",
        {"op": "set", "target": str(touchpoint.id), "field": "name", "base": "Googelen", "value": "Zoeken"},
    )
    assert Journey.objects.get(pk=sample.journey.pk).parsed().stages[0].touchpoints[0].name == "Zoeken"
