"""Shared fixtures for the web tests: the sample workspace "Gemeente Voorbeeld" and clients per role.

Use `sample` for a fully populated workspace (a member per role, an outsider from another
workspace, a customer and an employee persona, a journey with a comment and a share link) and
`sample.client("editor")` for a test client logged in as that member. Everything is created
through the same models and services the app uses, in a fresh test database per test.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

import pytest

# pytest-django reads DJANGO_SETTINGS_MODULE from pyproject; these defaults cover a bare run.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "klantreis.web.settings")
os.environ.setdefault("KLANTREIS_HOME", tempfile.mkdtemp(prefix="klantreis-test-"))

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from klantreis.journey.model import JourneyDocument, Stage
from klantreis.journey.persona import Persona
from klantreis.journey.touchpoint import Experience, PainPoint, Touchpoint
from klantreis.web.journeys.models import Comment, Journey, ShareLink
from klantreis.web.journeys.service import create_journey
from klantreis.web.personas.models import WorkspacePersona
from klantreis.web.workspaces.models import Membership, Role, Workspace

PASSWORD = "Voorbeeld-wachtwoord-2024"
ROLES = (Role.OWNER, Role.EDITOR, Role.CONTRIBUTOR, Role.VIEWER)
FATIMA = UUID("00000000-0000-4000-8000-0000000000f1")  # customer persona, used by the journey
RUUD = UUID("00000000-0000-4000-8000-0000000000e1")  # employee persona, used by no journey


@dataclass
class Sample:
    """The sample workspace and everything in it; see the module docstring."""

    workspace: Workspace
    users: dict[str, Any]
    outsider: Any
    elsewhere: Workspace
    personas: dict[str, WorkspacePersona]
    journey: Journey
    comment: Comment
    share_link: ShareLink
    password: str = PASSWORD  # every sample user's password, for tests that log in through the form
    clients: dict[str, Client] = field(default_factory=dict)

    def client(self, who: str) -> Client:
        """A client logged in as `who`: a role name, "outsider", or "anonymous" (not logged in)."""
        if who not in self.clients:
            client = Client()
            user = self.outsider if who == "outsider" else self.users.get(who)
            if user is not None:
                client.force_login(user)
            self.clients[who] = client
        return self.clients[who]

    def url(self, name: str, **kwargs: Any) -> str:
        """Reverse a URL of the sample workspace (`ws` is filled in)."""
        return str(reverse(name, kwargs={"ws": self.workspace.slug, **kwargs}))


def sample_personas() -> tuple[Persona, Persona]:
    """A customer persona (a resident applying for a permit) and an employee persona (the case handler)."""
    fatima = Persona(
        id=FATIMA,
        name="Fatima el Amrani",
        kind="customer",
        segment="Inwoners die verbouwen",
        quote="Ik wil gewoon weten waar ik aan toe ben.",
        age=38,
        occupation="Verpleegkundige",
        goals=["Een dakkapel plaatsen"],
        needs=["Duidelijke uitleg", "Snel antwoord"],
        frustrations=["Formulieren vol vaktaal"],
        preferred_channels=["website", "phone"],
    )
    ruud = Persona(
        id=RUUD,
        name="Ruud de Vries",
        kind="employee",
        segment="Vergunningverleners",
        occupation="Casemanager vergunningen",
    )
    return fatima, ruud


def sample_document(persona: Persona) -> JourneyDocument:
    """A short current journey of applying for an environmental permit, seen by `persona`."""
    search = Touchpoint(
        name="Informatie zoeken", channel="website", experiences=[Experience(persona=persona.id, rating=1)]
    )
    apply = Touchpoint(
        name="Aanvraag indienen",
        channel="self_service_portal",
        experiences=[Experience(persona=persona.id, rating=-1)],
        pain_points=[PainPoint(title="Onduidelijk welke tekeningen nodig zijn", severity=4)],
    )
    return JourneyDocument(
        title="Omgevingsvergunning aanvragen",
        personas=[persona],
        stages=[Stage(name="Oriëntatie", touchpoints=[search]), Stage(name="Aanvraag", touchpoints=[apply])],
    )


def _user(username: str, **extra: Any) -> Any:
    return get_user_model().objects.create_user(username, password=PASSWORD, **extra)


def build_sample() -> Sample:
    """Create the sample workspace with members, personas, a journey, a comment and a share link."""
    workspace = Workspace.objects.create(name="Gemeente Voorbeeld", slug="gemeente-voorbeeld")
    users = {}
    for role in ROLES:
        users[role.value] = _user(f"voorbeeld-{role.value}", first_name=role.value.title())
        Membership.objects.create(workspace=workspace, user=users[role.value], role=role)
    elsewhere = Workspace.objects.create(name="Gemeente Elders", slug="gemeente-elders")
    outsider = _user("elders-owner")
    Membership.objects.create(workspace=elsewhere, user=outsider, role=Role.OWNER)

    personas = {}
    fatima, ruud = sample_personas()
    for key, persona in (("fatima", fatima), ("ruud", ruud)):
        personas[key] = WorkspacePersona(workspace=workspace)
        personas[key].store(persona)
        personas[key].save()
    journey = create_journey(workspace, sample_document(fatima), users["editor"], "sample")
    stage = journey.parsed().stages[0]
    comment = Comment.objects.create(
        journey=journey, target=stage.id, author=users["contributor"], body="Klopt deze volgorde?"
    )
    share_link = ShareLink.objects.create(journey=journey, created_by=users["editor"])
    return Sample(workspace, users, outsider, elsewhere, personas, journey, comment, share_link)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix: None) -> None:
    """On PostgreSQL, a test database per process: runs side by side on one server never drop each other's."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if "postgresql" in database["ENGINE"]:
        database.setdefault("TEST", {})["NAME"] = f"test_klantreis_{os.getpid()}"


@pytest.fixture
def sample(db: None) -> Sample:
    """The sample workspace "Gemeente Voorbeeld"; see the module docstring."""
    return build_sample()


@pytest.fixture(autouse=True)
def _web_test_settings(settings: Any, tmp_path: Any) -> None:
    """English pages unless a test asks otherwise, uploads in a temporary folder, static files without
    collectstatic's manifest, fast password hashing."""
    settings.LANGUAGE_CODE = "en"  # no test client sends Accept-Language; the default would be Dutch
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # only ever in tests
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STATIC_ROOT = tmp_path / "collected-static"
    settings.STATIC_ROOT.mkdir()  # whitenoise warns (an error in this suite) about a missing folder
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
