"""Find the journey a request is about, after checking the user's workspace role."""

from __future__ import annotations

from uuid import UUID

from django.http import Http404, HttpRequest

from klantreis.web.journeys.models import Journey
from klantreis.web.workspaces.access import membership_for
from klantreis.web.workspaces.models import Membership, Role


def member(request: HttpRequest, ws: str, needed: Role = Role.VIEWER) -> Membership:
    """The user's membership of `ws` with at least role `needed`; shown in the page's workspace nav."""
    membership = membership_for(request, ws, needed)
    request.membership = membership
    return membership


def journey_for(request: HttpRequest, ws: str, journey: UUID, needed: Role = Role.VIEWER) -> Journey:
    """The journey `journey` of workspace `ws`; 404 when it belongs elsewhere, 403 when the role is too low."""
    membership = member(request, ws, needed)
    found = Journey.objects.filter(workspace=membership.workspace, uuid=journey).first()
    if found is None:
        raise Http404
    found.workspace = membership.workspace  # the same row, loaded with the membership
    return found


def can(request: HttpRequest, needed: Role) -> bool:
    """Whether the member behind this request has at least role `needed` (for showing controls)."""
    membership: Membership | None = getattr(request, "membership", None)
    return membership is not None and membership.allows(needed)
