"""The data-driven journey: put an event log on a drawn journey and check the drawing against the data."""

from __future__ import annotations

from pathlib import Path
from typing import Literal
from uuid import UUID

import ibis.expr.types as ir

from klantreis.analytics.analyses.filters import Filters
from klantreis.analytics.analyses.prepare import PreparedLog, prepare
from klantreis.analytics.journeymap.findings import Evidence, journey_findings
from klantreis.analytics.journeymap.mapping_file import read_mapping_file
from klantreis.analytics.journeymap.queries import Counts, Spread, activity_events, case_touchpoints, count_journey
from klantreis.analytics.journeymap.results import (
    Conformance,
    JourneyAnalysis,
    OrderViolation,
    SilentTouchpoint,
    Skip,
    StageFigures,
    TouchpointFigures,
    UnmappedActivity,
)
from klantreis.analytics.journeymap.rules import JourneyMapping, TouchpointRef, mapping_from_document
from klantreis.journey.model import JourneyDocument
from klantreis.render.data import TouchpointData

_NO_COUNTS = Counts(touchpoints={}, stages={}, later_reached={}, furthest={}, inversions={})


def journey_from(prepared: PreparedLog, mapping: JourneyMapping) -> JourneyAnalysis:
    """The journey analysis of a prepared log under `mapping`."""
    assigned = mapping.assign(prepared.activities)
    events_by_code, cases = activity_events(prepared)
    assignment = {
        code: (assigned[name].order, assigned[name].stage_order)
        for code, name in enumerate(prepared.activities)
        if name in assigned
    }
    counts = _NO_COUNTS
    if assignment:
        with case_touchpoints(prepared, assignment) as table:
            counts = count_journey(table)
    touchpoints = _touchpoint_figures(mapping, assigned, counts, cases)
    total_events = sum(events_by_code.values())
    unmapped = sorted(
        (
            UnmappedActivity(name, events_by_code.get(code, 0), events_by_code.get(code, 0) / total_events)
            for code, name in enumerate(prepared.activities)
            if name not in assigned and events_by_code.get(code, 0)
        ),
        key=lambda a: (-a.events, a.activity),
    )
    conformance = _conformance(mapping, prepared, assigned, touchpoints, counts, cases, unmapped)
    return JourneyAnalysis(
        touchpoints=touchpoints, stages=_stage_figures(mapping, touchpoints, counts, cases), conformance=conformance
    )


def analyse_journey(
    events: ir.Table,
    document: JourneyDocument,
    *,
    mapping: JourneyMapping | None = None,
    filters: Filters | None = None,
) -> JourneyAnalysis:
    """Per touchpoint and stage: customers reached, drop-off and throughput times; conformance and findings.

    The rules come from `mapping` when given (see `read_mapping_file`), else from the document's touchpoints.
    """
    with prepare(events, filters) as prepared:
        return journey_from(prepared, mapping or mapping_from_document(document))


def load_mapping(document: JourneyDocument, mapping_file: str | Path | None = None, lang: str = "en") -> JourneyMapping:
    """The mapping from a mapping file when given, else the one written in the document."""
    if mapping_file is None:
        return mapping_from_document(document)
    return read_mapping_file(mapping_file, document, lang)


def map_data(analysis: JourneyAnalysis) -> dict[UUID, TouchpointData]:
    """The figures for the journey map's data lane (render.map_fragment(..., data=...))."""
    return {
        t.id: TouchpointData(
            cases=t.cases, share=t.share, dropoff=t.dropoff, median_seconds=t.median_seconds, p90_seconds=t.p90_seconds
        )
        for t in analysis.touchpoints
        if t.has_rules
    }


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _touchpoint_figures(
    mapping: JourneyMapping, assigned: dict[str, TouchpointRef], counts: Counts, cases: int
) -> tuple[TouchpointFigures, ...]:
    figures: list[TouchpointFigures] = []
    for ref in mapping.touchpoints:
        has_rules = bool(mapping.rules_of(ref.id))
        spread = counts.touchpoints.get(ref.order, Spread(0, 0, 0, None, None))
        figures.append(
            TouchpointFigures(
                id=ref.id,
                name=ref.name,
                stage_id=ref.stage_id,
                stage=ref.stage_name,
                order=ref.order,
                has_rules=has_rules,
                cases=spread.cases if has_rules else None,
                share=_share(spread.cases, cases) if has_rules else None,
                dropoff=_share(spread.ended, spread.cases) if spread.cases else None,
                median_seconds=spread.median_seconds,
                p90_seconds=spread.p90_seconds,
                events=spread.events,
                activities=tuple(sorted(name for name, t in assigned.items() if t.id == ref.id)),
                customers_reached=ref.customers_reached,
            )
        )
    return tuple(figures)


def _stage_figures(
    mapping: JourneyMapping, touchpoints: tuple[TouchpointFigures, ...], counts: Counts, cases: int
) -> tuple[StageFigures, ...]:
    figures: list[StageFigures] = []
    for stage in mapping.stages:
        has_rules = any(t.has_rules for t in touchpoints if t.stage_id == stage.id)
        spread = counts.stages.get(stage.order, Spread(0, 0, 0, None, None))
        figures.append(
            StageFigures(
                id=stage.id,
                name=stage.name,
                order=stage.order,
                has_rules=has_rules,
                cases=spread.cases if has_rules else None,
                share=_share(spread.cases, cases) if has_rules else None,
                dropoff=_share(spread.ended, spread.cases) if spread.cases else None,
                median_seconds=spread.median_seconds,
                p90_seconds=spread.p90_seconds,
                events=spread.events,
            )
        )
    return tuple(figures)


def _skips(mapping: JourneyMapping, counts: Counts) -> tuple[Skip, ...]:
    skips: list[Skip] = []
    for ref in mapping.touchpoints:
        if not mapping.rules_of(ref.id):
            continue
        # Cases whose furthest touchpoint lies beyond this one, minus those that also passed here.
        later = sum(cases for furthest, (cases, _) in counts.furthest.items() if furthest > ref.order)
        skipped = later - counts.later_reached.get(ref.order, 0)
        skips.append(Skip(ref.id, ref.name, skipped, later, _share(skipped, later)))
    return tuple(skips)


def _violations(mapping: JourneyMapping, counts: Counts) -> tuple[OrderViolation, ...]:
    by_order = {t.order: t for t in mapping.touchpoints}
    found = [
        OrderViolation(
            earlier_id=by_order[a].id,
            earlier=by_order[a].name,
            later_id=by_order[b].id,
            later=by_order[b].name,
            cases=inverted,
            both=both,
            share=_share(inverted, both),
        )
        for (a, b), (inverted, both) in counts.inversions.items()
    ]
    found.sort(key=lambda v: (-v.cases, by_order_key(mapping, v)))
    return tuple(found)


def by_order_key(mapping: JourneyMapping, violation: OrderViolation) -> tuple[int, int]:
    """(earlier order, later order) of a violation, to break ties in journey order."""
    orders = {t.id: t.order for t in mapping.touchpoints}
    return orders[violation.earlier_id], orders[violation.later_id]


def _silent(
    mapping: JourneyMapping,
    prepared: PreparedLog,
    assigned: dict[str, TouchpointRef],
    touchpoints: tuple[TouchpointFigures, ...],
) -> tuple[tuple[SilentTouchpoint, ...], dict[UUID, str]]:
    silent: list[SilentTouchpoint] = []
    claimed_by: dict[UUID, str] = {}
    for figures in touchpoints:
        if figures.has_rules and figures.cases:
            continue
        reason: Literal["no_rules", "no_events"] = "no_events" if figures.has_rules else "no_rules"
        silent.append(SilentTouchpoint(figures.id, figures.name, figures.stage, reason))
        if figures.has_rules:
            rules = mapping.rules_of(figures.id)
            owners = [
                assigned[a].name for a in prepared.activities if a in assigned and any(r.matches(a) for r in rules)
            ]
            if owners:
                claimed_by[figures.id] = owners[0]
    return tuple(silent), claimed_by


def _conformance(
    mapping: JourneyMapping,
    prepared: PreparedLog,
    assigned: dict[str, TouchpointRef],
    touchpoints: tuple[TouchpointFigures, ...],
    counts: Counts,
    cases: int,
    unmapped: list[UnmappedActivity],
) -> Conformance:
    mapped_cases = sum(total for total, _ in counts.furthest.values())
    fitting_cases = sum(fitting for _, fitting in counts.furthest.values())
    skipped, violations = _skips(mapping, counts), _violations(mapping, counts)
    silent, claimed_by = _silent(mapping, prepared, assigned, touchpoints)
    names = {t.id: t.name for t in mapping.touchpoints}
    unused = tuple(
        {**rule.to_dict(), "touchpoint_name": names[rule.touchpoint]}
        for rule in mapping.unused_rules(prepared.activities)
    )
    evidence = Evidence(touchpoints, mapped_cases, fitting_cases, skipped, violations, unmapped, silent, claimed_by)
    return Conformance(
        cases=cases,
        mapped_cases=mapped_cases,
        fitting_cases=fitting_cases,
        fitting_share=fitting_cases / mapped_cases if mapped_cases else None,
        skipped=skipped,
        order_violations=violations,
        unmapped_activities=tuple(unmapped),
        touchpoints_without_events=silent,
        unused_rules=unused,
        findings=journey_findings(evidence),
    )
