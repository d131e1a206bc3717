"""The demo workspace: the example journeys and their personas, loaded on first start."""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from klantreis.journey.files import read_document
from klantreis.web.journeys.service import create_journey
from klantreis.web.personas.models import WorkspacePersona
from klantreis.web.workspaces.models import Membership, Role, Workspace

DEMO_SLUG = "demo"


def examples_dir() -> Path:
    """The examples/ folder of the source checkout klantreis runs from."""
    return Path(__file__).resolve().parents[3] / "examples"


def load_demo(owner: AbstractBaseUser, folder: Path | None = None) -> Workspace:
    """Create the demo workspace with every example journey and its personas (all or nothing)."""
    documents = [read_document(path) for path in sorted((folder or examples_dir()).glob("*.yaml"))]
    with transaction.atomic():
        workspace = Workspace.objects.create(name="Demo", slug=DEMO_SLUG)
        Membership.objects.create(workspace=workspace, user=owner, role=Role.OWNER)
        for document in documents:
            create_journey(workspace, document, owner, "demo")
            for persona in document.personas:
                if not WorkspacePersona.objects.filter(workspace=workspace, uuid=persona.id).exists():
                    gallery = WorkspacePersona(workspace=workspace)
                    gallery.store(persona)
                    gallery.save()
    return workspace
