"""Template context: the workspace the page belongs to and the user's role there."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def current_workspace(request: HttpRequest) -> dict[str, Any]:
    """Expose the membership a view resolved (views set request.membership), if any."""
    membership = getattr(request, "membership", None)
    return {
        "membership": membership,
        "workspace": membership.workspace if membership else None,
    }
