"""The home page: straight to the journeys of the user's workspace."""

from django.urls import path

from klantreis.web.journeys import views_home

urlpatterns = [path("", views_home.home, name="home")]
