"""Persona URLs inside a workspace: the gallery, the editor, the picture and deletion."""

from django.urls import path

from klantreis.web.personas import views, views_avatar

app_name = "personas"
urlpatterns = [
    path("", views.persona_list, name="list"),
    path("new/", views.persona_new, name="new"),
    path("<uuid:persona>/", views.persona_edit, name="edit"),
    path("<uuid:persona>/picture/", views_avatar.avatar, name="avatar"),
    path("<uuid:persona>/picture/image", views_avatar.avatar_image, name="avatar_image"),
    path("<uuid:persona>/delete/", views.persona_delete, name="delete"),
]
