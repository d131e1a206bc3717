"""Speak the user's chosen language; LocaleMiddleware falls back to the browser's."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

# Session key holding the logged-in user's chosen language (set at login and when changed),
# so choosing the language costs no database query per request.
SESSION_LANGUAGE = "klantreis_language"


class UserLanguageMiddleware:
    """Put a logged-in user's chosen language where LocaleMiddleware looks first (the cookie)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = request.session.get(SESSION_LANGUAGE, "")
        if language:
            request.COOKIES["django_language"] = language
        return self.get_response(request)
