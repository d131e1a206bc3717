"""The map editor's details panels: a touchpoint's every field, improvements, evidence and the employee mirror.

The panels only read: their controls save through the ops endpoint like every other edit, with
the same field-level conflict checks. The editor script asks for a panel with htmx's header; a
plain visit (a bookmark, a shared link) lands on the map with that panel open.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from klantreis.web.journeys import panels
from klantreis.web.journeys.labels import ui_lang
from klantreis.web.journeys.lookup import journey_for
from klantreis.web.journeys.mapview import Access
from klantreis.web.journeys.models import Journey
from klantreis.web.workspaces.models import Role

# The journey's lists the panels edit: their document key and the word in the editor's address.
LISTS = {"improvement": "improvements", "evidence": "evidence", "mirror": "mirror"}


def _access(request: HttpRequest) -> Access:
    membership = getattr(request, "membership", None)
    return Access.of(membership.role if membership else None)


def _answer(
    request: HttpRequest, journey: Journey, template: str, context: dict[str, Any], anchor: str
) -> HttpResponse:
    """The panel for the editor script, or the map with this panel opened for a plain visit."""
    if not request.htmx:
        address = reverse("journeys:editor", kwargs={"ws": journey.workspace.slug, "journey": journey.uuid})
        return redirect(f"{address}#{anchor}")
    access = _access(request)
    context = {
        **context,
        "journey": journey,
        "revision": journey.revision,
        "doc": journey.document["id"],
        "anchor": anchor,
        "can": access.structure,
        "observe": access.experience,
    }
    return render(request, template, context)


@require_safe
def touchpoint(request: HttpRequest, ws: str, journey: UUID, touchpoint: UUID) -> HttpResponse:
    """Every field of one touchpoint, with its KPIs, pain points, opportunities and activity rules."""
    found = journey_for(request, ws, journey, Role.VIEWER)
    context = panels.touchpoint_context(found.document, str(touchpoint), ui_lang())
    if context is None:
        raise Http404
    return _answer(request, found, "journeys/panel_touchpoint.html", context, f"touchpoint={touchpoint}")


def _item(request: HttpRequest, document: dict[str, Any], kind: str) -> tuple[dict[str, Any] | None, bool]:
    """The item named by ?item=, and whether one was asked for that no longer exists."""
    wanted = request.GET.get("item", "")
    if not wanted:
        return None, False
    item = panels.find_item(document, LISTS[kind], wanted)
    return item, item is None


@require_safe
def improvements(request: HttpRequest, ws: str, journey: UUID) -> HttpResponse:
    """The improvement backlog; with ?item= one improvement's form."""
    found = journey_for(request, ws, journey, Role.VIEWER)
    lang = ui_lang()
    item, missing = _item(request, found.document, "improvement")
    if item is not None:
        context = panels.improvement_context(found.document, item, lang)
        return _answer(request, found, "journeys/panel_improvement.html", context, f"improvement={item['id']}")
    context = {"rows": panels.improvement_rows(found.document, lang), "missing": missing}
    return _answer(request, found, "journeys/panel_improvements.html", context, "improvements")


@require_safe
def evidence(request: HttpRequest, ws: str, journey: UUID) -> HttpResponse:
    """The evidence behind the map; with ?item= one source's form."""
    found = journey_for(request, ws, journey, Role.VIEWER)
    lang = ui_lang()
    item, missing = _item(request, found.document, "evidence")
    if item is not None:
        context = panels.evidence_context(found.document, item, lang)
        return _answer(request, found, "journeys/panel_evidence_item.html", context, f"evidence={item['id']}")
    context = {"rows": panels.evidence_rows(found.document, lang), "missing": missing}
    return _answer(request, found, "journeys/panel_evidence.html", context, "evidence")


@require_safe
def mirror(request: HttpRequest, ws: str, journey: UUID) -> HttpResponse:
    """The employee mirror: estimates against the customers' ratings; with ?item= one entry's form."""
    found = journey_for(request, ws, journey, Role.VIEWER)
    lang = ui_lang()
    item, missing = _item(request, found.document, "mirror")
    if item is not None:
        context = panels.mirror_context(found.document, item, lang)
        return _answer(request, found, "journeys/panel_mirror_item.html", context, f"mirror={item['id']}")
    rows, spots, accuracy = panels.mirror_rows(found.document, lang)
    context = {
        "rows": rows,
        "blind_spots": spots,
        "accuracy": None if accuracy is None else round(accuracy * 100),
        "touchpoint_options": panels.touchpoint_options(found.document),
        "missing": missing,
    }
    return _answer(request, found, "journeys/panel_mirror.html", context, "mirror")
