"""The persona form: every field of the journey model's Persona, validated by that model in the end."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from pydantic import ValidationError

from klantreis.journey.persona import Persona
from klantreis.journey.vocabulary import Channel, PersonaKind
from klantreis.web.personas.images import is_embedded

LISTS = ("goals", "needs", "motives", "values", "frustrations")


def ui_lang() -> str:
    """The interface language as the journey vocabulary names it: nl or en."""
    return "nl" if (get_language() or "").lower().startswith("nl") else "en"


class LinesField(forms.Field):
    """A list of short texts edited as one item per line; blank lines are dropped."""

    widget = forms.Textarea(attrs={"rows": 4})

    def to_python(self, value: Any) -> list[str]:
        return [line.strip() for line in str(value or "").splitlines() if line.strip()]

    def prepare_value(self, value: Any) -> Any:
        return "\n".join(value) if isinstance(value, list) else value


class PersonaForm(forms.Form):
    """Name, face, segment, story and drivers of a customer or employee persona."""

    name = forms.CharField(label=_("Name"), max_length=300)
    kind = forms.ChoiceField(label=_("Kind"), widget=forms.RadioSelect)
    segment = forms.CharField(
        label=_("Segment"),
        required=False,
        max_length=20_000,
        help_text=_("The customer or employee group this persona stands for."),
    )
    quote = forms.CharField(
        label=_("Quote"),
        required=False,
        max_length=20_000,
        help_text=_("What this person would say, in their own words."),
    )
    description = forms.CharField(
        label=_("Description"), required=False, max_length=20_000, widget=forms.Textarea(attrs={"rows": 4})
    )
    age = forms.IntegerField(label=_("Age"), required=False, min_value=0, max_value=130)
    occupation = forms.CharField(label=_("Occupation"), required=False, max_length=20_000)
    goals = LinesField(label=_("Goals"), required=False, help_text=_("One per line."))
    needs = LinesField(label=_("Needs"), required=False, help_text=_("One per line."))
    motives = LinesField(label=_("Motives"), required=False, help_text=_("One per line."))
    values = LinesField(label=_("Values"), required=False, help_text=_("One per line."))
    frustrations = LinesField(label=_("Frustrations"), required=False, help_text=_("One per line."))
    preferred_channels = forms.MultipleChoiceField(
        label=_("Preferred channels"), required=False, widget=forms.CheckboxSelectMultiple
    )
    photo = forms.URLField(
        label=_("Photo address"),
        required=False,
        max_length=2_000,
        assume_scheme="https",
        help_text=_("A web address of a photo, used in exported maps. Upload a picture to show it everywhere."),
    )

    def __init__(self, *args: Any, lang: str = "en", uploaded: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(k.value, k.label(lang)) for k in PersonaKind]
        self.fields["preferred_channels"].choices = [(c.value, c.label(lang)) for c in Channel]
        if uploaded:
            del self.fields["photo"]  # the uploaded picture is the photo; it is changed on its own form

    @staticmethod
    def initial_for(persona: Persona) -> dict[str, Any]:
        """The form's initial values for an existing persona (embedded photos stay out of the text box)."""
        data = persona.model_dump(mode="json")
        if is_embedded(persona.photo):
            data["photo"] = ""
        return data

    def persona(self, base: Persona | None) -> Persona | None:
        """The validated persona (keeping `base`'s id and embedded photo), or None with errors added."""
        data = {name: value for name, value in self.cleaned_data.items() if name in Persona.model_fields}
        data["id"] = base.id if base is not None else uuid4()
        if base is not None and not data.get("photo"):
            # An uploaded (embedded) picture is kept until it is removed on the picture form.
            data["photo"] = base.photo if is_embedded(base.photo) or "photo" not in self.fields else ""
        try:
            return Persona.model_validate(data)
        except ValidationError as error:
            for problem in error.errors():
                field = str(problem["loc"][0]) if problem["loc"] else ""
                where = ".".join(str(part) for part in problem["loc"])
                if field in self.fields:
                    self.add_error(field, problem["msg"])
                else:
                    self.add_error(None, f"{where}: {problem['msg']}")
            return None


class AvatarForm(forms.Form):
    """A picture for the persona: PNG, JPEG, WebP or GIF of at most 2 MB."""

    picture = forms.FileField(
        label=_("Picture"),
        widget=forms.FileInput(attrs={"accept": "image/png,image/jpeg,image/webp,image/gif"}),
        help_text=_("PNG, JPEG, WebP or GIF, at most 2 MB. It is scaled down and stored as a new image."),
    )
