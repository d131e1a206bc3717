"""Comments on a journey, its stages and touchpoints: list, add with @mentions, resolve and reopen."""

from __future__ import annotations

import re
from typing import Any
from uuid import UUID

from django.contrib.auth import get_user_model
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from klantreis.web.journeys.forms import CommentForm
from klantreis.web.journeys.lookup import can, journey_for
from klantreis.web.journeys.models import Comment, Journey
from klantreis.web.workspaces.access import audit
from klantreis.web.workspaces.models import Role

MENTION = re.compile(r"(?<![\w@])@([\w.+-]+)")


def mentioned_members(body: str, journey: Journey) -> list[Any]:
    """The workspace members named as @username in `body`."""
    names = {name.rstrip(".") for name in MENTION.findall(body)}
    if not names:
        return []
    users = get_user_model().objects.filter(memberships__workspace_id=journey.workspace_id, username__in=names)
    return list(users)


def targets(document: dict[str, Any]) -> dict[str, tuple[str, str]]:
    """Everything a comment can be about: id -> (kind, name)."""
    found = {str(document["id"]): ("journey", str(document["title"]))}
    for stage in document.get("stages", []):
        found[stage["id"]] = ("stage", stage["name"])
        for touchpoint in stage.get("touchpoints", []):
            found[touchpoint["id"]] = ("touchpoint", touchpoint["name"])
    return found


def _context(request: HttpRequest, journey: Journey, target: str) -> dict[str, Any]:
    names = targets(journey.document)
    comments = journey.comments.select_related("author", "resolved_by").prefetch_related("mentions")
    if target:
        comments = comments.filter(target=target)
    kinds = {"journey": _("Journey"), "stage": _("Stage"), "touchpoint": _("Touchpoint")}
    rows = []
    for comment in comments:
        kind, name = names.get(str(comment.target), ("", _("(removed)")))
        rows.append({"comment": comment, "kind": kinds.get(kind, ""), "name": name})
    form = CommentForm(initial={"target": target or journey.uuid})
    return {
        "journey": journey,
        "rows": rows,
        "open_count": sum(1 for row in rows if not row["comment"].resolved),
        "form": form,
        "target": target,
        "target_name": names.get(target, ("", ""))[1] if target else "",
        "can_comment": can(request, Role.CONTRIBUTOR),
        "members": _member_names(journey) if can(request, Role.CONTRIBUTOR) else [],
    }


def _member_names(journey: Journey) -> list[str]:
    """Who can be mentioned: the workspace's members (the first few dozen, for the hint)."""
    users = get_user_model().objects.filter(memberships__workspace_id=journey.workspace_id).order_by("username")
    return list(users.values_list("username", flat=True)[:40])


def _target(request: HttpRequest, journey: Journey, value: str | None) -> str:
    """A valid comment target from the request, '' for the whole journey; 404 for unknown ids."""
    if not value:
        return ""
    if value not in targets(journey.document):
        raise Http404
    return value


def comments(request: HttpRequest, ws: str, journey: UUID) -> HttpResponse:
    """Show the comments (all, or on ?target=); a contributor's POST adds one."""
    needed = Role.CONTRIBUTOR if request.method == "POST" else Role.VIEWER
    found = journey_for(request, ws, journey, needed)
    target = _target(request, found, request.GET.get("target"))
    if request.method == "POST":
        form = CommentForm(request.POST)
        if form.is_valid():
            _add(request, found, form)
            return _after_change(request, ws, journey, request.POST.get("next_target", ""))
        context = _context(request, found, target) | {"form": form}
    else:
        context = _context(request, found, target)
    template = "journeys/comments.html#thread" if request.htmx else "journeys/comments.html"
    return render(request, template, context)


def _add(request: HttpRequest, journey: Journey, form: CommentForm) -> Comment:
    target = _target(request, journey, str(form.cleaned_data["target"])) or str(journey.uuid)
    comment = Comment.objects.create(
        journey=journey, target=target, author=request.user, body=form.cleaned_data["body"]
    )
    mentioned = mentioned_members(comment.body, journey)
    comment.mentions.set(mentioned)
    audit(
        journey.workspace,
        request.user,
        "comment.add",
        f"{journey.title}: {comment.body[:80]}",
        object_type="comment",
        object_id=str(comment.pk),
        detail={"target": target},
    )
    return comment


def _after_change(request: HttpRequest, ws: str, journey: UUID, target: str) -> HttpResponse:
    """Back to the thread the change was made in (the editor's panel asks with htmx)."""
    url = redirect("journeys:comments", ws=ws, journey=journey)["Location"]
    return redirect(f"{url}?target={target}" if target else url)


@require_POST
def resolve(request: HttpRequest, ws: str, journey: UUID, comment: int) -> HttpResponse:
    """Mark a comment resolved, or open it again."""
    found = journey_for(request, ws, journey, Role.CONTRIBUTOR)
    item = found.comments.filter(pk=comment).first()
    if item is None:
        raise Http404
    item.resolved = not item.resolved
    item.resolved_by = request.user if item.resolved else None
    item.save(update_fields=["resolved", "resolved_by"])
    action = "comment.resolve" if item.resolved else "comment.reopen"
    audit(
        found.workspace,
        request.user,
        action,
        f"{found.title}: {item.body[:80]}",
        object_type="comment",
        object_id=str(item.pk),
    )
    return _after_change(request, ws, journey, request.POST.get("next_target", ""))
