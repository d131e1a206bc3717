"""English and Dutch sentences that explain computed findings (moments of truth, Fogg, mirror)."""

from __future__ import annotations

from typing import Any

EXPLANATIONS: dict[str, dict[str, str]] = {
    "marked": {
        "en": "Marked as a moment of truth: {reason}",
        "nl": "Gemarkeerd als moment of truth: {reason}",
    },
    "swing_down": {
        "en": "The experience drops by {size} points from '{previous}' to here",
        "nl": "De beleving daalt hier {size} punten ten opzichte van '{previous}'",
    },
    "swing_up": {
        "en": "The experience rises by {size} points from '{previous}' to here",
        "nl": "De beleving stijgt hier {size} punten ten opzichte van '{previous}'",
    },
    "lowest": {
        "en": "Lowest point of the curve ({rating})",
        "nl": "Dieptepunt van de emotiecurve ({rating})",
    },
    "negative_end": {
        "en": "The journey ends on a negative note ({rating}); the end weighs heavily in memory",
        "nl": "De reis eindigt negatief ({rating}); het einde weegt zwaar in de herinnering",
    },
    "fogg_none": {
        "en": "Not scored yet",
        "nl": "Nog niet gescoord",
    },
    "fogg_ok": {
        "en": "Motivation, ability and trigger are all sufficient",
        "nl": "Motivatie, gelegenheid en trigger zijn alle drie voldoende",
    },
    "fogg_motivation": {
        "en": "Motivation blocks: show the value, take away doubt and fear, let others vouch for it",
        "nl": "Motivatie blokkeert: maak de waarde zichtbaar, neem twijfel en angst weg, laat anderen ervoor instaan",
    },
    "fogg_ability": {
        "en": "Ability blocks: make the step simpler, with fewer actions, less time, money and effort",
        "nl": "Gelegenheid blokkeert: maak de stap eenvoudiger, met minder handelingen, tijd, geld en moeite",
    },
    "fogg_trigger": {
        "en": "The trigger is missing: prompt at the right moment with a reminder or a clear call to action",
        "nl": "De trigger ontbreekt: geef op het juiste moment een seintje, herinnering of duidelijke oproep",
    },
    "fogg_more_triggers_useless": {
        "en": "More triggers will not help here until motivation and ability are in place",
        "nl": "Meer triggers helpen hier niet zolang motivatie en gelegenheid ontbreken",
    },
    "prompt_spark": {"en": "spark (a prompt that motivates)", "nl": "vonk (een trigger die motiveert)"},
    "prompt_facilitator": {
        "en": "facilitator (a prompt that makes it easy)",
        "nl": "hulp (een trigger die het makkelijk maakt)",
    },
    "prompt_signal": {"en": "signal (a plain reminder)", "nl": "signaal (een eenvoudige herinnering)"},
    "mirror_overestimated": {
        "en": "{group} think customers rate this {estimated}, customers say {actual}",
        "nl": "{group} denken dat klanten dit {estimated} vinden, klanten zeggen {actual}",
    },
    "mirror_underestimated": {
        "en": "{group} think customers rate this {estimated}, customers are more positive: {actual}",
        "nl": "{group} schatten dit op {estimated}, klanten zijn positiever: {actual}",
    },
    "mirror_not_estimated": {
        "en": "Customers rate this {actual}, but no employee group estimated it",
        "nl": "Klanten beoordelen dit met {actual}, maar geen medewerkersgroep heeft het ingeschat",
    },
}


def explain(code: str, lang: str = "en", **params: Any) -> str:
    """The sentence for `code` in `lang` (English when unknown) with its parameters filled in."""
    texts = EXPLANATIONS[code]
    return (texts.get(lang) or texts["en"]).format(**params)
