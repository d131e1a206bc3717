"""Admin for gallery personas: searchable and deletable; profiles and pictures are edited in the app."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from klantreis.web.admin_display import pretty_json
from klantreis.web.personas.models import WorkspacePersona


@admin.register(WorkspacePersona)
class WorkspacePersonaAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "workspace", "updated")
    list_filter = ("kind", "workspace")
    search_fields = ("name", "uuid")
    list_select_related = ("workspace",)
    # The profile is validated by the journey model and copied into journeys by the app, and
    # pictures are verified on upload there, so the admin shows both but edits neither.
    fields = ("workspace", "uuid", "name", "kind", "avatar", "updated", "data_pretty")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(description=_("profile"))
    def data_pretty(self, persona: WorkspacePersona) -> SafeString:
        return pretty_json(persona.data)
