"""Admin for user profiles: each user's interface language, also shown on the user's own admin page."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from klantreis.web.accounts.models import Profile


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ("user", "language")
    list_filter = ("language",)
    search_fields = ("user__username", "user__email")
    autocomplete_fields = ("user",)


class ProfileInline(admin.StackedInline):
    model = Profile
    can_delete = False
    extra = 0


class KlantreisUserAdmin(UserAdmin):
    """Django's user admin with the profile alongside."""

    inlines = (*UserAdmin.inlines, ProfileInline)


User = get_user_model()
if admin.site.is_registered(User):
    admin.site.unregister(User)
admin.site.register(User, KlantreisUserAdmin)
