"""Members: everyone sees them; owners add, re-role and remove; administrators create accounts."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.test import Client

from klantreis.web.workspaces.models import AuditEvent, Membership, Role


def _membership(sample: Any, role: str) -> Any:
    return Membership.objects.get(workspace=sample.workspace, user=sample.users[role])


def test_every_member_sees_the_members_and_their_roles(sample: Any) -> None:
    response = sample.client("viewer").get(sample.url("workspaces:members"))
    html = response.content.decode()
    assert response.status_code == 200
    for role in ("owner", "editor", "contributor", "viewer"):
        assert f"voorbeeld-{role}" in html
    assert "elders-owner" not in html
    assert "<select" not in html  # no role controls for non-owners


def test_an_owner_adds_an_existing_account_with_a_role(sample: Any) -> None:
    data = {"username": "elders-owner", "role": "contributor"}
    response = sample.client("owner").post(sample.url("workspaces:members"), data)
    assert response.status_code == 302
    added = Membership.objects.get(workspace=sample.workspace, user=sample.outsider)
    assert added.role == Role.CONTRIBUTOR
    event = AuditEvent.objects.get(workspace=sample.workspace, action="member.add")
    assert event.user == sample.users["owner"]


def test_adding_an_unknown_username_says_so(sample: Any) -> None:
    response = sample.client("owner").post(sample.url("workspaces:members"), {"username": "nobody", "role": "viewer"})
    assert "There is no account with this username." in response.content.decode()


def test_adding_a_member_twice_says_so(sample: Any) -> None:
    data = {"username": "voorbeeld-viewer", "role": "editor"}
    response = sample.client("owner").post(sample.url("workspaces:members"), data)
    assert "is already a member" in response.content.decode()
    assert _membership(sample, "viewer").role == Role.VIEWER


def test_an_editor_cannot_add_members(sample: Any) -> None:
    data = {"username": "elders-owner", "role": "owner"}
    response = sample.client("editor").post(sample.url("workspaces:members"), data)
    assert response.status_code == 403
    assert not Membership.objects.filter(workspace=sample.workspace, user=sample.outsider).exists()


def test_an_owner_changes_a_role_inline_with_htmx(sample: Any) -> None:
    target = _membership(sample, "viewer")
    url = sample.url("workspaces:member_role", member=target.pk)
    response = sample.client("owner").post(url, {"role": "editor"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.startswith('<table class="table members" id="members">')  # only the table, to swap in
    assert "Saved" in html
    target.refresh_from_db()
    assert target.role == Role.EDITOR
    assert AuditEvent.objects.get(action="member.role").detail == {
        "user": "voorbeeld-viewer",
        "from": "viewer",
        "to": "editor",
    }


def test_without_htmx_a_role_change_returns_to_the_page(sample: Any) -> None:
    target = _membership(sample, "contributor")
    response = sample.client("owner").post(sample.url("workspaces:member_role", member=target.pk), {"role": "viewer"})
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.role == Role.VIEWER


def test_the_last_owner_cannot_step_down(sample: Any) -> None:
    owner = _membership(sample, "owner")
    url = sample.url("workspaces:member_role", member=owner.pk)
    response = sample.client("owner").post(url, {"role": "viewer"}, headers={"HX-Request": "true"})
    assert "A workspace needs an owner" in response.content.decode()
    owner.refresh_from_db()
    assert owner.role == Role.OWNER


def test_the_last_owner_cannot_be_removed(sample: Any) -> None:
    owner = _membership(sample, "owner")
    response = sample.client("owner").post(sample.url("workspaces:member_remove", member=owner.pk), follow=True)
    assert "A workspace needs an owner" in response.content.decode()
    assert Membership.objects.filter(pk=owner.pk).exists()


def test_an_owner_may_leave_when_another_owner_remains(sample: Any) -> None:
    editor = _membership(sample, "editor")
    editor.role = Role.OWNER
    editor.save()
    owner = _membership(sample, "owner")
    response = sample.client("owner").post(sample.url("workspaces:member_remove", member=owner.pk))
    assert response["Location"] == "/workspaces/"
    assert not Membership.objects.filter(pk=owner.pk).exists()


def test_an_owner_who_steps_down_with_htmx_gets_the_page_reloaded(sample: Any) -> None:
    Membership.objects.filter(pk=_membership(sample, "editor").pk).update(role=Role.OWNER)
    owner = _membership(sample, "owner")
    url = sample.url("workspaces:member_role", member=owner.pk)
    response = sample.client("owner").post(url, {"role": "editor"}, headers={"HX-Request": "true"})
    assert response.status_code == 204
    assert response["HX-Refresh"] == "true"


def test_an_owner_removes_a_member(sample: Any) -> None:
    viewer = _membership(sample, "viewer")
    sample.client("owner").post(sample.url("workspaces:member_remove", member=viewer.pk))
    assert not Membership.objects.filter(pk=viewer.pk).exists()
    assert AuditEvent.objects.filter(action="member.remove", summary="voorbeeld-viewer").exists()


def test_a_member_of_another_workspace_cannot_be_touched_through_this_one(sample: Any) -> None:
    theirs = Membership.objects.get(user=sample.outsider)
    response = sample.client("owner").post(sample.url("workspaces:member_remove", member=theirs.pk))
    assert response.status_code == 404
    assert Membership.objects.filter(pk=theirs.pk).exists()


def test_an_administrator_creates_an_account_and_sees_its_password_once(sample: Any) -> None:
    owner = sample.users["owner"]
    owner.is_staff = True
    owner.save()
    data = {"username": "nieuwe.collega", "first_name": "Nina", "role": "contributor"}
    response = sample.client("owner").post(sample.url("workspaces:new_account"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    password = html.split('id="initial-password" class="copy-field" type="text" value="')[1].split('"')[0]
    assert len(password) >= 12
    user = get_user_model().objects.get(username="nieuwe.collega")
    assert Membership.objects.get(user=user).role == Role.CONTRIBUTOR
    assert Client().login(username="nieuwe.collega", password=password)
    event = AuditEvent.objects.get(action="account.create")
    assert password not in str(event.detail) + event.summary
    again = sample.client("owner").get(sample.url("workspaces:members")).content.decode()
    assert password not in again


def test_only_administrators_create_accounts(sample: Any) -> None:
    data = {"username": "nieuwe.collega", "role": "viewer"}
    response = sample.client("owner").post(sample.url("workspaces:new_account"), data)
    assert response.status_code == 403
    assert not get_user_model().objects.filter(username="nieuwe.collega").exists()
    assert "Create an account" not in sample.client("owner").get(sample.url("workspaces:members")).content.decode()


def test_a_new_account_needs_a_free_username(sample: Any) -> None:
    owner = sample.users["owner"]
    owner.is_staff = True
    owner.save()
    data = {"username": "Voorbeeld-Viewer", "role": "viewer"}
    response = sample.client("owner").post(sample.url("workspaces:new_account"), data)
    assert "An account with this username exists" in response.content.decode()
