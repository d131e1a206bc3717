"""Members of a workspace: everyone sees them; owners add, re-role and remove; administrators create accounts."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from klantreis.web.workspaces.access import enter
from klantreis.web.workspaces.forms import AddMemberForm, NewAccountForm, RoleForm
from klantreis.web.workspaces.members import (
    MembershipError,
    add_member,
    change_role,
    create_account,
    remove_member,
)
from klantreis.web.workspaces.models import Membership, Role, Workspace

TEMPLATE = "workspaces/members.html"


def _page(request: HttpRequest, membership: Membership, **extra: Any) -> dict[str, Any]:
    workspace = membership.workspace
    is_owner = membership.allows(Role.OWNER)
    rows = Membership.objects.filter(workspace=workspace).select_related("user").order_by("user__username")
    context = {
        "rows": rows,
        "is_owner": is_owner,
        "owners": sum(1 for row in rows if row.role == Role.OWNER),
        "roles": Role.choices,
        "add_form": AddMemberForm() if is_owner else None,
        "account_form": NewAccountForm() if is_owner and request.user.is_staff else None,
    }
    return {**context, **extra}


def members(request: HttpRequest, ws: str) -> HttpResponse:
    """List the members with their roles; POST (owners) adds an existing account."""
    membership = enter(request, ws, Role.OWNER if request.method == "POST" else Role.VIEWER)
    if request.method == "POST":
        form = AddMemberForm(request.POST)
        if form.is_valid():
            user = form.cleaned_data["username"]
            try:
                add_member(membership.workspace, request.user, user, form.cleaned_data["role"])
            except MembershipError as error:
                form.add_error("username", str(error))
            else:
                messages.success(request, _("%(name)s is now a member.") % {"name": user.get_username()})
                return redirect("workspaces:members", ws=ws)
        return render(request, TEMPLATE, _page(request, membership, add_form=form))
    return render(request, TEMPLATE, _page(request, membership))


def _member(workspace: Workspace, pk: int) -> Membership:
    found = Membership.objects.select_related("user", "workspace").filter(workspace=workspace, pk=pk).first()
    if found is None:
        raise Http404
    return found


@require_POST
def member_role(request: HttpRequest, ws: str, member: int) -> HttpResponse:
    """Give a member another role; answers htmx with the members table, others with the page."""
    membership = enter(request, ws, Role.OWNER)
    target = _member(membership.workspace, member)
    form = RoleForm(request.POST)
    error = ""
    if form.is_valid():
        try:
            change_role(target, request.user, form.cleaned_data["role"])
        except MembershipError as problem:
            error = str(problem)
    else:
        error = _("Choose one of the roles.")
    own_role_changed = not error and target.user_id == request.user.pk
    if getattr(request, "htmx", False) and not own_role_changed:
        context = _page(request, membership, changed=target.pk, row_error=error)
        return render(request, f"{TEMPLATE}#member_table", context)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("The role of %(name)s is changed.") % {"name": target.user.get_username()})
    if own_role_changed and getattr(request, "htmx", False):
        # Owners who step down lose the controls on this page: reload it whole.
        return HttpResponse(status=204, headers={"HX-Refresh": "true"})
    return redirect("workspaces:members", ws=ws)


@require_POST
def member_remove(request: HttpRequest, ws: str, member: int) -> HttpResponse:
    """Take a member out of the workspace (never the last owner)."""
    membership = enter(request, ws, Role.OWNER)
    target = _member(membership.workspace, member)
    name = target.user.get_username()
    try:
        remove_member(target, request.user)
    except MembershipError as problem:
        messages.error(request, str(problem))
        return redirect("workspaces:members", ws=ws)
    messages.success(request, _("%(name)s is no longer a member.") % {"name": name})
    if target.user_id == request.user.pk:
        return redirect("workspaces:choose")  # an owner who left can no longer see the page
    return redirect("workspaces:members", ws=ws)


@require_POST
def new_account(request: HttpRequest, ws: str) -> HttpResponse:
    """Administrators create an account with a generated password, shown once, and add it as a member."""
    membership = enter(request, ws, Role.OWNER)
    if not request.user.is_staff:
        raise PermissionDenied
    form = NewAccountForm(request.POST)
    if not form.is_valid():
        return render(request, TEMPLATE, _page(request, membership, account_form=form))
    fields = {name: form.cleaned_data[name] for name in ("username", "first_name", "last_name", "email")}
    user, password = create_account(membership.workspace, request.user, fields, form.cleaned_data["role"])
    # No redirect: the password exists only in this response, which no cache may keep.
    response = render(request, TEMPLATE, _page(request, membership, created=user, password=password))
    response["Cache-Control"] = "no-store"
    return response
