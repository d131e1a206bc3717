"""Share links: editors create and revoke them; anyone with the link (and password) sees the map."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from klantreis.web.journeys.forms import ShareForm, UnlockForm
from klantreis.web.journeys.labels import ui_lang
from klantreis.web.journeys.lookup import journey_for
from klantreis.web.journeys.models import ShareLink
from klantreis.web.journeys.readonly import shared_map_html
from klantreis.web.workspaces.access import audit
from klantreis.web.workspaces.models import Role

SESSION_UNLOCKED = "klantreis_unlocked_shares"


def share_links(request: HttpRequest, ws: str, journey: UUID) -> HttpResponse:
    """List the journey's share links; POST creates one (optionally with a password) or revokes one."""
    found = journey_for(request, ws, journey, Role.EDITOR)
    form = ShareForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        revoke = request.POST.get("revoke")
        if revoke:
            link = found.share_links.filter(pk=revoke if revoke.isdigit() else 0, revoked__isnull=True).first()
            if link is None:
                raise Http404
            link.revoked = timezone.now()
            link.save(update_fields=["revoked"])
            audit(
                found.workspace, request.user, "share.revoke", found.title, object_type="share", object_id=str(link.pk)
            )
            messages.success(request, _("The link is revoked; it no longer opens the map."))
            return redirect("journeys:share", ws=ws, journey=journey)
        if form.is_valid():
            link = ShareLink(journey=found, created_by=request.user)
            link.set_password(form.cleaned_data["password"])
            link.save()
            audit(
                found.workspace, request.user, "share.create", found.title, object_type="share", object_id=str(link.pk)
            )
            messages.success(request, _("A new share link is ready."))
            return redirect("journeys:share", ws=ws, journey=journey)
    links = found.share_links.select_related("created_by")
    return render(request, "journeys/share.html", {"journey": found, "links": links, "form": form})


def _unlocked(request: HttpRequest, link: ShareLink) -> bool:
    return not link.password_hash or link.token in request.session.get(SESSION_UNLOCKED, [])


@never_cache
def shared_map(request: HttpRequest, token: str) -> HttpResponse:
    """The read-only map behind a share link; a password form first when the link has one."""
    link = ShareLink.objects.select_related("journey").filter(token=token, revoked__isnull=True).first()
    if link is None:
        raise Http404
    form = UnlockForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if link.check_password(form.cleaned_data["password"]):
            request.session[SESSION_UNLOCKED] = [*request.session.get(SESSION_UNLOCKED, []), link.token][-50:]
            return redirect("share:view", token=token)
        form.add_error("password", _("This password does not open the map."))
    if not _unlocked(request, link):
        response = render(
            request,
            "journeys/share_unlock.html",
            {"form": form},
        )
    else:
        context = {"journey": link.journey, "map_html": shared_map_html(link.journey, ui_lang())}
        response = render(request, "journeys/share_view.html", context)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
