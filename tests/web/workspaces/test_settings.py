"""Workspace settings: owners rename the workspace; its short name stays."""

from __future__ import annotations

from typing import Any

from klantreis.web.workspaces.models import AuditEvent, Workspace


def test_an_owner_renames_the_workspace(sample: Any) -> None:
    response = sample.client("owner").post(sample.url("workspaces:settings"), {"name": "Gemeente Nieuwdorp"})
    assert response.status_code == 302
    workspace = Workspace.objects.get(pk=sample.workspace.pk)
    assert (workspace.name, workspace.slug) == ("Gemeente Nieuwdorp", "gemeente-voorbeeld")
    assert AuditEvent.objects.get(action="workspace.rename").detail == {
        "from": "Gemeente Voorbeeld",
        "to": "Gemeente Nieuwdorp",
    }


def test_an_empty_name_is_refused(sample: Any) -> None:
    response = sample.client("owner").post(sample.url("workspaces:settings"), {"name": ""})
    assert response.status_code == 200
    assert Workspace.objects.get(pk=sample.workspace.pk).name == "Gemeente Voorbeeld"


def test_editors_cannot_rename(sample: Any) -> None:
    response = sample.client("editor").post(sample.url("workspaces:settings"), {"name": "Overgenomen"})
    assert response.status_code == 403
    assert Workspace.objects.get(pk=sample.workspace.pk).name == "Gemeente Voorbeeld"
