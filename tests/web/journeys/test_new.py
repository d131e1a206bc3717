"""Creating a journey: blank, from one of the example files, or as the desired version of a current one."""

from __future__ import annotations

from typing import Any

import pytest

from klantreis.journey.files import read_document
from klantreis.web import demo
from klantreis.web.journeys.models import Journey
from klantreis.web.workspaces.models import AuditEvent

from .conftest import url

EXAMPLES = sorted(path.name for path in demo.examples_dir().glob("*.yaml"))


def _created(sample: Any, response: Any) -> Journey:
    assert response.status_code == 302, response.content.decode()[:2000]
    journey = Journey.objects.filter(workspace=sample.workspace).exclude(pk=sample.journey.pk).latest("pk")
    assert response["Location"] == url(sample, "journeys:editor", journey)
    return journey


def test_the_four_examples_are_offered(sample: Any) -> None:
    html = sample.client("editor").get(url(sample, "journeys:new")).content.decode()
    assert len(EXAMPLES) == 4
    for name in EXAMPLES:
        assert f'value="{name}"' in html


def test_a_blank_journey_gets_the_chosen_title_kind_state_and_language(sample: Any) -> None:
    form = {"start": "blank", "title": "Klacht indienen", "kind": "customer", "state": "current", "language": "nl"}
    journey = _created(sample, sample.client("editor").post(url(sample, "journeys:new"), form))
    document = journey.parsed()
    assert (document.title, document.kind, document.state, document.language) == (
        "Klacht indienen",
        "customer",
        "current",
        "nl",
    )
    assert document.stages == []
    assert journey.versions.get().summary == "created"
    assert AuditEvent.objects.filter(action="journey.create", object_id=str(journey.uuid)).exists()


def test_a_blank_journey_needs_a_title(sample: Any) -> None:
    response = sample.client("editor").post(url(sample, "journeys:new"), {"start": "blank", "title": ""})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert Journey.objects.filter(workspace=sample.workspace).count() == 1


@pytest.mark.parametrize("name", EXAMPLES)
def test_a_journey_can_start_from_each_example(sample: Any, name: str) -> None:
    journey = _created(
        sample, sample.client("editor").post(url(sample, "journeys:new"), {"start": "example", "example": name})
    )
    expected = read_document(demo.examples_dir() / name)
    document = journey.parsed()
    assert document.title == expected.title
    assert [s.name for s in document.stages] == [s.name for s in expected.stages]
    assert document.model_dump(exclude={"id"}) == expected.model_dump(exclude={"id"})


def test_the_same_example_twice_gets_two_journeys_with_their_own_ids(sample: Any) -> None:
    client = sample.client("editor")
    first = _created(sample, client.post(url(sample, "journeys:new"), {"start": "example", "example": EXAMPLES[0]}))
    second = _created(sample, client.post(url(sample, "journeys:new"), {"start": "example", "example": EXAMPLES[0]}))
    assert first.uuid != second.uuid


def test_the_desired_version_links_to_the_current_journey_and_keeps_its_personas(sample: Any) -> None:
    form = {"start": "desired", "source": str(sample.journey.uuid), "title": ""}
    journey = _created(sample, sample.client("editor").post(url(sample, "journeys:new"), form))
    current, desired = sample.journey.parsed(), journey.parsed()
    assert desired.state == "desired"
    assert desired.status == "draft"
    assert desired.redesigns == current.id
    assert desired.title == f"{current.title} (gewenst)"  # in the journey's own language
    assert [p.id for p in desired.personas] == [p.id for p in current.personas]
    assert [s.name for s in desired.stages] == [s.name for s in current.stages]
    assert {s.id for s in desired.stages}.isdisjoint({s.id for s in current.stages})
    experience = desired.stages[0].touchpoints[0].experiences[0]
    assert experience.persona == current.personas[0].id
    assert experience.rating == 1


def test_the_editor_offers_to_design_the_desired_journey(sample: Any) -> None:
    html = sample.client("editor").get(url(sample, "journeys:editor", sample.journey)).content.decode()
    assert f"?start=desired&amp;source={sample.journey.uuid}" in html
    form = sample.client("editor").get(url(sample, "journeys:new"), {"start": "desired", "source": sample.journey.uuid})
    assert f'<option value="{sample.journey.uuid}" selected>' in form.content.decode()


def test_a_journey_of_another_workspace_cannot_be_redesigned(sample: Any) -> None:
    from klantreis.journey.model import JourneyDocument
    from klantreis.web.journeys.service import create_journey

    theirs = create_journey(sample.elsewhere, JourneyDocument(title="Elders"), sample.outsider, "test")
    response = sample.client("editor").post(
        url(sample, "journeys:new"), {"start": "desired", "source": str(theirs.uuid)}
    )
    assert response.status_code == 200  # not a choice here: the form says so
    assert "Select a valid choice" in response.content.decode()
    assert Journey.objects.filter(workspace=sample.workspace).count() == 1


def test_contributors_cannot_create_journeys(sample: Any) -> None:
    response = sample.client("contributor").post(url(sample, "journeys:new"), {"start": "blank", "title": "X"})
    assert response.status_code == 403
    assert Journey.objects.filter(workspace=sample.workspace).count() == 1
