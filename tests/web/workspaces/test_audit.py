"""The audit log: who changed what, newest first, paginated and filtered by person and action."""

from __future__ import annotations

from typing import Any

from klantreis.web.workspaces.access import audit
from klantreis.web.workspaces.models import AuditEvent


def test_members_read_the_log_newest_first(sample: Any) -> None:
    audit(sample.workspace, sample.users["owner"], "workspace.rename", "Oud → Nieuw")
    response = sample.client("viewer").get(sample.url("workspaces:audit"))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Oud → Nieuw") < html.index("Omgevingsvergunning aanvragen: sample")
    assert "Workspace renamed" in html  # the readable name of the action


def test_it_filters_by_person_and_action(sample: Any) -> None:
    audit(sample.workspace, sample.users["owner"], "workspace.rename", "renamed by the owner")
    audit(sample.workspace, sample.users["editor"], "workspace.rename", "renamed by the editor")
    query = {"user": sample.users["owner"].pk, "action": "workspace.rename"}
    html = sample.client("viewer").get(sample.url("workspaces:audit"), query).content.decode()
    assert "renamed by the owner" in html
    assert "renamed by the editor" not in html
    assert "Omgevingsvergunning aanvragen: sample" not in html


def test_it_pages_through_a_long_log(sample: Any) -> None:
    AuditEvent.objects.bulk_create(
        AuditEvent(workspace=sample.workspace, action="journey.set", summary=f"edit {n}") for n in range(120)
    )
    first = sample.client("viewer").get(sample.url("workspaces:audit")).content.decode()
    third = sample.client("viewer").get(sample.url("workspaces:audit"), {"page": 3}).content.decode()
    assert "Page 1 of 3" in first
    assert first.count("<tr>") == 51  # header + 50 events
    assert "Page 3 of 3" in third


def test_it_never_shows_another_workspace_s_events(sample: Any) -> None:
    audit(sample.elsewhere, sample.outsider, "workspace.rename", "secret elsewhere")
    html = sample.client("owner").get(sample.url("workspaces:audit")).content.decode()
    assert "secret elsewhere" not in html
    assert sample.client("outsider").get(sample.url("workspaces:audit")).status_code == 404
