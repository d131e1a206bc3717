"""Workspace pages: choose or create a workspace, and rename it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from klantreis.web.workspaces.access import enter
from klantreis.web.workspaces.forms import RenameForm, WorkspaceForm
from klantreis.web.workspaces.members import create_workspace, rename_workspace
from klantreis.web.workspaces.models import Membership, Role


@login_required
def choose(request: HttpRequest) -> HttpResponse:
    """List the user's workspaces with their role; POST creates a workspace the user owns."""
    form = WorkspaceForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        workspace = create_workspace(request.user, form.cleaned_data["name"], form.cleaned_data["slug"])
        messages.success(request, _("Workspace “%(name)s” is ready; you are its owner.") % {"name": workspace.name})
        return redirect("journeys:list", ws=workspace.slug)
    memberships = Membership.objects.filter(user_id=request.user.pk).select_related("workspace")
    memberships = memberships.order_by("workspace__name")
    return render(request, "workspaces/choose.html", {"memberships": memberships, "form": form})


def workspace_settings(request: HttpRequest, ws: str) -> HttpResponse:
    """Owners rename the workspace; its short name stays so that links keep working."""
    membership = enter(request, ws, Role.OWNER)
    workspace = membership.workspace
    form = RenameForm(request.POST if request.method == "POST" else None, initial={"name": workspace.name})
    if request.method == "POST" and form.is_valid():
        rename_workspace(workspace, request.user, form.cleaned_data["name"])
        messages.success(request, _("The workspace is renamed."))
        return redirect("workspaces:settings", ws=ws)
    return render(request, "workspaces/settings.html", {"form": form})
