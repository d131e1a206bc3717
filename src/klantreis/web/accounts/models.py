"""A profile per user: the language the interface speaks to them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Profile(models.Model):
    """Per-user preferences; an empty language means: follow the browser."""

    class Language(models.TextChoices):
        BROWSER = "", _("Browser language")
        DUTCH = "nl", _("Dutch")
        ENGLISH = "en", _("English")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile", verbose_name=_("user")
    )
    language = models.CharField(_("language"), max_length=5, blank=True, choices=Language.choices)

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self) -> str:
        return f"{self.user} ({self.get_language_display()})"
