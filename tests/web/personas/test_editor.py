"""The persona editor: every field, validated by the journey model, copied into the journeys that use it."""

from __future__ import annotations

from typing import Any

from klantreis.journey.persona import Persona
from klantreis.web.journeys.models import Journey
from klantreis.web.personas.models import WorkspacePersona
from klantreis.web.workspaces.models import AuditEvent

FULL = {
    "name": "Henk Jansen",
    "kind": "customer",
    "segment": "Ondernemers",
    "quote": "Tijd is geld.",
    "description": "Runs a bakery.\nBusy mornings.",
    "age": "52",
    "occupation": "Bakker",
    "goals": "Uitbreiden\n\n  Een terras  \n",
    "needs": "Eén loket",
    "motives": "Zekerheid",
    "values": "Vakmanschap",
    "frustrations": "Wachten\nDoorverwezen worden",
    "preferred_channels": ["phone", "counter"],
    "photo": "https://example.org/henk.jpg",
}


def test_an_editor_creates_a_persona_with_every_field(sample: Any) -> None:
    response = sample.client("editor").post(sample.url("personas:new"), FULL)
    created = WorkspacePersona.objects.get(workspace=sample.workspace, name="Henk Jansen")
    assert response.status_code == 302
    assert response["Location"] == sample.url("personas:edit", persona=created.uuid)
    persona = created.parsed()
    assert persona.goals == ["Uitbreiden", "Een terras"]  # one per line, blank lines dropped
    assert persona.frustrations == ["Wachten", "Doorverwezen worden"]
    assert [c.value for c in persona.preferred_channels] == ["phone", "counter"]
    assert (persona.age, persona.occupation, persona.photo) == (52, "Bakker", "https://example.org/henk.jpg")
    assert AuditEvent.objects.filter(action="persona.create", object_id=str(created.uuid)).exists()


def test_the_kind_can_be_preset_for_employee_personas(sample: Any) -> None:
    html = sample.client("editor").get(sample.url("personas:new"), {"kind": "employee"}).content.decode()
    assert 'value="employee" required id="id_kind_1" checked' in html


def test_saving_updates_the_copy_in_every_journey_that_uses_it(sample: Any) -> None:
    fatima = sample.personas["fatima"]
    before = sample.journey.version
    data = {**FULL, "name": "Fatima el Amrani-Bakker", "photo": ""}
    response = sample.client("editor").post(sample.url("personas:edit", persona=fatima.uuid), data)
    assert response.status_code == 302
    journey = Journey.objects.get(pk=sample.journey.pk)
    embedded = journey.parsed().persona(fatima.uuid)
    assert embedded is not None
    assert embedded.name == "Fatima el Amrani-Bakker"
    assert embedded.goals == ["Uitbreiden", "Een terras"]
    assert journey.version == before + 1
    assert journey.versions.count() == 2
    assert AuditEvent.objects.filter(action="journey.replace", object_id=str(journey.uuid)).exists()
    assert AuditEvent.objects.filter(action="persona.update", object_id=str(fatima.uuid)).exists()


def test_saving_an_unused_persona_touches_no_journey(sample: Any) -> None:
    ruud = sample.personas["ruud"]
    data = {"name": "Ruud", "kind": "employee"}
    sample.client("editor").post(sample.url("personas:edit", persona=ruud.uuid), data)
    assert Journey.objects.get(pk=sample.journey.pk).version == sample.journey.version
    assert WorkspacePersona.objects.get(pk=ruud.pk).name == "Ruud"


def test_field_errors_are_shown_and_nothing_is_saved(sample: Any) -> None:
    fatima = sample.personas["fatima"]
    data = {**FULL, "name": "", "age": "200", "preferred_channels": ["carrier_pigeon"]}
    response = sample.client("editor").post(sample.url("personas:edit", persona=fatima.uuid), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('class="error" role="alert"') == 3
    assert WorkspacePersona.objects.get(pk=fatima.pk).name == "Fatima el Amrani"


def test_the_journey_model_has_the_last_word(sample: Any) -> None:
    data = {**FULL, "goals": "x" * 20_001}  # a list item longer than the document model allows
    response = sample.client("editor").post(sample.url("personas:new"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "at most 20000 characters" in html
    assert not WorkspacePersona.objects.filter(name="Henk Jansen").exists()


def test_channels_are_offered_in_the_interface_language(sample: Any) -> None:
    client = sample.client("editor")
    client.cookies["django_language"] = "nl"
    html = client.get(sample.url("personas:edit", persona=sample.personas["fatima"].uuid)).content.decode()
    assert "Balie" in html
    assert "Telefoon" in html
    assert 'value="phone"' in html
    assert "checked" in html


def test_the_edit_page_lists_the_journeys_the_persona_appears_in(sample: Any) -> None:
    url = sample.url("personas:edit", persona=sample.personas["fatima"].uuid)
    html = sample.client("viewer").get(url).content.decode()
    link = f"/w/gemeente-voorbeeld/journeys/{sample.journey.uuid}/"
    assert link in html
    assert "Omgevingsvergunning aanvragen" in html


def test_readers_see_a_profile_without_a_form(sample: Any) -> None:
    url = sample.url("personas:edit", persona=sample.personas["fatima"].uuid)
    html = sample.client("contributor").get(url).content.decode()
    assert "<textarea" not in html
    assert "Duidelijke uitleg" in html
    assert "Verpleegkundige" in html


def test_readers_cannot_save(sample: Any) -> None:
    fatima = sample.personas["fatima"]
    response = sample.client("contributor").post(sample.url("personas:edit", persona=fatima.uuid), FULL)
    assert response.status_code == 403
    assert WorkspacePersona.objects.get(pk=fatima.pk).name == "Fatima el Amrani"


def test_a_persona_of_another_workspace_is_not_found(sample: Any) -> None:
    theirs = WorkspacePersona(workspace=sample.elsewhere)
    theirs.store(Persona(name="Theirs"))
    theirs.save()
    response = sample.client("owner").get(sample.url("personas:edit", persona=theirs.uuid))
    assert response.status_code == 404
