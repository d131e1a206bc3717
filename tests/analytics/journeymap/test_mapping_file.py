"""Mapping files: YAML or JSON lists of touchpoints and activity rules, and the errors that point at the entry."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from klantreis.analytics.journeymap import MappingFileError, load_mapping, read_mapping_file
from klantreis.journey.model import JourneyDocument
from klantreis.journey.vocabulary import MatchKind

VALID = """\
- touchpoint: Verzoek indienen
  activities: [register request]
- touchpoint: onderzoek            # names match without regard to case
  activities:
    - pattern: "examine *"
      match: glob
    - check ticket
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path, document: JourneyDocument, lang: str = "en") -> list[str]:
    with pytest.raises(MappingFileError) as caught:
        read_mapping_file(path, document, lang)
    return [str(p) for p in caught.value.problems]


def test_a_yaml_mapping_file_replaces_the_rules_of_the_document(
    tmp_path: Path, running_journey: JourneyDocument
) -> None:
    mapping = read_mapping_file(write(tmp_path, "map.yaml", VALID), running_journey)
    by_name = {t.id: t.name for t in mapping.touchpoints}
    assert [(by_name[r.touchpoint], r.pattern, r.match) for r in mapping.rules] == [
        ("Verzoek indienen", "register request", MatchKind.EXACT),
        ("Onderzoek", "examine *", MatchKind.GLOB),
        ("Onderzoek", "check ticket", MatchKind.EXACT),
    ]
    # The document's own rule for 'Ticket gecontroleerd' is gone: the file is the whole mapping.
    assert mapping.touchpoint_of("check ticket") is not None
    assert mapping.touchpoint_of("check ticket").name == "Onderzoek"  # type: ignore[union-attr]
    assert mapping.touchpoint_of("decide") is None


def test_a_json_mapping_file_may_name_touchpoints_by_id(tmp_path: Path, running_journey: JourneyDocument) -> None:
    decide = next(t for _, t in running_journey.touchpoints() if t.name == "Besluit")
    text = json.dumps([{"touchpoint": str(decide.id), "activities": [{"pattern": "^dec", "match": "regex"}]}])
    mapping = load_mapping(running_journey, write(tmp_path, "map.json", text))
    assert mapping.touchpoint_of("decide") is not None
    assert mapping.touchpoint_of("decide").id == decide.id  # type: ignore[union-attr]


def test_without_a_file_the_mapping_comes_from_the_document(running_journey: JourneyDocument) -> None:
    assert load_mapping(running_journey).touchpoint_of("decide").name == "Besluit"  # type: ignore[union-attr]


def test_each_wrong_entry_is_reported_with_file_line_entry_and_fix(
    tmp_path: Path, running_journey: JourneyDocument
) -> None:
    text = """\
- touchpoint: Besluiten
  activities: [decide]
- touchpoint: Besluit
  activities:
    - pattern: "(["
      match: regex
    - pattern: x
      match: fuzzy
  owner: me
- touchpoint: Afwijzing
- activities: []
"""
    path = write(tmp_path, "map.yaml", text)
    found = problems(path, running_journey)
    assert found == [
        f"{path}:1:15: entry 1 (Besluiten): touchpoint: the journey has no touchpoint 'Besluiten' "
        "(use the id or exact name of a touchpoint (did you mean 'Besluit'?))",
        f"{path}:9:10: entry 2 (Besluit): owner: unknown key 'owner' (allowed keys are: touchpoint, activities)",
        f"{path}:5:16: entry 2 (Besluit): activities[1].pattern: '([' is not a valid regular expression: "
        "unterminated character set at position 1 (correct it, or use match: glob)",
        f"{path}:8:14: entry 2 (Besluit): activities[2].match: unknown match kind 'fuzzy' (use exact, glob or regex)",
        f"{path}:10:3: entry 3 (Afwijzing): the key 'activities' is missing (add activities: ...)",
        f"{path}:11:3: entry 4: the key 'touchpoint' is missing (add touchpoint: ...)",
        f"{path}:11:15: entry 4: activities: activities must be a non-empty list "
        "(list activity names or {pattern, match} rules)",
    ]


def test_errors_speak_dutch_when_asked(tmp_path: Path, running_journey: JourneyDocument) -> None:
    path = write(tmp_path, "map.yaml", "- touchpoint: Besluiten\n  activities: [decide]\n")
    assert problems(path, running_journey, "nl") == [
        f"{path}:1:15: entry 1 (Besluiten): touchpoint: de klantreis heeft geen contactmoment 'Besluiten' "
        "(gebruik het id of de precieze naam van een contactmoment (bedoelt u 'Besluit'?))"
    ]


def test_two_touchpoints_with_the_same_name_must_be_named_by_id(tmp_path: Path) -> None:
    document = JourneyDocument.model_validate(
        {"title": "x", "stages": [{"name": "S", "touchpoints": [{"name": "Bellen"}, {"name": "Bellen"}]}]}
    )
    found = problems(write(tmp_path, "map.yaml", "- touchpoint: Bellen\n  activities: [call]\n"), document)
    assert len(found) == 1
    assert "2 touchpoints are called 'Bellen'" in found[0]
    assert all(str(t.id) in found[0] for _, t in document.touchpoints())


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("map.yaml", "touchpoint: Besluit\n", "a mapping file is a list of entries"),
        ("map.yaml", "- touchpoint: [Besluit\n", "map.yaml:2:1: not valid YAML"),
        ("map.json", '[{"touchpoint": "Besluit",}]', "map.json:1:27: not valid JSON"),
        ("map.txt", "- touchpoint: Besluit\n", "unknown mapping file type '.txt'"),
        ("map.yaml", "- just a string\n", "map.yaml:1:3: entry 1: this entry is not a mapping"),
        (
            "map.yaml",
            "- touchpoint: Besluit\n  activities: [[decide]]\n",
            "a rule is an activity name or {pattern, match}",
        ),
    ],
)
def test_files_that_are_not_mappings_are_rejected_with_the_reason(
    tmp_path: Path, running_journey: JourneyDocument, name: str, text: str, expected: str
) -> None:
    found = problems(write(tmp_path, name, text), running_journey)
    assert any(expected in problem for problem in found), found


def test_a_missing_mapping_file_is_named(tmp_path: Path, running_journey: JourneyDocument) -> None:
    found = problems(tmp_path / "nope.yaml", running_journey)
    assert found == [
        f"{tmp_path / 'nope.yaml'}: cannot read the mapping file: No such file or directory (check the path and permissions)"
    ]
