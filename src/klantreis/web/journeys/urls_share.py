"""Public share links: a read-only journey map without an account."""

from django.urls import path

from klantreis.web.journeys import views_share

app_name = "share"
urlpatterns = [path("<str:token>/", views_share.shared_map, name="view")]
