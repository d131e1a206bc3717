"""Numbers, shares, ratings and durations written the way each language writes them."""

from __future__ import annotations

import re

from klantreis.journey.explain import explain
from klantreis.journey.moments import Reason
from klantreis.journey.vocabulary import RATING_LABELS
from klantreis.render.colours import rating_step

MINUS = "\u2212"
_NUMERIC = re.compile(r"^[+-]?\d+(\.\d+)?$")

# (seconds in the unit, english singular, english plural, dutch singular, dutch plural)
_UNITS = (
    (7 * 86400, "week", "weeks", "week", "weken"),
    (86400, "day", "days", "dag", "dagen"),
    (3600, "h", "h", "uur", "uur"),
    (60, "min", "min", "min", "min"),
    (1, "s", "s", "s", "s"),
)


def _localise(text: str, lang: str) -> str:
    """Swap the English separators for Dutch ones (1,234.5 -> 1.234,5)."""
    if lang != "nl":
        return text
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def number(value: float | int, lang: str, decimals: int = 2) -> str:
    """A number with at most `decimals` decimals, thousands grouped, in the language's style."""
    if isinstance(value, int) or float(value).is_integer():
        text = f"{round(value):,}"
    else:
        text = f"{value:,.{decimals}f}".rstrip("0").rstrip(".")
    return _localise(text, lang).replace("-", MINUS)


def percent(share: float, lang: str) -> str:
    """A share 0..1 as a percentage: 12.5% in English, 12,5% in Dutch."""
    value = share * 100
    decimals = 0 if value >= 10 or value == 0 else 1
    return f"{number(round(value, decimals), lang, decimals)}%"


def signed(value: float, lang: str) -> str:
    """A rating or gap with its sign: +1, 0, −0,5."""
    text = number(round(value, 1), lang, 1)
    return f"+{text}" if value > 0 and round(value, 1) > 0 else text


def rating_label(value: float, lang: str) -> str:
    """The word for a rating on the -2..+2 scale (means round to the nearest step)."""
    return RATING_LABELS[rating_step(value)][lang]


def rating_text(value: float, lang: str) -> str:
    """A rating as word and number, e.g. 'Negatief (−1)'."""
    return f"{rating_label(value, lang)} ({signed(value, lang)})"


def reason_text(reason: Reason, lang: str) -> str:
    """A moment-of-truth reason in `lang`, with its numbers written the language's way."""
    return explain(reason.code, lang, **{key: _number_in_text(value, lang) for key, value in reason.params.items()})


def _number_in_text(value: object, lang: str) -> object:
    """A parameter that is a number written as text ('-1.5', '2') rewritten for `lang`."""
    if not isinstance(value, str) or not _NUMERIC.match(value):
        return value
    return signed(float(value), lang) if value[0] in "+-" else number(float(value), lang)


def duration(seconds: float, lang: str) -> str:
    """A duration for people: '45 s', '12 min', '3 h 20 min', '2 days 4 h', '5.5 weeks'."""
    if seconds < 0:
        return MINUS + duration(-seconds, lang)
    if seconds >= 4 * _UNITS[0][0]:
        return _amount(seconds / _UNITS[0][0], 0, lang, decimals=1)
    for index, (size, *_names) in enumerate(_UNITS[1:], start=1):
        if seconds >= size or size == 1:
            whole = int(seconds // size)
            rest = seconds - whole * size
            text = _amount(whole, index, lang)
            if index + 1 < len(_UNITS) and size > 1:
                below = round(rest / _UNITS[index + 1][0])
                if below and whole < 10:
                    text += " " + _amount(below, index + 1, lang)
            return text
    return _amount(seconds, len(_UNITS) - 1, lang)  # pragma: no cover - loop always returns


def _amount(value: float, unit: int, lang: str, decimals: int = 0) -> str:
    _, en_one, en_many, nl_one, nl_many = _UNITS[unit]
    shown = round(value, decimals) if decimals else round(value)
    one, many = (nl_one, nl_many) if lang == "nl" else (en_one, en_many)
    return f"{number(shown, lang, decimals)} {one if shown == 1 else many}"
