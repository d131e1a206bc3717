"""Workspace URLs: the chooser at /workspaces/ and each workspace's members, audit log and settings.

Included at the site root (not under /w/<ws>/) so that the chooser, which has no workspace,
shares the "workspaces" namespace with the pages that do.
"""

from django.urls import include, path

from klantreis.web.workspaces import views, views_audit, views_members

app_name = "workspaces"
workspace_patterns = [
    path("members/", views_members.members, name="members"),
    path("members/new-account/", views_members.new_account, name="new_account"),
    path("members/<int:member>/role/", views_members.member_role, name="member_role"),
    path("members/<int:member>/remove/", views_members.member_remove, name="member_remove"),
    path("activity/", views_audit.audit_log, name="audit"),
    path("settings/", views.workspace_settings, name="settings"),
]
urlpatterns = [
    path("workspaces/", views.choose, name="choose"),
    path("w/<slug:ws>/", include(workspace_patterns)),
]
