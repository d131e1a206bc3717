"""Template tags of the details panels: their form controls, and the data the panel script needs."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django import template
from django.urls import reverse
from django.utils.html import json_script
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from markupsafe import Markup

from klantreis.web.journeys import panelwidgets

register = template.Library()

# Stands in for a touchpoint id in the panel address the script fills in.
TOUCHPOINT_MARK = UUID(int=0)


def _safe(markup: Markup) -> SafeString:
    return SafeString(str(markup))


@register.simple_tag
def pf(target: Any, name: str, value: Any, label: str, can: bool = False, **options: Any) -> SafeString:
    """One field's control (see panelwidgets.field for the options)."""
    return _safe(panelwidgets.field(target, name, value, label, can=bool(can), **options))


@register.simple_tag
def pick(target: Any, name: str, value: Any, label: str, groups: Any, can: bool = False, hint: str = "") -> SafeString:
    """A picker of ids over grouped choices."""
    return _safe(panelwidgets.picker(target, name, value, label, groups, can=bool(can), hint=hint))


@register.simple_tag
def pemotions(target: Any, name: str, value: Any, label: str, choices: Any, can: bool = False) -> SafeString:
    """Emotion intensities."""
    return _safe(panelwidgets.emotions(target, name, value, label, choices, can=bool(can)))


@register.simple_tag
def prows(
    target: Any, name: str, value: Any, label: str, columns: Any, can: bool = False, **options: Any
) -> SafeString:
    """A list of small records edited as rows."""
    return _safe(panelwidgets.rows(target, name, value, label, columns, can=bool(can), **options))


@register.filter
def number(value: Any) -> str:
    """A number in the reader's language, whole numbers without decimals."""
    return panelwidgets.number_text(value)


@register.filter
def isodate(value: Any) -> str:
    """A stored ISO date in the language's date format."""
    return panelwidgets.date_text(value)


def _messages() -> dict[str, str]:
    """Texts the panel script shows, translated here so the script holds no language."""
    return {
        "loading": _("Loading…"),
        "not_a_number": _("Write a number, for example 12 or 3.5."),
        "not_a_whole_number": _("Write a whole number, for example 250."),
        "bad_regex": _("This regular expression is not valid; check its brackets and special characters."),
        "persona_not_on_touchpoint": _(
            "A persona with an experience recorded here must stay ticked; clear that experience on the map first."
        ),
        "conflict_choice": _(
            "%(who)s changed this to “%(theirs)s” while you were choosing; your choice “%(mine)s” is not saved yet."
        ),
        "draft_kept": _("What you typed here earlier is back; it is not saved yet."),
        "group_needed": _("Name the employee group first."),
        "removed": _("This item was removed by someone else."),
        "load_failed": _("The panel could not be loaded. Try again in a moment."),
    }


@register.simple_tag
def panel_data(ws: str, journey: Any) -> SafeString:
    """The panels' addresses and texts as a JSON data block (read by panels.js)."""
    args = {"ws": ws, "journey": journey}
    urls = {
        "touchpoint": reverse("journeys:touchpoint_details", kwargs={**args, "touchpoint": TOUCHPOINT_MARK}),
        "improvement": reverse("journeys:improvements", kwargs=args),
        "evidence": reverse("journeys:evidence", kwargs=args),
        "mirror": reverse("journeys:mirror", kwargs=args),
    }
    return json_script({"urls": urls, "mark": str(TOUCHPOINT_MARK), "messages": _messages()}, "jm-panel-data")
