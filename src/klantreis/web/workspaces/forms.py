"""Forms of the workspace pages: create and rename a workspace, manage members, filter the audit log."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.utils.translation import gettext_lazy as _

from klantreis.web.workspaces.models import Role, Workspace


class WorkspaceForm(forms.Form):
    """A new workspace: its name and, optionally, the short name used in links."""

    name = forms.CharField(label=_("Name"), max_length=200)
    slug = forms.SlugField(
        label=_("Short name for links"),
        max_length=60,
        required=False,
        help_text=_("Letters, digits and hyphens; leave empty to derive it from the name."),
    )

    def clean_slug(self) -> str:
        slug: str = self.cleaned_data["slug"].lower()
        if slug and Workspace.objects.filter(slug=slug).exists():
            raise forms.ValidationError(_("This short name is taken; choose another one."))
        return slug


class RenameForm(forms.Form):
    """The workspace's display name."""

    name = forms.CharField(label=_("Name"), max_length=200)


class RoleForm(forms.Form):
    """A member's role."""

    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class AddMemberForm(RoleForm):
    """An existing account to add, by username, with its role."""

    username = forms.CharField(label=_("Username"), max_length=150)
    field_order = ("username", "role")

    def clean_username(self) -> Any:
        name = self.cleaned_data["username"].strip()
        user = get_user_model().objects.filter(username=name, is_active=True).first()
        if user is None:
            raise forms.ValidationError(_("There is no account with this username."))
        return user


class NewAccountForm(RoleForm):
    """A new account, created by an administrator, made a member straight away."""

    username = forms.CharField(label=_("Username"), max_length=150, validators=[UnicodeUsernameValidator()])
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    email = forms.EmailField(label=_("E-mail address"), required=False)
    field_order = ("username", "first_name", "last_name", "email", "role")

    def clean_username(self) -> str:
        name: str = self.cleaned_data["username"].strip()
        if get_user_model().objects.filter(username__iexact=name).exists():
            raise forms.ValidationError(_("An account with this username exists; add it as a member instead."))
        return name


class AuditFilterForm(forms.Form):
    """Narrow the audit log to one person and/or one kind of action."""

    user = forms.TypedChoiceField(label=_("Who"), required=False, coerce=int, empty_value=None)
    action = forms.ChoiceField(label=_("What"), required=False)

    def __init__(self, data: Any, *, users: list[tuple[int, str]], actions: list[tuple[str, str]]) -> None:
        super().__init__(data)
        self.fields["user"].choices = [("", _("Everyone")), *users]
        self.fields["action"].choices = [("", _("Every action")), *actions]
