"""The editor's save endpoint: small operations on the stored document, with field-level conflicts."""

from __future__ import annotations

import json
from typing import Any

from klantreis.web.journeys.models import Journey
from klantreis.web.workspaces.models import AuditEvent

from .conftest import fresh, send, stored, url
from .factories import ANNA, BOB


def _first_touchpoint(journey: Journey) -> Any:
    return stored(journey).stages[0].touchpoints[0]


def test_a_field_edit_changes_only_that_field_and_answers_with_the_new_column(sample: Any) -> None:
    touchpoint = _first_touchpoint(sample.journey)
    operation = {
        "op": "set",
        "target": str(touchpoint.id),
        "field": "name",
        "base": touchpoint.name,
        "value": "Website lezen",
    }
    response = send(sample.client("editor"), sample, sample.journey, operation, rev=sample.journey.revision)
    assert response.status_code == 200
    body = response.json()
    assert body["ok"] is True
    assert body["changed"] is True
    assert body["revision"] == sample.journey.revision + 1
    assert list(body["parts"]) == [f"tp-{touchpoint.id}"]  # the column, not the whole map
    assert "Website lezen" in body["parts"][f"tp-{touchpoint.id}"]
    after = stored(sample.journey)
    assert after.stages[0].touchpoints[0].name == "Website lezen"
    assert after.stages[0].touchpoints[0].channel == touchpoint.channel
    assert after.stages[1].touchpoints[0].name == "Aanvraag indienen"


def test_two_people_editing_different_fields_of_one_touchpoint_both_win(sample: Any) -> None:
    touchpoint = _first_touchpoint(sample.journey)
    target = str(touchpoint.id)
    rev = sample.journey.revision
    eva = send(
        sample.client("editor"),
        sample,
        sample.journey,
        {"op": "set", "target": target, "field": "name", "base": touchpoint.name, "value": "Zoeken op de website"},
        rev,
    )
    otto = send(
        sample.client("owner"),
        sample,
        sample.journey,
        {"op": "set", "target": target, "field": "customer_action", "base": "", "value": "Leest de productpagina"},
        rev,
    )
    assert eva.status_code == 200
    assert otto.status_code == 200
    result = stored(sample.journey).stages[0].touchpoints[0]
    assert result.name == "Zoeken op de website"
    assert result.customer_action == "Leest de productpagina"


def test_the_same_field_gives_the_second_person_a_conflict_with_both_texts(sample: Any) -> None:
    touchpoint = _first_touchpoint(sample.journey)
    target = str(touchpoint.id)
    first = {"op": "set", "target": target, "field": "description", "base": "", "value": "Hun tekst"}
    second = {"op": "set", "target": target, "field": "description", "base": "", "value": "Mijn tekst"}
    assert send(sample.client("editor"), sample, sample.journey, first).status_code == 200
    response = send(sample.client("owner"), sample, sample.journey, second)
    assert response.status_code == 409
    body = response.json()
    assert body["error"] == "conflict"
    assert body["current"] == "Hun tekst"  # the other's text, shown next to the user's own
    assert body["by"] == "voorbeeld-editor"  # who changed it
    assert (body["target"], body["field"]) == (target, "description")
    assert stored(sample.journey).stages[0].touchpoints[0].description == "Hun tekst"  # nothing overwritten


def test_a_conflict_resolved_by_overwriting_from_the_other_text_wins(sample: Any) -> None:
    touchpoint = _first_touchpoint(sample.journey)
    target = str(touchpoint.id)
    send(
        sample.client("editor"),
        sample,
        sample.journey,
        {"op": "set", "target": target, "field": "description", "base": "", "value": "Hun tekst"},
    )
    retry = {"op": "set", "target": target, "field": "description", "base": "Hun tekst", "value": "Mijn tekst"}
    assert send(sample.client("owner"), sample, sample.journey, retry).status_code == 200
    assert stored(sample.journey).stages[0].touchpoints[0].description == "Mijn tekst"


def test_setting_a_value_someone_else_already_set_is_no_conflict(sample: Any) -> None:
    touchpoint = _first_touchpoint(sample.journey)
    operation = {"op": "set", "target": str(touchpoint.id), "field": "description", "base": "", "value": "Zelfde"}
    send(sample.client("editor"), sample, sample.journey, operation)
    response = send(sample.client("owner"), sample, sample.journey, operation)
    assert response.status_code == 200
    assert response.json()["changed"] is False


def test_an_edit_answers_with_what_others_changed_since_the_clients_revision(sample: Any) -> None:
    document = stored(sample.journey)
    first, second = document.stages[0].touchpoints[0], document.stages[1].touchpoints[0]
    rev = sample.journey.revision
    send(
        sample.client("owner"),
        sample,
        sample.journey,
        {"op": "set", "target": str(second.id), "field": "name", "base": second.name, "value": "Indienen"},
        rev,
    )
    response = send(
        sample.client("editor"),
        sample,
        sample.journey,
        {"op": "set", "target": str(first.id), "field": "name", "base": first.name, "value": "Zoeken"},
        rev,
    )
    assert set(response.json()["parts"]) == {f"tp-{first.id}", f"tp-{second.id}"}


def test_rating_a_touchpoint_changes_the_curve(sample: Any) -> None:
    touchpoint = _first_touchpoint(sample.journey)
    fatima = str(sample.journey.parsed().personas[0].id)
    before = sample.client("editor").get(sample.url("journeys:editor", journey=sample.journey.uuid)).content.decode()
    operation = {"op": "set", "target": f"{touchpoint.id}/{fatima}", "field": "rating", "base": 1, "value": -2}
    response = send(sample.client("editor"), sample, sample.journey, operation, rev=sample.journey.revision)
    curve = response.json()["parts"]["jm-curve"]
    assert stored(sample.journey).stages[0].touchpoints[0].experiences[0].rating == -2
    # The first point of the current (solid) line drops from +1 (y=36) to -2 (y=102).
    assert 'points="116,36 ' in before
    assert 'points="116,102 ' in curve
    assert 'id="jm-curve"' in curve


def test_a_desired_rating_draws_the_dashed_line(sample: Any) -> None:
    touchpoint = _first_touchpoint(sample.journey)
    fatima = str(sample.journey.parsed().personas[0].id)
    operation = {
        "op": "set",
        "target": f"{touchpoint.id}/{fatima}",
        "field": "desired_rating",
        "base": None,
        "value": 2,
    }
    body = send(sample.client("editor"), sample, sample.journey, operation, rev=sample.journey.revision).json()
    curve = body["parts"]["jm-curve"]
    assert 'stroke-dasharray="6 5"' in curve


def test_a_rating_for_a_persona_without_a_record_creates_one(permit: Journey, sample: Any) -> None:
    form = stored(permit).stages[1].touchpoints[0]  # Bob has no record here yet
    operation = {"op": "set", "target": f"{form.id}/{BOB}", "field": "rating", "base": None, "value": -1}
    assert send(sample.client("contributor"), sample, permit, operation).status_code == 200
    records = {e.persona: e.rating for e in stored(permit).stages[1].touchpoints[0].experiences}
    assert records == {ANNA: -1, BOB: -1}


def test_a_rating_outside_minus_two_to_two_is_refused_and_nothing_changes(sample: Any) -> None:
    touchpoint = _first_touchpoint(sample.journey)
    fatima = str(sample.journey.parsed().personas[0].id)
    operation = {"op": "set", "target": f"{touchpoint.id}/{fatima}", "field": "rating", "base": 1, "value": 5}
    response = send(sample.client("editor"), sample, sample.journey, operation)
    assert response.status_code == 400
    assert "rating" in response.json()["message"]
    assert stored(sample.journey).stages[0].touchpoints[0].experiences[0].rating == 1


def test_editors_add_move_and_remove_stages(sample: Any) -> None:
    client = sample.client("editor")
    journey_id = str(sample.journey.uuid)
    added = send(
        client,
        sample,
        sample.journey,
        {"op": "add", "kind": "stage", "parent": journey_id, "item": {"name": "Besluit"}},
    )
    assert added.status_code == 200
    new_id = added.json()["id"]
    assert [s.name for s in stored(sample.journey).stages] == ["Oriëntatie", "Aanvraag", "Besluit"]
    send(client, sample, sample.journey, {"op": "move", "target": new_id, "parent": journey_id, "index": 0})
    assert [s.name for s in stored(sample.journey).stages] == ["Besluit", "Oriëntatie", "Aanvraag"]
    send(client, sample, sample.journey, {"op": "remove", "target": new_id})
    assert [s.name for s in stored(sample.journey).stages] == ["Oriëntatie", "Aanvraag"]


def test_editors_add_move_and_remove_touchpoints_across_stages(sample: Any) -> None:
    client = sample.client("editor")
    orientation, application = stored(sample.journey).stages
    added = send(
        client,
        sample,
        sample.journey,
        {
            "op": "add",
            "kind": "touchpoint",
            "parent": str(orientation.id),
            "item": {"name": "Buren vragen", "channel": "word_of_mouth"},
        },
    )
    new_id = added.json()["id"]
    assert set(added.json()["parts"]) == {f"st-{orientation.id}", "jm-curve"}  # that stage, not the whole map
    assert [t.name for t in stored(sample.journey).stages[0].touchpoints] == ["Informatie zoeken", "Buren vragen"]
    moved = send(
        client, sample, sample.journey, {"op": "move", "target": new_id, "parent": str(application.id), "index": 0}
    )
    assert set(moved.json()["parts"]) >= {f"st-{orientation.id}", f"st-{application.id}"}
    after = stored(sample.journey)
    assert [t.name for t in after.stages[0].touchpoints] == ["Informatie zoeken"]
    assert [t.name for t in after.stages[1].touchpoints] == ["Buren vragen", "Aanvraag indienen"]
    send(client, sample, sample.journey, {"op": "remove", "target": new_id})
    assert [t.name for t in stored(sample.journey).stages[1].touchpoints] == ["Aanvraag indienen"]


def test_removing_a_touchpoint_drops_the_improvements_reference_to_it(permit: Journey, sample: Any) -> None:
    search, form = stored(permit).stages[0].touchpoints[0], stored(permit).stages[1].touchpoints[0]
    client = sample.client("editor")
    send(
        client,
        sample,
        permit,
        {
            "op": "add",
            "kind": "improvement",
            "parent": str(permit.uuid),
            "item": {"title": "Checklist", "touchpoints": [str(search.id), str(form.id)]},
        },
    )
    send(client, sample, permit, {"op": "remove", "target": str(form.id)})
    assert stored(permit).improvements[0].touchpoints == [search.id]


def test_a_moment_of_truth_is_marked_with_its_reason_and_starred_on_the_curve(sample: Any) -> None:
    touchpoint = _first_touchpoint(sample.journey)
    client = sample.client("editor")
    mark = {
        "op": "set",
        "target": str(touchpoint.id),
        "field": "moment_of_truth",
        "base": None,
        "value": {"reason": ""},
    }
    body = send(client, sample, sample.journey, mark, rev=sample.journey.revision).json()
    assert "jm-mot-star" in body["parts"]["jm-curve"]
    reason = {
        "op": "set",
        "target": str(touchpoint.id),
        "field": "moment_of_truth.reason",
        "base": "",
        "value": "Hier haakt men af",
    }
    column = send(client, sample, sample.journey, reason, rev=body["revision"]).json()["parts"][f"tp-{touchpoint.id}"]
    assert "is-mot" in column
    assert "Hier haakt men af" in column
    assert stored(sample.journey).stages[0].touchpoints[0].moment_of_truth.reason == "Hier haakt men af"


def test_fogg_scores_show_the_diagnosis(sample: Any) -> None:
    touchpoint = _first_touchpoint(sample.journey)
    client = sample.client("editor")
    for field, value in (("fogg.motivation", 4), ("fogg.ability", 1)):
        response = send(
            client,
            sample,
            sample.journey,
            {"op": "set", "target": str(touchpoint.id), "field": field, "base": None, "value": value},
        )
    column = response.json()["parts"][f"tp-{touchpoint.id}"]
    fogg = stored(sample.journey).stages[0].touchpoints[0].fogg
    assert (fogg.motivation, fogg.ability, fogg.trigger) == (4, 1, None)
    assert 'class="jm-advice"' in column
    assert "ability" in column.split('class="jm-advice"')[1].lower()


def test_heuristics_come_from_the_library(sample: Any) -> None:
    touchpoint = _first_touchpoint(sample.journey)
    client = sample.client("editor")
    chosen = [{"heuristic": "social_proof", "role": "to_apply", "note": ""}]
    ok = send(
        client,
        sample,
        sample.journey,
        {"op": "set", "target": str(touchpoint.id), "field": "heuristics", "base": [], "value": chosen},
    )
    assert ok.status_code == 200
    assert "Social proof" in ok.json()["parts"][f"tp-{touchpoint.id}"]
    unknown = [*chosen, {"heuristic": "mind_reading", "role": "at_play", "note": ""}]
    refused = send(
        client,
        sample,
        sample.journey,
        {"op": "set", "target": str(touchpoint.id), "field": "heuristics", "base": chosen, "value": unknown},
    )
    assert refused.status_code == 400
    assert [h.heuristic for h in stored(sample.journey).stages[0].touchpoints[0].heuristics] == ["social_proof"]


def test_pain_points_and_opportunities_are_added_to_a_touchpoint(sample: Any) -> None:
    touchpoint = _first_touchpoint(sample.journey)
    client = sample.client("editor")
    send(
        client,
        sample,
        sample.journey,
        {
            "op": "add",
            "kind": "pain_point",
            "parent": str(touchpoint.id),
            "item": {"title": "Te veel jargon", "severity": 4},
        },
    )
    body = send(
        client,
        sample,
        sample.journey,
        {"op": "add", "kind": "opportunity", "parent": str(touchpoint.id), "item": {"title": "Eenvoudige taal"}},
    ).json()
    result = stored(sample.journey).stages[0].touchpoints[0]
    assert [p.title for p in result.pain_points] == ["Te veel jargon"]
    assert [o.title for o in result.opportunities] == ["Eenvoudige taal"]
    assert "Eenvoudige taal" in body["parts"][f"tp-{touchpoint.id}"]


def test_contributors_record_experiences_but_do_not_restructure(sample: Any) -> None:
    touchpoint = _first_touchpoint(sample.journey)
    fatima = str(sample.journey.parsed().personas[0].id)
    client = sample.client("contributor")
    quote = {
        "op": "set",
        "target": f"{touchpoint.id}/{fatima}",
        "field": "quotes",
        "base": [],
        "value": [{"text": "Waar moet ik beginnen?", "source": "interview"}],
    }
    assert send(client, sample, sample.journey, quote).status_code == 200
    before = fresh(sample.journey).document
    refused = [
        {"op": "set", "target": str(touchpoint.id), "field": "name", "base": touchpoint.name, "value": "Anders"},
        {
            "op": "add",
            "kind": "touchpoint",
            "parent": str(stored(sample.journey).stages[0].id),
            "item": {"name": "Nieuw"},
        },
        {"op": "move", "target": str(touchpoint.id), "parent": str(stored(sample.journey).stages[1].id), "index": 0},
        {"op": "remove", "target": str(touchpoint.id)},
        {
            "op": "set",
            "target": str(sample.journey.uuid),
            "field": "title",
            "base": "Omgevingsvergunning aanvragen",
            "value": "X",
        },
    ]
    for operation in refused:
        assert send(client, sample, sample.journey, operation).status_code == 403, operation
    assert fresh(sample.journey).document == before


def test_viewers_and_outsiders_change_nothing(sample: Any) -> None:
    touchpoint = _first_touchpoint(sample.journey)
    operation = {
        "op": "set",
        "target": str(touchpoint.id),
        "field": "name",
        "base": touchpoint.name,
        "value": "Gekaapt",
    }
    assert send(sample.client("viewer"), sample, sample.journey, operation).status_code == 403
    assert send(sample.client("outsider"), sample, sample.journey, operation).status_code == 404
    assert stored(sample.journey).stages[0].touchpoints[0].name == touchpoint.name


def test_an_edit_of_a_removed_item_says_so(sample: Any) -> None:
    touchpoint = _first_touchpoint(sample.journey)
    client = sample.client("editor")
    send(client, sample, sample.journey, {"op": "remove", "target": str(touchpoint.id)})
    response = send(
        client,
        sample,
        sample.journey,
        {"op": "set", "target": str(touchpoint.id), "field": "name", "base": touchpoint.name, "value": "Weg"},
    )
    assert response.status_code == 404
    assert response.json()["error"] == "missing"


def test_a_malformed_operation_is_refused_with_a_reason(sample: Any) -> None:
    client = sample.client("editor")
    address = sample.url("journeys:ops", journey=sample.journey.uuid)
    assert client.post(address, "not json", content_type="application/json").status_code == 400
    response = send(client, sample, sample.journey, {"op": "rename", "target": "x"})
    assert response.status_code == 400
    assert "unknown operation" in response.json()["message"]


def test_every_change_is_audited_with_the_operation(sample: Any) -> None:
    touchpoint = _first_touchpoint(sample.journey)
    send(
        sample.client("editor"),
        sample,
        sample.journey,
        {"op": "set", "target": str(touchpoint.id), "field": "name", "base": touchpoint.name, "value": "Zoeken"},
    )
    event = AuditEvent.objects.filter(workspace=sample.workspace, action="journey.set").latest("pk")
    assert event.user == sample.users["editor"]
    assert event.object_id == str(sample.journey.uuid)
    assert event.detail["value"] == "Zoeken"
    assert "Informatie zoeken" in event.summary


def test_edits_by_one_person_fold_into_one_version(sample: Any) -> None:
    touchpoint = _first_touchpoint(sample.journey)
    client = sample.client("owner")
    name = touchpoint.name
    for value in ("Een", "Twee", "Drie"):
        send(
            client,
            sample,
            sample.journey,
            {"op": "set", "target": str(touchpoint.id), "field": "name", "base": name, "value": value},
        )
        name = value
    journey = fresh(sample.journey)
    assert journey.version == 2
    assert journey.revision == 4
    latest = journey.versions.get(number=2)
    assert latest.edits == 3
    assert latest.author == sample.users["owner"]


def test_the_save_endpoint_needs_the_csrf_token(sample: Any) -> None:
    from django.test import Client

    touchpoint = _first_touchpoint(sample.journey)
    client = Client(enforce_csrf_checks=True)
    client.force_login(sample.users["editor"])
    address = url(sample, "journeys:ops", sample.journey)
    body = json.dumps(
        {"op": "set", "target": str(touchpoint.id), "field": "name", "base": touchpoint.name, "value": "Zonder token"}
    )
    assert client.post(address, body, content_type="application/json").status_code == 403
    page = client.get(url(sample, "journeys:editor", sample.journey)).content.decode()
    token = page.split('"X-CSRFToken": "')[1].split('"')[0]  # base.html hands it to htmx and the editor script
    accepted = client.post(address, body, content_type="application/json", HTTP_X_CSRFTOKEN=token)
    assert accepted.status_code == 200
    assert stored(sample.journey).stages[0].touchpoints[0].name == "Zonder token"


def test_the_journeys_goals_and_team_are_lists_edited_in_place(sample: Any) -> None:
    target = str(sample.journey.uuid)
    client = sample.client("editor")
    body = send(
        client,
        sample,
        sample.journey,
        {"op": "set", "target": target, "field": "goals", "base": [], "value": ["Minder belletjes", "Sneller besluit"]},
    ).json()
    assert "Minder belletjes\nSneller besluit" in body["parts"]["jm-head"]
    assert stored(sample.journey).goals == ["Minder belletjes", "Sneller besluit"]
    refused = send(
        client,
        sample,
        sample.journey,
        {"op": "set", "target": target, "field": "state", "base": "current", "value": "someday"},
    )
    assert refused.status_code == 400
