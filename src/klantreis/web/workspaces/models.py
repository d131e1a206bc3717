"""Workspaces and memberships with roles: owner, editor, contributor, viewer."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    # Without django-stubs mypy reads TextChoices members as tuples; this twin gives it the real shape.
    class Role(StrEnum):
        """What a member may do (type-checking view)."""

        VIEWER = "viewer"
        CONTRIBUTOR = "contributor"
        EDITOR = "editor"
        OWNER = "owner"

        choices: ClassVar[list[tuple[str, str]]]

        @property
        def label(self) -> str: ...

else:

    class Role(models.TextChoices):
        """What a member may do; each role can do everything of the roles below it."""

        VIEWER = "viewer", _("Viewer")
        CONTRIBUTOR = "contributor", _("Contributor")
        EDITOR = "editor", _("Editor")
        OWNER = "owner", _("Owner")


RANK = {Role.VIEWER: 0, Role.CONTRIBUTOR: 1, Role.EDITOR: 2, Role.OWNER: 3}


class Workspace(models.Model):
    """A team's space: its journeys, personas and members."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, through="Membership", related_name="workspaces")

    class Meta:
        ordering = ["name"]
        verbose_name = _("workspace")
        verbose_name_plural = _("workspaces")

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """One user's role in one workspace."""

    workspace = models.ForeignKey(
        Workspace, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("workspace")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.VIEWER)
    created = models.DateTimeField(_("member since"), auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["workspace", "user"], name="one_membership_per_user")]
        ordering = ["workspace", "user__username"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} @ {self.workspace}: {self.role}"

    def allows(self, needed: Role) -> bool:
        """Whether this member's role is at least `needed`."""
        return RANK[Role(self.role)] >= RANK[needed]


class AuditEvent(models.Model):
    """Who changed what, when: an append-only log per workspace."""

    workspace = models.ForeignKey(
        Workspace, on_delete=models.CASCADE, related_name="audit_events", verbose_name=_("workspace")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("user")
    )
    action = models.CharField(_("action"), max_length=60)
    object_type = models.CharField(_("object type"), max_length=40, blank=True)
    object_id = models.CharField(_("object id"), max_length=80, blank=True)
    summary = models.CharField(_("summary"), max_length=500, blank=True)
    detail = models.JSONField(_("detail"), default=dict, blank=True)
    created = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")

    def __str__(self) -> str:
        return f"{self.created:%Y-%m-%d %H:%M} {self.user}: {self.action} {self.summary}"
