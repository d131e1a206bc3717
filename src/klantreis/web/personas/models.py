"""A workspace persona: the shared profile that journeys embed a copy of."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from klantreis.journey.persona import Persona
from klantreis.web.workspaces.models import Workspace


class WorkspacePersona(models.Model):
    """A persona of the gallery; journeys that use it hold a copy with the same id, kept in step."""

    workspace = models.ForeignKey(
        Workspace, on_delete=models.CASCADE, related_name="personas", verbose_name=_("workspace")
    )
    uuid = models.UUIDField(_("id"), default=uuid.uuid4, editable=False)
    data = models.JSONField(_("profile"))
    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20)
    avatar = models.FileField(_("avatar"), upload_to="avatars/", blank=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["workspace", "uuid"], name="one_persona_per_uuid")]
        ordering = ["name"]
        verbose_name = _("persona")
        verbose_name_plural = _("personas")

    def __str__(self) -> str:
        return self.name

    def parsed(self) -> Persona:
        """The stored persona as a validated model."""
        return Persona.model_validate(self.data)

    def store(self, persona: Persona) -> None:
        """Put a validated persona in place and refresh the copied fields (caller saves)."""
        self.data = persona.model_dump(mode="json")
        self.uuid = persona.id
        self.name = persona.name
        self.kind = persona.kind.value
