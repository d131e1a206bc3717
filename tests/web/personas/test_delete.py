"""Deleting a persona: editors only, by POST, and never while journeys still use it."""

from __future__ import annotations

from typing import Any

from klantreis.web.personas.models import WorkspacePersona
from klantreis.web.workspaces.models import AuditEvent


def test_it_refuses_while_journeys_use_the_persona_and_lists_them(sample: Any) -> None:
    fatima = sample.personas["fatima"]
    response = sample.client("editor").post(sample.url("personas:delete", persona=fatima.uuid))
    html = response.content.decode()
    assert response.status_code == 409
    assert "is still in use" in html
    assert "Omgevingsvergunning aanvragen" in html
    assert WorkspacePersona.objects.filter(pk=fatima.pk).exists()


def test_the_confirmation_page_warns_before_anything_happens(sample: Any) -> None:
    fatima = sample.personas["fatima"]
    html = sample.client("editor").get(sample.url("personas:delete", persona=fatima.uuid)).content.decode()
    assert "Omgevingsvergunning aanvragen" in html
    assert "Delete for good" not in html


def test_an_editor_deletes_an_unused_persona(sample: Any) -> None:
    ruud = sample.personas["ruud"]
    response = sample.client("editor").post(sample.url("personas:delete", persona=ruud.uuid))
    assert response.status_code == 302
    assert not WorkspacePersona.objects.filter(pk=ruud.pk).exists()
    assert AuditEvent.objects.filter(action="persona.delete", object_id=str(ruud.uuid)).exists()


def test_contributors_cannot_delete(sample: Any) -> None:
    ruud = sample.personas["ruud"]
    assert sample.client("contributor").post(sample.url("personas:delete", persona=ruud.uuid)).status_code == 403
    assert WorkspacePersona.objects.filter(pk=ruud.pk).exists()
