"""Distribution statistics and histograms of durations, as Ibis aggregates and typed results."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import ibis
import ibis.expr.types as ir

_MICROSECONDS = 1_000_000


@dataclass(frozen=True)
class Distribution:
    """Summary of a set of durations in seconds; percentiles interpolate linearly like numpy's default."""

    count: int
    mean: float | None
    median: float | None
    p10: float | None
    p90: float | None
    min: float | None
    max: float | None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready statistics."""
        return asdict(self)


@dataclass(frozen=True)
class HistogramBin:
    """One equal-width bin: durations in [start, end) seconds (the last bin includes its end)."""

    start: float
    end: float
    count: int

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready bin."""
        return asdict(self)


def distribution_aggregates(seconds: ir.FloatingValue, prefix: str) -> dict[str, ir.Scalar]:
    """Aggregates (named `<prefix>_<statistic>`) that `distribution_from_row` reads back."""
    return {
        f"{prefix}_count": seconds.count(),
        f"{prefix}_mean": seconds.mean(),
        # Exact, interpolating percentiles on every backend (never the approximate variants), all
        # three from one sort: median, p10, p90.
        f"{prefix}_quantiles": seconds.quantile([0.5, 0.1, 0.9]),
        f"{prefix}_min": seconds.min(),
        f"{prefix}_max": seconds.max(),
    }


def distribution_from_row(row: dict[str, Any], prefix: str) -> Distribution:
    """A `Distribution` from a result row produced with `distribution_aggregates`."""
    count = int(row.get(f"{prefix}_count") or 0)

    def value(name: str) -> float | None:
        raw = row.get(f"{prefix}_{name}")
        return None if raw is None or count == 0 else float(raw)

    quantiles = row.get(f"{prefix}_quantiles") if count else None
    median, p10, p90 = (None, None, None) if quantiles is None else (float(q) for q in quantiles)
    return Distribution(
        count=count,
        mean=value("mean"),
        median=median,
        p10=p10,
        p90=p90,
        min=value("min"),
        max=value("max"),
    )


def histogram(table: ir.Table, microseconds: ir.IntegerValue, bins: int, low: int, high: int) -> ir.Table:
    """Counts per equal-width bin of integer microseconds over [low, high]: (bin, count); nulls get bin null."""
    # Integer arithmetic keeps bin edges identical on every backend; the maximum joins the last bin,
    # and when all values are equal (width 0, taken as 1) everything falls into the first bin.
    width = max(high - low, 1)
    binned = table.select(bin=ibis.least((microseconds - low) * bins // width, bins - 1))
    return binned.group_by("bin").aggregate(count=binned.count())


def histogram_bins(counts: dict[int, int], bins: int, low: int, high: int) -> list[HistogramBin]:
    """Bins with their edges in seconds, including empty ones, from (bin -> count)."""
    if high <= low:
        return [HistogramBin(start=low / _MICROSECONDS, end=high / _MICROSECONDS, count=sum(counts.values()))]
    width = (high - low) / bins
    return [
        HistogramBin(
            start=(low + index * width) / _MICROSECONDS,
            end=(low + (index + 1) * width) / _MICROSECONDS,
            count=counts.get(index, 0),
        )
        for index in range(bins)
    ]
