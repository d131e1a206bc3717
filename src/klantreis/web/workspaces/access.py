"""Every object is checked against the user's workspace and role: the one place that decides."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from klantreis.web.workspaces.models import AuditEvent, Membership, Role, Workspace


def membership_for(request: HttpRequest, slug: str, needed: Role = Role.VIEWER) -> Membership:
    """The user's membership of workspace `slug`; 404 when not a member, 403 when the role is too low."""
    user = request.user
    if not user.is_authenticated:
        raise Http404
    membership = Membership.objects.select_related("workspace").filter(workspace__slug=slug, user_id=user.pk).first()
    if membership is None:
        # Outsiders learn nothing, not even that the workspace exists.
        raise Http404
    if not membership.allows(needed):
        raise PermissionDenied
    return membership


def enter(request: HttpRequest, slug: str, needed: Role = Role.VIEWER) -> Membership:
    """`membership_for`, remembered on the request so the page shows the workspace's navigation."""
    membership = membership_for(request, slug, needed)
    request.membership = membership  # type: ignore[attr-defined, unused-ignore]
    return membership


def audit(
    workspace: Workspace,
    user: AbstractBaseUser | AnonymousUser | None,
    action: str,
    summary: str = "",
    *,
    object_type: str = "",
    object_id: str = "",
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Record who did what in the workspace's audit log."""
    actor = user if user is not None and user.is_authenticated else None
    return AuditEvent.objects.create(
        workspace=workspace,
        user=actor,
        action=action,
        summary=summary[:500],
        object_type=object_type,
        object_id=object_id,
        detail=detail or {},
    )
