"""Small edit operations on a journey document, with field-level conflict detection.

Every edit is an operation applied to the latest version: set one field of one item, or add,
move or remove an item. A `set` carries the value its author started from (`base`); when the
stored value is no longer that base, someone else changed the same field first and the edit is
a conflict — never a silent overwrite. Edits to different fields never conflict.

Items are addressed by their stable UUID. The experience of a persona at a touchpoint has no id
of its own and is addressed as "<touchpoint id>/<persona id>".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from klantreis.journey.model import JourneyDocument
from klantreis.journey.references import check_document

# Which list each kind of item lives in, and the kind of its parent ("journey" is the document).
CONTAINERS: dict[str, tuple[str, str]] = {
    "persona": ("personas", "journey"),
    "stage": ("stages", "journey"),
    "improvement": ("improvements", "journey"),
    "mirror": ("mirror", "journey"),
    "evidence": ("evidence", "journey"),
    "touchpoint": ("touchpoints", "stage"),
    "pain_point": ("pain_points", "touchpoint"),
    "opportunity": ("opportunities", "touchpoint"),
    "kpi": ("kpis", "touchpoint"),
}


class SetField(BaseModel):
    """Set `field` (dotted for nested parts, e.g. fogg.motivation) of the item `target`."""

    model_config = ConfigDict(extra="forbid")
    op: Literal["set"] = "set"
    target: str
    field: str = Field(pattern=r"^[a-z_]+(\.[a-z_]+)*$")
    base: Any = None
    value: Any = None


class AddItem(BaseModel):
    """Add a new item of `kind` under `parent` at `index` (None: at the end)."""

    model_config = ConfigDict(extra="forbid")
    op: Literal["add"] = "add"
    kind: str
    parent: UUID
    index: int | None = Field(default=None, ge=0)
    item: dict[str, Any]


class MoveItem(BaseModel):
    """Move item `target` to position `index` under `parent` (same or another stage)."""

    model_config = ConfigDict(extra="forbid")
    op: Literal["move"] = "move"
    target: UUID
    parent: UUID
    index: int = Field(ge=0)


class RemoveItem(BaseModel):
    """Remove item `target` and every reference to it."""

    model_config = ConfigDict(extra="forbid")
    op: Literal["remove"] = "remove"
    target: UUID


Operation = SetField | AddItem | MoveItem | RemoveItem


class OperationError(ValueError):
    """An operation cannot be applied; `kind` is conflict, missing or invalid."""

    def __init__(self, kind: str, message: str, current: Any = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.current = current


@dataclass(frozen=True)
class Applied:
    """The document after an operation, and whether anything changed."""

    document: JourneyDocument
    changed: bool


def parse_operation(raw: dict[str, Any]) -> Operation:
    """Read an operation from plain data (e.g. a JSON request body)."""
    kinds: dict[str, type[BaseModel]] = {"set": SetField, "add": AddItem, "move": MoveItem, "remove": RemoveItem}
    model = kinds.get(str(raw.get("op")))
    if model is None:
        raise OperationError("invalid", f"unknown operation {raw.get('op')!r}; use set, add, move or remove")
    try:
        operation: Operation = model.model_validate(raw)  # type: ignore[assignment]
    except ValidationError as error:
        raise OperationError("invalid", str(error)) from error
    return operation


def apply(document: JourneyDocument, operation: Operation) -> Applied:
    """Apply one operation to a document; raise OperationError on conflict or invalid result."""
    data = document.model_dump(mode="json")
    changed = _dispatch(data, operation)
    if not changed:
        return Applied(document, False)
    return Applied(_validated(data), True)


def _dispatch(data: dict[str, Any], operation: Operation) -> bool:
    """Run the handler of the operation's kind on the plain data; True when it changed something."""
    match operation:
        case SetField():
            return _set(data, operation)
        case AddItem():
            return _add(data, operation)
        case MoveItem():
            return _move(data, operation)
        case RemoveItem():
            return _remove(data, operation)


def _validated(data: dict[str, Any]) -> JourneyDocument:
    try:
        result = JourneyDocument.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise OperationError("invalid", f"{where}: {first['msg']}") from error
    findings = check_document(result)
    if findings:
        raise OperationError("invalid", f"the change would break the journey: {findings[0].code}")
    return result


def _items(data: dict[str, Any]) -> list[tuple[dict[str, Any], list[dict[str, Any]], str]]:
    """Every identified item with the list holding it and its kind, the document first."""
    found: list[tuple[dict[str, Any], list[dict[str, Any]], str]] = [(data, [], "journey")]
    for kind, (key, parent_kind) in CONTAINERS.items():
        parents = [item for item, _, k in found if k == parent_kind] if parent_kind != "journey" else [data]
        for parent in parents:
            found.extend((item, parent[key], kind) for item in parent.get(key, []))
    return found


def _find(data: dict[str, Any], target: str) -> tuple[dict[str, Any], list[dict[str, Any]], str]:
    for item, holder, kind in _items(data):
        if item.get("id") == target:
            return item, holder, kind
    raise OperationError("missing", f"no item with id {target} (it may have been removed)")


def _experience(data: dict[str, Any], target: str, create: bool) -> dict[str, Any]:
    touchpoint_id, _, persona_id = target.partition("/")
    touchpoint, _, kind = _find(data, touchpoint_id)
    if kind != "touchpoint" or not any(p.get("id") == persona_id for p in data["personas"]):
        raise OperationError("missing", f"no touchpoint and persona for {target}")
    for experience in touchpoint["experiences"]:
        if experience["persona"] == persona_id:
            return dict(experience) if not create else experience
    empty: dict[str, Any] = {"persona": persona_id}
    if create:
        touchpoint["experiences"].append(empty)
    return empty


def current_value(document: JourneyDocument, target: str, field: str) -> Any:
    """The stored value of `field` of item `target` (None where unset)."""
    data = document.model_dump(mode="json")
    return _read(data, target, field)


def _read(data: dict[str, Any], target: str, field: str) -> Any:
    node: Any = _experience(data, target, False) if "/" in target else _find(data, target)[0]
    for part in field.split("."):
        if not isinstance(node, dict):
            return None
        node = node.get(part)
    return node


def _set(data: dict[str, Any], operation: SetField) -> bool:
    current = _read(data, operation.target, operation.field)
    if current == operation.value:
        return False
    if current != operation.base:
        raise OperationError("conflict", f"{operation.field} was changed by someone else", current)
    node = _experience(data, operation.target, True) if "/" in operation.target else _find(data, operation.target)[0]
    *parents, last = operation.field.split(".")
    for part in parents:
        if node.get(part) is None:
            node[part] = {}
        node = node[part]
    node[last] = operation.value
    return True


def _add(data: dict[str, Any], operation: AddItem) -> bool:
    if operation.kind not in CONTAINERS:
        raise OperationError("invalid", f"cannot add a {operation.kind!r}; use one of {', '.join(CONTAINERS)}")
    key, parent_kind = CONTAINERS[operation.kind]
    parent, _, kind = _find(data, str(operation.parent))
    if kind != parent_kind:
        raise OperationError("invalid", f"a {operation.kind} belongs in a {parent_kind}, not a {kind}")
    items = parent.setdefault(key, [])
    if any(i.get("id") == operation.item.get("id") for i in items if "id" in operation.item):
        return False
    index = len(items) if operation.index is None else min(operation.index, len(items))
    items.insert(index, operation.item)
    return True


def _move(data: dict[str, Any], operation: MoveItem) -> bool:
    item, holder, kind = _find(data, str(operation.target))
    if kind not in CONTAINERS:
        raise OperationError("invalid", f"a {kind} cannot be moved")
    key, parent_kind = CONTAINERS[kind]
    parent, _, found_kind = _find(data, str(operation.parent))
    if found_kind != parent_kind:
        raise OperationError("invalid", f"a {kind} can only move within a {parent_kind}")
    destination = parent.setdefault(key, [])
    if destination is holder and holder.index(item) == min(operation.index, len(holder) - 1):
        return False
    holder.remove(item)
    destination.insert(min(operation.index, len(destination)), item)
    return True


def _remove(data: dict[str, Any], operation: RemoveItem) -> bool:
    target = str(operation.target)
    try:
        item, holder, kind = _find(data, target)
    except OperationError:
        return False  # already gone: removing twice is not a conflict
    if kind == "journey":
        raise OperationError("invalid", "the journey itself cannot be removed this way")
    holder.remove(item)
    _drop_references(data, _ids_within(item) | {target})
    return True


def _ids_within(item: dict[str, Any]) -> set[str]:
    """Ids of an item's own descendants (a stage's touchpoints, their pain points, ...)."""
    found: set[str] = set()
    for value in item.values():
        if isinstance(value, list):
            for child in value:
                if isinstance(child, dict) and isinstance(child.get("id"), str):
                    found.add(child["id"])
                    found |= _ids_within(child)
    return found


def _drop_references(data: dict[str, Any], gone: set[str]) -> None:
    """Remove every reference to removed items so the document stays valid."""
    for stage in data["stages"]:
        for touchpoint in stage["touchpoints"]:
            touchpoint["personas"] = [p for p in touchpoint["personas"] if p not in gone]
            touchpoint["experiences"] = [e for e in touchpoint["experiences"] if e["persona"] not in gone]
    for improvement in data["improvements"]:
        improvement["touchpoints"] = [t for t in improvement["touchpoints"] if t not in gone]
        improvement["pain_points"] = [p for p in improvement["pain_points"] if p not in gone]
        if improvement.get("kpi") in gone:
            improvement["kpi"] = None
    data["mirror"] = [m for m in data["mirror"] if m["touchpoint"] not in gone]
    for evidence in data.get("evidence", []):
        evidence["supports"] = [s for s in evidence["supports"] if s not in gone]
    for entry in data["mirror"]:
        if entry.get("persona") in gone:
            entry["persona"] = None
