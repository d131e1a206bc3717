"""Shared building blocks of the journey document: base model, ids and scales."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID, uuid4

from pydantic import BaseModel, ConfigDict, Field

# Ratings run from -2 (very negative) through 0 (neutral) to +2 (very good), the scale of
# Smaply and TheyDo; negative/neutral/good of the method are its sign.
RATING_MIN = -2
RATING_MAX = 2
Rating = Annotated[int, Field(ge=RATING_MIN, le=RATING_MAX)]

# Fogg factors, impact, effort and emotion intensity are scored 1 (low) .. 5 (high).
Score = Annotated[int, Field(ge=1, le=5)]

Text = Annotated[str, Field(max_length=20_000)]
Name = Annotated[str, Field(min_length=1, max_length=300)]
TextList = list[Text]


def new_id() -> UUID:
    """Return a fresh random id for a new item."""
    return uuid4()


class Item(BaseModel):
    """A strict document node: unknown fields are errors, so typos never vanish silently."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, allow_inf_nan=False)


class Identified(Item):
    """A document node that others can point to by its stable UUID."""

    id: UUID = Field(default_factory=new_id)
