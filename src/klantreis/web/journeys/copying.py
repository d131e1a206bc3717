"""Derive new journeys from existing ones: the desired version of a current journey."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

from klantreis.journey.model import JourneyDocument
from klantreis.journey.vocabulary import JourneyState, JourneyStatus


def _fresh_ids(data: dict[str, Any]) -> dict[str, str]:
    """New ids for every identified item except the personas, which stay the same people."""
    persona_ids = {p["id"] for p in data.get("personas", [])}
    found: dict[str, str] = {}

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            item_id = node.get("id")
            if isinstance(item_id, str) and item_id not in persona_ids:
                found[item_id] = str(uuid4())
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    visit(data)
    return found


def _renamed(node: Any, ids: dict[str, str]) -> Any:
    """`node` with every id (and every reference to one) replaced by its new id."""
    if isinstance(node, dict):
        return {key: _renamed(value, ids) for key, value in node.items()}
    if isinstance(node, list):
        return [_renamed(value, ids) for value in node]
    if isinstance(node, str):
        return ids.get(node, node)
    return node


def desired_copy(current: JourneyDocument, title: str) -> JourneyDocument:
    """A desired journey redesigning `current`: same personas, new ids elsewhere, references kept."""
    data = current.model_dump(mode="json")
    ids = _fresh_ids(data)
    copied = _renamed(data, ids)
    copied.update(
        title=title,
        state=JourneyState.DESIRED.value,
        status=JourneyStatus.DRAFT.value,
        redesigns=str(current.id),
    )
    return JourneyDocument.model_validate(copied)
