"""Personas: customer or employee profiles that give a segment a name and a face."""

from __future__ import annotations

from pydantic import Field

from klantreis.journey.base import Identified, Name, Text, TextList
from klantreis.journey.vocabulary import Channel, PersonaKind


class Persona(Identified):
    """A tailored profile of a customer group or an employee group."""

    name: Name
    kind: PersonaKind = PersonaKind.CUSTOMER
    photo: str = Field(default="", max_length=2_000_000, description="URL, relative path or data URI")
    quote: Text = ""
    segment: Text = ""
    description: Text = ""
    age: int | None = Field(default=None, ge=0, le=130)
    occupation: Text = ""
    goals: TextList = Field(default_factory=list)
    needs: TextList = Field(default_factory=list)
    motives: TextList = Field(default_factory=list)
    values: TextList = Field(default_factory=list)
    frustrations: TextList = Field(default_factory=list)
    preferred_channels: list[Channel] = Field(default_factory=list)
