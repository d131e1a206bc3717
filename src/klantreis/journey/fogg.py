"""Fogg diagnosis: which of motivation, ability and trigger blocks a step, and what fits as a remedy."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from klantreis.journey.explain import explain
from klantreis.journey.touchpoint import Fogg

# Scores run 1..5; 1 or 2 is too low to carry the behaviour.
LOW = 2
# Fogg's action line: motivation and ability trade off; below 3 x 3 the step is unlikely to happen.
ACTION_LINE = 9


class Factor(StrEnum):
    MOTIVATION = "motivation"
    ABILITY = "ability"
    TRIGGER = "trigger"


class PromptType(StrEnum):
    """Fogg's three kinds of prompt, each fitting a different shortfall."""

    SPARK = "spark"
    FACILITATOR = "facilitator"
    SIGNAL = "signal"


@dataclass(frozen=True)
class FoggDiagnosis:
    """What blocks a step, whether it sits above the action line and which prompt fits."""

    scored: bool
    blocking: tuple[Factor, ...]
    above_action_line: bool | None
    prompt: PromptType | None
    triggers_useless: bool

    def advice(self, lang: str = "en") -> list[str]:
        """Plain-language remedies in `lang`, most important first."""
        if not self.scored:
            return [explain("fogg_none", lang)]
        if not self.blocking:
            return [explain("fogg_ok", lang)]
        lines = [explain(f"fogg_{factor.value}", lang) for factor in self.blocking]
        if self.triggers_useless:
            lines.append(explain("fogg_more_triggers_useless", lang))
        return lines

    def prompt_label(self, lang: str = "en") -> str:
        """The kind of prompt that fits, in `lang` (empty when unknown)."""
        return explain(f"prompt_{self.prompt.value}", lang) if self.prompt else ""


def diagnose(fogg: Fogg | None) -> FoggDiagnosis:
    """Diagnose a step from its Fogg scores; factors left unscored are not blamed."""
    if fogg is None or (fogg.motivation, fogg.ability, fogg.trigger) == (None, None, None):
        return FoggDiagnosis(False, (), None, None, False)
    scores = {Factor.MOTIVATION: fogg.motivation, Factor.ABILITY: fogg.ability, Factor.TRIGGER: fogg.trigger}
    blocking = [factor for factor, score in scores.items() if score is not None and score <= LOW]
    above = None
    if fogg.motivation is not None and fogg.ability is not None:
        above = fogg.motivation * fogg.ability >= ACTION_LINE
        if not above and Factor.MOTIVATION not in blocking and Factor.ABILITY not in blocking:
            # Both middling: the weaker of the two is what keeps the step under the line.
            blocking.append(Factor.MOTIVATION if fogg.motivation <= fogg.ability else Factor.ABILITY)
    blocking.sort(key=list(Factor).index)
    core_blocked = Factor.MOTIVATION in blocking or Factor.ABILITY in blocking
    return FoggDiagnosis(True, tuple(blocking), above, _prompt_for(blocking), core_blocked)


def _prompt_for(blocking: list[Factor]) -> PromptType:
    """Low motivation needs a spark, low ability a facilitator, otherwise a signal will do."""
    if Factor.MOTIVATION in blocking:
        return PromptType.SPARK
    if Factor.ABILITY in blocking:
        return PromptType.FACILITATOR
    return PromptType.SIGNAL
