"""A journey is one validated JSON document plus its version history; the rest is relational."""

from __future__ import annotations

import secrets
import uuid
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from klantreis.journey.model import JourneyDocument
from klantreis.web.journeys.jsoncodec import DocumentField
from klantreis.web.workspaces.models import Workspace


class Journey(models.Model):
    """The latest version of a journey document, with a few fields copied out for lists and filters."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="journeys")
    uuid = models.UUIDField(default=uuid.uuid4, editable=False)
    document: Any = DocumentField()
    version = models.PositiveIntegerField(default=1)
    # Counts every change (versions fold several edits into one number); editors poll it.
    revision = models.PositiveIntegerField(default=1)
    # The latest changes, newest last: which parts of the map each revision touched and by whom,
    # so a polling editor refreshes only those parts and a conflict can name who made it.
    changes = models.JSONField(default=list, blank=True)
    # Copies of document fields, refreshed on every save, so lists can filter in SQL.
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20)
    state = models.CharField(_("state"), max_length=20)
    status = models.CharField(_("status"), max_length=20)
    owner = models.CharField(_("owner"), max_length=300, blank=True)
    persona_ids = models.JSONField(default=list, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["workspace", "uuid"], name="one_journey_per_uuid")]
        ordering = ["title"]
        verbose_name = _("journey")
        verbose_name_plural = _("journeys")

    def __str__(self) -> str:
        return self.title

    def parsed(self) -> JourneyDocument:
        """The stored document as a validated model."""
        return JourneyDocument.model_validate(self.document)

    def store(self, document: JourneyDocument) -> None:
        """Put a validated document in place and refresh the copied fields (caller saves)."""
        self.store_data(document.model_dump(mode="json"))

    def store_data(self, data: dict[str, Any]) -> None:
        """Put a validated document, already in its stored (JSON) form, in place; refresh the copies."""
        self.document = data
        self.uuid = uuid.UUID(str(data["id"]))
        self.title = data["title"]
        self.kind = data["kind"]
        self.state = data["state"]
        self.status = data["status"]
        self.owner = data.get("owner", "")
        self.persona_ids = [str(p["id"]) for p in data.get("personas", [])]


# The stored document of the latest version: none, its content is the journey's own document
# (service.version_document). A version gets its final copy when the next one starts, so editing
# rewrites one large row (the journey's), not two.
LIVE: dict[str, Any] = {}


class JourneyVersion(models.Model):
    """A saved state of a journey; consecutive edits by one person are folded into one version."""

    journey = models.ForeignKey(Journey, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    document: Any = DocumentField()  # LIVE while the latest
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(default=timezone.now)
    updated = models.DateTimeField(default=timezone.now)
    summary = models.CharField(max_length=500, blank=True)
    edits = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["journey", "number"], name="one_version_per_number")]
        ordering = ["journey", "-number"]
        verbose_name = _("journey version")
        verbose_name_plural = _("journey versions")

    def __str__(self) -> str:
        return f"{self.journey} v{self.number}"


class Comment(models.Model):
    """A remark on a stage or touchpoint (or the journey), with @mentions and a resolved state."""

    journey = models.ForeignKey(Journey, on_delete=models.CASCADE, related_name="comments")
    target = models.UUIDField(help_text="Id of the stage, touchpoint or journey the comment is about")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    body = models.TextField(_("comment"), max_length=10_000)
    mentions = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="mentioned_in")
    resolved = models.BooleanField(_("resolved"), default=False)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created", "id"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self) -> str:
        return f"{self.author}: {self.body[:40]}"


def _new_token() -> str:
    return secrets.token_urlsafe(24)


class ShareLink(models.Model):
    """A revocable read-only link to a journey map, optionally protected by a password."""

    journey = models.ForeignKey(Journey, on_delete=models.CASCADE, related_name="share_links")
    token = models.CharField(max_length=64, unique=True, default=_new_token)
    password_hash = models.CharField(max_length=200, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created = models.DateTimeField(auto_now_add=True)
    revoked = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("share link")
        verbose_name_plural = _("share links")

    def __str__(self) -> str:
        return f"{self.journey}: {self.token[:6]}…"

    @property
    def active(self) -> bool:
        """Whether the link still opens the map."""
        return self.revoked is None

    def set_password(self, password: str) -> None:
        """Protect the link with `password` (empty: no password)."""
        self.password_hash = make_password(password) if password else ""

    def check_password(self, password: str) -> bool:
        """Whether `password` opens this link."""
        return bool(self.password_hash) and check_password(password, self.password_hash)


def document_summary(document: dict[str, Any]) -> str:
    """A one-line description of a stored document for lists and the admin."""
    stages = document.get("stages", [])
    touchpoints = sum(len(s.get("touchpoints", [])) for s in stages)
    return f"{len(stages)} stages, {touchpoints} touchpoints"
