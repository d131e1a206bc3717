"""Admin for workspaces and memberships; the audit log is read-only, even for operators."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from klantreis.web.admin_display import pretty_json
from klantreis.web.workspaces.models import AuditEvent, Membership, Workspace


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ("user",)


@admin.register(Workspace)
class WorkspaceAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "member_count", "created")
    search_fields = ("name", "slug")
    readonly_fields = ("created",)
    inlines = (MembershipInline,)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Workspace]:
        return super().get_queryset(request).annotate(member_total=Count("memberships"))

    @admin.display(description=_("members"), ordering="member_total")
    def member_count(self, workspace: Any) -> int:
        return int(workspace.member_total)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "workspace", "role", "created")
    list_filter = ("role", "workspace")
    search_fields = ("user__username", "workspace__name", "workspace__slug")
    autocomplete_fields = ("user", "workspace")
    list_select_related = ("user", "workspace")


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Append-only: operators may read and search the log but never add, change or delete events."""

    list_display = ("created", "workspace", "user", "action", "summary")
    list_filter = ("action", "workspace")
    search_fields = ("summary", "action", "object_id", "user__username")
    list_select_related = ("workspace", "user")
    date_hierarchy = "created"
    fields = ("created", "workspace", "user", "action", "object_type", "object_id", "summary", "detail_pretty")
    readonly_fields = fields

    @admin.display(description=_("detail"))
    def detail_pretty(self, event: AuditEvent) -> SafeString:
        return pretty_json(event.detail)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
