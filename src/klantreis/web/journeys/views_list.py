"""The journey list of a workspace, with filters and a title search."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from klantreis.web.journeys.forms import FilterForm
from klantreis.web.journeys.labels import labels, ui_lang
from klantreis.web.journeys.lookup import can, member
from klantreis.web.journeys.models import Journey
from klantreis.web.personas.models import WorkspacePersona
from klantreis.web.workspaces.models import Role, Workspace

PAGE_SIZE = 50


def filtered(journeys: QuerySet[Journey], form: FilterForm) -> QuerySet[Journey]:
    """Apply the valid filters of `form` to `journeys`."""
    if not form.is_valid():
        return journeys
    data = form.cleaned_data
    if data["q"]:
        journeys = journeys.filter(title__icontains=data["q"])
    for field in ("kind", "state", "status", "owner"):
        if data[field]:
            journeys = journeys.filter(**{field: data[field]})
    if data["persona"]:
        # Persona ids are UUID strings, unique enough to find inside the stored JSON list.
        journeys = journeys.filter(persona_ids__icontains=data["persona"])
    return journeys


def _filter_form(request: HttpRequest, workspace: Workspace, lang: str) -> FilterForm:
    personas = [
        (str(p.uuid), p.name) for p in WorkspacePersona.objects.filter(workspace=workspace).only("uuid", "name")
    ]
    owners = list(
        Journey.objects.filter(workspace=workspace).exclude(owner="").order_by("owner").values_list("owner", flat=True)
    )
    return FilterForm(request.GET, lang=lang, personas=personas, owners=list(dict.fromkeys(owners)))


def journey_list(request: HttpRequest, ws: str) -> HttpResponse:
    """List the workspace's journeys, newest change first, filtered as the form asks."""
    membership = member(request, ws, Role.VIEWER)
    lang = ui_lang()
    form = _filter_form(request, membership.workspace, lang)
    journeys = (
        Journey.objects.filter(workspace=membership.workspace)
        .select_related("updated_by")
        .defer("changes")  # the list never needs the change feed
        .order_by("-updated")
    )
    page = Paginator(filtered(journeys, form), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "labels": labels(lang),
        "can_edit": can(request, Role.EDITOR),
        "filtering": any(request.GET.get(f) for f in form.fields),
    }
    return render(request, "journeys/list.html", context)
