"""Journeys app configuration."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JourneysConfig(AppConfig):
    name = "klantreis.web.journeys"
    label = "journeys"
    verbose_name = _("Journeys")
