"""The HTML map: structure, languages, escaping, offline assets, persona filter and data lane."""

from __future__ import annotations

import pytest

from klantreis.journey.heuristics import heuristic
from klantreis.journey.model import JourneyDocument, Stage
from klantreis.journey.persona import Persona
from klantreis.journey.touchpoint import Experience, Opportunity, Quote, Touchpoint
from klantreis.render import map_fragment, render_html
from klantreis.render.texts import t

from .helpers import parse
from .sample import ANNA, BOB, PIXEL

DUTCH_LANES = [
    "Contactmomenten",
    "Klantactie",
    "Verwachtingen",
    "Irritaties",
    "Positieve punten",
    "Citaten",
    "Emotiecurve",
    "Emoties",
    "Knelpunten",
    "Moments of truth",
    "Fogg: motivatie, gelegenheid, trigger",
    "Breingeheimen (heuristieken)",
    "KPI's",
    "Verbeteringen",
    "Voor de schermen",
    "Processen",
    "Systemen",
    "Afdelingen",
    "Eigenaar",
]


def lane_labels(html: str) -> list[str]:
    """The lane labels in the order the map shows them."""
    return parse(html).text_of("kr-lane-name")


def test_it_renders_a_complete_standalone_page(journey: JourneyDocument) -> None:
    html = render_html(journey)
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="nl">' in html
    assert "<style>" in html
    assert html.rstrip().endswith("</html>")
    assert "<title>Omgevingsvergunning aanvragen</title>" in html


def test_it_shows_the_stages_in_journey_order(journey: JourneyDocument) -> None:
    stages = parse(render_html(journey)).text_of("kr-stage-name")
    assert stages == ["Oriëntatie", "Aanvraag", "Besluit", "Na de bouw"]


def test_it_lets_each_stage_span_the_columns_of_its_touchpoints(journey: JourneyDocument) -> None:
    html = render_html(journey)
    assert "--kr-cols: 5" in html  # four touchpoints and one empty stage
    assert "grid-column: span 2" in html  # Aanvraag holds two touchpoints


def test_it_shows_every_touchpoint_name_with_its_channel(journey: JourneyDocument) -> None:
    parser = parse(render_html(journey))
    names = parser.text_of("kr-tp-name")
    assert names == [
        "Informatie zoeken op de website",
        "Formulier invullen",
        "Ontvangstbevestiging",
        "Besluit ontvangen",
    ]
    assert parser.text_of("kr-tp-channel") == ["Website", "Selfserviceportaal", "Brief", "E-mail"]
    assert len(parser.text_of("kr-icon")) >= 4


def test_it_labels_the_lanes_in_dutch_in_a_fixed_order(journey: JourneyDocument) -> None:
    html = render_html(journey, lang="nl")
    assert lane_labels(html) == DUTCH_LANES
    for term in ("Lijn van zichtbaarheid", "Achter de schermen", "Verbeterpotentieel", "Medewerkerbelevingsspiegel"):
        assert term in html
    assert "Customer action" not in html


def test_it_labels_the_lanes_in_english_when_asked(journey: JourneyDocument) -> None:
    html = render_html(journey, lang="en")
    labels = lane_labels(html)
    for label in ("Touchpoints", "Customer action", "Expectations", "Irritations", "Pain points", "Improvements"):
        assert label in labels
    assert "Line of visibility" in html
    assert "Employee mirror" in html
    assert "Klantactie" not in html
    assert '<html lang="en">' in html


def test_it_hides_empty_lanes(journey: JourneyDocument) -> None:
    labels = lane_labels(render_html(journey))
    assert "Data" not in labels
    bare = JourneyDocument(title="Kaal", stages=[Stage(name="Fase", touchpoints=[Touchpoint(name="Alleen dit")])])
    assert lane_labels(render_html(bare)) == ["Contactmomenten"]


def test_it_escapes_everything_a_user_typed() -> None:
    attack = "<script>alert(1)</script>"
    persona = Persona(name=attack, quote=attack)
    experience = Experience(persona=persona.id, rating=-1, quotes=[Quote(text=attack)], irritations=[attack])
    document = JourneyDocument(
        title=attack,
        owner=attack,
        personas=[persona],
        stages=[Stage(name=attack, touchpoints=[Touchpoint(name=attack, experiences=[experience])])],
    )
    html = render_html(document)
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_it_references_no_external_asset(journey: JourneyDocument) -> None:
    html = render_html(journey)
    references = parse(html).references
    assert PIXEL in references  # Anna's embedded photo is kept
    for reference in references:
        assert reference.startswith(("data:", "#")), reference
    assert "https://example.com/bob.jpg" not in html  # a remote photo would not open offline


def test_it_shows_initials_when_a_photo_cannot_be_embedded(journey: JourneyDocument) -> None:
    assert parse(render_html(journey)).text_of("kr-initials") == ["BJ"]


def test_the_fragment_is_embeddable_markup_that_may_use_photo_urls(journey: JourneyDocument) -> None:
    fragment = map_fragment(journey)
    assert "<html" not in fragment
    assert fragment.lstrip().startswith('<div class="kr-map"')
    assert 'src="https://example.com/bob.jpg"' in fragment
    assert "<style>" not in map_fragment(journey, include_css=False)


def test_it_shows_heuristics_by_their_library_name_in_the_map_language(journey: JourneyDocument) -> None:
    entry = heuristic("social_proof")
    assert entry is not None
    assert entry.name.nl in render_html(journey, lang="nl")
    assert entry.name.en in render_html(journey, lang="en")


def test_it_marks_moments_of_truth_apart_from_suggested_ones(journey: JourneyDocument) -> None:
    parser = parse(render_html(journey))
    marked = parser.text_of("kr-tone-mot")
    suggested = parser.text_of("kr-tone-suggested")
    assert any("De klant hoort of het plan door kan gaan" in text for text in marked)
    assert any("Dieptepunt van de emotiecurve (−1,5)" in text for text in suggested)  # Dutch decimal comma
    assert all("Gemarkeerd" not in text for text in suggested)


def test_it_explains_the_fogg_diagnosis(journey: JourneyDocument) -> None:
    parser = parse(render_html(journey))
    fogg = " ".join(parser.text_of("kr-lane-fogg"))
    assert "Gelegenheid: 1/5" in fogg
    assert "Gelegenheid blokkeert" in fogg


def test_it_shows_ratings_in_words_and_shapes_not_colour_alone(journey: JourneyDocument) -> None:
    emotions = " ".join(parse(render_html(journey)).text_of("kr-lane-emotions"))
    assert "▼ Huidig: Zeer negatief (−2)" in emotions
    assert "▲ Huidig: Goed (+1)" in emotions
    assert "Gewenst: Goed (+1)" in emotions
    assert "Stress" in emotions
    assert "intensiteit 4/5" in emotions


def test_it_lists_kpis_with_value_and_target(journey: JourneyDocument) -> None:
    kpis = " ".join(parse(render_html(journey)).text_of("kr-lane-kpis"))
    assert "Voltooiing: 62%" in kpis
    assert "doel 85%" in kpis
    assert "doel niet gehaald" in kpis


def test_it_links_improvements_to_their_touchpoint_with_status(journey: JourneyDocument) -> None:
    cells = parse(render_html(journey)).text_of("kr-lane-improvements")
    assert "Vraag alleen wat nodig is" in cells[1]
    assert "Gepland" in cells[1]
    assert cells[0] == ""


def test_it_shows_opportunities_next_to_the_improvements(journey: JourneyDocument) -> None:
    journey.stages[0].touchpoints[0].opportunities = [Opportunity(title="Buurvoorbeelden tonen")]
    cells = parse(render_html(journey)).text_of("kr-lane-improvements")
    assert "Kans: Buurvoorbeelden tonen" in cells[0]


def test_it_ranks_the_improvement_potential(journey: JourneyDocument) -> None:
    section = parse(render_html(journey)).text_of("kr-section-potential")[0]
    assert section.startswith("Verbeterpotentieel")
    assert section.index("Formulier invullen") < section.index("Ontvangstbevestiging")


def test_it_shows_the_employee_mirror_with_blind_spots(journey: JourneyDocument) -> None:
    section = parse(render_html(journey)).text_of("kr-section-mirror")[0]
    assert "Frontoffice" in section
    assert "Nauwkeurigheid van de inschattingen" in section
    assert "Blinde vlekken" in section
    assert "klanten zeggen −1,5" in section


def test_the_potential_lists_at_most_ten_touchpoints() -> None:
    persona = Persona(name="Dana")
    steps = [
        Touchpoint(name=f"Stap {i}", experiences=[Experience(persona=persona.id, rating=-1, desired_rating=1)])
        for i in range(12)
    ]
    document = JourneyDocument(title="Lang", personas=[persona], stages=[Stage(name="Alles", touchpoints=steps)])
    section = parse(render_html(document)).text_of("kr-section-potential")[0]
    assert "Stap 9" in section
    assert "Stap 10" not in section


def test_the_page_prints_in_landscape_without_shadows(journey: JourneyDocument) -> None:
    html = render_html(journey)
    print_css = html[html.index("@media print") :]
    assert "landscape" in print_css
    assert "box-shadow: none" in print_css
    assert "break-inside: avoid" in print_css


def test_it_leaves_the_mirror_out_when_nobody_estimated(journey: JourneyDocument) -> None:
    journey.mirror = []
    assert "Medewerkerbelevingsspiegel" not in render_html(journey)


def test_a_persona_filter_shows_only_that_personas_experiences(journey: JourneyDocument) -> None:
    html = render_html(journey, persona=ANNA)
    parser = parse(html)
    assert "Machteloosheid" not in html  # an emotion only Bob felt
    assert "Bob Jansen" not in html
    assert "Beleving van Anna de Vries" in html
    assert len(parser.text_of("kr-persona")) == 1
    assert html.count('class="kr-curve-current"') == 1
    assert f'data-persona="{ANNA}"' in html


def test_without_a_filter_each_persona_gets_a_curve(journey: JourneyDocument) -> None:
    html = render_html(journey)
    assert html.count('class="kr-curve-current"') == 2
    assert f'data-persona="{BOB}"' in html


def test_it_rejects_a_persona_the_journey_does_not_have(journey: JourneyDocument) -> None:
    with pytest.raises(ValueError, match="no persona"):
        render_html(journey, persona=journey.stages[0].touchpoints[0].id)


def test_it_rejects_a_language_it_does_not_speak(journey: JourneyDocument) -> None:
    with pytest.raises(ValueError, match="unknown language"):
        render_html(journey, lang="fr")


def test_it_tells_an_empty_journey_apart() -> None:
    html = render_html(JourneyDocument(title="Nieuw"))
    assert t("no_touchpoints", "nl") in html
