"""Mermaid journey diagrams: export from a document and import of any valid diagram."""

from __future__ import annotations

from klantreis.journey.files import dumps, parse_document
from klantreis.journey.mermaid import parse_mermaid, to_mermaid
from klantreis.journey.model import JourneyDocument

DIAGRAM = """---
title: Vergunning aanvragen
---
journey
    %% a comment line
    section Oriëntatie
      Website bekijken: 4: Anna, Bram
      Bellen met de gemeente: 2: Anna
    section Aanvraag
      Formulier invullen #58; deel 1: 1: Bram
      Wachten: 3
"""


def test_it_imports_sections_tasks_scores_and_actors() -> None:
    document, problems = parse_mermaid(DIAGRAM, lang="nl")
    assert problems == []
    assert document is not None
    assert document.title == "Vergunning aanvragen"
    assert [s.name for s in document.stages] == ["Oriëntatie", "Aanvraag"]
    assert [p.name for p in document.personas] == ["Anna", "Bram", "Klant"]
    website = document.stages[0].touchpoints[0]
    assert website.name == "Website bekijken"
    assert [e.rating for e in website.experiences] == [1, 1]
    assert document.stages[1].touchpoints[0].name == "Formulier invullen : deel 1"
    assert document.stages[1].touchpoints[0].experiences[0].rating == -2


def test_importing_the_same_diagram_twice_gives_identical_ids() -> None:
    first, _ = parse_mermaid(DIAGRAM)
    second, _ = parse_mermaid(DIAGRAM)
    assert first == second


def test_export_writes_sections_from_stages_and_scores_from_ratings(sample_journey: JourneyDocument) -> None:
    text = to_mermaid(sample_journey)
    lines = text.splitlines()
    assert lines[0] == "journey"
    assert "  title Environmental permit" in lines
    assert "  section Application" in lines
    # Anna -1 and Bob -2 average to -1.5, which rounds to -2, i.e. score 1.
    assert "    Fill in the form: 1: Anna, Bob" in lines


def test_a_diagram_survives_import_export_import() -> None:
    document, _ = parse_mermaid(DIAGRAM)
    assert document is not None
    again, problems = parse_mermaid(to_mermaid(document))
    assert problems == []
    assert again is not None
    assert [t.name for _, t in again.touchpoints()] == [t.name for _, t in document.touchpoints()]
    assert [[e.rating for e in t.experiences] for _, t in again.touchpoints()] == [
        [e.rating for e in t.experiences] for _, t in document.touchpoints()
    ]


def test_separators_in_names_are_escaped_on_export() -> None:
    document, _ = parse_mermaid("journey\n  section A: B\n    Stap 1, 2: 5: Zoë\n")
    assert document is not None
    text = to_mermaid(document)
    assert "Stap 1#44; 2: 5: Zoë" in text
    assert parse_document(text, "mermaid")[0] is not None


def test_a_file_without_the_journey_header_is_rejected_at_line_one() -> None:
    _, [problem] = parse_mermaid("flowchart LR\n  A --> B\n")
    assert (problem.line, problem.code) == (1, "mermaid_header")


def test_a_non_numeric_score_is_reported_with_its_line() -> None:
    _, [problem] = parse_mermaid("journey\n  section S\n    Taak: hoog: Anna\n", "x.mmd")
    assert problem.line == 3
    assert problem.code == "mermaid_score"
    assert str(problem).startswith("x.mmd:3:")


def test_a_line_that_is_no_statement_is_reported() -> None:
    _, [problem] = parse_mermaid("journey\n  section S\n    just some words\n")
    assert (problem.line, problem.code) == (3, "mermaid_line")


def test_scores_outside_one_to_five_are_clamped() -> None:
    document, _ = parse_mermaid("journey\n  section S\n    Top: 9: A\n    Bodem: 0: A\n")
    assert document is not None
    assert [t.experiences[0].rating for _, t in document.touchpoints()] == [2, -2]


def test_a_mermaid_import_converts_to_yaml(sample_journey: JourneyDocument) -> None:
    document, _ = parse_mermaid(DIAGRAM)
    assert document is not None
    assert "name: Oriëntatie" in dumps(document, "yaml")
