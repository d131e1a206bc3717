"""Tables below the map: ranked improvement potential, the employee mirror, loose improvements, evidence."""

from __future__ import annotations

from uuid import UUID

from klantreis.journey.explain import explain
from klantreis.journey.mirror_gap import BLIND_SPOT_GAP, BlindSpot, mirror_report
from klantreis.journey.potential import improvement_potential
from klantreis.render import formatting as fmt
from klantreis.render.colours import rating_tone
from klantreis.render.view import Scope, Table, TableCell

TOP = 10


def tables(scope: Scope) -> tuple[Table, ...]:
    """Every table that has something to show, in a fixed order."""
    found = [_potential(scope), _mirror(scope), _unlinked(scope), _evidence(scope)]
    return tuple(table for table in found if table is not None)


def _potential(scope: Scope) -> Table | None:
    ranked = [p for p in improvement_potential(scope.document) if p.score > 0][:TOP]
    if not ranked:
        return None
    lang = scope.lang
    stages = {s.id: s.name for s in scope.document.stages}
    rows = []
    for rank, item in enumerate(ranked, start=1):
        reach = fmt.percent(item.reach, lang)
        if not item.reach_known:
            reach += f" ({scope.t('assumed')})"
        rows.append(
            (
                TableCell(str(rank)),
                TableCell(item.name),
                TableCell(stages.get(item.stage, "")),
                TableCell(fmt.signed(item.gap, lang)),
                TableCell(reach),
                TableCell(fmt.number(item.weight, lang)),
                TableCell(fmt.number(item.score, lang), tone="score"),
            )
        )
    headers = ("#", "touchpoint", "stage", "gap", "reach", "weight", "score")
    return Table(
        key="potential",
        title=scope.t("improvement_potential"),
        intro=scope.t("potential_intro"),
        headers=tuple("#" if h == "#" else scope.t(h) for h in headers),
        rows=tuple(rows),
        numeric=frozenset({0, 3, 4, 5, 6}),
    )


def _rating(value: float | None, scope: Scope) -> TableCell:
    if value is None:
        return TableCell(scope.t("not_rated"), tone="muted")
    return TableCell(fmt.rating_text(value, scope.lang), tone=rating_tone(value))


def _mirror(scope: Scope) -> Table | None:
    document = scope.document
    if not document.mirror:
        return None
    report = mirror_report(document)
    order = {t.id: index for index, (_, t) in enumerate(document.touchpoints())}
    names = {t.id: t.name for _, t in document.touchpoints()}
    entries = {e.id: e for e in document.mirror}
    rows = []
    for gap in sorted(report.gaps, key=lambda g: order.get(g.touchpoint, len(order))):
        entry = entries[gap.entry]
        persona = scope.names.get(entry.persona, "") if entry.persona else scope.t("all_personas")
        difference = TableCell("–", tone="muted")
        if gap.gap is not None:
            tone = "bad" if abs(gap.gap) >= BLIND_SPOT_GAP else ""
            difference = TableCell(fmt.signed(gap.gap, scope.lang), tone=tone)
        remarks = [f"{scope.t('helps')}: {', '.join(entry.helps)}"] if entry.helps else []
        if entry.blocks:
            remarks.append(f"{scope.t('blocks')}: {', '.join(entry.blocks)}")
        if entry.own_experience.strip():
            remarks.insert(0, entry.own_experience)
        rows.append(
            (
                TableCell(names.get(gap.touchpoint, "")),
                TableCell(gap.employee_group),
                TableCell(persona),
                _rating(gap.actual, scope),
                _rating(gap.estimated, scope),
                difference,
                _rating(entry.own_rating, scope) if entry.own_rating is not None else TableCell(""),
                TableCell(" · ".join(remarks)),
            )
        )
    headers = (
        "touchpoint",
        "employee_group",
        "persona",
        "customers_say",
        "employees_estimate",
        "difference",
        "own_rating",
        "helps",
    )
    labels = [scope.t(h) for h in headers]
    labels[-1] = f"{scope.t('helps')} / {scope.t('blocks')}"
    intro = scope.t("mirror_intro")
    if report.accuracy is not None:
        intro += f" {scope.t('accuracy')}: {fmt.percent(report.accuracy, scope.lang)}."
    spots = tuple(f"{names.get(s.touchpoint, s.name)}: {_blind_spot(s, scope.lang)}" for s in report.blind_spots)
    return Table(
        key="mirror",
        title=scope.t("employee_mirror"),
        intro=intro,
        headers=tuple(labels),
        rows=tuple(rows),
        numeric=frozenset({5}),
        notes_title=scope.t("blind_spots"),
        notes=spots or (scope.t("no_blind_spots"),),
    )


def _blind_spot(spot: BlindSpot, lang: str) -> str:
    """The blind spot's sentence with ratings written the language's way (−1,5 in Dutch)."""
    estimated = "" if spot.estimated is None else fmt.signed(spot.estimated, lang)
    return explain(spot.code, lang, group=spot.group, estimated=estimated, actual=fmt.signed(spot.actual, lang))


def _unlinked(scope: Scope) -> Table | None:
    touchpoints: set[UUID] = {t.id for _, t in scope.document.touchpoints()}
    loose = [i for i in scope.document.improvements if not set(i.touchpoints) & touchpoints]
    if not loose:
        return None
    rows = tuple(
        (TableCell(i.title), TableCell(i.status.label(scope.lang), tone=f"status-{i.status}"), TableCell(i.owner))
        for i in loose
    )
    headers = (scope.t("improvements"), scope.t("status"), scope.t("owner"))
    return Table(key="improvements", title=scope.t("unlinked_improvements"), intro="", headers=headers, rows=rows)


def _evidence(scope: Scope) -> Table | None:
    document = scope.document
    if not document.evidence:
        return None
    names = _supportable_names(scope)
    rows = tuple(
        (
            TableCell(item.title + (f" — {item.summary}" if item.summary else "")),
            TableCell(item.kind.label(scope.lang)),
            TableCell(item.collected_on.isoformat() if item.collected_on else ""),
            TableCell("" if item.respondents is None else fmt.number(item.respondents, scope.lang)),
            TableCell(", ".join(names.get(ref, str(ref)) for ref in item.supports)),
            TableCell(item.source),
        )
        for item in document.evidence
    )
    headers = tuple(scope.t(h) for h in ("evidence_title", "evidence_kind", "collected_on", "respondents", "supports"))
    return Table(
        key="evidence",
        title=scope.t("evidence"),
        intro=scope.t("evidence_intro"),
        headers=(*headers, scope.t("source")),
        rows=rows,
        numeric=frozenset({3}),
    )


def _supportable_names(scope: Scope) -> dict[UUID, str]:
    """Display names of everything a piece of evidence can back."""
    document = scope.document
    names: dict[UUID, str] = {p.id: p.name for p in document.personas}
    for stage in document.stages:
        names[stage.id] = stage.name
        for touchpoint in stage.touchpoints:
            names[touchpoint.id] = touchpoint.name
            names.update({item.id: item.title for item in touchpoint.pain_points})
            names.update({item.id: item.title for item in touchpoint.opportunities})
    names.update({i.id: i.title for i in document.improvements})
    return names
