"""Filters applied to the event table before any analysis: time window, case attributes, activities, support."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

import ibis
import ibis.expr.types as ir

from klantreis.analytics.analyses.dialect import ordered_collect

TimeMode = Literal["cases_starting", "events_within"]

_CASE, _ACTIVITY, _TIMESTAMP, _POSITION = "case_id", "activity", "timestamp", "position"


@dataclass(frozen=True)
class Filters:
    """Which part of an event log to analyse; the defaults keep everything.

    - `time_from` / `time_until` (until is exclusive; naive datetimes are UTC) select either the
      cases that start in the window (`time_mode="cases_starting"`, whole cases are kept) or only
      the events inside it (`time_mode="events_within"`).
    - `case_attributes` keeps cases whose attribute (column `case:<name>`, or `<name>` itself)
      takes one of the given values.
    - `activities` keeps only the events of these activities (other events disappear, so
      transitions are between the remaining events).
    - `min_variant_cases` keeps only the cases whose variant occurs in at least that many cases.
    - `min_transition_count` leaves directly-follows transitions seen fewer times out of the results.
    """

    time_from: datetime | None = None
    time_until: datetime | None = None
    time_mode: TimeMode = "cases_starting"
    case_attributes: Mapping[str, Sequence[Any]] = field(default_factory=dict)
    activities: Sequence[str] | None = None
    min_variant_cases: int = 1
    min_transition_count: int = 1

    def __post_init__(self) -> None:
        if self.time_mode not in ("cases_starting", "events_within"):
            raise ValueError(f"time_mode must be 'cases_starting' or 'events_within', not {self.time_mode!r}")
        if self.min_variant_cases < 1 or self.min_transition_count < 1:
            raise ValueError("minimum supports count cases or transitions and must be at least 1")
        if self.activities is not None and isinstance(self.activities, str):
            raise ValueError("activities must be a list of activity names, not one string")

    @property
    def keeps_whole_cases(self) -> bool:
        """Whether every case is kept or dropped as a whole (no filter removes single events)."""
        windowed = self.time_from is not None or self.time_until is not None
        return self.activities is None and not (windowed and self.time_mode == "events_within")


def apply_filters(events: ir.Table, filters: Filters) -> ir.Table:
    """The event table restricted by `filters` (an Ibis expression; nothing is executed)."""
    table = events
    if filters.time_from is not None or filters.time_until is not None:
        table = _time_window(table, filters)
    for name, values in filters.case_attributes.items():
        table = _case_attribute(table, name, values)
    if filters.activities is not None:
        table = table.filter(table[_ACTIVITY].isin(list(filters.activities)))
    if filters.min_variant_cases > 1:
        table = _frequent_variants(table, filters.min_variant_cases)
    return table


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _within(value: ir.TimestampValue, filters: Filters) -> ir.BooleanValue:
    condition: ir.BooleanValue = ibis.literal(True)
    # Literals in the column's own type: Spark's timestamps carry no zone, DuckDB's and PostgreSQL's do.
    if filters.time_from is not None:
        condition &= value >= ibis.literal(_utc(filters.time_from)).cast(value.type())
    if filters.time_until is not None:
        condition &= value < ibis.literal(_utc(filters.time_until)).cast(value.type())
    return condition


def _time_window(table: ir.Table, filters: Filters) -> ir.Table:
    if filters.time_mode == "events_within":
        return table.filter(_within(table[_TIMESTAMP], filters))
    starts = table.group_by(_CASE).aggregate(start=table[_TIMESTAMP].min())
    kept = starts.filter(_within(starts.start, filters))
    return _keep_cases(table, kept)


def _case_attribute(table: ir.Table, name: str, values: Sequence[Any]) -> ir.Table:
    column = name if name in table.columns else f"case:{name}"
    if column not in table.columns:
        available = sorted(c.removeprefix("case:") for c in table.columns if c.startswith("case:"))
        raise ValueError(
            f"no case attribute {name!r} in the event table; case attributes: {', '.join(available) or 'none'}"
        )
    if isinstance(values, str):
        values = [values]
    # Keep whole cases: a case attribute may be filled on only some of a case's events (CSV logs).
    return _keep_cases(table, table.filter(table[column].isin(list(values))))


def _frequent_variants(table: ir.Table, min_cases: int) -> ir.Table:
    dated = table.filter(table[_TIMESTAMP].notnull())
    sequence = ordered_collect(dated, dated[_ACTIVITY], [dated[_TIMESTAMP], dated[_POSITION]])
    cases = dated.group_by(_CASE).aggregate(variant=sequence)
    support = cases.group_by("variant").aggregate(cases=cases.count())
    frequent = cases.join(support.filter(support.cases >= min_cases), "variant")
    return _keep_cases(table, frequent)


def _keep_cases(table: ir.Table, cases: ir.Table) -> ir.Table:
    # IN (subquery) rather than a semi join: Ibis spells semi joins in a way PostgreSQL rejects.
    return table.filter(table[_CASE].isin(cases[_CASE]))
