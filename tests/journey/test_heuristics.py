"""The heuristics library: Cialdini's principles and decision biases, in English and Dutch."""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

from klantreis.journey.heuristics import Heuristic, heuristic, library

CIALDINI = {"reciprocity", "commitment_consistency", "social_proof", "liking", "authority", "scarcity", "unity"}
TEXT_FIELDS = ("name", "description", "helps", "hurts", "example")
SENTENCE_FIELDS = ("description", "helps", "hurts", "example")
LANGUAGES = ("en", "nl")


def raw_entries() -> list[dict[str, Any]]:
    """The library file as plain YAML, before the loader turns it into a dict that would hide duplicates."""
    text = resources.files("klantreis.journey").joinpath("heuristics.yaml").read_text("utf-8")
    entries = yaml.safe_load(text)
    assert isinstance(entries, list)
    return entries


def texts(entry: Heuristic) -> list[tuple[str, str, str]]:
    """Every (field, language, text) of an entry."""
    return [(field, lang, getattr(entry, field).get(lang)) for field in TEXT_FIELDS for lang in LANGUAGES]


def test_the_library_loads_and_holds_at_least_forty_entries() -> None:
    entries = library()
    assert len(entries) >= 40
    assert all(isinstance(entry, Heuristic) for entry in entries.values())


def test_the_library_keeps_the_order_of_the_file() -> None:
    assert list(library()) == [raw["id"] for raw in raw_entries()]


def test_all_seven_cialdini_principles_are_present_as_influence() -> None:
    entries = library()
    assert entries.keys() >= CIALDINI
    assert all(entries[principle].family == "influence" for principle in CIALDINI)


def test_only_the_cialdini_principles_belong_to_the_influence_family() -> None:
    influence = {entry.id for entry in library().values() if entry.family == "influence"}
    assert influence == CIALDINI


def test_no_id_appears_twice_in_the_file() -> None:
    ids = [raw["id"] for raw in raw_entries()]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert duplicates == []


def test_no_name_appears_twice_in_either_language() -> None:
    for lang in LANGUAGES:
        names = [entry.name.get(lang).casefold() for entry in library().values()]
        assert len(names) == len(set(names)), lang


def test_every_dutch_name_and_description_differs_from_the_english_one() -> None:
    untranslated = [
        (entry.id, field)
        for entry in library().values()
        for field in ("name", "description")
        if getattr(entry, field).nl == getattr(entry, field).en
    ]
    assert untranslated == []


def test_every_text_is_filled_in_without_stray_whitespace() -> None:
    empty = [(entry.id, field, lang) for entry in library().values() for field, lang, text in texts(entry) if not text]
    padded = [
        (entry.id, field, lang)
        for entry in library().values()
        for field, lang, text in texts(entry)
        if text != text.strip() or "\n" in text
    ]
    assert empty == []
    assert padded == []


def test_every_description_stays_short() -> None:
    too_long = [
        (entry.id, lang, len(entry.description.get(lang)))
        for entry in library().values()
        for lang in LANGUAGES
        if len(entry.description.get(lang)) >= 400
    ]
    assert too_long == []


def test_every_explanation_is_a_finished_sentence() -> None:
    unfinished = [
        (entry.id, field, lang)
        for entry in library().values()
        for field, lang, text in texts(entry)
        if field in SENTENCE_FIELDS and not text.endswith((".", "!", "?"))
    ]
    assert unfinished == []


def test_a_known_id_returns_its_entry() -> None:
    entry = heuristic("social_proof")
    assert entry is not None
    assert entry.id == "social_proof"
    assert entry.family == "influence"
    assert entry.name.get("nl") == "Sociale bewijskracht"
    assert entry.name.get("en") == "Social proof"


def test_an_unknown_id_returns_none() -> None:
    assert heuristic("nope") is None


def test_the_ids_used_in_the_roundtrip_tests_exist() -> None:
    assert library().keys() >= {"social_proof", "peak_end_rule", "loss_aversion"}
