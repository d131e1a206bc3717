"""The journey map editor page, and the poll that keeps it in step with other editors."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from klantreis.web.journeys.changes import parts_since
from klantreis.web.journeys.editing import comment_counts, comments_key, map_view, vocabulary
from klantreis.web.journeys.fragments import grid_chunks, head_html, parts_html, stage_bytes
from klantreis.web.journeys.lanes import DEFAULT_HIDDEN, LANES
from klantreis.web.journeys.lookup import can, journey_for, member
from klantreis.web.journeys.models import Journey
from klantreis.web.personas.models import WorkspacePersona
from klantreis.web.workspaces.models import Role

# Stands in for the map in the rendered page until the map's bytes take its place.
GRID_MARK = "<!--klantreis:map-->"
# Stands in for a stage id in the stage URL the editor script fills in.
STAGE_MARK = UUID(int=0)
EXPORT_FORMATS = (("yaml", "YAML"), ("json", "JSON"), ("mmd", "Mermaid"), ("html", "HTML"), ("svg", "SVG"))


def _messages() -> dict[str, str]:
    """Texts the editor script shows, translated here so the script holds no language."""
    return {
        "saving": _("Saving…"),
        "saved": _("Saved"),
        "conflict": _(
            "%(who)s changed this field to “%(theirs)s” while you were editing. Your text is kept: “%(mine)s”."
        ),
        "conflict_choice": _(
            "%(who)s set this to %(theirs)s just before you; the map now shows their choice. Choose again to change it."
        ),
        "someone": _("Someone"),
        "take_theirs": _("Take theirs"),
        "keep_mine": _("Overwrite with mine"),
        "missing": _("This item was removed by someone else. Your text is kept: “%(mine)s”."),
        "invalid": _("This value cannot be saved: %(detail)s"),
        "forbidden": _("Your role does not allow this change."),
        "offline": _("The server cannot be reached; your text is kept. Try again in a moment."),
        "copy": _("Copy"),
        "close": _("Close"),
        "cancel": _("Cancel"),
        "save": _("Save"),
        "add": _("Add"),
        "none": _("none"),
        "new_stage": _("New stage"),
        "new_touchpoint": _("New touchpoint"),
        "new_pain_point": _("New pain point"),
        "new_opportunity": _("New opportunity"),
        "new_kpi": _("New KPI"),
        "new_improvement": _("New improvement"),
        "new_persona": _("New persona"),
        "persona_name": _("Name of the new persona"),
        "from_gallery": _("From the persona gallery"),
        "heuristic": _("Heuristic"),
        "role": _("Role"),
        "intensity": _("Intensity"),
        "custom_emotion": _("Own emotion: name (leave empty to drop it)"),
        "custom_emotion_intensity": _("Own emotion · intensity"),
        "updated": _("Updated by others"),
    }


def _config(request: HttpRequest, journey: Journey, ws: str) -> dict[str, Any]:
    args = {"ws": ws, "journey": journey.uuid}
    return {
        "ops": reverse("journeys:ops", kwargs=args),
        "poll": reverse("journeys:poll", kwargs=args),
        "comments": reverse("journeys:comments", kwargs=args),
        "stage": reverse("journeys:stage", kwargs={**args, "stage": STAGE_MARK}),
        "stage_mark": str(STAGE_MARK),
        "revision": journey.revision,
        "persona": request.GET.get("persona", ""),
        "storage_key": f"klantreis:{request.user.pk}:{journey.uuid}",
        "default_hidden": list(DEFAULT_HIDDEN),
    }


def editor(request: HttpRequest, ws: str, journey: UUID) -> HttpResponse:
    """The map editor: the whole map, editable as far as the member's role allows."""
    found = journey_for(request, ws, journey, Role.VIEWER)
    counts = comment_counts(found)
    view = map_view(request, found, counts)
    gallery = []
    if view.access.structure:
        present = {p["id"] for p in view.personas}
        personas = WorkspacePersona.objects.filter(workspace=found.workspace).only("uuid", "name", "data")
        gallery = [{"id": str(p.uuid), "name": p.name, "data": p.data} for p in personas if str(p.uuid) not in present]
    context = {
        "journey": found,
        "view": view,
        "head": head_html(view),
        "grid": GRID_MARK,
        "lanes": LANES,
        "formats": EXPORT_FORMATS,
        "editor_data": {
            "config": _config(request, found, ws),
            "vocab": vocabulary(view.lang),
            "messages": _messages(),
            "gallery": gallery,
        },
        "can_delete": can(request, Role.OWNER),
        "can_edit": view.access.structure,
    }
    page = render(request, "journeys/editor.html", context)
    # The map (megabytes for a large journey) goes into the page as the cached bytes it is,
    # instead of through the template engine.
    before, _mark, after = page.content.partition(GRID_MARK.encode())
    page.content = b"".join([before, *grid_chunks(view, found, comments_key(counts)), after])
    return page


def poll(request: HttpRequest, ws: str, journey: UUID) -> HttpResponse:
    """The open-comment counts, and when the client's ?rev= is behind, the parts changed since then."""
    membership = member(request, ws, Role.VIEWER)
    current = Journey.objects.filter(workspace=membership.workspace, uuid=journey).values("pk", "revision").first()
    if current is None:
        raise Http404
    try:
        known = int(request.GET.get("rev", ""))
    except ValueError:
        known = -1
    counts = comment_counts(current["pk"])
    if known == current["revision"]:
        # The usual answer, every few seconds per open editor: two small queries, no document.
        return JsonResponse({"revision": known, "comments": counts})
    found = journey_for(request, ws, journey, Role.VIEWER)
    view = map_view(request, found, counts)
    since = parts_since(found.changes or [], known)
    parts = ["all"] if since is None else since  # [] when only panel-side items (evidence, mirror) changed
    html = parts_html(view, parts, found, comments_key(counts))
    return JsonResponse({"revision": found.revision, "version": found.version, "parts": html, "comments": counts})


def stage(request: HttpRequest, ws: str, journey: UUID, stage: UUID) -> HttpResponse:
    """One whole stage of the map (header and columns): a large map's editor loads its stages this way."""
    found = journey_for(request, ws, journey, Role.VIEWER)
    view = map_view(request, found, comment_counts(found))
    item = view.stage_by_id(str(stage))
    if item is None:
        raise Http404
    return HttpResponse(stage_bytes(view, item), content_type="text/html; charset=utf-8")
