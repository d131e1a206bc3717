"""Comments on stages and touchpoints: @mentions of workspace members, resolving and reopening."""

from __future__ import annotations

from typing import Any

from klantreis.web.journeys.models import Comment
from klantreis.web.workspaces.models import AuditEvent

from .conftest import stored, url


def _comment(sample: Any, who: str, target: Any, body: str, **extra: Any) -> Any:
    return sample.client(who).post(
        url(sample, "journeys:comments", sample.journey), {"target": str(target), "body": body, **extra}
    )


def test_a_contributor_comments_on_a_touchpoint_and_mentions_a_member(sample: Any) -> None:
    touchpoint = stored(sample.journey).stages[0].touchpoints[0]
    response = _comment(
        sample,
        "contributor",
        touchpoint.id,
        "Klopt dit, @voorbeeld-editor? En @elders-owner?",
        next_target=str(touchpoint.id),
    )
    assert response.status_code == 302
    assert response["Location"] == url(sample, "journeys:comments", sample.journey) + f"?target={touchpoint.id}"
    comment = Comment.objects.get(journey=sample.journey, target=touchpoint.id)
    assert comment.author == sample.users["contributor"]
    # Only members of the workspace can be mentioned: the outsider's name stays plain text.
    assert list(comment.mentions.all()) == [sample.users["editor"]]
    assert AuditEvent.objects.filter(action="comment.add", object_id=str(comment.pk)).exists()


def test_the_thread_highlights_who_was_mentioned(sample: Any) -> None:
    touchpoint = stored(sample.journey).stages[0].touchpoints[0]
    _comment(sample, "contributor", touchpoint.id, "Graag kijken @voorbeeld-editor.\nEn <b>niet</b> @elders-owner")
    html = (
        sample.client("viewer")
        .get(url(sample, "journeys:comments", sample.journey), {"target": touchpoint.id})
        .content.decode()
    )
    assert "Comments on Informatie zoeken" in html
    assert 'Graag kijken <mark class="mention">@voorbeeld-editor</mark>.<br>' in html
    assert "&lt;b&gt;niet&lt;/b&gt; @elders-owner" in html  # escaped, and not highlighted
    assert '<span class="mention">@voorbeeld-editor</span>' in html
    form = sample.client("contributor").get(url(sample, "journeys:comments", sample.journey)).content.decode()
    assert "@voorbeeld-viewer" in form.split('class="comment-form"')[1]  # who can be mentioned, under the form


def test_the_editor_panel_gets_the_thread_as_a_fragment(sample: Any) -> None:
    stage = stored(sample.journey).stages[0]
    response = sample.client("viewer").get(
        url(sample, "journeys:comments", sample.journey), {"target": stage.id}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<div class="thread" id="thread">')
    assert "Klopt deze volgorde?" in html
    assert "<html" not in html


def test_the_map_counts_open_comments_per_stage_and_touchpoint(sample: Any) -> None:
    touchpoint = stored(sample.journey).stages[0].touchpoints[0]
    _comment(sample, "contributor", touchpoint.id, "Een")
    _comment(sample, "contributor", touchpoint.id, "Twee")
    body = (
        sample.client("viewer")
        .get(url(sample, "journeys:poll", sample.journey), {"rev": sample.journey.revision})
        .json()
    )
    assert body["comments"] == {str(sample.comment.target): 1, str(touchpoint.id): 2}
    html = sample.client("viewer").get(url(sample, "journeys:editor", sample.journey)).content.decode()
    column = html.split(f'id="tp-{touchpoint.id}"')[1]
    assert '<span class="badge">2</span>' in column.split("</button>")[0]


def test_a_comment_is_resolved_and_reopened(sample: Any) -> None:
    resolve = url(sample, "journeys:comment_resolve", sample.journey, comment=sample.comment.pk)
    assert sample.client("editor").post(resolve).status_code == 302
    sample.comment.refresh_from_db()
    assert sample.comment.resolved
    assert sample.comment.resolved_by == sample.users["editor"]
    counts = (
        sample.client("viewer")
        .get(url(sample, "journeys:poll", sample.journey), {"rev": sample.journey.revision})
        .json()
    )
    assert counts["comments"] == {}
    html = sample.client("viewer").get(url(sample, "journeys:comments", sample.journey)).content.decode()
    assert "Resolved · voorbeeld-editor" in html
    sample.client("contributor").post(resolve)
    sample.comment.refresh_from_db()
    assert not sample.comment.resolved
    assert sample.comment.resolved_by is None
    assert list(AuditEvent.objects.filter(object_type="comment").values_list("action", flat=True)) == [
        "comment.reopen",
        "comment.resolve",
    ]


def test_viewers_read_comments_but_cannot_write_or_resolve(sample: Any) -> None:
    touchpoint = stored(sample.journey).stages[0].touchpoints[0]
    html = sample.client("viewer").get(url(sample, "journeys:comments", sample.journey)).content.decode()
    assert "Klopt deze volgorde?" in html
    assert "comment-form" not in html
    assert _comment(sample, "viewer", touchpoint.id, "Mag dit?").status_code == 403
    resolve = url(sample, "journeys:comment_resolve", sample.journey, comment=sample.comment.pk)
    assert sample.client("viewer").post(resolve).status_code == 403
    assert Comment.objects.count() == 1


def test_comments_on_unknown_items_and_other_workspaces_are_not_found(sample: Any) -> None:
    assert _comment(sample, "editor", "00000000-0000-4000-8000-000000000000", "Waar?").status_code == 404
    assert sample.client("outsider").get(url(sample, "journeys:comments", sample.journey)).status_code == 404
    assert Comment.objects.count() == 1


def test_an_empty_comment_is_refused_with_a_message(sample: Any) -> None:
    stage = stored(sample.journey).stages[0]
    response = _comment(sample, "editor", stage.id, "")
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
