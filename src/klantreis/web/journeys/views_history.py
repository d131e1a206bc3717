"""Version history of a journey: the list, a readable diff between two versions, and restore."""

from __future__ import annotations

import json
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from klantreis.journey.diff import Change, diff
from klantreis.journey.model import JourneyDocument
from klantreis.web.journeys.fieldnames import field_name, kind_name
from klantreis.web.journeys.lookup import can, journey_for
from klantreis.web.journeys.models import Journey, JourneyVersion
from klantreis.web.journeys.moves import Move, moves
from klantreis.web.journeys.service import restore_version, version_document
from klantreis.web.workspaces.models import Role


def history(request: HttpRequest, ws: str, journey: UUID) -> HttpResponse:
    """Every version with its author, time, number of edits and summary."""
    found = journey_for(request, ws, journey, Role.VIEWER)
    versions = found.versions.select_related("author").defer("stored").order_by("-number")
    context = {"journey": found, "versions": versions, "can_restore": can(request, Role.EDITOR)}
    return render(request, "journeys/history.html", context)


def _version(journey: Journey, number: str | None) -> JourneyVersion:
    try:
        return journey.versions.select_related("author").get(number=int(number or ""))
    except (ValueError, JourneyVersion.DoesNotExist):
        raise Http404 from None


def _shown(value: Any) -> str:
    """A changed value as short readable text: lists one item per line, records as their values."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "\n".join(_shown(item) for item in value)
    if isinstance(value, dict):
        return " · ".join(_shown(v) for v in value.values() if v not in (None, "", [], {}))
    return json.dumps(value, ensure_ascii=False)


def _rows(changes: list[Change], moved: list[Move]) -> list[dict[str, str]]:
    actions = {"added": _("added"), "removed": _("removed"), "changed": _("changed"), "moved": _("moved")}
    rows = [
        {
            "action": change.action,
            "action_label": actions.get(change.action, change.action),
            "kind": kind_name(change.kind),
            "name": change.name,
            "field": field_name(change.field) if change.field else "",
            "before": _shown(change.before) if change.action == "changed" else "",
            "after": _shown(change.after) if change.action == "changed" else "",
        }
        for change in changes
    ]
    for move in moved:
        rows.append(
            {
                "action": "moved",
                "action_label": actions["moved"],
                "kind": kind_name(move.kind),
                "name": move.name,
                "field": str(_("stage")) if move.across else str(_("position")),
                "before": move.before,
                "after": move.after,
            }
        )
    return rows


def diff_versions(request: HttpRequest, ws: str, journey: UUID) -> HttpResponse:
    """What changed from version ?a= to version ?b= (by default: the latest two)."""
    found = journey_for(request, ws, journey, Role.VIEWER)
    latest = found.version
    older = _version(found, request.GET.get("a") or str(max(latest - 1, 1)))
    newer = _version(found, request.GET.get("b") or str(latest))
    old, new = version_document(found, older), version_document(found, newer)
    changes = diff(JourneyDocument.model_validate(old), JourneyDocument.model_validate(new))
    numbers = list(found.versions.order_by("-number").values_list("number", flat=True))
    context = {"journey": found, "a": older, "b": newer, "rows": _rows(changes, moves(old, new)), "numbers": numbers}
    return render(request, "journeys/diff.html", context)


@require_POST
def restore(request: HttpRequest, ws: str, journey: UUID) -> HttpResponse:
    """Make an old version the latest again, as a new version."""
    found = journey_for(request, ws, journey, Role.EDITOR)
    version = _version(found, request.POST.get("number"))
    summary = _("restored version %(number)s") % {"number": version.number}
    restored = restore_version(found, version.number, request.user, summary)
    messages.success(
        request, _("Version %(old)s is now version %(new)s.") % {"old": version.number, "new": restored.version}
    )
    return redirect("journeys:history", ws=ws, journey=journey)
