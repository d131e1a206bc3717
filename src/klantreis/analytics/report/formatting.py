"""Compact numbers and durations for reports and terminal tables ("3d 4h", "12m 5s", "1,234", "12.5%")."""

from __future__ import annotations

from klantreis.render.formatting import number, percent

# (seconds, English unit, Dutch unit): Dutch writes hours as "u" (uur).
_UNITS = ((86400, "d", "d"), (3600, "h", "u"), (60, "m", "m"), (1, "s", "s"))


def compact_duration(seconds: float | None, lang: str = "en") -> str:
    """A duration in at most two units, e.g. '3d 4h', '2h 5m', '45s', '0.25s'; '–' when unknown."""
    if seconds is None:
        return "–"
    if seconds < 0:
        return "−" + compact_duration(-seconds, lang)
    if seconds < 1:
        return f"{number(round(seconds, 2), lang, 2)}s" if seconds else "0s"
    whole = round(seconds)
    parts: list[str] = []
    for size, en, nl in _UNITS:
        amount, whole = divmod(whole, size)
        if amount or parts:
            parts.append(f"{amount}{nl if lang == 'nl' else en}")
        if len(parts) == 2:
            break
    # "3d 0h" says no more than "3d".
    return " ".join(p for i, p in enumerate(parts) if i == 0 or not p.startswith("0"))


def count(value: int | None, lang: str = "en") -> str:
    """A whole number with thousands grouped the language's way; '–' when unknown."""
    return "–" if value is None else number(value, lang)


def share(value: float | None, lang: str = "en") -> str:
    """A fraction 0..1 as a percentage; '–' when unknown."""
    return "–" if value is None else percent(value, lang)
