"""Personas app configuration."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PersonasConfig(AppConfig):
    name = "klantreis.web.personas"
    label = "personas"
    verbose_name = _("Personas")
