"""The audit log of a workspace: who changed what, newest first, filtered by person and action."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from klantreis.web.workspaces.access import enter
from klantreis.web.workspaces.forms import AuditFilterForm
from klantreis.web.workspaces.models import AuditEvent, Role

PAGE_SIZE = 50

# Readable names for the actions the apps record; unknown actions show their code.
ACTIONS = {
    "workspace.create": _("Workspace created"),
    "workspace.rename": _("Workspace renamed"),
    "member.add": _("Member added"),
    "member.role": _("Role changed"),
    "member.remove": _("Member removed"),
    "account.create": _("Account created"),
    "journey.create": _("Journey created"),
    "journey.set": _("Journey edited"),
    "journey.add": _("Item added"),
    "journey.move": _("Item moved"),
    "journey.remove": _("Item removed"),
    "journey.replace": _("Journey replaced"),
    "journey.delete": _("Journey deleted"),
    "comment.add": _("Comment added"),
    "share.create": _("Share link created"),
    "share.revoke": _("Share link revoked"),
    "persona.create": _("Persona created"),
    "persona.update": _("Persona changed"),
    "persona.avatar": _("Persona picture changed"),
    "persona.delete": _("Persona deleted"),
}


def action_label(action: str) -> str:
    """The readable name of an action code."""
    return str(ACTIONS.get(action, action))


def audit_log(request: HttpRequest, ws: str) -> HttpResponse:
    """Every member may read the log: it shows the team's work, never passwords or secrets."""
    workspace = enter(request, ws, Role.VIEWER).workspace
    events = AuditEvent.objects.filter(workspace=workspace)
    people = events.exclude(user=None).values_list("user_id", "user__username").distinct().order_by("user__username")
    codes = events.values_list("action", flat=True).distinct().order_by("action")
    form = AuditFilterForm(
        request.GET or None,
        users=list(people),
        actions=[(code, action_label(code)) for code in codes],
    )
    if form.is_valid():
        if form.cleaned_data["user"]:
            events = events.filter(user_id=form.cleaned_data["user"])
        if form.cleaned_data["action"]:
            events = events.filter(action=form.cleaned_data["action"])
    page = Paginator(events.select_related("user"), PAGE_SIZE).get_page(request.GET.get("page"))
    for event in page.object_list:
        event.label = action_label(event.action)
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode(), "filtering": bool(query)}
    return render(request, "workspaces/audit.html", context)
