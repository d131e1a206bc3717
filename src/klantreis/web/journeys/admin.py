"""Admin for journeys: documents and versions are shown readable but only ever changed through the app."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from klantreis.web.admin_display import pretty_json
from klantreis.web.journeys.models import Comment, Journey, JourneyVersion, ShareLink, document_summary
from klantreis.web.journeys.service import version_document
from klantreis.web.workspaces.access import audit


def _listing(request: HttpRequest) -> bool:
    """Whether the request is for a change list, which never needs the (large) documents."""
    return str(getattr(request.resolver_match, "url_name", "")).endswith("changelist")


@admin.register(Journey)
class JourneyAdmin(admin.ModelAdmin):
    list_display = ("title", "workspace", "kind", "state", "status", "owner", "version", "updated", "updated_by")
    list_filter = ("kind", "state", "status", "workspace")
    search_fields = ("title", "owner", "uuid")
    list_select_related = ("workspace", "updated_by")
    date_hierarchy = "updated"
    # Editing a document here would bypass validation, versioning and the audit log.
    fields = (
        "workspace",
        "uuid",
        "title",
        "kind",
        "state",
        "status",
        "owner",
        "version",
        "revision",
        "created",
        "updated",
        "updated_by",
        "contents",
        "document_pretty",
    )
    readonly_fields = fields

    def get_queryset(self, request: HttpRequest) -> QuerySet[Journey]:
        queryset = super().get_queryset(request)
        return queryset.defer("changes") if _listing(request) else queryset

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(description=_("contents"))
    def contents(self, journey: Journey) -> str:
        return document_summary(journey.document)

    @admin.display(description=_("document"))
    def document_pretty(self, journey: Journey) -> SafeString:
        return pretty_json(journey.document)


@admin.register(JourneyVersion)
class JourneyVersionAdmin(admin.ModelAdmin):
    """History is never rewritten: versions are read-only."""

    list_display = ("journey", "number", "author", "created", "updated", "edits", "summary")
    list_filter = ("journey__workspace",)
    search_fields = ("journey__title", "summary")
    list_select_related = ("journey", "author")
    fields = ("journey", "number", "author", "created", "updated", "edits", "summary", "document_pretty")
    readonly_fields = fields

    def get_queryset(self, request: HttpRequest) -> QuerySet[JourneyVersion]:
        queryset = super().get_queryset(request)
        return queryset.defer("stored") if _listing(request) else queryset

    @admin.display(description=_("document"))
    def document_pretty(self, version: JourneyVersion) -> SafeString:
        return pretty_json(version_document(version.journey, version))

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ("short_body", "journey", "author", "resolved", "created")
    list_filter = ("resolved", "journey__workspace")
    search_fields = ("body", "author__username", "journey__title")
    list_select_related = ("journey", "author")
    readonly_fields = ("journey", "target", "author", "mentions", "resolved_by", "created")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(description=_("comment"))
    def short_body(self, comment: Comment) -> str:
        return comment.body[:80]


@admin.register(ShareLink)
class ShareLinkAdmin(admin.ModelAdmin):
    list_display = ("journey", "short_token", "has_password", "created_by", "created", "revoked")
    list_filter = ("revoked", "journey__workspace")
    search_fields = ("journey__title", "token")
    list_select_related = ("journey", "created_by")
    fields = ("journey", "short_token", "has_password", "created_by", "created", "revoked")
    readonly_fields = fields
    actions = ("revoke",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(description=_("token"))
    def short_token(self, link: ShareLink) -> str:
        return f"{link.token[:6]}…"  # the full token is a secret that opens the map

    @admin.display(description=_("password"), boolean=True)
    def has_password(self, link: ShareLink) -> bool:
        return bool(link.password_hash)

    @admin.action(description=_("Revoke the selected links"))
    def revoke(self, request: HttpRequest, queryset: QuerySet[ShareLink]) -> None:
        links = list(queryset.filter(revoked__isnull=True).select_related("journey__workspace"))
        for link in links:
            link.revoked = timezone.now()
            link.save(update_fields=["revoked"])
            audit(
                link.journey.workspace,
                request.user,
                "share.revoke",
                f"{link.journey.title} (admin)",
                object_type="share",
                object_id=str(link.pk),
            )
        count = len(links)
        self.message_user(request, _("%(count)d links revoked.") % {"count": count}, messages.SUCCESS)
