"""Persona changes as transactions: saved in the gallery, copied into every journey that uses the persona, audited."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from klantreis.journey.persona import Persona
from klantreis.web.journeys.models import Journey
from klantreis.web.journeys.service import replace_document
from klantreis.web.personas.images import Picture, is_embedded
from klantreis.web.personas.models import WorkspacePersona
from klantreis.web.workspaces.access import audit
from klantreis.web.workspaces.models import Workspace


class PersonaInUseError(ValueError):
    """The persona cannot be deleted while journeys use it."""

    def __init__(self, journeys: list[Journey]) -> None:
        super().__init__(", ".join(j.title for j in journeys))
        self.journeys = journeys


def journeys_using(workspace: Workspace, persona_id: UUID) -> list[Journey]:
    """The workspace's journeys whose document contains the persona, by title."""
    key = str(persona_id)
    # The text match narrows the search in SQL on every database; the list check makes it exact.
    candidates = Journey.objects.filter(workspace=workspace, persona_ids__icontains=key)
    found = candidates.only("pk", "uuid", "title", "kind", "state", "persona_ids").order_by("title")
    return [journey for journey in found if key in journey.persona_ids]


def _sync_journeys(workspace: Workspace, persona: Persona, user: Any) -> list[Journey]:
    """Replace the embedded copy of `persona` in each journey that has it: one new version per journey."""
    updated = []
    for journey in journeys_using(workspace, persona.id):
        # Read under the lock so that an edit made in the meantime is never overwritten.
        document = Journey.objects.select_for_update().get(pk=journey.pk).parsed()
        personas = [persona if p.id == persona.id else p for p in document.personas]
        if personas == document.personas:
            continue
        summary = _("Persona “%(name)s” updated from the gallery") % {"name": persona.name}
        updated.append(replace_document(journey.pk, document.model_copy(update={"personas": personas}), user, summary))
    return updated


def save_persona(
    workspace: Workspace, persona: Persona, user: Any, gallery: WorkspacePersona | None = None
) -> list[Journey]:
    """Create or update a gallery persona and its copies in journeys; returns the journeys updated."""
    action = "persona.update" if gallery is not None else "persona.create"
    with transaction.atomic():
        gallery = gallery if gallery is not None else WorkspacePersona(workspace=workspace)
        gallery.store(persona)
        gallery.save()
        audit(workspace, user, action, persona.name, object_type="persona", object_id=str(persona.id))
        return _sync_journeys(workspace, persona, user)


def _drop_file(name: str, storage: Any) -> None:
    if name:
        # Only once the database agrees the file is no longer referenced.
        transaction.on_commit(lambda: storage.delete(name))


def set_picture(gallery: WorkspacePersona, picture: Picture | None, user: Any) -> list[Journey]:
    """Give the persona an uploaded picture (None removes it); journeys get the small embedded copy."""
    old, storage = gallery.avatar.name, gallery.avatar.storage
    with transaction.atomic():
        if picture is None:
            gallery.avatar = ""
        else:
            gallery.avatar.save(picture.filename(), ContentFile(picture.content), save=False)
        photo = gallery.data.get("photo", "")
        if picture is not None:
            photo = picture.data_uri
        elif is_embedded(photo):
            photo = ""  # a photo address typed in the form is not the picture being removed
        persona = Persona.model_validate({**gallery.data, "photo": photo})
        gallery.store(persona)
        gallery.save()
        audit(gallery.workspace, user, "persona.avatar", persona.name, object_type="persona", object_id=str(persona.id))
        _drop_file(old, storage)
        return _sync_journeys(gallery.workspace, persona, user)


def delete_persona(gallery: WorkspacePersona, user: Any) -> None:
    """Delete a gallery persona that no journey uses; PersonaInUseError lists the journeys that do."""
    with transaction.atomic():
        users = journeys_using(gallery.workspace, gallery.uuid)
        if users:
            raise PersonaInUseError(users)
        audit(
            gallery.workspace, user, "persona.delete", gallery.name, object_type="persona", object_id=str(gallery.uuid)
        )
        _drop_file(gallery.avatar.name, gallery.avatar.storage)
        gallery.delete()
