"""JSON Schema of the journey document, for editors and other tools."""

from __future__ import annotations

from typing import Any

from klantreis.journey.model import JourneyDocument

SCHEMA_ID = "https://klantreis.org/schema/journey-1.json"


def journey_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that journey files follow."""
    schema = JourneyDocument.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }
