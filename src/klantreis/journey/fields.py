"""Find which model describes a place in a document, to list the fields allowed there."""

from __future__ import annotations

import types
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel

from klantreis.journey.model import JourneyDocument
from klantreis.journey.references import PathParts


def model_at(path: PathParts) -> type[BaseModel] | None:
    """The pydantic model that validates the mapping at `path`, if there is one."""
    current: Any = JourneyDocument
    for part in path:
        current = _unwrap(current)
        if isinstance(part, int):
            args = get_args(current)
            current = args[0] if get_origin(current) is list and args else None
        elif isinstance(current, type) and issubclass(current, BaseModel):
            info = current.model_fields.get(part)
            current = info.annotation if info else None
        else:
            return None
    current = _unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    """Strip Optional[...] so that `X | None` becomes X."""
    if get_origin(annotation) in (Union, types.UnionType):
        members = [a for a in get_args(annotation) if a is not type(None)]
        return members[0] if len(members) == 1 else annotation
    return annotation


def allowed_fields(path: PathParts) -> list[str]:
    """The field names allowed in the mapping at `path` (empty when unknown)."""
    model = model_at(path)
    return list(model.model_fields) if model else []
