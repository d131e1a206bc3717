"""Persona pages: the gallery, the editor (a profile for readers) and deletion."""

from __future__ import annotations

from collections import Counter
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from klantreis.journey.vocabulary import Channel, PersonaKind
from klantreis.render.cards import initials
from klantreis.web.journeys.models import Journey
from klantreis.web.personas.forms import LISTS, AvatarForm, PersonaForm, ui_lang
from klantreis.web.personas.models import WorkspacePersona
from klantreis.web.personas.service import PersonaInUseError, delete_persona, journeys_using, save_persona
from klantreis.web.workspaces.access import enter
from klantreis.web.workspaces.models import Role, Workspace


def find(workspace: Workspace, persona: UUID) -> WorkspacePersona:
    """The gallery persona `persona` of the workspace; 404 when it belongs elsewhere."""
    found = WorkspacePersona.objects.filter(workspace=workspace, uuid=persona).first()
    if found is None:
        raise Http404
    return found


def picture_url(gallery: WorkspacePersona) -> str:
    """Where the browser gets the persona's face: the uploaded picture, an embedded photo, or nothing."""
    if gallery.avatar:
        url = reverse("personas:avatar_image", kwargs={"ws": gallery.workspace.slug, "persona": gallery.uuid})
        return f"{url}?v={int(gallery.updated.timestamp())}"  # a new upload gets a new address
    photo = str(gallery.data.get("photo", ""))
    return photo if photo.startswith("data:image/") else ""


def card(gallery: WorkspacePersona, lang: str, uses: int = 0) -> dict[str, Any]:
    """What the gallery shows of one persona."""
    data = gallery.data
    return {
        "persona": gallery,
        "picture": picture_url(gallery),
        "initials": initials(gallery.name),
        "kind": PersonaKind(gallery.kind).label(lang),
        "segment": data.get("segment", ""),
        "quote": data.get("quote", ""),
        "uses": uses,
    }


def persona_list(request: HttpRequest, ws: str) -> HttpResponse:
    """The gallery of the workspace's personas, optionally only customers or only employees."""
    membership = enter(request, ws, Role.VIEWER)
    workspace, lang = membership.workspace, ui_lang()
    kind = request.GET.get("kind", "")
    personas = WorkspacePersona.objects.filter(workspace=workspace).select_related("workspace")
    if kind in {k.value for k in PersonaKind}:
        personas = personas.filter(kind=kind)
    else:
        kind = ""
    uses = Counter(
        pid for ids in Journey.objects.filter(workspace=workspace).values_list("persona_ids", flat=True) for pid in ids
    )
    context = {
        "cards": [card(p, lang, uses[str(p.uuid)]) for p in personas],
        "kind": kind,
        "kinds": [(k.value, k.label(lang)) for k in PersonaKind],
        "can_edit": membership.allows(Role.EDITOR),
    }
    return render(request, "personas/list.html", context)


def persona_new(request: HttpRequest, ws: str) -> HttpResponse:
    """Create a persona; the kind may be preset from the gallery filter (?kind=employee)."""
    membership = enter(request, ws, Role.EDITOR)
    kind = request.GET.get("kind", PersonaKind.CUSTOMER.value)
    form = PersonaForm(request.POST if request.method == "POST" else None, lang=ui_lang(), initial={"kind": kind})
    if request.method == "POST" and form.is_valid():
        persona = form.persona(None)
        if persona is not None:
            save_persona(membership.workspace, persona, request.user)
            messages.success(request, _("Persona “%(name)s” created.") % {"name": persona.name})
            return redirect("personas:edit", ws=ws, persona=persona.id)
    return render(request, "personas/form.html", {"form": form, "creating": True})


def persona_edit(request: HttpRequest, ws: str, persona: UUID) -> HttpResponse:
    """Edit a persona (editors) or read its profile (everyone), with the journeys it appears in."""
    membership = enter(request, ws, Role.EDITOR if request.method == "POST" else Role.VIEWER)
    gallery = find(membership.workspace, persona)
    base, lang = gallery.parsed(), ui_lang()
    form = PersonaForm(
        request.POST if request.method == "POST" else None,
        lang=lang,
        initial=PersonaForm.initial_for(base),
        uploaded=bool(gallery.avatar),
    )
    if request.method == "POST" and form.is_valid():
        changed = form.persona(base)
        if changed is not None:
            updated = save_persona(membership.workspace, changed, request.user, gallery)
            messages.success(request, _("Persona “%(name)s” saved.") % {"name": changed.name})
            if updated:
                count = len(updated)
                also = ngettext("Also updated in %(count)d journey.", "Also updated in %(count)d journeys.", count)
                messages.info(request, also % {"count": count})
            return redirect("personas:edit", ws=ws, persona=persona)
    context = {
        "form": form,
        "card": card(gallery, lang),
        "profile": base,
        "channels": [Channel(c).label(lang) for c in base.preferred_channels],
        "lists": [(form.fields[name].label, getattr(base, name)) for name in LISTS if getattr(base, name)],
        "journeys": journeys_using(membership.workspace, gallery.uuid),
        "can_edit": membership.allows(Role.EDITOR),
        "avatar_form": AvatarForm(),
    }
    return render(request, "personas/form.html", context)


def persona_delete(request: HttpRequest, ws: str, persona: UUID) -> HttpResponse:
    """Ask, then delete an unused persona; while journeys use it, list them instead."""
    membership = enter(request, ws, Role.EDITOR)
    gallery = find(membership.workspace, persona)
    if request.method == "POST":
        try:
            delete_persona(gallery, request.user)
        except PersonaInUseError as refusal:
            context = {"persona": gallery, "journeys": refusal.journeys}
            return render(request, "personas/delete.html", context, status=409)
        messages.success(request, _("Persona “%(name)s” deleted.") % {"name": gallery.name})
        return redirect("personas:list", ws=ws)
    context = {"persona": gallery, "journeys": journeys_using(membership.workspace, gallery.uuid)}
    return render(request, "personas/delete.html", context)
