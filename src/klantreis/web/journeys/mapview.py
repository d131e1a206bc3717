"""The journey map as template data, built straight from the stored document (no re-validation)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from klantreis.journey.fogg import diagnose
from klantreis.journey.touchpoint import Fogg
from klantreis.journey.vocabulary import DIGITAL_CHANNELS
from klantreis.web.journeys.changes import stage_of
from klantreis.web.journeys.labels import heuristic_descriptions, labels

# Persona colours on the curve and rating rows; repeated when a journey has more personas.
PALETTE = ("#2f6db5", "#c2571a", "#2e8b57", "#8a4fbf", "#b8860b", "#d0457a")
EMPTY_EXPERIENCE: dict[str, Any] = {
    "rating": None,
    "desired_rating": None,
    "experience_type": None,
    "emotions": [],
    "expectations": [],
    "irritations": [],
    "positives": [],
    "quotes": [],
    "notes": "",
}


@dataclass(frozen=True)
class Access:
    """What the viewer may change: everything (editor), experiences only (contributor) or nothing."""

    structure: bool
    experience: bool

    @classmethod
    def of(cls, role: str | None) -> Access:
        """The access of a workspace role (None: an anonymous share-link viewer)."""
        if role in ("editor", "owner"):
            return cls(True, True)
        return cls(False, role == "contributor")


@dataclass
class MapView:
    """Everything the map templates need, for the whole map or for single columns."""

    document: dict[str, Any]
    lang: str
    access: Access
    persona: str = ""
    comment_counts: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.labels = labels(self.lang)
        self.personas = [
            {"id": p["id"], "name": p["name"], "colour": PALETTE[i % len(PALETTE)], "index": i}
            for i, p in enumerate(self.document.get("personas", []))
        ]
        if self.persona and not any(p["id"] == self.persona for p in self.personas):
            self.persona = ""
        self.shown_personas = [p for p in self.personas if not self.persona or p["id"] == self.persona]
        self._improvements = self._improvements_by_touchpoint()

    def _improvements_by_touchpoint(self) -> dict[str, list[dict[str, Any]]]:
        found: dict[str, list[dict[str, Any]]] = {}
        for improvement in self.document.get("improvements", []):
            for touchpoint in improvement.get("touchpoints", []):
                found.setdefault(touchpoint, []).append(improvement)
        return found

    def stages(self) -> list[dict[str, Any]]:
        """Every stage with its touchpoints, in journey order."""
        return [self.stage(stage) for stage in self.document.get("stages", [])]

    def stage(self, stage: dict[str, Any]) -> dict[str, Any]:
        """One stage: its header data, its touchpoints and how many grid columns it spans."""
        touchpoints = stage.get("touchpoints", [])
        return {
            "stage": stage,
            "touchpoints": touchpoints,
            "span": max(len(touchpoints), 1),
            "comments": self._count(stage["id"]),
        }

    def improvements_of(self, touchpoint_id: str) -> list[dict[str, Any]]:
        """The improvements that name this touchpoint."""
        return self._improvements.get(touchpoint_id, [])

    def column(self, touchpoint: dict[str, Any]) -> dict[str, Any]:
        """One touchpoint column with the experience records of the personas shown."""
        medium = touchpoint.get("medium") or ("digital" if touchpoint["channel"] in DIGITAL_CHANNELS else "analogue")
        return {
            "tp": touchpoint,
            "medium": medium,
            "fogg": touchpoint.get("fogg") or {"motivation": None, "ability": None, "trigger": None},
            "experiences": self._experiences(touchpoint),
            "fogg_advice": self._fogg_advice(touchpoint.get("fogg")),
            "heuristics": self._heuristics(touchpoint.get("heuristics", [])),
            "improvements": self._improvements.get(touchpoint["id"], []),
            "comments": self._count(touchpoint["id"]),
        }

    def _count(self, target: str) -> int:
        return self.comment_counts.get(target, 0)

    def _experiences(self, touchpoint: dict[str, Any]) -> list[dict[str, Any]]:
        applies = set(touchpoint.get("personas") or [])
        records = {e["persona"]: e for e in touchpoint.get("experiences", [])}
        return [
            {"persona": persona, "e": {**EMPTY_EXPERIENCE, **records.get(persona["id"], {})}}
            for persona in self.shown_personas
            if not applies or persona["id"] in applies
        ]

    def _fogg_advice(self, fogg: dict[str, Any] | None) -> list[str]:
        if not fogg or all(fogg.get(k) is None for k in ("motivation", "ability", "trigger")):
            return []
        return diagnose(Fogg.model_validate(fogg)).advice(self.lang)

    def _heuristics(self, uses: list[dict[str, Any]]) -> list[dict[str, Any]]:
        names = self.labels["heuristic"]
        roles = self.labels["heuristic_role"]
        descriptions = heuristic_descriptions(self.lang)
        return [
            {
                **use,
                "index": i,
                "label": names.get(use["heuristic"], use["heuristic"]),
                "role_label": roles.get(use["role"], ""),
                "description": use.get("note") or descriptions.get(use["heuristic"], ""),
            }
            for i, use in enumerate(uses)
        ]

    def touchpoint(self, touchpoint_id: str) -> dict[str, Any] | None:
        """The stored touchpoint with this id, if any."""
        for stage in self.document.get("stages", []):
            for touchpoint in stage.get("touchpoints", []):
                if touchpoint["id"] == touchpoint_id:
                    return touchpoint
        return None

    def stage_of(self, touchpoint_id: str) -> str:
        """The id of the stage holding this touchpoint ("" when none does)."""
        return stage_of(self.document, touchpoint_id)

    def stage_by_id(self, stage_id: str) -> dict[str, Any] | None:
        """The stored stage with this id, if any."""
        return next((s for s in self.document.get("stages", []) if s["id"] == stage_id), None)

    def column_count(self) -> int:
        """Grid columns of the map: one per touchpoint, one for each empty stage."""
        return sum(max(len(s.get("touchpoints", [])), 1) for s in self.document.get("stages", []))
