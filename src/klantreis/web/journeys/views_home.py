"""Home: send users to their (first) workspace, or to the workspace chooser."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from klantreis.web.workspaces.models import Membership


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Open the only workspace directly; with several (or none), let the user choose."""
    memberships = list(Membership.objects.filter(user_id=request.user.pk).select_related("workspace")[:2])
    if len(memberships) == 1:
        return redirect("journeys:list", ws=memberships[0].workspace.slug)
    return redirect("workspaces:choose")
