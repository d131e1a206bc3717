"""Event-log analyses written once as Ibis expressions: they run on DuckDB, PostgreSQL, Spark, ..."""

from klantreis.analytics.analyses.activities import Activities, ActivityStats, activities_from, analyse_activities
from klantreis.analytics.analyses.bundle import Bundle, analyse_bundle, run_bundle
from klantreis.analytics.analyses.cases import case_ends, materialised_case_ends, materialised_variants
from klantreis.analytics.analyses.durations import (
    Durations,
    Throughput,
    analyse_case_durations,
    analyse_throughput,
    case_durations_from,
    throughput_from,
)
from klantreis.analytics.analyses.filters import Filters, apply_filters
from klantreis.analytics.analyses.funnel import Funnel, FunnelStep, analyse_funnel, funnel_from
from klantreis.analytics.analyses.overview import ActivityCount, Overview, analyse_overview, overview_from
from klantreis.analytics.analyses.prepare import PreparedLog, prepare
from klantreis.analytics.analyses.stats import Distribution, HistogramBin
from klantreis.analytics.analyses.transitions import Transition, Transitions, analyse_transitions, transitions_from
from klantreis.analytics.analyses.variants import (
    Variant,
    Variants,
    analyse_variants,
    variants_from,
    variants_from_table,
)

__all__ = [
    "Activities",
    "ActivityCount",
    "ActivityStats",
    "Bundle",
    "Distribution",
    "Durations",
    "Filters",
    "Funnel",
    "FunnelStep",
    "HistogramBin",
    "Overview",
    "PreparedLog",
    "Throughput",
    "Transition",
    "Transitions",
    "Variant",
    "Variants",
    "activities_from",
    "analyse_activities",
    "analyse_bundle",
    "analyse_case_durations",
    "analyse_funnel",
    "analyse_overview",
    "analyse_throughput",
    "analyse_transitions",
    "analyse_variants",
    "apply_filters",
    "case_durations_from",
    "case_ends",
    "funnel_from",
    "materialised_case_ends",
    "materialised_variants",
    "overview_from",
    "prepare",
    "run_bundle",
    "throughput_from",
    "transitions_from",
    "variants_from",
    "variants_from_table",
]
