"""Validation reports every problem with file, line, column, document path, cause and fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from klantreis.journey.files import check_file

PERSONA = "6b0c7f2e-4c1a-4a8e-9a43-1f0d7e1f8a01"
UNKNOWN = "6b0c7f2e-4c1a-4a8e-9a43-1f0d7e1f8a02"


def write(tmp_path: Path, text: str, name: str = "journey.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path: Path, lang: str = "en") -> list[str]:
    document, problems = check_file(path, lang)
    assert document is None
    return [str(p) for p in problems]


def test_a_minimal_journey_is_valid(tmp_path: Path) -> None:
    document, problems = check_file(write(tmp_path, "title: Kort\nstages:\n  - name: Fase 1\n"))
    assert problems == []
    assert document is not None
    assert document.stages[0].name == "Fase 1"


def test_it_names_line_column_and_path_of_an_unknown_channel(tmp_path: Path) -> None:
    text = "title: T\nstages:\n  - name: A\n  - name: B\n  - name: C\n    touchpoints:\n      - name: X\n        channel: fax\n"
    path = write(tmp_path, text)
    [problem] = check_file(path)[1]
    assert (problem.line, problem.column) == (8, 18)
    assert problem.path == "stages[2].touchpoints[0].channel"
    assert "'fax' is not a known channel" in problem.message
    assert "channel: custom" in problem.fix
    assert str(problem).startswith(f"{path}:8:18: stages[2].touchpoints[0].channel:")


def test_it_suggests_the_field_meant_by_a_typo(tmp_path: Path) -> None:
    [problem] = check_file(write(tmp_path, "title: T\nstges: []\n"))[1]
    assert problem.code == "extra_forbidden_close"
    assert (problem.line, problem.column) == (2, 1)
    assert "did you mean 'stages'?" in problem.fix


def test_it_reports_a_missing_required_field_at_its_parent(tmp_path: Path) -> None:
    [problem] = check_file(write(tmp_path, "title: T\nstages:\n  - description: no name\n"))[1]
    assert problem.path == "stages[0]"
    assert problem.line == 3
    assert "'name' is missing" in problem.message


def test_it_reports_every_problem_not_just_the_first(tmp_path: Path) -> None:
    text = "title: T\nstages:\n  - name: A\n    touchpoints:\n      - name: X\n        influence: huge\n        weight: 0\n"
    problems = problems_of(write(tmp_path, text))
    assert len(problems) == 2
    assert any("influence" in p for p in problems)
    assert any("weight" in p for p in problems)


def test_a_rating_outside_the_scale_is_a_problem(tmp_path: Path) -> None:
    text = (
        f"title: T\npersonas:\n  - id: {PERSONA}\n    name: Anna\nstages:\n  - name: A\n    touchpoints:\n"
        f"      - name: X\n        experiences:\n          - persona: {PERSONA}\n            rating: 5\n"
    )
    [problem] = check_file(write(tmp_path, text))[1]
    assert problem.path == "stages[0].touchpoints[0].experiences[0].rating"
    assert "above the maximum 2" in problem.message


def test_a_touchpoint_naming_an_unknown_persona_is_a_broken_reference(tmp_path: Path) -> None:
    text = (
        f"title: T\npersonas:\n  - id: {PERSONA}\n    name: Anna\nstages:\n  - name: A\n    touchpoints:\n"
        f"      - name: X\n        personas: [{UNKNOWN}]\n"
    )
    [problem] = check_file(write(tmp_path, text))[1]
    assert problem.code == "unknown_persona"
    assert problem.path == "stages[0].touchpoints[0].personas[0]"
    assert problem.line == 9


def test_an_experience_with_a_name_instead_of_an_id_gets_the_real_ids_as_a_hint(tmp_path: Path) -> None:
    text = (
        f"title: T\npersonas:\n  - id: {PERSONA}\n    name: Anna\nstages:\n  - name: A\n    touchpoints:\n"
        "      - name: X\n        experiences:\n          - persona: anna\n"
    )
    [problem] = check_file(write(tmp_path, text))[1]
    assert problem.code == "bad_uuid"
    assert f"{PERSONA} (Anna)" in problem.fix


def test_an_improvement_pointing_at_a_missing_touchpoint_is_a_problem(tmp_path: Path) -> None:
    text = f"title: T\nimprovements:\n  - title: Better\n    touchpoints: [{UNKNOWN}]\n"
    [problem] = check_file(write(tmp_path, text))[1]
    assert problem.code == "unknown_touchpoint"
    assert problem.path == "improvements[0].touchpoints[0]"


def test_an_unknown_heuristic_is_a_problem(tmp_path: Path) -> None:
    text = "title: T\nstages:\n  - name: A\n    touchpoints:\n      - name: X\n        heuristics:\n          - heuristic: mind_control\n"
    [problem] = check_file(write(tmp_path, text))[1]
    assert problem.code == "unknown_heuristic"
    assert problem.path == "stages[0].touchpoints[0].heuristics[0].heuristic"


def test_duplicate_ids_are_reported_with_the_first_place(tmp_path: Path) -> None:
    text = f"title: T\nstages:\n  - id: {PERSONA}\n    name: A\n  - id: {PERSONA}\n    name: B\n"
    [problem] = check_file(write(tmp_path, text))[1]
    assert problem.code == "duplicate_id"
    assert "stages[0].id" in problem.message


def test_a_bad_regular_expression_in_an_activity_rule_is_a_problem(tmp_path: Path) -> None:
    text = "title: T\nstages:\n  - name: A\n    touchpoints:\n      - name: X\n        activities:\n          - {pattern: 'A_(', match: regex}\n"
    [problem] = check_file(write(tmp_path, text))[1]
    assert problem.code == "bad_regex"


def test_yaml_syntax_errors_name_the_line(tmp_path: Path) -> None:
    [problem] = check_file(write(tmp_path, "title: T\nstages: [\n  - name: x\n"))[1]
    assert problem.code == "syntax"
    assert problem.line is not None
    assert problem.line >= 3


def test_json_files_get_positions_too(tmp_path: Path) -> None:
    text = '{\n\t"title": "T",\n\t"stages": [{"name": "A", "touchpoints": [{"name": "X", "ownership": "mine"}]}]\n}\n'
    [problem] = check_file(write(tmp_path, text, "journey.json"))[1]
    assert problem.path == "stages[0].touchpoints[0].ownership"
    assert problem.line == 3


def test_json_syntax_errors_name_line_and_column(tmp_path: Path) -> None:
    [problem] = check_file(write(tmp_path, '{"title": "T",\n "stages": [}\n', "journey.json"))[1]
    assert problem.code == "syntax"
    assert (problem.line, problem.column) == (2, 13)


@pytest.mark.parametrize(
    ("name", "text", "position", "first"),
    [
        ("journey.yaml", "title: A\nstages:\n  - name: X\ntitle: B\n", (4, 1), 1),
        ("journey.json", '{\n  "title": "A",\n  "stages": [],\n  "title": "B"\n}\n', (4, 3), 2),
    ],
)
def test_a_key_written_twice_is_refused_not_silently_overwritten(
    tmp_path: Path, name: str, text: str, position: tuple[int, int], first: int
) -> None:
    [problem] = check_file(write(tmp_path, text, name))[1]
    assert problem.code == "syntax"
    assert (problem.line, problem.column) == position
    assert f"'title' is written twice in the same mapping (first written on line {first})" in str(problem)


def test_words_like_no_and_on_stay_text(tmp_path: Path) -> None:
    document, problems = check_file(write(tmp_path, "title: No\nowner: on\n"))
    assert problems == []
    assert document is not None
    assert (document.title, document.owner) == ("No", "on")


def test_a_file_that_is_not_utf8_is_reported_with_its_position(tmp_path: Path) -> None:
    path = tmp_path / "latin.yaml"
    path.write_bytes("title: Café\n".encode("latin-1"))
    [problem] = check_file(path)[1]
    assert problem.code == "not_utf8"
    assert (problem.line, problem.column) == (1, 11)


def test_an_unknown_suffix_is_reported(tmp_path: Path) -> None:
    [problem] = check_file(write(tmp_path, "title: T", "journey.txt"))[1]
    assert problem.code == "unknown_format"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "unknown field 'chanel'"), ("nl", "onbekend veld 'chanel'")],
)
def test_messages_come_in_english_and_dutch(tmp_path: Path, lang: str, expected: str) -> None:
    text = "title: T\nstages:\n  - name: A\n    touchpoints:\n      - name: X\n        chanel: email\n"
    [problem] = check_file(write(tmp_path, text), lang)[1]
    assert problem.message == expected


def test_a_custom_channel_without_a_name_is_a_problem(tmp_path: Path) -> None:
    text = "title: T\nstages:\n  - name: A\n    touchpoints:\n      - name: X\n        channel: custom\n"
    [problem] = check_file(write(tmp_path, text))[1]
    assert problem.path == "stages[0].touchpoints[0]"
    assert "channel_label" in problem.message


def test_evidence_backing_an_unknown_item_is_a_problem_in_both_languages(tmp_path: Path) -> None:
    text = f"title: T\nstages:\n  - name: A\nevidence:\n  - title: Interviews\n    supports:\n      - {UNKNOWN}\n"
    path = write(tmp_path, text)
    [english] = problems_of(path)
    assert english.startswith(f"{path}:7:9: evidence[0].supports[0]: no stage, touchpoint, persona")
    [dutch] = problems_of(path, "nl")
    assert "geen fase, contactmoment, persona, knelpunt, kans of verbetering" in dutch
