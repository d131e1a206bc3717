"""Signal receivers of the accounts app, connected when the app is ready."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest

from klantreis.web.accounts.middleware import SESSION_LANGUAGE
from klantreis.web.accounts.models import Profile


@receiver(user_logged_in)
def remember_language(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    """Keep the user's chosen language in the session for the language middleware."""
    profile = Profile.objects.filter(user=user).first()
    request.session[SESSION_LANGUAGE] = profile.language if profile else ""
