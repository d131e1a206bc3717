"""Field edits applied to the stored document directly, validating only the item they change.

`klantreis.journey.operations.apply` validates and dumps the whole document on every edit:
right for structure changes, but hundreds of milliseconds on a journey of 720 touchpoints for
what is usually one name or one rating. A field edit that cannot break a reference (it does not
touch ids, references or lists of identified items) only needs its own item validated, so this
module applies it copy-on-write: the new document shares every untouched stage, touchpoint and
persona with the old one (which stays valid for whoever still reads it). The result is the same
document `apply` would produce (tests/web/journeys/test_fastops.py compares them); anything else,
including every invalid value, returns None and goes the general way, which also words the errors.
"""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from klantreis.journey.heuristics import library
from klantreis.journey.model import Evidence, Improvement, JourneyDocument, MirrorEntry, Stage
from klantreis.journey.operations import OperationError, SetField
from klantreis.journey.persona import Persona
from klantreis.journey.touchpoint import Experience, Kpi, Opportunity, PainPoint, Touchpoint
from klantreis.web.journeys.itemindex import places

Step = tuple[str, int]  # (list key, index) from a parent to a child
Data = dict[str, Any]

# Item kinds: their model, and the fields whose change needs the whole-document checks.
MODELS: dict[str, type[BaseModel]] = {
    "persona": Persona,
    "touchpoint": Touchpoint,
    "experience": Experience,
    "pain_points": PainPoint,
    "opportunities": Opportunity,
    "kpis": Kpi,
    "improvement": Improvement,
    "mirror": MirrorEntry,
    "evidence": Evidence,
}
NEEDS_DOCUMENT = {
    "touchpoint": {"personas", "experiences", "activities", "pain_points", "opportunities", "kpis"},
    "experience": {"persona"},
    "improvement": {"touchpoints", "pain_points", "kpi"},
    "mirror": {"touchpoint", "persona"},
    "evidence": {"supports"},
}
# Journey and stage fields checked on their own (the others reach into lists or other fields).
JOURNEY_FIELDS = {"title", "language", "kind", "owner", "status", "scope", "description", "goals", "team"}
STAGE_FIELDS = {"name", "description"}


def _locate(data: Data, item_id: str) -> tuple[str, list[Step]] | None:
    """The kind of the item with this id and the steps from the document to it."""
    found = places(data).get(item_id)
    return (found[0], list(found[1])) if found is not None else None


def item_at(data: Data, item_id: str) -> Data | None:
    """The item (journey, stage, touchpoint, pain point, persona, ...) with this id, if any."""
    found = _locate(data, item_id)
    return _at(data, found[1]) if found is not None else None


def _at(data: Data, steps: list[Step]) -> Data:
    node = data
    for key, index in steps:
        node = node[key][index]
    return node


def _replaced(node: Data, steps: list[Step], leaf: Data) -> Data:
    """A copy of `node` with the item at `steps` replaced by `leaf`; everything else shared."""
    if not steps:
        return leaf
    (key, index), rest = steps[0], steps[1:]
    items = list(node[key])
    items[index] = _replaced(items[index], rest, leaf)
    return {**node, key: items}


def _read(node: Any, parts: list[str]) -> Any:
    for part in parts:
        if not isinstance(node, dict):
            return None
        node = node.get(part)
    return node


def _written(node: Data, parts: list[str], value: Any) -> Data | None:
    """A copy of `node` with the dotted field set; None when a parent is not an object."""
    head, rest = parts[0], parts[1:]
    if not rest:
        return {**node, head: value}
    child = node.get(head)
    if child is None:
        child = {}
    if not isinstance(child, dict):
        return None
    inner = _written(child, rest, value)
    return None if inner is None else {**node, head: inner}


@cache
def _field_adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    """A validator for one field of `model`, with the field's constraints."""
    info = model.model_fields[name]
    annotation: Any = info.annotation
    if info.metadata:
        annotation = Annotated[annotation, *info.metadata]
    return TypeAdapter(annotation)


def _valid_field(model: type[BaseModel], name: str, value: Any) -> Any:
    adapter = _field_adapter(model, name)
    return adapter.dump_python(adapter.validate_python(value), mode="json")


def _valid_item(kind: str, item: Data) -> Data:
    return MODELS[kind].model_validate(item).model_dump(mode="json")


def _known_heuristics(value: Any) -> bool:
    uses = value if isinstance(value, list) else []
    names = library()
    return all(isinstance(use, dict) and use.get("heuristic") in names for use in uses)


def _experience_set(data: Data, operation: SetField, parts: list[str]) -> tuple[Data, bool] | None:
    touchpoint_id, _, persona_id = operation.target.partition("/")
    found = _locate(data, touchpoint_id)
    if found is None or found[0] != "touchpoint" or parts[0] in NEEDS_DOCUMENT["experience"]:
        return None
    steps = found[1]
    touchpoint = _at(data, steps)
    allowed = touchpoint.get("personas") or []
    if not any(p.get("id") == persona_id for p in data.get("personas", [])) or (allowed and persona_id not in allowed):
        return None
    records = touchpoint.get("experiences", [])
    index = next((i for i, e in enumerate(records) if e.get("persona") == persona_id), None)
    record: Data = records[index] if index is not None else {"persona": persona_id}
    current = _read(record, parts)
    if current == operation.value:
        return data, False
    if current != operation.base:
        raise OperationError("conflict", f"{operation.field} was changed by someone else", current)
    written = _written(record, parts, operation.value)
    if written is None:
        return None
    fresh = _valid_item("experience", written)
    new_records = list(records)
    if index is None:
        new_records.append(fresh)
    else:
        new_records[index] = fresh
    return _replaced(data, steps, {**touchpoint, "experiences": new_records}), True


def _checked(kind: str, parts: list[str], item: Data, value: Any) -> Data | None:
    """The item with the field set and validated, or None when the general path must decide."""
    head = parts[0]
    if head == "id" or head in NEEDS_DOCUMENT.get(kind, set()):
        return None
    if kind == "touchpoint" and head == "heuristics" and not _known_heuristics(value):
        return None
    if kind in ("journey", "stage"):
        allowed = JOURNEY_FIELDS if kind == "journey" else STAGE_FIELDS
        if len(parts) > 1 or head not in allowed:
            return None
        model = JourneyDocument if kind == "journey" else Stage
        return {**item, head: _valid_field(model, head, value)}
    written = _written(item, parts, value)
    return None if written is None else _valid_item(kind, written)


def apply_set(data: Data, operation: SetField) -> tuple[Data, bool] | None:
    """Apply a field edit to the plain document: (new document, changed), or None for the general path.

    Raises OperationError("conflict") exactly when the general path would: the stored value is
    neither the base the author started from nor the value they want.
    """
    parts = operation.field.split(".")
    try:
        if "/" in operation.target:
            return _experience_set(data, operation, parts)
        found = _locate(data, operation.target)
        if found is None:
            return None
        kind, steps = found
        item = _at(data, steps)
        current = _read(item, parts)
        if current == operation.value:
            return data, False
        if current != operation.base:
            raise OperationError("conflict", f"{operation.field} was changed by someone else", current)
        fresh = _checked(kind, parts, item, operation.value)
    except ValidationError:
        return None
    if fresh is None:
        return None
    return _replaced(data, steps, fresh), True
