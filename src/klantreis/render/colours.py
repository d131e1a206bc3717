"""Colours of the map: ratings run red to green, personas get colours that are neither."""

from __future__ import annotations

import math
from uuid import UUID

from klantreis.journey.model import JourneyDocument

RATING_COLOURS = {-2: "#c62828", -1: "#ef6c00", 0: "#b0a22a", 1: "#7cb342", 2: "#2e7d32"}
PERSONA_COLOURS = ("#1f5fa8", "#7b3fb0", "#00838f", "#ad1457", "#5d4037", "#37474f")
MEAN_COLOUR = "#263238"


def rating_step(value: float) -> int:
    """The nearest step of the -2..+2 scale, halves away from zero (-0.5 is negative, +0.5 good)."""
    return max(-2, min(2, int(math.copysign(math.floor(abs(value) + 0.5), value))))


def rating_colour(value: float) -> str:
    """The colour of a rating (means go to the nearest step of the scale)."""
    return RATING_COLOURS[rating_step(value)]


def rating_tone(value: float) -> str:
    """A tone name for a rating: bad, warn, neutral, good."""
    step = rating_step(value)
    return "bad" if step <= -2 else "warn" if step == -1 else "neutral" if step == 0 else "good"


def persona_colour(document: JourneyDocument, persona: UUID | None) -> str:
    """The colour that stands for `persona` on cards and curves (dark grey for the average)."""
    for index, item in enumerate(document.personas):
        if item.id == persona:
            return PERSONA_COLOURS[index % len(PERSONA_COLOURS)]
    return MEAN_COLOUR
