"""Forms of the journeys pages: filters, new journey, import, comments and share links."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from klantreis.journey.files import format_of
from klantreis.journey.vocabulary import JourneyKind, JourneyState, JourneyStatus, Language


def vocabulary_choices(vocabulary: Any, lang: str, blank: str | None = None) -> list[tuple[str, str]]:
    """Choices of a closed vocabulary with labels in `lang`, optionally led by a blank choice."""
    choices = [(member.value, member.label(lang)) for member in vocabulary]
    return [("", blank), *choices] if blank is not None else choices


class FilterForm(forms.Form):
    """The filters above the journey list; every field optional."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    state = forms.ChoiceField(label=_("State"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    persona = forms.ChoiceField(label=_("Persona"), required=False)
    owner = forms.ChoiceField(label=_("Owner"), required=False)

    def __init__(self, data: Any, *, lang: str, personas: list[tuple[str, str]], owners: list[str]) -> None:
        super().__init__(data)
        every = str(_("All"))
        self.fields["kind"].choices = vocabulary_choices(JourneyKind, lang, every)
        self.fields["state"].choices = vocabulary_choices(JourneyState, lang, every)
        self.fields["status"].choices = vocabulary_choices(JourneyStatus, lang, every)
        self.fields["persona"].choices = [("", every), *personas]
        self.fields["owner"].choices = [("", every), *[(o, o) for o in owners]]


class NewJourneyForm(forms.Form):
    """Start a journey: blank, from an example file, or as the desired version of a current journey."""

    START_CHOICES = [
        ("blank", _("Blank journey")),
        ("example", _("From an example")),
        ("desired", _("Desired version of an existing journey")),
    ]
    start = forms.ChoiceField(label=_("Start from"), choices=START_CHOICES, widget=forms.RadioSelect, initial="blank")
    title = forms.CharField(label=_("Title"), max_length=300, required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    state = forms.ChoiceField(label=_("State"), required=False)
    language = forms.ChoiceField(label=_("Language of the journey"), required=False)
    example = forms.ChoiceField(label=_("Example"), required=False)
    source = forms.ChoiceField(label=_("Current journey"), required=False)

    def __init__(
        self,
        data: Any,
        *,
        lang: str,
        examples: list[tuple[str, str]],
        journeys: list[tuple[str, str]],
        start: str = "blank",
        source: str = "",
    ) -> None:
        initial = {"language": lang, "kind": "customer", "state": "current", "start": start, "source": source}
        super().__init__(data, initial=initial)
        self.fields["kind"].choices = vocabulary_choices(JourneyKind, lang)
        self.fields["state"].choices = vocabulary_choices(JourneyState, lang)
        self.fields["language"].choices = vocabulary_choices(Language, lang)
        self.fields["example"].choices = examples
        self.fields["source"].choices = journeys

    def clean(self) -> dict[str, Any]:
        """Each way of starting needs its own field."""
        cleaned = super().clean() or {}
        needed = {"blank": "title", "example": "example", "desired": "source"}.get(cleaned.get("start", ""))
        if needed and not cleaned.get(needed):
            self.add_error(needed, _("This field is required."))
        return cleaned


class ImportForm(forms.Form):
    """Upload a journey file, as a new journey or as a new version of an existing one."""

    file = forms.FileField(label=_("Journey file (YAML, JSON or Mermaid)"))
    replace = forms.ChoiceField(label=_("Import as"), required=False)

    def __init__(self, data: Any, files: Any, *, journeys: list[tuple[str, str]]) -> None:
        super().__init__(data, files)
        self.fields["replace"].choices = [("", _("A new journey")), *journeys]

    def clean_file(self) -> Any:
        """Refuse files that are too large or of an unknown type before reading them."""
        upload = self.cleaned_data["file"]
        if upload.size > settings.MAX_UPLOAD_BYTES:
            limit = filesizeformat(settings.MAX_UPLOAD_BYTES)
            raise forms.ValidationError(_("The file is larger than %(limit)s.") % {"limit": limit})
        if format_of(upload.name) is None:
            raise forms.ValidationError(_("Unknown file type; use .yaml, .yml, .json or .mmd."))
        return upload


class CommentForm(forms.Form):
    """A new comment on the journey, a stage or a touchpoint."""

    target = forms.UUIDField(widget=forms.HiddenInput)
    body = forms.CharField(
        label=_("Comment"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Mention a colleague with @username."),
    )


class ShareForm(forms.Form):
    """A new share link, optionally protected by a password."""

    password = forms.CharField(
        label=_("Password (optional)"),
        required=False,
        max_length=200,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
    )


class UnlockForm(forms.Form):
    """The password that opens a protected share link."""

    password = forms.CharField(label=_("Password"), max_length=200, widget=forms.PasswordInput)
