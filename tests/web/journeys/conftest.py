"""Fixtures for the journeys web tests, on top of the shared sample workspace (tests/web/conftest.py).

`sample.journey` is the sample's permit journey (one persona, Fatima; two stages). Tests that
need two personas use `permit`, a journey of `factories.small_document` (Anna and Bob) stored in
the same workspace. Pages are asked for in English, so tests can read their texts.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from klantreis.journey.model import JourneyDocument
from klantreis.web.journeys.memo import COLUMNS, DOCUMENTS, MAPS
from klantreis.web.journeys.models import Journey
from klantreis.web.journeys.service import create_journey

from .factories import small_document


@pytest.fixture(autouse=True)
def _english_and_cold_caches(settings: Any) -> None:
    """English pages (the fallback language; no test sends Accept-Language) and empty fragment caches."""
    settings.LANGUAGE_CODE = "en"
    COLUMNS.clear()
    MAPS.clear()
    DOCUMENTS.clear()


@pytest.fixture
def permit(sample: Any) -> Journey:
    """A second journey in the sample workspace, with two personas (Anna and Bob)."""
    return create_journey(sample.workspace, small_document(), sample.users["editor"], "test")


def url(sample: Any, name: str, journey: Journey | None = None, **kwargs: Any) -> str:
    """A journeys URL of the sample workspace, for `journey` when given."""
    if journey is not None:
        kwargs["journey"] = journey.uuid
    return reverse(name, kwargs={"ws": sample.workspace.slug, **kwargs})


def send(client: Client, sample: Any, journey: Journey, operation: dict[str, Any], rev: int | None = None) -> Any:
    """POST one operation to the ops endpoint as the editor script does (JSON body, ?rev=).

    Without `rev` the client is up to date (it knows the stored revision), so the answer holds
    only the parts this operation changed.
    """
    known = fresh(journey).revision if rev is None else rev
    address = url(sample, "journeys:ops", journey) + f"?rev={known}"
    return client.post(address, json.dumps(operation), content_type="application/json")


def fresh(journey: Journey) -> Journey:
    """The journey as stored now."""
    return Journey.objects.get(pk=journey.pk)


def stored(journey: Journey) -> JourneyDocument:
    """The journey's latest document, read fresh from the database."""
    return fresh(journey).parsed()
