"""The method's computations: curves, gaps, moments of truth, Fogg, potential and employee mirror."""

from __future__ import annotations

import pytest

from klantreis.journey.curves import emotion_curve, gaps, persona_curves
from klantreis.journey.fogg import Factor, PromptType, diagnose
from klantreis.journey.mirror_gap import mirror_report
from klantreis.journey.model import JourneyDocument
from klantreis.journey.moments import suggest_moments_of_truth
from klantreis.journey.potential import improvement_potential
from klantreis.journey.touchpoint import Fogg


def by_name(document: JourneyDocument) -> dict[str, object]:
    return {t.name: t.id for _, t in document.touchpoints()}


def test_the_overall_curve_is_the_mean_of_the_personas(sample_journey: JourneyDocument) -> None:
    curve = emotion_curve(sample_journey)
    assert [p.current for p in curve.points] == [0.5, -1.5, 0.0, 0.5]
    assert [p.desired for p in curve.points] == [2.0, 1.0, 1.0, 1.5]


def test_a_persona_curve_holds_only_that_persona(sample_journey: JourneyDocument) -> None:
    anna = sample_journey.personas[0].id
    assert [p.current for p in emotion_curve(sample_journey, anna).points] == [1, -1, 0, 2]
    assert len(persona_curves(sample_journey)) == 2


def test_the_gap_is_desired_minus_current_per_touchpoint(sample_journey: JourneyDocument) -> None:
    ids = by_name(sample_journey)
    result = gaps(sample_journey)
    assert result[ids["Fill in the form"]] == 2.5
    assert result[ids["Decision"]] == 1.0


def test_marked_moments_swings_and_lowest_points_are_suggested_with_reasons(
    sample_journey: JourneyDocument,
) -> None:
    suggestions = {s.name: s for s in suggest_moments_of_truth(sample_journey)}
    assert set(suggestions) == {"Fill in the form", "Decision"}
    form_codes = [r.code for r in suggestions["Fill in the form"].reasons]
    assert form_codes == ["swing_down", "lowest"]
    decision = suggestions["Decision"]
    assert decision.marked
    assert decision.reasons[0].text("nl").startswith("Gemarkeerd als moment of truth")
    assert "drops by 2 points from 'Search the website'" in suggestions["Fill in the form"].reasons[0].text()


def test_a_journey_ending_badly_gets_the_end_flagged(sample_journey: JourneyDocument) -> None:
    bob = sample_journey.personas[1].id
    suggestions = {s.name: s for s in suggest_moments_of_truth(sample_journey, bob)}
    assert "negative_end" in [r.code for r in suggestions["Decision"].reasons]


@pytest.mark.parametrize(
    ("scores", "blocking", "prompt", "useless"),
    [
        ((1, 4, 4), (Factor.MOTIVATION,), PromptType.SPARK, True),
        ((4, 1, 4), (Factor.ABILITY,), PromptType.FACILITATOR, True),
        ((4, 4, 1), (Factor.TRIGGER,), PromptType.SIGNAL, False),
        ((3, 2, 1), (Factor.ABILITY, Factor.TRIGGER), PromptType.FACILITATOR, True),
        ((3, 3, 4), (), PromptType.SIGNAL, False),
        ((4, 5, 5), (), PromptType.SIGNAL, False),
    ],
)
def test_fogg_diagnosis_names_the_blocking_factor_and_the_prompt_that_fits(
    scores: tuple[int, int, int], blocking: tuple[Factor, ...], prompt: PromptType, useless: bool
) -> None:
    diagnosis = diagnose(Fogg(motivation=scores[0], ability=scores[1], trigger=scores[2]))
    assert diagnosis.blocking == blocking
    assert diagnosis.prompt is prompt
    assert diagnosis.triggers_useless is useless


def test_middling_motivation_and_ability_below_the_action_line_blame_the_weaker() -> None:
    diagnosis = diagnose(Fogg(motivation=3, ability=3, trigger=5))
    assert diagnosis.above_action_line is True
    below = diagnose(Fogg(motivation=4, ability=2, trigger=5))
    assert below.above_action_line is False
    assert below.blocking == (Factor.ABILITY,)


def test_fogg_advice_warns_that_more_triggers_do_not_help_without_motivation() -> None:
    advice = diagnose(Fogg(motivation=1, ability=5, trigger=1)).advice("nl")
    assert advice[0].startswith("Motivatie blokkeert")
    assert advice[-1] == "Meer triggers helpen hier niet zolang motivatie en gelegenheid ontbreken"


def test_an_unscored_step_is_not_diagnosed() -> None:
    assert not diagnose(None).scored
    assert diagnose(Fogg()).advice() == ["Not scored yet"]


def test_improvement_potential_ranks_gap_times_reach_times_weight(sample_journey: JourneyDocument) -> None:
    ranked = improvement_potential(sample_journey)
    assert [p.name for p in ranked] == ["Fill in the form", "Search the website", "Decision", "Confirmation letter"]
    form = ranked[0]
    assert (form.gap, form.reach, form.weight) == (2.5, 0.8, 1.0)
    assert form.score == pytest.approx(2.0)
    decision = next(p for p in ranked if p.name == "Decision")
    assert decision.weight == 2.0  # a marked moment of truth counts double
    assert decision.score == pytest.approx(1.0 * 0.7 * 2.0)


def test_without_customer_numbers_everyone_is_assumed_to_reach_every_step(sample_journey: JourneyDocument) -> None:
    for _, touchpoint in sample_journey.touchpoints():
        touchpoint.customers_reached = None
    ranked = improvement_potential(sample_journey)
    assert all(p.reach == 1.0 and not p.reach_known for p in ranked)


def test_the_employee_mirror_measures_estimate_gaps_accuracy_and_blind_spots(sample_journey: JourneyDocument) -> None:
    ids = by_name(sample_journey)
    report = mirror_report(sample_journey)
    assert report.touchpoint_gaps[ids["Fill in the form"]] == 2.5
    # search: front office 1 - 0.5 overall; case handlers 1 - 1 for Anna
    assert report.touchpoint_gaps[ids["Search the website"]] == pytest.approx(0.25)
    assert report.mean_absolute_gap == pytest.approx((2.5 + 0.5 + 0.0) / 3)
    assert report.accuracy == pytest.approx(1 - report.mean_absolute_gap / 4)
    codes = {(s.name, s.code) for s in report.blind_spots}
    assert codes == {("Fill in the form", "mirror_overestimated")}
    [spot] = report.blind_spots
    assert spot.text("en") == "Front office think customers rate this +1, customers say -1.5"
