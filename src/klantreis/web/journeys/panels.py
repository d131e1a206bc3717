"""What the details panels show, built from the stored document: choices, pickers and summaries.

The panels edit what the map has no room for: a touchpoint's every field, and the journey's
improvements, evidence and employee mirror. Everything here reads the plain stored document;
only the employee-mirror comparison validates it, to reuse the method's own computation.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from klantreis.journey.mirror_gap import mirror_report
from klantreis.journey.model import JourneyDocument
from klantreis.journey.vocabulary import DIGITAL_CHANNELS
from klantreis.web.journeys.labels import heuristic_names, labels
from klantreis.web.journeys.panelwidgets import date_text, number_text

Data = dict[str, Any]
Pairs = list[tuple[Any, str]]


def choices(lang: str) -> dict[str, Pairs]:
    """Every vocabulary as (value, label) pairs for selects, plus ratings and 1..5 scores."""
    found: dict[str, Pairs] = {name: list(values.items()) for name, values in labels(lang).items()}
    names = labels(lang)["rating"]
    found["rating"] = [(n, f"{n:+d} · {names[str(n)]}" if n else f"0 · {names['0']}") for n in range(-2, 3)]
    found["score"] = [(n, str(n)) for n in range(1, 6)]
    return found


def _touchpoints(document: Data) -> list[tuple[Data, Data]]:
    return [(stage, tp) for stage in document.get("stages", []) for tp in stage.get("touchpoints", [])]


def find_touchpoint(document: Data, touchpoint_id: str) -> tuple[Data, Data] | None:
    """The stage and the touchpoint with this id, if present."""
    return next(((s, t) for s, t in _touchpoints(document) if t["id"] == touchpoint_id), None)


def find_item(document: Data, key: str, item_id: str) -> Data | None:
    """The improvement, evidence or mirror entry (`key` names the list) with this id."""
    return next((item for item in document.get(key, []) if item["id"] == item_id), None)


def _children(touchpoint: Data) -> set[str]:
    return {child["id"] for key in ("pain_points", "opportunities", "kpis") for child in touchpoint.get(key, [])}


def evidence_for(document: Data, touchpoint: Data) -> list[Data]:
    """The evidence that backs this touchpoint or something recorded on it."""
    ids = {touchpoint["id"], *_children(touchpoint)}
    return [e for e in document.get("evidence", []) if ids & set(e.get("supports", []))]


def _heuristic_columns(lang: str, roles: Pairs) -> list[dict[str, Any]]:
    names = heuristic_names(lang)
    return [
        {"key": "heuristic", "kind": "fixed", "show": lambda value: names.get(value, value)},
        {"key": "role", "label": _("Role"), "options": roles},
        {"key": "note", "label": _("Note"), "placeholder": _("Note")},
    ]


def _activity_columns(matches: Pairs) -> list[dict[str, Any]]:
    return [
        {"key": "pattern", "label": _("Activity name or pattern"), "placeholder": _("Activity name or pattern")},
        {"key": "match", "label": _("How it matches"), "options": matches},
    ]


def touchpoint_context(document: Data, touchpoint_id: str, lang: str) -> Data | None:
    """Everything the touchpoint panel shows, or None when there is no such touchpoint."""
    found = find_touchpoint(document, touchpoint_id)
    if found is None:
        return None
    stage, touchpoint = found
    options = choices(lang)
    derived = "digital" if touchpoint["channel"] in DIGITAL_CHANNELS else "analogue"
    return {
        "tp": touchpoint,
        "stage": stage,
        "o": options,
        "medium_auto": _("As the channel implies (%(medium)s)") % {"medium": labels(lang)["medium"][derived]},
        "personas": [("", [(p["id"], p["name"]) for p in document.get("personas", [])])],
        "fogg": touchpoint.get("fogg") or {},
        "heuristic_columns": _heuristic_columns(lang, options["heuristic_role"]),
        "activity_columns": _activity_columns(options["match"]),
        "improvements": [i for i in document.get("improvements", []) if touchpoint["id"] in i.get("touchpoints", [])],
        "evidence": evidence_for(document, touchpoint),
    }


def improvement_rows(document: Data, lang: str) -> list[Data]:
    """The improvement backlog as list rows."""
    statuses = labels(lang)["improvement_status"]
    names = {t["id"]: t["name"] for _s, t in _touchpoints(document)}
    return [
        {
            "item": item,
            "status": statuses.get(item["status"], item["status"]),
            "touchpoints": ", ".join(names.get(t, "") for t in item.get("touchpoints", [])),
        }
        for item in document.get("improvements", [])
    ]


def improvement_context(document: Data, item: Data, lang: str) -> Data:
    """The pickers and choices of one improvement's form."""
    touchpoints = _touchpoints(document)
    stages = [(s["name"], [(t["id"], t["name"]) for t in s.get("touchpoints", [])]) for s in document.get("stages", [])]
    pains = [(t["name"], [(p["id"], p["title"]) for p in t.get("pain_points", [])]) for _s, t in touchpoints]
    kpis = [(k["id"], f"{t['name']} › {k['name']}") for _s, t in touchpoints for k in t.get("kpis", [])]
    return {
        "item": item,
        "result": item.get("result") or {},
        "o": choices(lang),
        "touchpoint_groups": stages,
        "pain_groups": [group for group in pains if group[1]],
        "kpi_options": kpis,
    }


def evidence_rows(document: Data, lang: str) -> list[Data]:
    """The evidence as list rows."""
    kinds = labels(lang)["evidence_kind"]
    return [
        {"item": e, "kind": kinds.get(e["kind"], e["kind"]), "collected": date_text(e.get("collected_on"))}
        for e in document.get("evidence", [])
    ]


def supportable_groups(document: Data) -> list[tuple[str, Pairs]]:
    """Everything evidence can back, grouped for the picker: personas, stages, touchpoints and their items."""
    touchpoints = _touchpoints(document)

    def within(key: str, name: str) -> Pairs:
        return [(c["id"], f"{t['name']} › {c[name]}") for _s, t in touchpoints for c in t.get(key, [])]

    return [
        (_("Personas"), [(p["id"], p["name"]) for p in document.get("personas", [])]),
        (_("Stages"), [(s["id"], s["name"]) for s in document.get("stages", [])]),
        (_("Touchpoints"), [(t["id"], f"{s['name']} › {t['name']}") for s, t in touchpoints]),
        (_("Pain points"), within("pain_points", "title")),
        (_("Opportunities"), within("opportunities", "title")),
        (_("KPIs"), within("kpis", "name")),
        (_("Improvements"), [(i["id"], i["title"]) for i in document.get("improvements", [])]),
    ]


def evidence_context(document: Data, item: Data, lang: str) -> Data:
    """The choices of one evidence item's form."""
    return {"item": item, "o": choices(lang), "support_groups": supportable_groups(document)}


def touchpoint_options(document: Data) -> Pairs:
    """Every touchpoint as "stage › touchpoint", for a select."""
    return [(t["id"], f"{s['name']} › {t['name']}") for s, t in _touchpoints(document)]


def _rating_text(value: float | None) -> str:
    """A rating or a gap with its sign, one decimal at most ("—" when unknown)."""
    if value is None:
        return "—"
    shown = number_text(round(value, 1))
    return f"+{shown}" if value > 0 else shown


def mirror_rows(document: Data, lang: str) -> tuple[list[Data], list[str], float | None]:
    """The employee-mirror entries with the customers' own rating and the gap, the blind spots, and accuracy."""
    report = mirror_report(JourneyDocument.model_validate(document))
    gaps = {str(g.entry): g for g in report.gaps}
    names = {t["id"]: t["name"] for _s, t in _touchpoints(document)}
    personas = {p["id"]: p["name"] for p in document.get("personas", [])}
    rows = []
    for entry in document.get("mirror", []):
        gap = gaps.get(entry["id"])
        rows.append(
            {
                "item": entry,
                "touchpoint": names.get(entry["touchpoint"], ""),
                "persona": personas.get(entry.get("persona") or "", _("All personas")),
                "estimated": _rating_text(entry.get("estimated_rating")),
                "actual": _rating_text(gap.actual if gap else None),
                "gap": _rating_text(gap.gap if gap else None),
            }
        )
    spots = [spot.text(lang) for spot in report.blind_spots]
    return rows, spots, report.accuracy


def mirror_context(document: Data, item: Data, lang: str) -> Data:
    """The choices of one employee-mirror entry's form."""
    customers = [(p["id"], p["name"]) for p in document.get("personas", []) if p.get("kind", "customer") == "customer"]
    return {
        "item": item,
        "o": choices(lang),
        "touchpoint_options": touchpoint_options(document),
        "persona_options": customers,
    }
