"""Fixtures for the journeys web tests: a workspace with a member per role and a sample journey."""

from __future__ import annotations

import importlib.util
import json
import os
import tempfile
import types
from collections.abc import Callable
from typing import Any

import pytest

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "klantreis.web.settings")
os.environ.setdefault("KLANTREIS_HOME", tempfile.mkdtemp(prefix="klantreis-test-"))

from django.http import HttpResponse
from django.test import Client
from django.urls import include, path

from klantreis.journey.model import JourneyDocument
from klantreis.web.journeys.memo import COLUMNS, MAPS
from klantreis.web.journeys.models import Journey
from klantreis.web.journeys.service import create_journey
from klantreis.web.workspaces.models import Membership, Role, Workspace

from .factories import small_document


def _stub(request: Any, **kwargs: Any) -> HttpResponse:
    return HttpResponse("stub")


def _stub_urlconf() -> types.ModuleType:
    """The real URLs, with stand-ins for the workspace and persona pages while those are being built."""
    module = types.ModuleType("journeys_test_urls")
    workspace_urls = (
        [
            path("", _stub, name="choose"),
            path("<slug:ws>/m/", _stub, name="members"),
            path("<slug:ws>/a/", _stub, name="audit"),
        ],
        "workspaces",
    )
    persona_urls = ([path("", _stub, name="list")], "personas")
    module.urlpatterns = [  # type: ignore[attr-defined]
        path("", include("klantreis.web.journeys.urls_home")),
        path("accounts/", include("klantreis.web.accounts.urls")),
        path("workspaces/", include(workspace_urls)),
        path("w/<slug:ws>/journeys/", include("klantreis.web.journeys.urls")),
        path("w/<slug:ws>/personas/", include(persona_urls)),
        path("s/", include("klantreis.web.journeys.urls_share")),
    ]
    return module


@pytest.fixture(autouse=True)
def _web_settings(settings: Any, tmp_path: Any) -> None:
    """Plain static files (no manifest needed) and, until they exist, stand-in workspace pages."""
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STATIC_ROOT.mkdir()
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    missing = [
        m
        for m in ("klantreis.web.workspaces.urls", "klantreis.web.personas.urls")
        if importlib.util.find_spec(m) is None
    ]
    if missing:
        settings.ROOT_URLCONF = _stub_urlconf()
    COLUMNS.clear()
    MAPS.clear()


@pytest.fixture
def workspace(db: None) -> Workspace:
    """The workspace the tests work in."""
    return Workspace.objects.create(name="Permits team", slug="permits")


@pytest.fixture
def member(workspace: Workspace, django_user_model: Any) -> Callable[[str], Any]:
    """Make a user with the given role in the workspace (the username is the role)."""

    def make(role: str) -> Any:
        user = django_user_model.objects.create_user(role, password="secret-password-1")
        Membership.objects.create(workspace=workspace, user=user, role=role)
        return user

    return make


@pytest.fixture
def login(member: Callable[[str], Any]) -> Callable[[str], Client]:
    """A test client logged in as a fresh member with `role`."""

    def make(role: str) -> Client:
        client = Client()
        client.force_login(member(role))
        return client

    return make


@pytest.fixture
def editor(login: Callable[[str], Client]) -> Client:
    """A client logged in as an editor."""
    return login(Role.EDITOR)


@pytest.fixture
def outsider(db: None, django_user_model: Any) -> Client:
    """A client logged in as the editor of another workspace."""
    other = Workspace.objects.create(name="Elsewhere", slug="elsewhere")
    user = django_user_model.objects.create_user("outsider", password="secret-password-1")
    Membership.objects.create(workspace=other, user=user, role=Role.OWNER)
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def document() -> JourneyDocument:
    """A small journey document: two personas, two stages."""
    return small_document()


@pytest.fixture
def journey(workspace: Workspace, document: JourneyDocument) -> Journey:
    """The sample journey stored in the workspace."""
    return create_journey(workspace, document, None, "test")


def url(name: str, journey: Journey | None = None, **kwargs: Any) -> str:
    """Reverse a journeys URL in the sample workspace."""
    from django.urls import reverse

    if journey is not None:
        kwargs["journey"] = journey.uuid
    return reverse(name, kwargs={"ws": "permits", **kwargs})


def post_op(client: Client, journey: Journey, operation: dict[str, Any], **query: Any) -> Any:
    """Send one operation to the ops endpoint as the editor script does."""
    suffix = "?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else ""
    return client.post(url("journeys:ops", journey) + suffix, json.dumps(operation), content_type="application/json")


def stored(journey: Journey) -> JourneyDocument:
    """The journey's latest document, read fresh from the database."""
    return Journey.objects.get(pk=journey.pk).parsed()
