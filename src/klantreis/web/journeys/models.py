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


def new_stamp() -> int:
    """A random number naming one revision of one journey (see `Journey.stamp`)."""
    return secrets.randbits(62)


class Journey(models.Model):
    """A journey: its latest revision's number and copied fields; the document lives in the log.

    The document of a revision is the nearest snapshot at or before it with the logged patches
    after it applied (documents.py); `document` gives that, parsed once per revision per process.
    """

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="journeys")
    uuid = models.UUIDField(default=uuid.uuid4, editable=False)
    version = models.PositiveIntegerField(default=1)
    # Counts every change (versions fold several edits into one number); editors poll it.
    revision = models.PositiveIntegerField(default=1)
    # Random per revision: together with pk and revision it names one document for certain, also
    # when a rolled-back transaction (tests) or a restored backup hands out a revision number again.
    stamp = models.BigIntegerField(default=new_stamp)
    # The newest snapshot's revision: edits write a new one when the log since has grown long.
    snapshot_revision = models.PositiveIntegerField(default=1)
    # The latest changes, newest last: which parts of the map each revision touched and by whom,
    # so a polling editor refreshes only those parts and a conflict can name who made it.
    changes: Any = DocumentField(default=list, blank=True)  # read on every map request: the fast codec
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

    @property
    def document(self) -> dict[str, Any]:
        """The stored (JSON) document of this journey's revision; read-only, written by service.py."""
        found: dict[str, Any] | None = self.__dict__.get("_document")
        if found is None:
            from klantreis.web.journeys.documents import load

            found = self.__dict__["_document"] = load(self)
        return found

    def refresh_from_db(self, *args: Any, **kwargs: Any) -> None:
        """Reload the row; the document follows the (possibly newer) revision."""
        self.__dict__.pop("_document", None)
        super().refresh_from_db(*args, **kwargs)

    def parsed(self) -> JourneyDocument:
        """The document as a validated model."""
        return JourneyDocument.model_validate(self.document)

    def store(self, document: JourneyDocument) -> None:
        """Put a validated document in place and refresh the copied fields (service.py saves)."""
        self.store_data(document.model_dump(mode="json"))

    def store_data(self, data: dict[str, Any]) -> None:
        """Put a validated document, already in its stored (JSON) form, in place; refresh the copies."""
        self.__dict__["_document"] = data
        self.uuid = uuid.UUID(str(data["id"]))
        self.title = data["title"]
        self.kind = data["kind"]
        self.state = data["state"]
        self.status = data["status"]
        self.owner = data.get("owner", "")
        self.persona_ids = [str(p["id"]) for p in data.get("personas", [])]


class JourneyRevision(models.Model):
    """One revision of a journey in its append-only log: the patch from the revision before.

    A revision whose document is stored whole (creation, import, restore, a very large change)
    has no patch: its snapshot holds the document.
    """

    journey = models.ForeignKey(Journey, on_delete=models.CASCADE, related_name="revisions")
    revision = models.PositiveIntegerField()
    stamp = models.BigIntegerField()
    # Who did what is in the audit log and the journey's change feed; this row only rebuilds documents.
    patch: Any = DocumentField(null=True, blank=True)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["journey", "revision"], name="one_row_per_revision")]
        ordering = ["journey", "revision"]

    def __str__(self) -> str:
        return f"{self.journey_id} r{self.revision}"


class JourneySnapshot(models.Model):
    """The whole document of a journey at one revision, so no read replays more than a short log."""

    journey = models.ForeignKey(Journey, on_delete=models.CASCADE, related_name="snapshots")
    revision = models.PositiveIntegerField()
    document: Any = DocumentField()
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["journey", "revision"], name="one_snapshot_per_revision")]
        ordering = ["journey", "-revision"]

    def __str__(self) -> str:
        return f"{self.journey_id} r{self.revision}"


# The stored document of a version that holds none of its own: the latest version (its content is
# the journey's document) and a finished version that names its last revision instead.
LIVE: dict[str, Any] = {}


class JourneyVersion(models.Model):
    """A saved state of a journey; consecutive edits by one person are folded into one version."""

    journey = models.ForeignKey(Journey, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    # A copy of the document, kept only by versions finished before the log existed; LIVE otherwise.
    stored: Any = DocumentField(db_column="document", default=dict)
    # The journey's revision when the version was finished (None while it is the latest): its
    # document is the log's document of that revision.
    revision = models.PositiveIntegerField(null=True, blank=True)
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

    @property
    def document(self) -> dict[str, Any]:
        """This version's own document: its copy, its revision's document once finished, LIVE while latest."""
        if self.stored != LIVE or self.revision is None:
            found: dict[str, Any] = self.stored
            return found
        from klantreis.web.journeys.documents import document_at

        return document_at(self.journey_id, self.revision)


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
