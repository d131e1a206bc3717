"""Translatable names of the document's item kinds and fields, for the diff and the editor."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

KINDS = {
    "journey": _("journey"),
    "stage": _("stage"),
    "touchpoint": _("touchpoint"),
    "persona": _("persona"),
    "experience": _("experience"),
    "pain_point": _("pain point"),
    "opportunity": _("opportunity"),
    "kpi": _("KPI"),
    "improvement": _("improvement"),
    "mirror": _("employee mirror"),
    "evidence": _("evidence"),
}

FIELDS = {
    "title": _("title"),
    "name": _("name"),
    "description": _("description"),
    "language": _("language"),
    "kind": _("kind"),
    "state": _("state"),
    "status": _("status"),
    "owner": _("owner"),
    "scope": _("scope"),
    "goals": _("goals"),
    "team": _("team"),
    "redesigns": _("redesigns"),
    "channel": _("channel"),
    "channel_label": _("channel name"),
    "medium": _("medium"),
    "ownership": _("ownership"),
    "influence": _("influence"),
    "customer_action": _("customer action"),
    "between": _("between contacts"),
    "frontstage": _("frontstage"),
    "backstage": _("backstage"),
    "personas": _("personas"),
    "rating": _("rating"),
    "desired_rating": _("desired rating"),
    "experience_type": _("experience type"),
    "emotions": _("emotions"),
    "expectations": _("expectations"),
    "irritations": _("irritations"),
    "positives": _("positives"),
    "quotes": _("quotes"),
    "notes": _("notes"),
    "moment_of_truth": _("moment of truth"),
    "fogg": _("Fogg scores"),
    "heuristics": _("heuristics"),
    "severity": _("severity"),
    "value": _("value"),
    "target": _("target"),
    "unit": _("unit"),
    "source": _("source"),
    "direction": _("direction"),
    "customers_reached": _("customers reached"),
    "weight": _("weight"),
    "impact": _("impact"),
    "effort": _("effort"),
    "hypothesis": _("hypothesis"),
    "department": _("department"),
    "touchpoints": _("touchpoints"),
    "pain_points": _("pain points"),
    "baseline": _("baseline"),
    "result": _("result"),
    "activities": _("event-log activities"),
    "processes": _("processes"),
    "systems": _("systems"),
    "departments": _("departments"),
    "reason": _("reason"),
    "motivation": _("motivation"),
    "ability": _("ability"),
    "trigger": _("trigger"),
    "note": _("note"),
    "measured_on": _("measured on"),
    "kpi": _("KPI"),
    "employee_group": _("employee group"),
    "touchpoint": _("touchpoint"),
    "persona": _("persona"),
    "respondents": _("respondents"),
    "estimated_rating": _("estimated rating"),
    "estimated_emotions": _("estimated emotions"),
    "own_rating": _("own rating"),
    "own_experience": _("own experience"),
    "helps": _("what helps"),
    "blocks": _("what blocks"),
    "summary": _("summary"),
    "collected_on": _("collected on"),
    "supports": _("what it backs"),
}


def kind_name(kind: str) -> str:
    """The translated name of an item kind."""
    return str(KINDS.get(kind, kind.replace("_", " ")))


def field_name(field: str) -> str:
    """The translated name of a (possibly dotted) field."""
    return " › ".join(str(FIELDS.get(part, part.replace("_", " "))) for part in field.split("."))
