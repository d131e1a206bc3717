"""Root URL configuration: accounts, workspaces with their journeys and personas, share links, admin."""

from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.urls import include, path


def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness probe for operators and the test suite."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("", include("klantreis.web.journeys.urls_home")),
    path("accounts/", include("klantreis.web.accounts.urls")),
    path("", include("klantreis.web.workspaces.urls")),  # /workspaces/ and /w/<ws>/members/, ...
    path("w/<slug:ws>/journeys/", include("klantreis.web.journeys.urls")),
    path("w/<slug:ws>/personas/", include("klantreis.web.personas.urls")),
    path("s/", include("klantreis.web.journeys.urls_share")),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
]
