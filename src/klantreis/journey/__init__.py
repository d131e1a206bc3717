"""The journey document: model, validation, computations and file formats (pure, no I/O beyond files)."""

from klantreis.journey.model import (
    SCHEMA_VERSION,
    Experience,
    Improvement,
    JourneyDocument,
    MirrorEntry,
    Persona,
    Stage,
)
from klantreis.journey.touchpoint import Touchpoint

__all__ = [
    "SCHEMA_VERSION",
    "Experience",
    "Improvement",
    "JourneyDocument",
    "MirrorEntry",
    "Persona",
    "Stage",
    "Touchpoint",
]
