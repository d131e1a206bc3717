"""Accounts app configuration."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "klantreis.web.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        """Connect the signal receivers: a user's language is remembered however they log in."""
        from klantreis.web.accounts import signals  # noqa: F401
