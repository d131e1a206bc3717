"""A persona's picture: editors upload or remove it; members see it, served so it can only be an image."""

from __future__ import annotations

from pathlib import PurePosixPath
from uuid import UUID

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from klantreis.web.personas.forms import AvatarForm
from klantreis.web.personas.images import CONTENT_TYPES, PictureError, prepare, read_upload
from klantreis.web.personas.service import set_picture
from klantreis.web.personas.views import find
from klantreis.web.workspaces.access import enter
from klantreis.web.workspaces.models import Role

# The picture response is an image and nothing else: no scripts, no plugins, no framing.
IMAGE_POLICY = "default-src 'none'; sandbox"


def avatar(request: HttpRequest, ws: str, persona: UUID) -> HttpResponse:
    """Upload a new picture (POST with a file) or remove it (POST with `remove`); GET shows the form."""
    membership = enter(request, ws, Role.EDITOR)
    gallery = find(membership.workspace, persona)
    form = AvatarForm()
    if request.method == "POST" and "remove" in request.POST:
        set_picture(gallery, None, request.user)
        messages.success(request, _("The picture is removed."))
        return redirect("personas:edit", ws=ws, persona=persona)
    if request.method == "POST":
        form = AvatarForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                picture = prepare(read_upload(form.cleaned_data["picture"]))
            except PictureError as problem:
                form.add_error("picture", str(problem))
            else:
                set_picture(gallery, picture, request.user)
                messages.success(request, _("The new picture is saved."))
                return redirect("personas:edit", ws=ws, persona=persona)
    return render(request, "personas/avatar.html", {"persona": gallery, "avatar_form": form})


@require_GET
def avatar_image(request: HttpRequest, ws: str, persona: UUID) -> HttpResponse:
    """The stored picture, for members of the workspace only."""
    membership = enter(request, ws, Role.VIEWER)
    gallery = find(membership.workspace, persona)
    extension = PurePosixPath(gallery.avatar.name or "").suffix.lstrip(".")
    if extension not in CONTENT_TYPES:
        raise Http404
    try:
        handle = gallery.avatar.storage.open(gallery.avatar.name, "rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, content_type=CONTENT_TYPES[extension])
    response["Content-Disposition"] = f'inline; filename="persona.{extension}"'
    response["Content-Security-Policy"] = IMAGE_POLICY
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=86400"
    return response
