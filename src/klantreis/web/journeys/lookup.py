"""Find the journey a request is about, after checking the user's workspace role."""

from __future__ import annotations

from functools import cache
from typing import Any
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.models import F
from django.http import Http404, HttpRequest

from klantreis.web.journeys.models import Journey
from klantreis.web.workspaces.access import membership_for
from klantreis.web.workspaces.models import Membership, Role, Workspace


def member(request: HttpRequest, ws: str, needed: Role = Role.VIEWER) -> Membership:
    """The user's membership of `ws` with at least role `needed`; shown in the page's workspace nav."""
    membership = membership_for(request, ws, needed)
    request.membership = membership
    return membership


def journey_for(request: HttpRequest, ws: str, journey: UUID, needed: Role = Role.VIEWER) -> Journey:
    """The journey `journey` of workspace `ws`; 404 when it belongs elsewhere, 403 when the role is too low."""
    found = _with_membership(request, ws, journey)
    if found is None:
        member(request, ws, needed)  # not a member (404) or the role is too low (403): membership_for says
        raise Http404  # a member, but the workspace has no such journey
    if not found[1].allows(needed):
        raise PermissionDenied
    request.membership = found[1]
    return found[0]


def _with_membership(request: HttpRequest, ws: str, journey: UUID) -> tuple[Journey, Membership] | None:
    """The journey and the user's membership of its workspace, in one query (a map asks on every request)."""
    user = request.user
    if not user.is_authenticated:
        return None
    sql, order = _lookup_sql()
    values = {"journey": _uuid_field().get_db_prep_value(journey, connection), "workspace": ws, "user": user.pk}
    found = next(iter(Journey.objects.raw(sql, [values[name] for name in order])), None)
    if found is None:
        return None
    workspace = Workspace.from_db(found._state.db, ["id", "name", "slug"], [found.workspace_id, found.ws_name, ws])
    found.workspace = workspace
    member = [found.member_id, found.workspace_id, user.pk, found.member_role]
    membership = Membership.from_db(found._state.db, ["id", "workspace_id", "user_id", "role"], member)
    membership.workspace, membership.user = workspace, user
    return found, membership


# Stand-ins for the parameters of the lookup query while it is compiled (values no row has).
PLACES = {"journey": UUID(int=1), "workspace": "\x00workspace", "user": -1}


@cache
def _lookup_sql() -> tuple[str, list[str]]:
    """The SQL of the journey-with-membership lookup and the order of its parameters.

    Compiled by the ORM once per process: compiling the query costs four times running it, and
    a map's page and each of its stages ask for it.
    """
    query = (
        Journey.objects.filter(
            uuid=PLACES["journey"], workspace__slug=PLACES["workspace"], workspace__memberships__user_id=PLACES["user"]
        )
        .annotate(
            member_id=F("workspace__memberships__id"),
            member_role=F("workspace__memberships__role"),
            ws_name=F("workspace__name"),
        )
        .order_by()[:1]  # at most one: one journey per uuid and workspace, one membership per user
    )
    sql, params = query.query.sql_with_params()
    stand_ins = {_uuid_field().get_db_prep_value(PLACES["journey"], connection): "journey"}
    stand_ins.update({PLACES["workspace"]: "workspace", PLACES["user"]: "user"})
    order = [stand_ins[param] for param in params]
    if sorted(order) != sorted(PLACES):
        raise RuntimeError(f"unexpected parameters of the journey lookup query: {params}")
    return str(sql), order


def _uuid_field() -> Any:
    return Journey._meta.get_field("uuid")


def can(request: HttpRequest, needed: Role) -> bool:
    """Whether the member behind this request has at least role `needed` (for showing controls)."""
    membership: Membership | None = getattr(request, "membership", None)
    return membership is not None and membership.allows(needed)
