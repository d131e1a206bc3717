"""The details panels: every field of a touchpoint, the improvements, the evidence and the employee mirror."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from klantreis.journey.model import Evidence, Improvement, MirrorEntry
from klantreis.journey.touchpoint import ActivityRule, HeuristicUse, Kpi, Opportunity
from klantreis.web.accounts.models import Profile
from klantreis.web.journeys.models import Journey
from klantreis.web.journeys.service import replace_document

from .conftest import stored, url


def _panel(sample: Any, who: str, name: str, journey: Journey | None = None, **kwargs: Any) -> str:
    """A panel as the editor script asks for it (htmx's header), as `who`."""
    query = {"item": kwargs.pop("item")} if "item" in kwargs else {}
    address = url(sample, f"journeys:{name}", journey or sample.journey, **kwargs)
    response = sample.client(who).get(address, query, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    return response.content.decode()


def _fields(html: str) -> set[str]:
    """The fields that have an editable control in `html`."""
    return set(re.findall(r'class="[^"]*\bpf-c" data-t="[^"]+" data-f="([^"]+)"', html))


def _rich(sample: Any) -> Any:
    """The sample journey with a KPI, opportunity, heuristic and activity rule on its second touchpoint,
    an improvement, a source of evidence and an employee-mirror estimate."""
    document = stored(sample.journey)
    touchpoint = document.stages[1].touchpoints[0]
    touchpoint.kpis = [Kpi(name="Complete at first try", value=0.55, target=0.8, unit="share")]
    touchpoint.opportunities = [Opportunity(title="Checklist of drawings")]
    touchpoint.heuristics = [HeuristicUse(heuristic="social_proof")]
    touchpoint.activities = [ActivityRule(pattern="Submit application")]
    document.improvements = [Improvement(title="Drawing checklist", touchpoints=[touchpoint.id])]
    document.evidence = [Evidence(title="Interviews with applicants", supports=[touchpoint.id])]
    document.mirror = [MirrorEntry(employee_group="Front office", touchpoint=touchpoint.id, estimated_rating=1)]
    replace_document(sample.journey.pk, document, sample.users["editor"], "test")
    return document


def test_the_touchpoint_panel_has_a_control_for_every_field_of_the_touchpoint(sample: Any) -> None:
    document = _rich(sample)
    touchpoint = document.stages[1].touchpoints[0]
    html = _panel(sample, "editor", "touchpoint_details", touchpoint=touchpoint.id)
    fields = _fields(html)
    for name in (
        "name", "description", "channel", "medium", "ownership", "influence", "customer_action", "between",
        "personas", "customers_reached", "weight", "activities", "heuristics", "fogg.motivation", "fogg.notes",
        "frontstage.description", "frontstage.processes", "frontstage.systems", "frontstage.departments",
        "frontstage.owner", "backstage.description", "backstage.processes", "backstage.systems",
        "backstage.departments", "backstage.owner",
    ):  # fmt: skip
        assert name in fields, name
    kpi = touchpoint.kpis[0]
    for name in ("value", "target", "unit", "source", "measured_on", "direction"):
        assert f'data-t="{kpi.id}" data-f="{name}"' in html
    assert f'data-t="{touchpoint.pain_points[0].id}" data-f="description"' in html
    assert f'data-t="{touchpoint.opportunities[0].id}" data-f="description"' in html
    assert 'data-pact="add" data-kind="kpi"' in html
    assert f'data-pact="remove" data-target="{kpi.id}"' in html
    assert 'value="Submit application"' in html  # the activity rule, as a row
    assert "Drawing checklist" in html  # the improvement on this touchpoint
    assert "Interviews with applicants" in html  # the evidence that backs it


def test_the_kpi_value_shows_as_the_reader_writes_numbers(sample: Any) -> None:
    document = _rich(sample)
    touchpoint = document.stages[1].touchpoints[0]
    html = _panel(sample, "editor", "touchpoint_details", touchpoint=touchpoint.id)
    assert 'data-v="0.55" value="0.55"' in html
    Profile.objects.update_or_create(user=sample.users["owner"], defaults={"language": "nl"})
    client = Client()
    client.force_login(sample.users["owner"])  # logging in picks the language up from the profile
    address = url(sample, "journeys:touchpoint_details", sample.journey, touchpoint=touchpoint.id)
    dutch = client.get(address, HTTP_HX_REQUEST="true").content.decode()
    assert 'data-v="0.55" value="0,55"' in dutch


def test_a_viewer_reads_the_panels_without_a_single_control(sample: Any) -> None:
    document = _rich(sample)
    touchpoint = document.stages[1].touchpoints[0]
    pages = [
        _panel(sample, "viewer", "touchpoint_details", touchpoint=touchpoint.id),
        _panel(sample, "viewer", "improvements"),
        _panel(sample, "viewer", "improvements", item=str(document.improvements[0].id)),
        _panel(sample, "viewer", "evidence"),
        _panel(sample, "viewer", "evidence", item=str(document.evidence[0].id)),
        _panel(sample, "viewer", "mirror"),
        _panel(sample, "viewer", "mirror", item=str(document.mirror[0].id)),
    ]
    for html in pages:
        assert "pf-c" not in html
        assert 'data-pact="add"' not in html
        assert 'data-pact="remove"' not in html
    assert "Complete at first try" in pages[0]  # read, as text
    assert "Drawing checklist" in pages[1]


def test_a_contributor_fills_in_evidence_and_estimates_but_not_the_structure(sample: Any) -> None:
    document = _rich(sample)
    touchpoint = document.stages[1].touchpoints[0]
    panel = _panel(sample, "contributor", "touchpoint_details", touchpoint=touchpoint.id)
    assert "pf-c" not in panel
    assert 'data-kind="evidence"' in panel  # "+ Evidence for this touchpoint"
    evidence = _panel(sample, "contributor", "evidence", item=str(document.evidence[0].id))
    assert {"title", "kind", "summary", "source", "collected_on", "respondents", "supports"} <= _fields(evidence)
    assert 'data-pact="remove"' not in evidence  # removing stays with editors
    mirror = _panel(sample, "contributor", "mirror", item=str(document.mirror[0].id))
    assert {"employee_group", "estimated_rating", "estimated_emotions", "own_rating", "helps", "blocks"} <= _fields(
        mirror
    )
    improvement = _panel(sample, "contributor", "improvements", item=str(document.improvements[0].id))
    assert "pf-c" not in improvement


def test_the_improvement_form_links_touchpoints_pain_points_and_a_kpi(sample: Any) -> None:
    document = _rich(sample)
    improvement = document.improvements[0]
    html = _panel(sample, "editor", "improvements", item=str(improvement.id))
    fields = _fields(html)
    expected = {"title", "description", "hypothesis", "status", "impact", "effort", "owner", "department"}
    assert expected | {"touchpoints", "pain_points", "kpi", "baseline", "target", "result.value"} <= fields
    assert {"result.measured_on", "result.note"} <= fields
    touchpoint = document.stages[1].touchpoints[0]
    assert f'<input type="checkbox" value="{touchpoint.id}" checked>' in html
    assert f'<input type="checkbox" value="{touchpoint.pain_points[0].id}">' in html
    assert f'<option value="{touchpoint.kpis[0].id}">Aanvraag indienen › Complete at first try</option>' in html


def test_the_evidence_picker_offers_everything_evidence_can_back(sample: Any) -> None:
    document = _rich(sample)
    html = _panel(sample, "editor", "evidence", item=str(document.evidence[0].id))
    touchpoint = document.stages[1].touchpoints[0]
    for item_id in (
        document.personas[0].id,
        document.stages[0].id,
        touchpoint.pain_points[0].id,
        touchpoint.opportunities[0].id,
        touchpoint.kpis[0].id,
        document.improvements[0].id,
    ):
        assert f'<input type="checkbox" value="{item_id}">' in html
    assert f'<input type="checkbox" value="{touchpoint.id}" checked>' in html


def test_the_employee_mirror_compares_the_estimate_with_the_customers_rating(sample: Any) -> None:
    _rich(sample)
    html = _panel(sample, "editor", "mirror")
    row = html.split("Front office", 1)[1].split("</tr>", 1)[0]
    # Front office estimates +1 where Fatima rated −1: employees think it goes two points better.
    assert re.findall(r"<td>([^<]*)</td>", row)[1:] == ["+1", "-1", "+2"]
    assert "Accuracy of the estimates" in html
    assert 'data-pact-form="add-mirror"' in html


def test_an_item_removed_meanwhile_shows_the_list_with_a_note(sample: Any) -> None:
    _rich(sample)
    html = _panel(sample, "editor", "improvements", item="00000000-0000-4000-8000-000000000099")
    assert "This item was removed by someone else." in html
    assert "Drawing checklist" in html


def test_a_plain_visit_lands_on_the_map_with_the_panel_open(sample: Any) -> None:
    document = _rich(sample)
    touchpoint = document.stages[1].touchpoints[0]
    editor = url(sample, "journeys:editor", sample.journey)
    client = sample.client("viewer")
    response = client.get(url(sample, "journeys:touchpoint_details", sample.journey, touchpoint=touchpoint.id))
    assert (response.status_code, response["Location"]) == (302, f"{editor}#touchpoint={touchpoint.id}")
    response = client.get(url(sample, "journeys:evidence", sample.journey), {"item": str(document.evidence[0].id)})
    assert response["Location"] == f"{editor}#evidence={document.evidence[0].id}"


@pytest.mark.parametrize("who", ["outsider", "anonymous"])
def test_nobody_outside_the_workspace_sees_a_panel(sample: Any, who: str) -> None:
    touchpoint = stored(sample.journey).stages[0].touchpoints[0]
    address = url(sample, "journeys:touchpoint_details", sample.journey, touchpoint=touchpoint.id)
    assert sample.client(who).get(address, HTTP_HX_REQUEST="true").status_code == 404


def test_an_unknown_touchpoint_is_not_found(sample: Any) -> None:
    address = url(sample, "journeys:touchpoint_details", sample.journey, touchpoint=sample.journey.uuid)
    assert sample.client("editor").get(address, HTTP_HX_REQUEST="true").status_code == 404


def test_the_editor_page_opens_the_panels_from_the_toolbar_and_each_touchpoint(sample: Any) -> None:
    response = sample.client("viewer").get(url(sample, "journeys:editor", sample.journey))
    html = response.content.decode()
    for panel in ("improvements", "evidence", "mirror"):
        assert f'data-panel="{panel}"' in html
    for touchpoint in stored(sample.journey).stages[0].touchpoints:
        assert f'data-panel="touchpoint={touchpoint.id}"' in html
    assert '<script id="jm-panel-data" type="application/json">' in html
    assert 'id="jm-details" hidden role="dialog"' in html
