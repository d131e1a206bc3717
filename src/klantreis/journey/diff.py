"""A readable difference between two versions of a journey: what was added, removed or changed."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from klantreis.journey.model import JourneyDocument
from klantreis.journey.operations import CONTAINERS

# Lists of identified children are compared item by item, not as a field of their parent.
_CHILD_LISTS = {key for key, _ in CONTAINERS.values()} | {"experiences"}


@dataclass(frozen=True)
class Change:
    """One difference: an item added or removed, or one field of an item changed."""

    action: str  # added | removed | changed
    kind: str  # journey, stage, touchpoint, persona, experience, ...
    name: str
    field: str = ""
    before: Any = None
    after: Any = None


def _label(item: dict[str, Any]) -> str:
    for key in ("name", "title", "employee_group"):
        if item.get(key):
            return str(item[key])
    return str(item.get("id", ""))


Indexed = dict[str, tuple[str, str, dict[str, Any]]]


def _indexed(data: dict[str, Any], personas: dict[str, str]) -> Indexed:
    """Every identified item (and every experience, by touchpoint/persona) by id: (kind, label, item)."""
    found: Indexed = {str(data["id"]): ("journey", _label(data), data)}
    queue: list[tuple[str, dict[str, Any]]] = [("journey", data)]
    while queue:
        kind, item = queue.pop(0)
        for child_kind, (key, parent_kind) in CONTAINERS.items():
            if parent_kind == kind:
                for child in item.get(key, []):
                    found[str(child["id"])] = (child_kind, _label(child), child)
                    queue.append((child_kind, child))
        if kind == "touchpoint":
            for experience in item.get("experiences", []):
                persona = str(experience["persona"])
                label = f"{_label(item)} · {personas.get(persona, persona)}"
                found[f"{item['id']}/{persona}"] = ("experience", label, experience)
    return found


def _field_changes(kind: str, name: str, old: dict[str, Any], new: dict[str, Any]) -> Iterator[Change]:
    for field in dict.fromkeys([*old, *new]):
        if field in _CHILD_LISTS or field == "id":
            continue
        if old.get(field) != new.get(field):
            yield Change("changed", kind, name, field, old.get(field), new.get(field))


def diff(before: JourneyDocument, after: JourneyDocument) -> list[Change]:
    """Every change from `before` to `after`, in the order items appear."""
    personas = {str(p.id): p.name for p in [*before.personas, *after.personas]}
    old = _indexed(before.model_dump(mode="json", exclude_defaults=True), personas)
    new = _indexed(after.model_dump(mode="json", exclude_defaults=True), personas)
    changes: list[Change] = []
    for key, (kind, label, item) in new.items():
        if key not in old:
            changes.append(Change("added", kind, label))
        else:
            changes.extend(_field_changes(kind, label, old[key][2], item))
    changes.extend(Change("removed", kind, label) for key, (kind, label, _) in old.items() if key not in new)
    return changes
