"""Event-data figures per touchpoint that a map can show in its Data lane."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TouchpointData:
    """Measured volumes and times at one touchpoint, as the analytics engine reports them."""

    cases: int | None = None
    share: float | None = None  # 0..1 of all cases
    dropoff: float | None = None  # share of the cases that reach this touchpoint and end here
    median_seconds: float | None = None
    p90_seconds: float | None = None

    @property
    def empty(self) -> bool:
        """True when no figure is known."""
        return all(v is None for v in (self.cases, self.share, self.dropoff, self.median_seconds, self.p90_seconds))
