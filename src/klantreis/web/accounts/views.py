"""Account views: thin wrappers around Django's auth views plus the language choice."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from klantreis.web.accounts.middleware import SESSION_LANGUAGE
from klantreis.web.accounts.models import Profile

LANGUAGES = ("nl", "en")


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    pass


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:settings")

    def form_valid(self, form: Any) -> HttpResponse:
        messages.success(self.request, _("Your password has been changed."))
        return super().form_valid(form)


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Profile
        fields = ["language"]


@login_required
def user_settings(request: HttpRequest) -> HttpResponse:
    """Let users choose their language (or follow the browser)."""
    profile, _created = Profile.objects.get_or_create(user=request.user)
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        request.session[SESSION_LANGUAGE] = profile.language
        response = HttpResponseRedirect(reverse("accounts:settings"))
        _set_language_cookie(response, profile.language)
        return response
    return render(request, "accounts/settings.html", {"form": form})


@require_POST
def switch_language(request: HttpRequest) -> HttpResponse:
    """Switch the interface language; remembered on the profile of a logged-in user."""
    language = request.POST.get("language", "")
    if language not in LANGUAGES:
        language = ""
    if request.user.is_authenticated:
        Profile.objects.update_or_create(user=request.user, defaults={"language": language})
        request.session[SESSION_LANGUAGE] = language
    target = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    response = HttpResponseRedirect(target)
    _set_language_cookie(response, language)
    return response


def _set_language_cookie(response: HttpResponse, language: str) -> None:
    if language:
        response.set_cookie("django_language", language, max_age=365 * 24 * 3600, samesite="Lax")
    else:
        response.delete_cookie("django_language")
