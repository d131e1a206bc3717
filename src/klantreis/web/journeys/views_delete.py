"""Delete a journey: owners only, after a confirmation page, by POST."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from klantreis.web.journeys.lookup import journey_for
from klantreis.web.workspaces.access import audit
from klantreis.web.workspaces.models import Role


def delete(request: HttpRequest, ws: str, journey: UUID) -> HttpResponse:
    """Ask for confirmation; on POST delete the journey with its history, comments and share links."""
    found = journey_for(request, ws, journey, Role.OWNER)
    if request.method != "POST":
        return render(request, "journeys/delete.html", {"journey": found})
    with transaction.atomic():
        audit(
            found.workspace,
            request.user,
            "journey.delete",
            found.title,
            object_type="journey",
            object_id=str(found.uuid),
        )
        found.delete()
    messages.success(request, _("The journey “%(title)s” is deleted.") % {"title": found.title})
    return redirect("journeys:list", ws=ws)
