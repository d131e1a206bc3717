"""The workspace chooser: my workspaces with my role, and creating a new one."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from klantreis.web.workspaces.models import AuditEvent, Membership, Role, Workspace


def test_it_lists_only_my_workspaces_with_my_role(sample: Any) -> None:
    response = sample.client("editor").get(reverse("workspaces:choose"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Gemeente Voorbeeld" in html
    assert "Gemeente Elders" not in html
    assert 'class="tag role-editor"' in html


def test_creating_a_workspace_makes_me_its_owner(sample: Any) -> None:
    response = sample.client("viewer").post(reverse("workspaces:choose"), {"name": "Provincie Midden"})
    workspace = Workspace.objects.get(name="Provincie Midden")
    assert workspace.slug == "provincie-midden"
    assert response.status_code == 302
    assert response["Location"] == reverse("journeys:list", kwargs={"ws": "provincie-midden"})
    membership = Membership.objects.get(workspace=workspace)
    assert (membership.user, membership.role) == (sample.users["viewer"], Role.OWNER)
    assert AuditEvent.objects.filter(workspace=workspace, action="workspace.create").exists()


def test_a_name_that_is_taken_gets_a_numbered_short_name(sample: Any) -> None:
    sample.client("owner").post(reverse("workspaces:choose"), {"name": "Gemeente Voorbeeld"})
    assert Workspace.objects.filter(slug="gemeente-voorbeeld-2").exists()


def test_it_refuses_a_short_name_that_is_taken(sample: Any) -> None:
    data = {"name": "Another", "slug": "gemeente-voorbeeld"}
    response = sample.client("owner").post(reverse("workspaces:choose"), data)
    assert response.status_code == 200
    assert "This short name is taken" in response.content.decode()
    assert not Workspace.objects.filter(name="Another").exists()


def test_anonymous_visitors_are_sent_to_log_in(db: None, client: Any) -> None:
    response = client.get(reverse("workspaces:choose"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
