"""Account URLs: log in and out, password, settings, language."""

from django.urls import path

from klantreis.web.accounts import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("password/", views.PasswordChangeView.as_view(), name="password_change"),
    path("settings/", views.user_settings, name="settings"),
    path("language/", views.switch_language, name="language"),
]
