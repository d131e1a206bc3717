"""The Django admin for operators: every model's pages open, documents read well, the audit log is read-only."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import reverse

from klantreis.web.journeys.models import Comment, Journey, JourneyVersion, ShareLink
from klantreis.web.personas.models import WorkspacePersona
from klantreis.web.workspaces.models import AuditEvent, Membership, Workspace

MODELS = [Workspace, Membership, AuditEvent, Journey, JourneyVersion, Comment, ShareLink, WorkspacePersona]


@pytest.fixture
def operator(sample: Any, django_user_model: Any) -> Client:
    """A client logged in as a superuser."""
    client = Client()
    client.force_login(django_user_model.objects.create_superuser("operator", "", "operator-password-1"))
    return client


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_model_has_a_working_list_and_detail_page(operator: Client, model: Any) -> None:
    meta = model._meta
    assert admin.site.is_registered(model)
    listing = operator.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"))
    assert listing.status_code == 200
    first = model.objects.order_by("pk").first()
    detail = operator.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[first.pk]))
    assert detail.status_code == 200


def test_the_user_page_shows_the_language_profile(sample: Any, operator: Client) -> None:
    page = operator.get(reverse("admin:auth_user_change", args=[sample.users["owner"].pk]))
    assert page.status_code == 200
    assert "profile" in page.content.decode().lower()


def test_documents_are_shown_as_readable_json(sample: Any, operator: Client) -> None:
    html = operator.get(reverse("admin:journeys_journey_change", args=[sample.journey.pk])).content.decode()
    assert "<pre" in html
    assert "&quot;title&quot;: &quot;Omgevingsvergunning aanvragen&quot;" in html
    assert 'name="document"' not in html  # shown, never edited here


def test_the_audit_log_cannot_be_changed_even_by_a_superuser(sample: Any, operator: Client) -> None:
    event = AuditEvent.objects.first()
    assert event is not None
    assert operator.get(reverse("admin:workspaces_auditevent_add")).status_code == 403
    delete = reverse("admin:workspaces_auditevent_delete", args=[event.pk])
    assert operator.post(delete, {"post": "yes"}).status_code == 403
    change = reverse("admin:workspaces_auditevent_change", args=[event.pk])
    operator.post(change, {"summary": "rewritten"})
    assert AuditEvent.objects.get(pk=event.pk).summary == event.summary


def test_share_links_are_revoked_from_the_admin_and_audited(sample: Any, operator: Client) -> None:
    data = {"action": "revoke", "_selected_action": [sample.share_link.pk]}
    operator.post(reverse("admin:journeys_sharelink_changelist"), data)
    assert ShareLink.objects.get(pk=sample.share_link.pk).revoked is not None
    assert AuditEvent.objects.filter(action="share.revoke", user__username="operator").exists()
    html = operator.get(reverse("admin:journeys_sharelink_changelist")).content.decode()
    assert sample.share_link.token not in html  # the secret is never shown whole
