"""The map editor page: stages as columns, lanes as rows, editable as far as the role allows."""

from __future__ import annotations

import json
import re
from typing import Any

from klantreis.web.journeys.lanes import DEFAULT_HIDDEN, LANE_IDS
from klantreis.web.journeys.models import Journey

from .conftest import send, stored, url


def _page(sample: Any, who: str, journey: Journey | None = None, **query: Any) -> str:
    response = sample.client(who).get(url(sample, "journeys:editor", journey or sample.journey), query)
    assert response.status_code == 200
    return response.content.decode()


def _editor_data(html: str) -> dict[str, Any]:
    found = re.search(r'<script id="jm-data" type="application/json">(.*?)</script>', html, re.S)
    assert found is not None
    data: dict[str, Any] = json.loads(found.group(1))
    return data


def test_the_map_shows_stages_as_columns_in_journey_order(sample: Any) -> None:
    html = _page(sample, "viewer")
    stages = stored(sample.journey).stages
    assert html.index(f'id="st-{stages[0].id}"') < html.index(f'id="st-{stages[1].id}"')
    assert html.index("Informatie zoeken") < html.index("Aanvraag indienen")
    assert html.count('class="jm-tp"') == 2


def test_every_column_has_a_cell_per_lane_in_the_order_of_the_lane_labels(sample: Any) -> None:
    html = _page(sample, "editor")
    touchpoint = stored(sample.journey).stages[0].touchpoints[0]
    column = html.split(f'id="tp-{touchpoint.id}"')[1].split('<div class="jm-tp')[0]
    cells = re.findall(r'class="jm-cell lane-(\w+)"', column)
    labels = re.findall(r'class="jm-lane-label lane-(\w+)', html)
    assert cells == list(LANE_IDS) == labels


def test_the_emotion_curve_is_drawn_on_the_curve_lane(sample: Any) -> None:
    html = _page(sample, "viewer")
    assert 'id="jm-curve" style="grid-row: 8;' in html  # row 1 holds the stage headers; the curve is lane 7
    assert "<polyline" in html


def test_an_editor_can_change_everything_in_place(sample: Any) -> None:
    html = _page(sample, "editor")
    assert 'data-f="name"' in html
    assert 'data-op="move-tp"' in html
    assert 'data-kind="stage"' in html
    assert 'class="jm-handle jm-tp-handle"' in html  # drag and drop
    assert 'aria-label="Move Informatie zoeken right"' in html  # and the keyboard way
    assert '<div class="segs" ' not in html  # (segments are spans)
    assert 'data-f="rating"' in html
    assert 'data-f="fogg.motivation"' in html


def test_a_contributor_edits_experiences_only(sample: Any) -> None:
    html = _page(sample, "contributor")
    assert 'data-f="rating"' in html
    assert 'data-f="quotes"' in html
    assert 'data-op="move-tp"' not in html
    assert 'data-op="remove"' not in html
    assert 'data-f="fogg.motivation"' not in html  # Fogg scores are the team's analysis
    assert re.search(r'class="ed"[^>]*data-f="name"', html) is None
    assert "As a contributor you record experiences" in html


def test_a_viewer_reads_without_editable_fields(sample: Any) -> None:
    html = _page(sample, "viewer")
    assert re.search(r'class="ed[ "]', html) is None
    assert 'data-op="' not in html
    assert '<button class="v' not in html
    assert "Read only" in html


def test_members_of_other_workspaces_get_a_404(sample: Any) -> None:
    response = sample.client("outsider").get(url(sample, "journeys:editor", sample.journey))
    assert response.status_code == 404


def test_user_text_is_escaped_everywhere_on_the_map(sample: Any) -> None:
    touchpoint = stored(sample.journey).stages[0].touchpoints[0]
    evil = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    send(
        sample.client("editor"),
        sample,
        sample.journey,
        {"op": "set", "target": str(touchpoint.id), "field": "name", "base": touchpoint.name, "value": evil},
    )
    send(
        sample.client("editor"),
        sample,
        sample.journey,
        {"op": "set", "target": str(sample.journey.uuid), "field": "scope", "base": "", "value": evil},
    )
    html = _page(sample, "editor")
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert" in html


def test_the_page_runs_no_inline_script_and_sends_a_strict_policy(sample: Any) -> None:
    response = sample.client("editor").get(url(sample, "journeys:editor", sample.journey))
    html = response.content.decode()
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    scripts = re.findall(r"<script([^>]*)>", html)
    assert all("src=" in attributes or 'type="application/json"' in attributes for attributes in scripts)
    assert re.search(r"\son[a-z]+=", html) is None  # no inline event handlers


def test_the_script_gets_its_settings_texts_and_the_heuristics_library(sample: Any) -> None:
    data = _editor_data(_page(sample, "editor"))
    config = data["config"]
    assert config["ops"] == url(sample, "journeys:ops", sample.journey)
    assert config["revision"] == sample.journey.revision
    assert config["default_hidden"] == list(DEFAULT_HIDDEN)
    assert config["storage_key"].endswith(str(sample.journey.uuid))  # lanes remembered per user and journey
    assert "conflict" in data["messages"]
    groups = dict(data["vocab"]["heuristic_groups"])
    assert ["social_proof", "Social proof"] in groups["Principles of influence"]
    assert data["vocab"]["heuristic_info"]["social_proof"]


def test_the_persona_filter_shows_one_personas_experiences(permit: Journey, sample: Any) -> None:
    personas = stored(permit).personas
    everyone = _page(sample, "viewer", permit)
    anna_only = _page(sample, "viewer", permit, persona=str(personas[0].id))
    assert 'data-p="' + str(personas[1].id) in everyone
    assert 'data-p="' + str(personas[1].id) not in anna_only
    assert 'data-p="' + str(personas[0].id) in anna_only


def test_poll_answers_with_comment_counts_only_when_nothing_changed(sample: Any) -> None:
    poll = url(sample, "journeys:poll", sample.journey)
    body = sample.client("viewer").get(poll, {"rev": sample.journey.revision}).json()
    assert body == {"revision": sample.journey.revision, "comments": {str(sample.comment.target): 1}}


def test_poll_answers_with_the_columns_others_changed(sample: Any) -> None:
    touchpoint = stored(sample.journey).stages[1].touchpoints[0]
    known = sample.journey.revision
    send(
        sample.client("editor"),
        sample,
        sample.journey,
        {
            "op": "set",
            "target": str(touchpoint.id),
            "field": "name",
            "base": touchpoint.name,
            "value": "Indienen via het loket",
        },
    )
    body = sample.client("viewer").get(url(sample, "journeys:poll", sample.journey), {"rev": known}).json()
    assert body["revision"] == known + 1
    assert list(body["parts"]) == [f"tp-{touchpoint.id}"]
    assert "Indienen via het loket" in body["parts"][f"tp-{touchpoint.id}"]
    assert re.search(r'class="ed[ "]', body["parts"][f"tp-{touchpoint.id}"]) is None  # rendered for the viewer


def test_a_poll_from_far_behind_gets_the_whole_map(sample: Any) -> None:
    body = sample.client("viewer").get(url(sample, "journeys:poll", sample.journey), {"rev": 0}).json()
    assert set(body["parts"]) == {"jm-head", "jm-grid"}


def test_the_map_reflects_an_edit_on_the_next_open(sample: Any) -> None:
    _page(sample, "editor")  # the map is cached now
    touchpoint = stored(sample.journey).stages[0].touchpoints[0]
    send(
        sample.client("owner"),
        sample,
        sample.journey,
        {"op": "set", "target": str(touchpoint.id), "field": "name", "base": touchpoint.name, "value": "Googelen"},
    )
    html = _page(sample, "editor")
    assert "Googelen" in html
    assert "Informatie zoeken" not in html


def test_a_journey_without_stages_invites_the_first_stage(sample: Any) -> None:
    from klantreis.journey.model import JourneyDocument
    from klantreis.web.journeys.service import create_journey

    empty = create_journey(sample.workspace, JourneyDocument(title="Leeg"), sample.users["editor"], "test")
    assert "Add the first stage" in _page(sample, "editor", empty)
    assert "Add the first stage" not in _page(sample, "viewer", empty)


def test_every_lane_can_be_hidden(sample: Any) -> None:
    from pathlib import Path

    from django.contrib.staticfiles import finders

    css = Path(str(finders.find("klantreis/journeys/editor.css"))).read_text(encoding="utf-8")
    for lane in LANE_IDS:
        assert f".jm-grid.hide-{lane} .lane-{lane}" in css
    html = _page(sample, "viewer")
    menu = html.split('id="lanes-menu"')[1].split("</details>")[0]
    assert [f'value="{lane}"' in menu for lane in LANE_IDS] == [True] * len(LANE_IDS)


def test_only_owners_may_delete_a_journey(sample: Any) -> None:
    delete = url(sample, "journeys:delete", sample.journey)
    assert sample.client("editor").post(delete).status_code == 403
    assert sample.client("owner").get(delete).status_code == 200
    assert sample.client("owner").post(delete).status_code == 302
    assert not Journey.objects.filter(pk=sample.journey.pk).exists()


def test_a_large_map_sends_its_later_stages_as_they_are_needed(sample: Any) -> None:
    from klantreis.web.journeys.service import create_journey

    from .factories import large_document

    big = create_journey(
        sample.workspace, large_document(stages=4, touchpoints_per_stage=12), sample.users["editor"], "test"
    )
    stages = stored(big).stages
    html = _page(sample, "editor", big)
    # The first 30 columns come with the page: two stages of 12; the rest are placeholders.
    assert html.count('class="jm-tp"') + html.count('class="jm-tp is-mot"') == 24
    assert html.count('class="jm-lazy"') == 2
    assert f'data-lazy="{stages[2].id}"' in html
    assert f'id="st-{stages[2].id}" data-id="{stages[2].id}" data-count="12"' in html
    assert stages[2].name in html  # its header is there, editable
    assert html.count("<polyline") == 4  # the curve spans the whole journey: 2 personas x current and desired
    response = sample.client("viewer").get(url(sample, "journeys:stage", big, stage=stages[2].id))
    section = response.content.decode()
    assert section.startswith(f'<section class="jm-stage" id="st-{stages[2].id}"')
    assert section.count('<div class="jm-tp') == 12
    assert stages[2].touchpoints[11].name in section
    assert sample.client("viewer").get(url(sample, "journeys:stage", big, stage=sample.journey.uuid)).status_code == 404
    assert sample.client("outsider").get(url(sample, "journeys:stage", big, stage=stages[2].id)).status_code == 404
