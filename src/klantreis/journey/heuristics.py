"""The heuristics library (breingeheimen): mental shortcuts that shape behaviour along a journey."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field


class Bilingual(BaseModel):
    """A text in English and Dutch."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    en: str = Field(min_length=1)
    nl: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        """Return the text in `lang`, English when the language is unknown."""
        return self.nl if lang == "nl" else self.en


class Heuristic(BaseModel):
    """One library entry: what the shortcut is, when it helps or hurts a journey, an example."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    family: Literal["influence", "bias"]
    name: Bilingual
    description: Bilingual
    helps: Bilingual
    hurts: Bilingual
    example: Bilingual


@cache
def library() -> dict[str, Heuristic]:
    """All heuristics shipped with klantreis, by id, in library order."""
    text = resources.files("klantreis.journey").joinpath("heuristics.yaml").read_text("utf-8")
    entries = [Heuristic.model_validate(raw) for raw in yaml.safe_load(text)]
    return {entry.id: entry for entry in entries}


def heuristic(heuristic_id: str) -> Heuristic | None:
    """Return the library entry with this id, if any."""
    return library().get(heuristic_id)
