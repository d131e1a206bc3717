"""Durations and numbers as people read them in tables: '3d 4h', '1.434', '8,6%'."""

from __future__ import annotations

import pytest

from klantreis.analytics.report.formatting import compact_duration, count, share


@pytest.mark.parametrize(
    ("seconds", "english", "dutch"),
    [
        (None, "–", "–"),
        (0, "0s", "0s"),
        (0.25, "0.25s", "0,25s"),
        (45, "45s", "45s"),
        (61, "1m 1s", "1m 1s"),
        (3600, "1h", "1u"),
        (7260, "2h 1m", "2u 1m"),
        (3 * 86400 + 4 * 3600 + 59, "3d 4h", "3d 4u"),
        (86400 + 59, "1d", "1d"),
        (400 * 86400, "400d", "400d"),
        (-90, "−1m 30s", "−1m 30s"),
    ],
)
def test_durations_are_written_in_at_most_two_units(seconds: float | None, english: str, dutch: str) -> None:
    assert compact_duration(seconds, "en") == english
    assert compact_duration(seconds, "nl") == dutch


def test_counts_and_shares_follow_the_language() -> None:
    assert (count(1434, "en"), count(1434, "nl"), count(None, "en")) == ("1,434", "1.434", "–")
    assert (share(0.086, "en"), share(0.086, "nl"), share(None, "nl")) == ("8.6%", "8,6%", "–")
