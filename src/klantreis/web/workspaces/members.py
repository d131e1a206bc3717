"""Workspace and membership changes as transactions, each audited; a workspace never loses its last owner."""

from __future__ import annotations

import secrets
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from klantreis.web.workspaces.access import audit
from klantreis.web.workspaces.models import Membership, Role, Workspace

SLUG_LENGTH = 60


class MembershipError(ValueError):
    """A membership change that would break a rule, with a message for the user."""


def unique_slug(name: str) -> str:
    """A free short name derived from `name`: gemeente-voorbeeld, gemeente-voorbeeld-2, ..."""
    base = slugify(name)[: SLUG_LENGTH - 4].strip("-") or "workspace"
    slug, number = base, 1
    while Workspace.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def create_workspace(user: Any, name: str, slug: str = "") -> Workspace:
    """A new workspace with `user` as its owner."""
    with transaction.atomic():
        workspace = Workspace.objects.create(name=name, slug=slug or unique_slug(name))
        Membership.objects.create(workspace=workspace, user=user, role=Role.OWNER)
        audit(workspace, user, "workspace.create", name, object_type="workspace", object_id=workspace.slug)
    return workspace


def rename_workspace(workspace: Workspace, user: Any, name: str) -> None:
    """Give the workspace a new name (its short name, used in links, stays)."""
    old = workspace.name
    if old == name:
        return
    with transaction.atomic():
        workspace.name = name
        workspace.save(update_fields=["name"])
        audit(
            workspace,
            user,
            "workspace.rename",
            f"{old} → {name}",
            object_type="workspace",
            object_id=workspace.slug,
            detail={"from": old, "to": name},
        )


def add_member(workspace: Workspace, actor: Any, user: Any, role: str) -> Membership:
    """Make an existing user a member with `role`."""
    with transaction.atomic():
        if Membership.objects.filter(workspace=workspace, user=user).exists():
            raise MembershipError(_("%(name)s is already a member.") % {"name": user.get_username()})
        membership = Membership.objects.create(workspace=workspace, user=user, role=role)
        audit(
            workspace,
            actor,
            "member.add",
            f"{user.get_username()}: {role}",
            object_type="member",
            object_id=str(user.pk),
            detail={"user": user.get_username(), "role": role},
        )
    return membership


def _other_owners(membership: Membership) -> int:
    # Locking the owner rows serialises concurrent demotions on PostgreSQL; SQLite's
    # immediate transactions already serialise every writer.
    owners = Membership.objects.select_for_update().filter(workspace_id=membership.workspace_id, role=Role.OWNER)
    return owners.exclude(pk=membership.pk).count()


def change_role(membership: Membership, actor: Any, role: str) -> None:
    """Give a member another role; the last owner cannot step down."""
    old = membership.role
    if old == role:
        return
    with transaction.atomic():
        if old == Role.OWNER and _other_owners(membership) == 0:
            raise MembershipError(_("A workspace needs an owner: make someone else owner first."))
        membership.role = role
        membership.save(update_fields=["role"])
        name = membership.user.get_username()
        audit(
            membership.workspace,
            actor,
            "member.role",
            f"{name}: {old} → {role}",
            object_type="member",
            object_id=str(membership.user_id),
            detail={"user": name, "from": old, "to": role},
        )


def remove_member(membership: Membership, actor: Any) -> None:
    """Take a member out of the workspace; the last owner cannot be removed."""
    with transaction.atomic():
        if membership.role == Role.OWNER and _other_owners(membership) == 0:
            raise MembershipError(_("A workspace needs an owner: make someone else owner first."))
        name = membership.user.get_username()
        audit(
            membership.workspace,
            actor,
            "member.remove",
            name,
            object_type="member",
            object_id=str(membership.user_id),
            detail={"user": name, "role": membership.role},
        )
        membership.delete()


def new_password() -> str:
    """An initial password that is hard to guess and easy to type over from the screen."""
    return secrets.token_urlsafe(12)


def create_account(workspace: Workspace, actor: Any, fields: dict[str, str], role: str) -> tuple[Any, str]:
    """A new account with a generated password, made a member with `role`; returns the user and password."""
    password = new_password()
    with transaction.atomic():
        user = get_user_model().objects.create_user(
            fields["username"],
            email=fields.get("email", ""),
            password=password,
            first_name=fields.get("first_name", ""),
            last_name=fields.get("last_name", ""),
        )
        Membership.objects.create(workspace=workspace, user=user, role=role)
        # The password is never written to the audit log.
        audit(
            workspace,
            actor,
            "account.create",
            f"{user.get_username()}: {role}",
            object_type="member",
            object_id=str(user.pk),
            detail={"user": user.get_username(), "role": role},
        )
    return user, password
