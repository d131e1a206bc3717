"""Case durations and throughput times between two activities: statistics and histograms."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import ibis.expr.types as ir

from klantreis.analytics.analyses.cases import case_ends
from klantreis.analytics.analyses.filters import Filters
from klantreis.analytics.analyses.prepare import CASE, PreparedLog, prepare
from klantreis.analytics.analyses.stats import (
    Distribution,
    HistogramBin,
    distribution_aggregates,
    distribution_from_row,
    histogram,
    histogram_bins,
)

Occurrence = Literal["first", "last"]

_EMPTY = Distribution(count=0, mean=None, median=None, p10=None, p90=None, min=None, max=None)


@dataclass(frozen=True)
class Durations:
    """A distribution of durations in seconds with its histogram."""

    statistics: Distribution
    histogram: tuple[HistogramBin, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready statistics and histogram."""
        return {**self.statistics.to_dict(), "histogram": [b.to_dict() for b in self.histogram]}


@dataclass(frozen=True)
class Throughput:
    """Time from one activity to another per case, over the cases where the target follows the source."""

    source: str
    target: str
    source_occurrence: Occurrence
    target_occurrence: Occurrence
    durations: Durations

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready throughput times."""
        return {
            "source": self.source,
            "target": self.target,
            "source_occurrence": self.source_occurrence,
            "target_occurrence": self.target_occurrence,
            **self.durations.to_dict(),
        }


def durations_of(table: ir.Table, microseconds: ir.IntegerValue, *, bins: int = 20) -> Durations:
    """Statistics and equal-width histogram of durations given in integer microseconds (two small queries)."""
    if bins < 1:
        raise ValueError("a histogram needs at least one bin")
    seconds = microseconds.cast("float64") / 1e6
    aggregates = distribution_aggregates(seconds, "d")
    row: dict[str, Any] = (
        table.aggregate(low=microseconds.min(), high=microseconds.max(), **aggregates).to_pyarrow().to_pylist()[0]
    )
    statistics = distribution_from_row(row, "d")
    if statistics.count == 0:
        return Durations(statistics=statistics, histogram=())
    low, high = int(row["low"]), int(row["high"])
    # Bin edges from the first query make the second one trivial (a window-based single query
    # costs more to build and compile than it saves).
    counted: list[dict[str, Any]] = histogram(table, microseconds, bins, low, high).to_pyarrow().to_pylist()
    counts = {int(r["bin"]): int(r["count"]) for r in counted if r["bin"] is not None}
    return Durations(statistics=statistics, histogram=tuple(histogram_bins(counts, bins, low, high)))


def case_durations_from(prepared: PreparedLog, *, bins: int = 20, ends: ir.Table | None = None) -> Durations:
    """Case durations (last minus first timestamp) of a prepared log (from `ends`, see `case_ends`, when given)."""
    table = case_ends(prepared) if ends is None else ends
    return durations_of(table, table.duration_us, bins=bins)


def analyse_case_durations(events: ir.Table, *, bins: int = 20, filters: Filters | None = None) -> Durations:
    """Case durations in seconds: mean, median, p10, p90, min, max and an equal-width histogram."""
    with prepare(events, filters) as prepared:
        return case_durations_from(prepared, bins=bins)


def _occurrence(prepared: PreparedLog, activity: str, occurrence: Occurrence, prefix: str) -> ir.Table:
    steps = prepared.steps
    code = prepared.activities.index(activity)
    chosen = steps.filter(steps.code == code)
    # Timestamps never decrease with rank inside a case, so the first (last) rank has the min (max) time.
    if occurrence == "first":
        return chosen.group_by(CASE).aggregate(
            **{f"{prefix}_rank": chosen["rank"].min(), f"{prefix}_us": chosen.us.min()}
        )
    return chosen.group_by(CASE).aggregate(**{f"{prefix}_rank": chosen["rank"].max(), f"{prefix}_us": chosen.us.max()})


def throughput_from(
    prepared: PreparedLog,
    source: str,
    target: str,
    *,
    source_occurrence: Occurrence = "first",
    target_occurrence: Occurrence = "first",
    bins: int = 20,
) -> Throughput:
    """Throughput time from `source` to `target` per case of a prepared log."""
    for occurrence in (source_occurrence, target_occurrence):
        if occurrence not in ("first", "last"):
            raise ValueError(f"occurrence must be 'first' or 'last', not {occurrence!r}")
    if source not in prepared.activities or target not in prepared.activities:
        # An activity that never happens (after filtering) simply has no throughput times.
        return Throughput(source, target, source_occurrence, target_occurrence, Durations(_EMPTY, ()))
    starts = _occurrence(prepared, source, source_occurrence, "source")
    ends = _occurrence(prepared, target, target_occurrence, "target")
    pairs = starts.join(ends, CASE)
    # Only cases where the chosen target occurrence comes after the chosen source occurrence.
    pairs = pairs.filter(pairs.target_rank > pairs.source_rank)
    durations = durations_of(pairs, pairs.target_us - pairs.source_us, bins=bins)
    return Throughput(source, target, source_occurrence, target_occurrence, durations)


def analyse_throughput(
    events: ir.Table,
    source: str,
    target: str,
    *,
    source_occurrence: Occurrence = "first",
    target_occurrence: Occurrence = "first",
    bins: int = 20,
    filters: Filters | None = None,
) -> Throughput:
    """Throughput time per case between two activities (first or last occurrence of each)."""
    with prepare(events, filters) as prepared:
        return throughput_from(
            prepared,
            source,
            target,
            source_occurrence=source_occurrence,
            target_occurrence=target_occurrence,
            bins=bins,
        )
