"""Read-only share links: anyone with the link (and the password, when set) sees the map; revoked is gone."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.urls import reverse

from klantreis.web.journeys.models import ShareLink
from klantreis.web.workspaces.models import AuditEvent

from .conftest import send, stored, url


def _create(sample: Any, password: str = "", who: str = "editor") -> Any:
    return sample.client(who).post(url(sample, "journeys:share", sample.journey), {"password": password})


def _newest() -> ShareLink:
    return ShareLink.objects.latest("pk")


def _open(token: str, client: Client | None = None) -> Any:
    return (client or Client()).get(reverse("share:view", kwargs={"token": token}))


def test_a_link_without_password_shows_the_map_to_anyone(sample: Any) -> None:
    response = _open(sample.share_link.token)
    html = response.content.decode()
    assert response.status_code == 200
    assert "A read-only view of this journey map." in html
    assert "Informatie zoeken" in html
    assert "Aanvraag indienen" in html
    assert 'class="ed' not in html
    assert "jm-data" not in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_the_shared_map_follows_the_latest_version(sample: Any) -> None:
    _open(sample.share_link.token)
    touchpoint = stored(sample.journey).stages[0].touchpoints[0]
    send(
        sample.client("editor"),
        sample,
        sample.journey,
        {"op": "set", "target": str(touchpoint.id), "field": "name", "base": touchpoint.name, "value": "Googelen"},
    )
    assert "Googelen" in _open(sample.share_link.token).content.decode()


def test_a_password_protected_link_asks_for_the_password_first(sample: Any) -> None:
    assert _create(sample, "geheim-2024").status_code == 302
    link = _newest()
    assert link.password_hash
    assert link.password_hash != "geheim-2024"
    visitor = Client()
    locked = _open(link.token, visitor).content.decode()
    assert "This journey map is protected" in locked
    assert "Informatie zoeken" not in locked
    address = reverse("share:view", kwargs={"token": link.token})
    wrong = visitor.post(address, {"password": "raden"})
    assert "This password does not open the map." in wrong.content.decode()
    assert visitor.post(address, {"password": "geheim-2024"}).status_code == 302
    assert "Informatie zoeken" in _open(link.token, visitor).content.decode()
    assert "Informatie zoeken" not in _open(link.token).content.decode()  # another visitor still needs it


def test_a_revoked_link_no_longer_opens_the_map(sample: Any) -> None:
    response = sample.client("editor").post(
        url(sample, "journeys:share", sample.journey), {"revoke": sample.share_link.pk}
    )
    assert response.status_code == 302
    sample.share_link.refresh_from_db()
    assert not sample.share_link.active
    assert _open(sample.share_link.token).status_code == 404
    assert AuditEvent.objects.filter(action="share.revoke", object_id=str(sample.share_link.pk)).exists()


def test_unknown_tokens_are_not_found(sample: Any) -> None:
    assert _open("not-a-token").status_code == 404


def test_the_share_page_lists_links_for_editors_only(sample: Any) -> None:
    _create(sample, "geheim-2024")
    html = sample.client("editor").get(url(sample, "journeys:share", sample.journey)).content.decode()
    assert reverse("share:view", kwargs={"token": _newest().token}) in html
    assert AuditEvent.objects.filter(action="share.create").count() == 1
    for who in ("viewer", "contributor"):
        assert sample.client(who).get(url(sample, "journeys:share", sample.journey)).status_code == 403
        assert _create(sample, who=who).status_code == 403
    assert sample.client("outsider").get(url(sample, "journeys:share", sample.journey)).status_code == 404
    assert ShareLink.objects.count() == 2


def test_a_link_of_another_journey_cannot_be_revoked_from_here(sample: Any, permit: Any) -> None:
    theirs = ShareLink.objects.create(journey=permit, created_by=sample.users["editor"])
    response = sample.client("editor").post(url(sample, "journeys:share", sample.journey), {"revoke": theirs.pk})
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.active
