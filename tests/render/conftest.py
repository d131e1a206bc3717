"""Fixtures of the render tests: the sample permit journey and event-data figures for it."""

from __future__ import annotations

from uuid import UUID

import pytest

from klantreis.journey.model import JourneyDocument
from klantreis.render import TouchpointData

from .sample import permit_figures, permit_journey


@pytest.fixture
def journey() -> JourneyDocument:
    """A Dutch permit journey: orientation, application, decision, and an empty 'after' stage."""
    return permit_journey()


@pytest.fixture
def figures() -> dict[UUID, TouchpointData]:
    """Event-data figures for two touchpoints of the journey."""
    return permit_figures()
