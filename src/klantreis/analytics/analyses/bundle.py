"""The standard analysis bundle: overview, activities, transitions, variants and case durations in few queries."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import ibis.expr.types as ir

from klantreis.analytics.analyses.activities import Activities, ActivityRow, activities_from_rows, activity_rows
from klantreis.analytics.analyses.cases import materialised_case_ends, materialised_variants
from klantreis.analytics.analyses.durations import Durations, case_durations_from
from klantreis.analytics.analyses.filters import Filters
from klantreis.analytics.analyses.overview import Overview, overview_from_rows
from klantreis.analytics.analyses.prepare import PreparedLog, prepare
from klantreis.analytics.analyses.transitions import Transitions, transitions_from
from klantreis.analytics.analyses.variants import Variants, variants_from, variants_from_table

# From this many events on, counting cases via the variant table beats COUNT(DISTINCT) over events
# (measured with DuckDB on 2 cores: slower on BPIC 2012's 262k events, much faster at millions).
LARGE_LOG_EVENTS = 2_000_000


@dataclass(frozen=True)
class Bundle:
    """Everything `klantreis analyze` reports about an event log."""

    overview: Overview
    activities: Activities
    transitions: Transitions
    variants: Variants
    case_durations: Durations

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of `klantreis analyze --json` (keys documented in issue 3)."""
        statistics = self.case_durations.statistics
        return {
            **self.overview.to_dict(),
            "activity_statistics": [a.to_dict() for a in self.activities.activities],
            "dfg": [t.to_dict() for t in self.transitions.transitions],
            "case_duration_seconds": {
                "mean": statistics.mean,
                "median": statistics.median,
                "p10": statistics.p10,
                "p90": statistics.p90,
                "min": statistics.min,
                "max": statistics.max,
            },
            "case_duration_histogram": [b.to_dict() for b in self.case_durations.histogram],
            "top_variants": [v.to_dict() for v in self.variants.top],
        }


def run_bundle(
    events: ir.Table,
    *,
    filters: Filters | None = None,
    top_variants: int = 20,
    histogram_bins: int = 20,
    large_log_events: int = LARGE_LOG_EVENTS,
) -> Bundle:
    """Run overview, activities, transitions, variants and case durations over one ordered view.

    From `large_log_events` events on, the variants are materialised once and the case counts per
    transition and per activity are summed over them instead of counted over every event; a
    presorted log (an imported table) has those counts at hand at any size.
    """
    filters = filters or Filters()
    with prepare(events, filters) as prepared:
        if prepared.presorted:
            rows = activity_rows(prepared)
            transitions = transitions_from(prepared, min_count=filters.min_transition_count)
            # Variants and durations both read one row per case: find those rows once.
            with materialised_case_ends(prepared) as ends:
                variants = variants_from(prepared, top=top_variants, ends=ends)
                durations = case_durations_from(prepared, bins=histogram_bins, ends=ends)
        else:
            rows, transitions, variants = _sorted_parts(prepared, filters, top_variants, large_log_events)
            durations = case_durations_from(prepared, bins=histogram_bins)
    return Bundle(
        overview=overview_from_rows(rows, variants.total),
        activities=activities_from_rows(rows),
        transitions=transitions,
        variants=variants,
        case_durations=durations,
    )


def _sorted_parts(
    prepared: PreparedLog, filters: Filters, top_variants: int, large_log_events: int
) -> tuple[list[ActivityRow], Transitions, Variants]:
    """Activity rows, transitions and variants of a log the analyses sorted themselves."""
    if prepared.events < large_log_events:
        transitions = transitions_from(prepared, min_count=filters.min_transition_count)
        return activity_rows(prepared), transitions, variants_from(prepared, top=top_variants)
    with materialised_variants(prepared) as table:
        rows = activity_rows(prepared, variant_table=table)
        transitions = transitions_from(prepared, min_count=filters.min_transition_count, variant_table=table)
        return rows, transitions, variants_from_table(prepared, table, top=top_variants)


def analyse_bundle(
    events: ir.Table, *, filters: Filters | None = None, top_variants: int = 20, histogram_bins: int = 20
) -> dict[str, Any]:
    """The analysis bundle as a JSON-ready dict (cases, events, activities, variants, dfg, durations, ...)."""
    return run_bundle(events, filters=filters, top_variants=top_variants, histogram_bins=histogram_bins).to_dict()
