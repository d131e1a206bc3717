"""The map as pure SVG: well-formed XML, the same content as the HTML map, no foreign markup."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from klantreis.journey.model import JourneyDocument, Stage
from klantreis.journey.touchpoint import Touchpoint
from klantreis.render import render_svg

SVG = "{http://www.w3.org/2000/svg}"


def svg_text(root: ET.Element) -> str:
    """All text the SVG shows, one line per text element."""
    return "\n".join("".join(element.itertext()) for element in root.iter(f"{SVG}text"))


def test_it_is_well_formed_svg(journey: JourneyDocument) -> None:
    root = ET.fromstring(render_svg(journey))
    assert root.tag == f"{SVG}svg"
    assert float(root.attrib["width"]) > 1000
    assert not list(root.iter(f"{SVG}foreignObject"))


def test_it_shows_stages_touchpoints_and_dutch_lanes(journey: JourneyDocument) -> None:
    text = svg_text(ET.fromstring(render_svg(journey, lang="nl")))
    lines = text.splitlines()
    assert lines.index("Oriëntatie") < lines.index("Aanvraag") < lines.index("Besluit") < lines.index("Na de bouw")
    for name in ("Informatie zoeken op de", "Formulier invullen", "Ontvangstbevestiging", "Besluit ontvangen"):
        assert name in text
    for label in ("Klantactie", "Irritaties", "Emotiecurve", "Knelpunten", "Lijn van zichtbaarheid", "Processen"):
        assert label in text
    assert "Verbeterpotentieel" in text
    assert "Blinde vlekken" in text


def test_it_speaks_english_when_asked(journey: JourneyDocument) -> None:
    text = svg_text(ET.fromstring(render_svg(journey, lang="en")))
    assert "Customer action" in text
    assert "Klantactie" not in text


def test_it_draws_the_emotion_curve_as_paths(journey: JourneyDocument) -> None:
    root = ET.fromstring(render_svg(journey))
    current = [p for p in root.iter(f"{SVG}path") if p.get("class") == "kr-curve-current"]
    assert len(current) == 2
    assert all(p.get("d", "").startswith("M") for p in current)


def test_it_truncates_long_text_with_an_ellipsis() -> None:
    long_name = "Een heel lang contactmoment " * 8
    document = JourneyDocument(title="Lang", stages=[Stage(name="Fase", touchpoints=[Touchpoint(name=long_name)])])
    text = svg_text(ET.fromstring(render_svg(document)))
    assert "…" in text
    assert long_name.strip() not in text


def test_it_escapes_user_text_and_stays_valid_xml() -> None:
    attack = '<script>alert("x")</script> & more'
    document = JourneyDocument(title=attack, stages=[Stage(name=attack, touchpoints=[Touchpoint(name=attack)])])
    svg = render_svg(document)
    assert "<script" not in svg
    root = ET.fromstring(svg)
    assert attack in svg_text(root)


def test_it_embeds_only_photos_that_work_offline(journey: JourneyDocument) -> None:
    root = ET.fromstring(render_svg(journey))
    images = [image.get("href", "") for image in root.iter(f"{SVG}image")]
    assert len(images) == 1
    assert images[0].startswith("data:image/png")
    assert "BJ" in svg_text(root)


def test_a_persona_filter_keeps_one_curve(journey: JourneyDocument) -> None:
    persona = journey.personas[1]
    root = ET.fromstring(render_svg(journey, persona=persona.id))
    current = [p for p in root.iter(f"{SVG}path") if p.get("class") == "kr-curve-current"]
    assert len(current) == 1
    assert "Anna de Vries" not in svg_text(root)
