"""Plain-language findings, in English and Dutch, where the event data contradicts (or confirms) the drawn journey.

Every finding has a kind, a severity (high, medium, low), the numbers behind it and one sentence per
language; Dutch uses the method's terms (klantreis, fase, contactmoment, uitval). The list is
deterministic: most severe first, then by kind in the order below, then by size.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from uuid import UUID

from klantreis.analytics.journeymap.results import (
    Finding,
    OrderViolation,
    Severity,
    SilentTouchpoint,
    Skip,
    TouchpointFigures,
    UnmappedActivity,
)
from klantreis.render.formatting import number, percent

# Which findings are worth a sentence, and how severe they are. Shares are fractions 0..1.
FIT_HIGH, FIT_MEDIUM = 0.5, 0.8  # drawn order followed by fewer than this share of cases
ORDER_MIN_SHARE, ORDER_MEDIUM, ORDER_HIGH = 0.10, 0.25, 0.50
SKIP_MIN_SHARE, SKIP_HIGH = 0.25, 0.50
UNMAPPED_MEDIUM, UNMAPPED_HIGH = 0.01, 0.10
DROPOFF_MEDIUM, DROPOFF_HIGH = 0.10, 0.30
REACH_MIN_DIFFERENCE, REACH_MEDIUM = 0.20, 0.50
MAX_PER_KIND = 5  # order violations, skips and unmapped activities beyond this are summarised or left out
# An order violation or skip needs at least this share of the mapped cases (and 2 cases) to be worth a
# sentence: "100% (1 of 1)" is an anecdote, not a finding.
MIN_CASE_SHARE = 0.01

KINDS = (
    "no_rules_at_all",
    "drawn_order",
    "order_violation",
    "biggest_dropoff",
    "skipped_touchpoint",
    "touchpoint_without_events",
    "unmapped_activity",
    "unmapped_activities_more",
    "reach_differs",
    "touchpoints_without_rules",
)
_SEVERITY_RANK: dict[Severity, int] = {"high": 0, "medium": 1, "low": 2}


@dataclass(frozen=True)
class Evidence:
    """What the findings are drawn from."""

    touchpoints: Sequence[TouchpointFigures]
    mapped_cases: int
    fitting_cases: int
    skipped: Sequence[Skip]
    violations: Sequence[OrderViolation]
    unmapped: Sequence[UnmappedActivity]
    silent: Sequence[SilentTouchpoint]
    claimed_by: dict[UUID, str]  # touchpoint without events -> the earlier touchpoint that took its activities


def _q(name: str) -> str:
    return f"'{name}'"


def _n(value: int, lang: str) -> str:
    return number(value, lang)


def _finding(
    kind: str,
    severity: Severity,
    en: str,
    nl: str,
    numbers: dict[str, float | int],
    touchpoints: tuple[UUID, ...] = (),
    activity: str | None = None,
) -> Finding:
    return Finding(kind, severity, {"en": en, "nl": nl}, numbers, touchpoints, activity)


def journey_findings(evidence: Evidence) -> tuple[Finding, ...]:
    """All findings, most severe first."""
    if not any(t.has_rules for t in evidence.touchpoints):
        return (_no_rules_at_all(),) if evidence.touchpoints else ()
    found = [
        *_drawn_order(evidence),
        *_order_violations(evidence.violations, _min_cases(evidence)),
        *_biggest_dropoff(evidence.touchpoints),
        *_skips(evidence, _min_cases(evidence)),
        *_without_events(evidence),
        *_unmapped(evidence.unmapped),
        *_reach_differs(evidence.touchpoints),
        *_without_rules(evidence.silent),
    ]
    # Stable sort: within a severity and kind, the order each producer chose (by size) stays.
    found.sort(key=lambda f: (_SEVERITY_RANK[f.severity], KINDS.index(f.kind)))
    return tuple(found)


def _min_cases(evidence: Evidence) -> int:
    return max(2, math.ceil(MIN_CASE_SHARE * evidence.mapped_cases))


def _no_rules_at_all() -> Finding:
    return _finding(
        "no_rules_at_all",
        "high",
        "No touchpoint has activity rules, so the event data cannot be put on the map; "
        "add activities to the touchpoints or pass a mapping file.",
        "Geen enkel contactmoment heeft activiteitregels, dus de eventdata kan niet op de kaart; "
        "voeg activiteiten toe aan de contactmomenten of geef een koppelbestand mee.",
        {},
    )


def _drawn_order(evidence: Evidence) -> list[Finding]:
    mapped, fitting = evidence.mapped_cases, evidence.fitting_cases
    if mapped == 0:
        return []
    share = fitting / mapped
    severity: Severity = "high" if share < FIT_HIGH else "medium" if share < FIT_MEDIUM else "low"
    numbers: dict[str, float | int] = {"fitting_cases": fitting, "mapped_cases": mapped, "share": share}
    en_only, nl_only = ("only ", "Slechts ") if severity != "low" else ("", "")
    nl_share = percent(share, "nl")
    return [
        _finding(
            "drawn_order",
            severity,
            f"The drawn order is followed by {en_only}{percent(share, 'en')} of cases "
            f"({_n(fitting, 'en')} of the {_n(mapped, 'en')} cases that reach a touchpoint).",
            f"{nl_only}{nl_share if nl_only else nl_share[0].upper() + nl_share[1:]} van de klanten volgt de "
            f"getekende volgorde van de klantreis ({_n(fitting, 'nl')} van de {_n(mapped, 'nl')} klanten "
            "die een contactmoment bereiken).",
            numbers,
        )
    ]


def _order_violations(violations: Sequence[OrderViolation], min_cases: int) -> list[Finding]:
    found: list[Finding] = []
    for v in violations:
        if v.share < ORDER_MIN_SHARE or v.cases < min_cases or len(found) >= MAX_PER_KIND:
            continue
        severity: Severity = "high" if v.share >= ORDER_HIGH else "medium" if v.share >= ORDER_MEDIUM else "low"
        a, b = _q(v.earlier), _q(v.later)
        found.append(
            _finding(
                "order_violation",
                severity,
                f"{percent(v.share, 'en')} of the cases that reach both {a} and {b} "
                f"({_n(v.cases, 'en')} of {_n(v.both, 'en')}) reach {b} before {a}, although the map draws {a} first.",
                f"{percent(v.share, 'nl')} van de klanten die zowel {a} als {b} bereiken "
                f"({_n(v.cases, 'nl')} van {_n(v.both, 'nl')}) komt eerder bij {b} dan bij {a}, "
                f"terwijl de kaart {a} eerst tekent.",
                {"cases": v.cases, "cases_reaching_both": v.both, "share": v.share},
                (v.earlier_id, v.later_id),
            )
        )
    return found


def _biggest_dropoff(touchpoints: Sequence[TouchpointFigures]) -> list[Finding]:
    reached = [t for t in touchpoints if t.cases]
    if not reached:
        return []
    # Cases naturally end in the journey's last stage with data: drop-off there is completion, not loss.
    final_stage = max(reached, key=lambda t: t.order).stage_id
    candidates = [t for t in reached if t.stage_id != final_stage]
    if not candidates:
        return []
    worst = max(candidates, key=lambda t: (round((t.dropoff or 0.0) * (t.cases or 0)), -t.order))
    dropoff, cases = worst.dropoff or 0.0, worst.cases or 0
    ended = round(dropoff * cases)
    if ended == 0:
        return []
    severity: Severity = "high" if dropoff >= DROPOFF_HIGH else "medium" if dropoff >= DROPOFF_MEDIUM else "low"
    name = _q(worst.name)
    return [
        _finding(
            "biggest_dropoff",
            severity,
            f"The map's biggest drop-off is after {name} (stage {_q(worst.stage)}): {_n(ended, 'en')} cases "
            f"({percent(dropoff, 'en')} of those that reach it) go no further on the map.",
            f"De grootste uitval van de klantreis zit na {name} (fase {_q(worst.stage)}): {_n(ended, 'nl')} "
            f"klanten ({percent(dropoff, 'nl')} van wie er komt) komen daarna nergens meer op de kaart.",
            {"cases": ended, "cases_reached": cases, "dropoff": dropoff},
            (worst.id,),
        )
    ]


def _skips(evidence: Evidence, min_cases: int) -> list[Finding]:
    # A touchpoint without events is skipped by everyone; its own finding says so already.
    silent = {s.id for s in evidence.silent}
    ranked = sorted(
        (s for s in evidence.skipped if s.id not in silent and s.cases >= min_cases and s.share >= SKIP_MIN_SHARE),
        key=lambda s: -s.cases,
    )
    found: list[Finding] = []
    for skip in ranked[:MAX_PER_KIND]:
        severity: Severity = "high" if skip.share >= SKIP_HIGH else "medium"
        name = _q(skip.name)
        found.append(
            _finding(
                "skipped_touchpoint",
                severity,
                f"{name} is skipped by {percent(skip.share, 'en')} of the cases that reach a later touchpoint "
                f"({_n(skip.cases, 'en')} of {_n(skip.later_cases, 'en')}).",
                f"{percent(skip.share, 'nl')} van de klanten die een later contactmoment bereiken, slaat {name} over "
                f"({_n(skip.cases, 'nl')} van {_n(skip.later_cases, 'nl')}).",
                {"cases": skip.cases, "cases_reaching_later": skip.later_cases, "share": skip.share},
                (skip.id,),
            )
        )
    return found


def _without_events(evidence: Evidence) -> list[Finding]:
    found: list[Finding] = []
    for silent in evidence.silent:
        if silent.reason != "no_events":
            continue
        name = _q(silent.name)
        owner = evidence.claimed_by.get(silent.id)
        if owner is None:
            en = f"Touchpoint {name} has no events: its activity rules match no activity in the log."
            nl = (
                f"Contactmoment {name} heeft geen gebeurtenissen: "
                "de activiteitregels passen bij geen activiteit in het eventlog."
            )
        else:
            en = (
                f"Touchpoint {name} has no events: the activities its rules match belong to {_q(owner)}, "
                "which comes earlier in the journey."
            )
            nl = (
                f"Contactmoment {name} heeft geen gebeurtenissen: de activiteiten die bij de regels passen, "
                f"horen bij {_q(owner)}, dat eerder in de klantreis komt."
            )
        found.append(_finding("touchpoint_without_events", "medium", en, nl, {"events": 0}, (silent.id,)))
    return found


def _unmapped(unmapped: Sequence[UnmappedActivity]) -> list[Finding]:
    found: list[Finding] = []
    for item in unmapped[:MAX_PER_KIND]:
        share = item.share_of_events
        severity: Severity = "high" if share >= UNMAPPED_HIGH else "medium" if share >= UNMAPPED_MEDIUM else "low"
        name = _q(item.activity)
        found.append(
            _finding(
                "unmapped_activity",
                severity,
                f"Activity {name} ({_n(item.events, 'en')} events, {percent(share, 'en')} of all) is not on the map: "
                "no touchpoint's rules match it.",
                f"Activiteit {name} ({_n(item.events, 'nl')} gebeurtenissen, {percent(share, 'nl')} van alle) staat "
                "niet op de kaart: bij geen enkel contactmoment past een regel.",
                {"events": item.events, "share_of_events": share},
                activity=item.activity,
            )
        )
    rest = unmapped[MAX_PER_KIND:]
    if rest:
        events = sum(item.events for item in rest)
        share = sum(item.share_of_events for item in rest)
        found.append(
            _finding(
                "unmapped_activities_more",
                "low",
                f"{_n(len(rest), 'en')} more activities ({_n(events, 'en')} events, {percent(share, 'en')} of all) "
                "are not on the map either.",
                f"Nog {_n(len(rest), 'nl')} activiteiten ({_n(events, 'nl')} gebeurtenissen, {percent(share, 'nl')} "
                "van alle) staan ook niet op de kaart.",
                {"activities": len(rest), "events": events, "share_of_events": share},
            )
        )
    return found


def _reach_differs(touchpoints: Sequence[TouchpointFigures]) -> list[Finding]:
    found: list[Finding] = []
    for t in touchpoints:
        drawn, measured = t.customers_reached, t.cases
        if not drawn or not measured:
            continue
        difference = (measured - drawn) / drawn
        if abs(difference) < REACH_MIN_DIFFERENCE:
            continue
        severity: Severity = "medium" if abs(difference) >= REACH_MEDIUM else "low"
        en_dir, nl_dir = ("more", "meer") if difference > 0 else ("fewer", "minder")
        name = _q(t.name)
        found.append(
            _finding(
                "reach_differs",
                severity,
                f"The map says {_n(drawn, 'en')} customers reach {name}; the data shows {_n(measured, 'en')} cases "
                f"({percent(abs(difference), 'en')} {en_dir}).",
                f"Volgens de kaart bereiken {_n(drawn, 'nl')} klanten {name}; de data laat {_n(measured, 'nl')} "
                f"klanten zien ({percent(abs(difference), 'nl')} {nl_dir}).",
                {"on_map": drawn, "cases": measured, "difference": difference},
                (t.id,),
            )
        )
    return found


def _without_rules(silent: Sequence[SilentTouchpoint]) -> list[Finding]:
    names = [s.name for s in silent if s.reason == "no_rules"]
    if not names:
        return []
    listed = ", ".join(_q(n) for n in names)
    count = len(names)
    return [
        _finding(
            "touchpoints_without_rules",
            "low",
            f"{count} {'touchpoint has' if count == 1 else 'touchpoints have'} no activity rules, "
            f"so the data cannot show {'it' if count == 1 else 'them'}: {listed}.",
            f"{count} {'contactmoment heeft' if count == 1 else 'contactmomenten hebben'} geen activiteitregels, "
            f"dus de data kan er niets over zeggen: {listed}.",
            {"touchpoints": count},
            tuple(s.id for s in silent if s.reason == "no_rules"),
        )
    ]
