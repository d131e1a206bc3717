"""Every valid example journey renders to a standalone page and to well-formed SVG."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from klantreis.journey.files import check_file
from klantreis.render import render_html, render_svg

from .helpers import parse

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.y*ml"))


@pytest.mark.parametrize("path", EXAMPLES or [None], ids=lambda p: p.name if p else "no-examples")
def test_an_example_journey_renders_in_both_languages(path: Path | None) -> None:
    if path is None:
        pytest.skip("no example journeys in examples/ yet")
    document, problems = check_file(path)
    if document is None:
        pytest.skip(f"{path.name} does not validate yet: {problems[0]}")
    for lang in ("nl", "en"):
        html = render_html(document, lang=lang)
        assert parse(html).text_of("kr-stage-name") == [" ".join(s.name.split()) for s in document.stages]
        assert all(r.startswith(("data:", "#")) for r in parse(html).references)
        ET.fromstring(render_svg(document, lang=lang))


def test_the_permit_map_lists_its_evidence_with_what_each_source_backs() -> None:
    path = next(p for p in EXAMPLES if p.name == "omgevingsvergunning-huidig.yaml")
    document, _ = check_file(path)
    assert document is not None
    html = render_html(document, lang="nl")
    assert "Onderbouwing" in html
    assert "Klantinterviews aanvragers 2024" in html
    assert "Petra de Vries, Karim Bennani, Vaktaal en vage uitkomst van de vergunningcheck" in html
    assert "Evidence" in render_html(document, lang="en")
