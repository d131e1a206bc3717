"""The emotion curve SVG: a line per persona, dashed desired lines, rating colours, stars."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from klantreis.journey.model import JourneyDocument, Stage
from klantreis.journey.persona import Persona
from klantreis.journey.touchpoint import Experience, Touchpoint
from klantreis.render import emotion_curve_svg
from klantreis.render.colours import RATING_COLOURS

from .sample import ANNA, BOB

SVG = "{http://www.w3.org/2000/svg}"


def elements(svg: str, tag: str, css_class: str) -> list[ET.Element]:
    """The elements of `tag` with class `css_class`."""
    return [e for e in ET.fromstring(svg).iter(f"{SVG}{tag}") if e.get("class") == css_class]


def single_persona_journey(desired: bool) -> JourneyDocument:
    """One persona, three rated touchpoints, with or without desired ratings."""
    persona = Persona(name="Carla")
    ratings = [(1, 2), (-2, 1), (0, 1)]
    stage = Stage(
        name="Fase",
        touchpoints=[
            Touchpoint(
                name=f"Stap {i}",
                experiences=[Experience(persona=persona.id, rating=r, desired_rating=d if desired else None)],
            )
            for i, (r, d) in enumerate(ratings)
        ],
    )
    return JourneyDocument(title="Eén persona", personas=[persona], stages=[stage])


def test_it_draws_one_current_line_per_persona(journey: JourneyDocument) -> None:
    svg = emotion_curve_svg(journey)
    lines = elements(svg, "path", "kr-curve-current")
    assert len(lines) == 2
    personas = [g.get("data-persona") for g in elements(svg, "g", "kr-curve-line")]
    assert personas == [str(ANNA), str(BOB)]


def test_it_draws_desired_lines_dashed_when_desired_ratings_exist(journey: JourneyDocument) -> None:
    desired = elements(emotion_curve_svg(journey), "path", "kr-curve-desired")
    assert len(desired) == 2
    assert all(p.get("stroke-dasharray") for p in desired)
    assert not elements(emotion_curve_svg(single_persona_journey(desired=False)), "path", "kr-curve-desired")


def test_a_single_persona_gets_a_single_line() -> None:
    svg = emotion_curve_svg(single_persona_journey(desired=True))
    assert len(elements(svg, "path", "kr-curve-current")) == 1
    assert len(elements(svg, "path", "kr-curve-desired")) == 1


def test_the_persona_filter_draws_only_that_persona(journey: JourneyDocument) -> None:
    svg = emotion_curve_svg(journey, persona=BOB)
    assert [g.get("data-persona") for g in elements(svg, "g", "kr-curve-line")] == [str(BOB)]
    titles = " ".join("".join(t.itertext()) for t in ET.fromstring(svg).iter(f"{SVG}title"))
    assert "Anna" not in titles
    assert "Bob Jansen" in titles


def test_points_are_coloured_and_shaped_by_rating() -> None:
    svg = emotion_curve_svg(single_persona_journey(desired=False))
    root = ET.fromstring(svg)
    points = [e for e in root.iter() if e.get("class") == "kr-point"]
    assert [p.get("fill") for p in points] == [RATING_COLOURS[1], RATING_COLOURS[-2], RATING_COLOURS[0]]
    assert [p.tag for p in points] == [f"{SVG}polygon", f"{SVG}polygon", f"{SVG}circle"]
    assert "Zeer negatief (−2)" in svg


def test_it_has_a_zero_line(journey: JourneyDocument) -> None:
    assert len(elements(emotion_curve_svg(journey), "line", "kr-curve-zero")) == 1


def test_moments_of_truth_are_starred(journey: JourneyDocument) -> None:
    svg = emotion_curve_svg(journey)
    assert len(elements(svg, "polygon", "kr-mot-marked")) == 1
    assert len(elements(svg, "polygon", "kr-mot-suggested")) >= 1


def test_it_aligns_points_with_the_touchpoint_columns(journey: JourneyDocument) -> None:
    svg = emotion_curve_svg(journey, persona=ANNA, column_width=100)
    root = ET.fromstring(svg)
    assert root.get("width") == "500"  # four touchpoints and one empty stage
    line = elements(svg, "path", "kr-curve-current")[0]
    xs = [float(x) for x in re.findall(r"[ML]([\d.]+) ", line.get("d", ""))]
    assert xs == [50.0, 150.0, 250.0, 350.0]


def test_it_accepts_explicit_column_centres(journey: JourneyDocument) -> None:
    svg = emotion_curve_svg(journey, persona=ANNA, centers=[10, 20, 30, 40, 50], width=60)
    line = elements(svg, "path", "kr-curve-current")[0]
    assert line.get("d", "").startswith("M10.0 ")
    assert ET.fromstring(svg).get("width") == "60"


def test_a_journey_without_ratings_still_draws_the_axes() -> None:
    document = JourneyDocument(title="Leeg", stages=[Stage(name="Fase", touchpoints=[Touchpoint(name="Stap")])])
    svg = emotion_curve_svg(document, legend=True)
    assert elements(svg, "line", "kr-curve-zero")
    assert not [e for e in ET.fromstring(svg).iter() if e.get("class") == "kr-point"]
