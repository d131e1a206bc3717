"""The journey list of a workspace: filters on kind, state, persona, status and owner, and a title search."""

from __future__ import annotations

from typing import Any

import pytest

from klantreis.journey.model import JourneyDocument
from klantreis.journey.persona import Persona
from klantreis.web.journeys.service import create_journey

from .conftest import url


@pytest.fixture
def journeys(sample: Any) -> dict[str, Any]:
    """Besides the sample's permit journey (customer, current, draft, no owner, Fatima): three more."""
    editor = sample.users["editor"]
    ruud = Persona.model_validate(sample.personas["ruud"].data)
    made = {
        "onboarding": JourneyDocument(
            title="Onboarding casemanagers", kind="employee", personas=[ruud], owner="HR", status="validated"
        ),
        "desired": JourneyDocument(
            title="Vergunning in één keer", state="desired", owner="Marieke", status="in_review"
        ),
        "loan": JourneyDocument(title="Lening aanvragen", owner="Marieke", status="archived"),
    }
    return {key: create_journey(sample.workspace, document, editor, "test") for key, document in made.items()}


def _titles(sample: Any, **filters: Any) -> set[str]:
    response = sample.client("viewer").get(url(sample, "journeys:list"), filters)
    assert response.status_code == 200
    html = response.content.decode()
    every = ["Omgevingsvergunning aanvragen", "Onboarding casemanagers", "Vergunning in één keer", "Lening aanvragen"]
    return {title for title in every if f">{title}</a>" in html}


ALL = {"Omgevingsvergunning aanvragen", "Onboarding casemanagers", "Vergunning in één keer", "Lening aanvragen"}


def test_without_filters_every_journey_of_the_workspace_is_listed(journeys: Any, sample: Any) -> None:
    assert _titles(sample) == ALL


def test_it_filters_by_kind(journeys: Any, sample: Any) -> None:
    assert _titles(sample, kind="employee") == {"Onboarding casemanagers"}


def test_it_filters_by_state(journeys: Any, sample: Any) -> None:
    assert _titles(sample, state="desired") == {"Vergunning in één keer"}


def test_it_filters_by_status(journeys: Any, sample: Any) -> None:
    assert _titles(sample, status="archived") == {"Lening aanvragen"}


def test_it_filters_by_owner(journeys: Any, sample: Any) -> None:
    assert _titles(sample, owner="Marieke") == {"Vergunning in één keer", "Lening aanvragen"}


def test_it_filters_by_persona(journeys: Any, sample: Any) -> None:
    assert _titles(sample, persona=str(sample.personas["fatima"].uuid)) == {"Omgevingsvergunning aanvragen"}
    assert _titles(sample, persona=str(sample.personas["ruud"].uuid)) == {"Onboarding casemanagers"}


def test_filters_combine(journeys: Any, sample: Any) -> None:
    assert _titles(sample, owner="Marieke", status="in_review") == {"Vergunning in één keer"}
    assert _titles(sample, kind="employee", owner="Marieke") == set()


def test_the_search_looks_in_titles(journeys: Any, sample: Any) -> None:
    assert _titles(sample, q="vergunning") == {"Omgevingsvergunning aanvragen", "Vergunning in één keer"}


def test_an_unknown_filter_value_is_ignored_rather_than_an_error(journeys: Any, sample: Any) -> None:
    assert _titles(sample, kind="robot") == ALL


def test_no_matches_say_so(journeys: Any, sample: Any) -> None:
    html = sample.client("viewer").get(url(sample, "journeys:list"), {"q": "zzz"}).content.decode()
    assert "No journeys match these filters." in html


def test_journeys_of_other_workspaces_are_never_listed(sample: Any) -> None:
    create_journey(sample.elsewhere, JourneyDocument(title="Geheim elders"), sample.outsider, "test")
    html = sample.client("owner").get(url(sample, "journeys:list")).content.decode()
    assert "Geheim elders" not in html
    assert sample.client("outsider").get(url(sample, "journeys:list")).status_code == 404


def test_only_editors_are_offered_new_and_import(sample: Any) -> None:
    new = url(sample, "journeys:new")
    assert new not in sample.client("contributor").get(url(sample, "journeys:list")).content.decode()
    assert new in sample.client("editor").get(url(sample, "journeys:list")).content.decode()
