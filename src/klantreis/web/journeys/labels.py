"""The interface language and the method's vocabulary labels in it, for templates and scripts."""

from __future__ import annotations

from functools import cache

from django.utils.translation import get_language, gettext

from klantreis.journey import vocabulary as v
from klantreis.journey.heuristics import library

VOCABULARIES = {
    "kind": v.JourneyKind,
    "state": v.JourneyState,
    "status": v.JourneyStatus,
    "channel": v.Channel,
    "ownership": v.Ownership,
    "influence": v.Influence,
    "experience_type": v.ExperienceType,
    "emotion": v.Emotion,
    "heuristic_role": v.HeuristicRole,
    "improvement_status": v.ImprovementStatus,
    "kpi_direction": v.KpiDirection,
    "language": v.Language,
    "medium": v.Medium,
    "evidence_kind": v.EvidenceKind,
    "match": v.MatchKind,
}


def ui_lang() -> str:
    """The active interface language as the journey model names it: nl or en."""
    return "nl" if (get_language() or "").lower().startswith("nl") else "en"


@cache
def labels(lang: str) -> dict[str, dict[str, str]]:
    """Every vocabulary as value -> label in `lang`, plus ratings and heuristic names."""
    found = {name: {m.value: m.label(lang) for m in vocab} for name, vocab in VOCABULARIES.items()}
    found["rating"] = {str(k): names[lang] for k, names in v.RATING_LABELS.items()}
    found["heuristic"] = heuristic_names(lang)
    return found


def heuristic_names(lang: str) -> dict[str, str]:
    """The heuristics library as id -> name in `lang`; empty when the library cannot be read."""
    try:
        entries = library()
    except OSError:
        return {}  # a broken installation should not take the map editor down with it
    return {h.id: h.name.get(lang) for h in entries.values()}


@cache
def heuristic_descriptions(lang: str) -> dict[str, str]:
    """What each heuristic of the library is, in `lang`, for tooltips and the picker."""
    try:
        entries = library()
    except OSError:
        return {}
    return {h.id: h.description.get(lang) for h in entries.values()}


def heuristic_families(lang: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """The library grouped by family for the picker: [(family label, [(id, name), ...]), ...]."""
    try:
        entries = library()
    except OSError:
        return []
    titles = {"influence": gettext("Principles of influence"), "bias": gettext("Biases and mental shortcuts")}
    groups: dict[str, list[tuple[str, str]]] = {}
    for h in entries.values():
        groups.setdefault(h.family, []).append((h.id, h.name.get(lang)))
    return [(titles.get(family, family), items) for family, items in groups.items()]


def label(kind: str, value: object, lang: str) -> str:
    """The label of one vocabulary value (the value itself when unknown)."""
    return labels(lang).get(kind, {}).get(str(value), str(value))
