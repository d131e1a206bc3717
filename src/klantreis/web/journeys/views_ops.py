"""The editor's save endpoint: one small operation per request, answered with the parts it changed."""

from __future__ import annotations

import json
import time
from typing import Any
from uuid import UUID, uuid4

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from klantreis.journey.operations import AddItem, Operation, OperationError, SetField, parse_operation
from klantreis.web.journeys.changes import locate, parts_since, who_changed
from klantreis.web.journeys.editing import comment_counts, comments_key, map_view
from klantreis.web.journeys.fastops import item_at
from klantreis.web.journeys.fieldnames import field_name, kind_name
from klantreis.web.journeys.fragments import parts_html
from klantreis.web.journeys.lookup import journey_for
from klantreis.web.journeys.models import Journey
from klantreis.web.journeys.service import apply_operation
from klantreis.web.workspaces.models import Role

STATUS = {"conflict": 409, "missing": 404, "invalid": 400}


def _problem(status: int, kind: str, message: str, **extra: Any) -> JsonResponse:
    return JsonResponse({"ok": False, "error": kind, "message": message, **extra}, status=status)


def _read(request: HttpRequest) -> Operation:
    """The operation in the JSON body; an add without an item id gets one, so the client can follow it."""
    try:
        raw = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        raise OperationError("invalid", "the request body is not JSON") from None
    if not isinstance(raw, dict):
        raise OperationError("invalid", "the request body must be a JSON object")
    if raw.get("op") == "add" and isinstance(raw.get("item"), dict) and "id" not in raw["item"]:
        raw["item"]["id"] = str(uuid4())
    return parse_operation(raw)


# What contributors record besides experiences: sources that back the map, and employees'
# estimates in the employee mirror. They add and fill these in; removing stays with editors.
OBSERVATIONS = ("evidence", "mirror")


def _allowed(operation: Operation, role_allows_structure: bool, document: dict[str, Any]) -> bool:
    """Contributors fill in experiences ("<touchpoint>/<persona>"), add and fill in OBSERVATIONS; nothing else."""
    if role_allows_structure:
        return True
    if isinstance(operation, AddItem):
        return operation.kind in OBSERVATIONS
    if not isinstance(operation, SetField):
        return False
    if "/" in operation.target:
        return True
    observed = any(item.get("id") == operation.target for key in OBSERVATIONS for item in document.get(key, []))
    return observed and operation.field != "id"


def _summary(document: dict[str, Any], operation: Operation) -> str:
    """A short line for the version history."""
    if isinstance(operation, SetField):
        item_id = operation.target.partition("/")[0]
        kind, _touchpoint = locate(document, item_id)
        return _("changed %(field)s of %(kind)s %(name)s") % {
            "field": field_name(operation.field),
            "kind": kind_name(kind),
            "name": _name(document, item_id),
        }
    if isinstance(operation, AddItem):
        return _("added %(kind)s %(name)s") % {"kind": kind_name(operation.kind), "name": _label(operation.item)}
    kind, _touchpoint = locate(document, str(operation.target))
    verb = _("moved %(kind)s %(name)s") if operation.op == "move" else _("removed %(kind)s %(name)s")
    return verb % {"kind": kind_name(kind), "name": _name(document, str(operation.target))}


def _label(item: dict[str, Any]) -> str:
    return str(item.get("name") or item.get("title") or item.get("employee_group") or "")


def _name(document: dict[str, Any], item_id: str) -> str:
    """The name or title of the item with this id ("" when there is none)."""
    found = item_at(document, item_id)
    return _label(found) if found is not None else ""


def _conflict(journey: Journey, operation: Operation, error: OperationError) -> JsonResponse:
    fresh = Journey.objects.only("changes").get(pk=journey.pk)
    target = operation.target if isinstance(operation, SetField) else ""
    field = operation.field if isinstance(operation, SetField) else ""
    who = who_changed(fresh.changes or [], str(target), field)
    return _problem(409, "conflict", str(error), current=error.current, by=who, target=target, field=field)


@require_POST
def ops(request: HttpRequest, ws: str, journey: UUID) -> HttpResponse:
    """Apply one operation (set/add/move/remove) and answer with the new revision and changed parts."""
    started = time.perf_counter()
    found = journey_for(request, ws, journey, Role.CONTRIBUTOR)
    try:
        operation = _read(request)
    except OperationError as error:
        return _problem(400, "invalid", str(error))
    view = map_view(request, found)
    if not _allowed(operation, view.access.structure, found.document):
        raise PermissionDenied
    try:
        known = int(request.GET.get("rev", ""))
    except ValueError:
        known = -1
    try:
        result = apply_operation(found.pk, operation, request.user, _summary(found.document, operation))
    except OperationError as error:
        if error.kind == "conflict":
            return _conflict(found, operation, error)
        return _problem(STATUS.get(error.kind, 400), error.kind, str(error))
    edited = result.journey
    counts = comment_counts(edited)
    view = map_view(request, edited, counts)
    # The parts this edit changed, plus whatever others changed since the client's revision.
    # None: the feed no longer reaches back to the client's revision, so send everything.
    since = [] if known == edited.revision else parts_since(edited.changes or [], known)
    parts = ["all"] if since is None else since
    body: dict[str, Any] = {
        "ok": True,
        "changed": result.changed,
        "revision": edited.revision,
        "version": edited.version,
        "parts": parts_html(view, parts, edited, comments_key(counts)) if parts else {},
    }
    if isinstance(operation, AddItem):
        body["id"] = operation.item.get("id")
    response = JsonResponse(body)
    # Time spent in the view (for benchmarks and the browser's network panel).
    response["Server-Timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.1f}"
    return response
