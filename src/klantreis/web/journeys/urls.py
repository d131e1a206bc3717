"""Journey URLs inside a workspace: list, create, import/export, the map editor and its history."""

from django.urls import path

from klantreis.web.journeys import (
    views_comments,
    views_delete,
    views_details,
    views_editor,
    views_files,
    views_history,
    views_list,
    views_new,
    views_ops,
    views_share,
)

app_name = "journeys"
urlpatterns = [
    path("", views_list.journey_list, name="list"),
    path("new/", views_new.new_journey, name="new"),
    path("import/", views_files.import_journey, name="import"),
    path("<uuid:journey>/", views_editor.editor, name="editor"),
    path("<uuid:journey>/poll/", views_editor.poll, name="poll"),
    path("<uuid:journey>/stages/<uuid:stage>/", views_editor.stage, name="stage"),
    path("<uuid:journey>/ops/", views_ops.ops, name="ops"),
    path("<uuid:journey>/touchpoints/<uuid:touchpoint>/", views_details.touchpoint, name="touchpoint_details"),
    path("<uuid:journey>/improvements/", views_details.improvements, name="improvements"),
    path("<uuid:journey>/evidence/", views_details.evidence, name="evidence"),
    path("<uuid:journey>/mirror/", views_details.mirror, name="mirror"),
    path("<uuid:journey>/export.<str:fmt>", views_files.export_journey, name="export"),
    path("<uuid:journey>/history/", views_history.history, name="history"),
    path("<uuid:journey>/diff/", views_history.diff_versions, name="diff"),
    path("<uuid:journey>/restore/", views_history.restore, name="restore"),
    path("<uuid:journey>/comments/", views_comments.comments, name="comments"),
    path("<uuid:journey>/comments/<int:comment>/resolve/", views_comments.resolve, name="comment_resolve"),
    path("<uuid:journey>/share/", views_share.share_links, name="share"),
    path("<uuid:journey>/delete/", views_delete.delete, name="delete"),
]
