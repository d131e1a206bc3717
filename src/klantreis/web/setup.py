"""First-run preparation: migrations, static files, the administrator and the demo workspace."""

from __future__ import annotations

import secrets
from typing import Any, TextIO

from django.contrib.auth import get_user_model
from django.core.management import call_command

from klantreis.web import env
from klantreis.web.demo import load_demo
from klantreis.web.workspaces.models import Workspace

ADMIN_USERNAME = "admin"


def prepare(out: TextIO, *, static: bool = True) -> None:
    """Bring the database and static files up to date; create the admin and demo on first run."""
    call_command("migrate", interactive=False, verbosity=0)
    if static:
        call_command("collectstatic", interactive=False, verbosity=0)
    admin = ensure_administrator(out) or get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    if admin is not None and env.flag("KLANTREIS_DEMO") and not Workspace.objects.exists():
        workspace = load_demo(admin)
        out.write(f"Demo workspace '{workspace.name}' loaded with {workspace.journeys.count()} journeys.\n")


def ensure_administrator(out: TextIO) -> Any:
    """Create the local administrator with a random password, printed once; None if one exists."""
    users = get_user_model()
    if users.objects.filter(is_superuser=True).exists():
        return None
    password = secrets.token_urlsafe(12)
    admin = users.objects.create_superuser(ADMIN_USERNAME, "", password)
    out.write(
        "\n"
        f"  Administrator created. Log in as '{ADMIN_USERNAME}' with password: {password}\n"
        "  This password is shown only once; change it after logging in.\n\n"
    )
    return admin
