"""A fast JSON column for the large documents (pydantic-core's Rust serializer, no per-write check).

A journey of 720 touchpoints is a JSON text of 1.5 MB that every edit writes and many reads
parse; `json.dumps`/`json.loads` take 25 ms each on it, pydantic-core 5 and 12 ms. Django's
JSONField calls `json.dumps(value, cls=encoder)` and `json.loads(text, cls=decoder)`, which
construct these classes and call `encode`/`decode`, so plugging them in changes nothing else.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pydantic_core
from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper


class FastEncoder(json.JSONEncoder):
    """Serialise plain JSON data (and UUIDs, dates) with pydantic-core; same JSON, five times faster."""

    def encode(self, o: Any) -> str:
        """The JSON text of `o`."""
        return pydantic_core.to_json(o).decode()


class FastDecoder(json.JSONDecoder):
    """Parse JSON text with pydantic-core; invalid text raises JSONDecodeError like the standard decoder."""

    def decode(self, s: str, _w: Any = None) -> Any:
        """The data of the JSON text `s`."""
        try:
            if len(s) < LARGE_TEXT:
                return pydantic_core.from_json(s)
            with _collector_paused():
                return pydantic_core.from_json(s)
        except ValueError as error:
            raise json.JSONDecodeError(str(error), s, 0) from None


# A document this long (a snapshot of a large journey) is parsed with the garbage collector paused:
# parsing creates a hundred thousand containers, and the collector would examine them again and
# again while they are made (a third of the time) to find no cycles, as parsed JSON has none.
LARGE_TEXT = 64 * 1024


@contextmanager
def _collector_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class DocumentField(models.JSONField):
    """A JSON column for whole journey documents: the fast codec, and no database-side JSON check.

    On SQLite a JSONField carries CHECK (JSON_VALID(...)), which parses the whole 1.5 MB text again
    on every edit; what this column holds is always serialised by FastEncoder, so the check adds
    nothing but time. (PostgreSQL's jsonb has no such check.)
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("encoder", FastEncoder)
        kwargs.setdefault("decoder", FastDecoder)
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        """Leave the codec out of migrations: it is part of the field."""
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("encoder", None)
        kwargs.pop("decoder", None)
        return name, path, args, kwargs

    def db_check(self, connection: BaseDatabaseWrapper) -> str | None:
        """No CHECK constraint on the column."""
        return None
