"""The Data lane: only with event data, with figures written the way each language writes them."""

from __future__ import annotations

from uuid import UUID

from klantreis.journey.model import JourneyDocument
from klantreis.render import TouchpointData, render_html

from .helpers import parse


def data_cells(html: str) -> list[str]:
    """The text of each cell of the Data lane."""
    return parse(html).text_of("kr-lane-data")


def test_there_is_no_data_lane_without_data(journey: JourneyDocument) -> None:
    html = render_html(journey)
    assert data_cells(html) == []
    assert "Klanten bereikt" not in html


def test_the_data_lane_shows_reach_dropoff_and_throughput_in_dutch(
    journey: JourneyDocument, figures: dict[UUID, TouchpointData]
) -> None:
    cells = data_cells(render_html(journey, lang="nl", data=figures))
    assert cells[0] == "Klanten bereikt: 12.345 (100%) Uitval: 5% Doorlooptijd: mediaan 12 min · 90% binnen 3 uur"
    assert cells[1] == "Klanten bereikt: 9.876 (80%) Uitval: 24% Doorlooptijd: mediaan 2 dagen 4 uur"
    assert cells[2:4] == ["", ""]


def test_the_data_lane_speaks_english_too(journey: JourneyDocument, figures: dict[UUID, TouchpointData]) -> None:
    html = render_html(journey, lang="en", data=figures)
    cells = data_cells(html)
    assert cells[0].startswith("Customers reached: 12,345 (100%) Drop-off: 5%")
    assert "median 2 days 4 h" in cells[1]
    assert "Data" in parse(html).text_of("kr-lane-name")


def test_a_high_dropoff_is_flagged(journey: JourneyDocument, figures: dict[UUID, TouchpointData]) -> None:
    html = render_html(journey, data=figures)
    flagged = parse(html).text_of("kr-tone-bad")
    assert "Uitval: 24%" in flagged
    assert "Uitval: 5%" not in flagged


def test_data_for_unknown_or_empty_touchpoints_adds_no_lane(journey: JourneyDocument) -> None:
    data = {UUID(int=1): TouchpointData(cases=5), journey.stages[0].touchpoints[0].id: TouchpointData()}
    assert data_cells(render_html(journey, data=data)) == []
