"""Numbers, shares, ratings and durations per language, and the label catalog."""

from __future__ import annotations

import pytest

from klantreis.render.formatting import duration, number, percent, rating_text, signed
from klantreis.render.texts import TEXTS, check_language, t


@pytest.mark.parametrize(
    ("value", "english", "dutch"),
    [(12345, "12,345", "12.345"), (0.62, "0.62", "0,62"), (1234.5, "1,234.5", "1.234,5"), (-3, "−3", "−3")],
)
def test_numbers_use_the_languages_separators(value: float, english: str, dutch: str) -> None:
    assert number(value, "en") == english
    assert number(value, "nl") == dutch


def test_shares_are_percentages_with_a_decimal_comma_in_dutch() -> None:
    assert percent(0.055, "nl") == "5,5%"
    assert percent(0.055, "en") == "5.5%"
    assert percent(0.8, "nl") == "80%"


@pytest.mark.parametrize(
    ("seconds", "english", "dutch"),
    [
        (45, "45 s", "45 s"),
        (754, "12 min", "12 min"),
        (3 * 3600 + 1200, "3 h 20 min", "3 uur 20 min"),
        (86400, "1 day", "1 dag"),
        (2 * 86400 + 4 * 3600, "2 days 4 h", "2 dagen 4 uur"),
        (40 * 86400, "5.7 weeks", "5,7 weken"),
    ],
)
def test_durations_read_like_people_write_them(seconds: float, english: str, dutch: str) -> None:
    assert duration(seconds, "en") == english
    assert duration(seconds, "nl") == dutch


def test_ratings_carry_their_sign_and_word() -> None:
    assert signed(1, "nl") == "+1"
    assert signed(0, "nl") == "0"
    assert signed(-1.5, "nl") == "−1,5"
    assert rating_text(-1, "nl") == "Negatief (−1)"
    assert rating_text(0.5, "en") == "Good (+0.5)"  # halves round away from neutral


def test_every_label_exists_in_english_and_dutch() -> None:
    for key, texts in TEXTS.items():
        assert texts.get("en"), key
        assert texts.get("nl"), key


def test_the_dutch_labels_use_the_methods_terms() -> None:
    assert t("stage", "nl") == "Fase"
    assert t("touchpoint", "nl") == "Contactmoment"
    assert t("pain_points", "nl") == "Knelpunten"
    assert t("heuristics", "nl").startswith("Breingeheimen")
    assert t("employee_mirror", "nl") == "Medewerkerbelevingsspiegel"
    assert t("improvement_potential", "nl") == "Verbeterpotentieel"


def test_an_unknown_language_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="'fr'"):
        check_language("fr")
