"""The lanes of the map, in their fixed order, each a row of cells per touchpoint column."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from uuid import UUID

from klantreis.journey.heuristics import heuristic
from klantreis.journey.moments import MomentSuggestion, suggest_moments_of_truth
from klantreis.journey.touchpoint import Experience, Touchpoint
from klantreis.journey.vocabulary import Emotion, KpiDirection
from klantreis.render import formatting as fmt
from klantreis.render.colours import persona_colour, rating_tone
from klantreis.render.insight import data_entries, fogg_entries, stagecraft_entries
from klantreis.render.view import Cell, Column, Entry, Lane, Scope

CellMaker = Callable[[Touchpoint], list[Entry]]
RATING_SYMBOLS = {-2: "▼", -1: "▼", 0: "●", 1: "▲", 2: "▲"}


def build_lanes(scope: Scope, columns: Sequence[Column]) -> tuple[Lane, ...]:
    """Every non-empty lane in map order, with the line of visibility before the backstage."""
    moments = {m.touchpoint: m for m in suggest_moments_of_truth(scope.document, scope.persona)}
    improvements: dict[UUID, list[Entry]] = {}
    for item in scope.document.improvements:
        entry = Entry(item.title, badge=item.status.label(scope.lang), note=item.owner, tone=f"status-{item.status}")
        for touchpoint_id in item.touchpoints:
            improvements.setdefault(touchpoint_id, []).append(entry)
    has_ratings = any(e.rating is not None or e.desired_rating is not None for c in columns for e in _exp(scope, c))

    def lane(key: str, maker: CellMaker, group: str = "customer") -> Lane:
        cells: tuple[Cell, ...] = tuple(tuple(maker(c.touchpoint)) if c.touchpoint else () for c in columns)
        return Lane(key, scope.t(key), cells, group=group)

    above = [
        lane("customer_action", lambda tp: _actions(scope, tp)),
        lane("expectations", lambda tp: _texts(scope, tp, "expectations", "", "")),
        lane("irritations", lambda tp: _texts(scope, tp, "irritations", "−", "bad")),
        lane("positives", lambda tp: _texts(scope, tp, "positives", "+", "good")),
        lane("quotes", lambda tp: _quotes(scope, tp)),
        Lane("emotion_curve", scope.t("emotion_curve"), kind="curve"),
        lane("emotions", lambda tp: _emotions(scope, tp), "insight"),
        lane("pain_points", _pain_points, "insight"),
        lane("moments_of_truth", lambda tp: _moments(scope, moments.get(tp.id)), "insight"),
        lane("fogg", lambda tp: fogg_entries(scope, tp), "insight"),
        lane("heuristics", lambda tp: _heuristics(scope, tp), "insight"),
        lane("data", lambda tp: data_entries(scope, tp), "data"),
        lane("kpis", lambda tp: _kpis(scope, tp), "insight"),
        lane("improvements", lambda tp: [*improvements.get(tp.id, []), *_opportunities(scope, tp)], "insight"),
        lane("frontstage", lambda tp: stagecraft_entries(scope, tp.frontstage, full=True), "frontstage"),
    ]
    below = [
        lane("backstage_work", lambda tp: _plain([tp.backstage.description]), "backstage"),
        lane("processes", lambda tp: _plain(tp.backstage.processes), "backstage"),
        lane("systems", lambda tp: _plain(tp.backstage.systems), "backstage"),
        lane("departments", lambda tp: _plain(tp.backstage.departments), "backstage"),
        lane("owner", lambda tp: _plain([tp.backstage.owner]), "backstage"),
    ]
    shown = [item for item in above if not item.empty or (item.kind == "curve" and has_ratings)]
    hidden_below = [item for item in below if not item.empty]
    if hidden_below:
        shown.append(Lane("line_of_visibility", scope.t("line_of_visibility"), kind="visibility", group="backstage"))
        shown.extend(hidden_below)
    return tuple(shown)


def _exp(scope: Scope, column: Column) -> list[Experience]:
    return scope.experiences(column.touchpoint) if column.touchpoint else []


def _plain(texts: Sequence[str]) -> list[Entry]:
    return [Entry(text) for text in texts if text.strip()]


def _actions(scope: Scope, tp: Touchpoint) -> list[Entry]:
    entries = _plain([tp.customer_action])
    if tp.between.strip():
        entries.append(Entry(tp.between, label=scope.t("between"), symbol="→", tone="muted"))
    return entries


def _who(scope: Scope, persona: UUID) -> tuple[str, str]:
    name = scope.who(persona)
    return name, persona_colour(scope.document, persona) if name else ""


def _texts(scope: Scope, tp: Touchpoint, attribute: str, symbol: str, tone: str) -> list[Entry]:
    entries = []
    for experience in scope.experiences(tp):
        who, colour = _who(scope, experience.persona)
        for text in getattr(experience, attribute):
            entries.append(Entry(text, who=who, who_colour=colour, symbol=symbol, tone=tone))
    return entries


def _quotes(scope: Scope, tp: Touchpoint) -> list[Entry]:
    entries = []
    for experience in scope.experiences(tp):
        who, colour = _who(scope, experience.persona)
        for quote in experience.quotes:
            entries.append(Entry(f"“{quote.text}”", note=quote.source, who=who, who_colour=colour, tone="quote"))
    return entries


def _emotions(scope: Scope, tp: Touchpoint) -> list[Entry]:
    entries = []
    for experience in scope.experiences(tp):
        who, colour = _who(scope, experience.persona)
        kind = experience.experience_type.label(scope.lang) if experience.experience_type else ""
        desired = ""
        if experience.desired_rating is not None:
            desired = f"{scope.t('desired')}: {fmt.rating_text(experience.desired_rating, scope.lang)}"
        if experience.rating is not None:
            entries.append(
                Entry(
                    fmt.rating_text(experience.rating, scope.lang),
                    label=scope.t("current"),
                    note=desired,
                    badge=kind,
                    who=who,
                    who_colour=colour,
                    tone=rating_tone(experience.rating),
                    symbol=RATING_SYMBOLS[experience.rating],
                )
            )
        elif desired:
            entries.append(Entry(desired, who=who, who_colour=colour, tone="muted", symbol="◇"))
        for emotion in experience.emotions:
            name = emotion.label if emotion.emotion is Emotion.CUSTOM else emotion.emotion.label(scope.lang)
            badge = f"{scope.t('intensity')} {emotion.intensity}/5"
            entries.append(Entry(name, badge=badge, who=who, who_colour=colour, meter=emotion.intensity))
        if experience.notes.strip():
            entries.append(Entry(experience.notes, who=who, who_colour=colour, tone="muted"))
    return entries


def _pain_points(tp: Touchpoint) -> list[Entry]:
    return [
        Entry(
            p.title,
            note=p.description,
            badge=f"{p.severity}/5",
            symbol="!",
            tone="bad" if p.severity >= 4 else "warn",
            meter=p.severity,
        )
        for p in tp.pain_points
    ]


def _moments(scope: Scope, suggestion: MomentSuggestion | None) -> list[Entry]:
    if suggestion is None:
        return []
    entries: list[Entry] = []
    for reason in suggestion.reasons:
        if reason.code == "marked":
            text = str(reason.params.get("reason", ""))
            entries.insert(0, Entry(text, badge=scope.t("marked"), symbol="★", tone="mot"))
        else:
            text = fmt.reason_text(reason, scope.lang)
            entries.append(Entry(text, badge=scope.t("suggested"), symbol="☆", tone="suggested"))
    return entries


def _opportunities(scope: Scope, tp: Touchpoint) -> list[Entry]:
    label = scope.t("opportunity")
    return [Entry(o.title, label=label, note=o.description, symbol="◎", tone="muted") for o in tp.opportunities]


def _heuristic_name(heuristic_id: str, lang: str) -> str:
    try:
        entry = heuristic(heuristic_id)
    except (OSError, ValueError):  # library file missing or unreadable: still show the id
        return heuristic_id
    return entry.name.get(lang) if entry else heuristic_id


def _heuristics(scope: Scope, tp: Touchpoint) -> list[Entry]:
    return [
        Entry(
            _heuristic_name(use.heuristic, scope.lang),
            badge=use.role.label(scope.lang),
            note=use.note,
            symbol="◆" if use.role == "at_play" else "◇",
            tone="heuristic",
        )
        for use in tp.heuristics
    ]


def _kpis(scope: Scope, tp: Touchpoint) -> list[Entry]:
    entries = []
    for kpi in tp.kpis:
        unit = kpi.unit.strip()
        joiner = "" if unit in ("%", "") else " "

        def show(value: float, unit: str = unit, joiner: str = joiner) -> str:
            return f"{fmt.number(value, scope.lang)}{joiner}{unit}"

        text = show(kpi.value) if kpi.value is not None else "–"
        tone, symbol, badge = "", "", ""
        if kpi.value is not None and kpi.target is not None:
            higher = kpi.direction is KpiDirection.HIGHER_IS_BETTER
            met = kpi.value >= kpi.target if higher else kpi.value <= kpi.target
            tone, symbol = ("good", "✓") if met else ("bad", "✗")
            badge = scope.t("target_met" if met else "target_missed")
        note = f"{scope.t('target')} {show(kpi.target)}" if kpi.target is not None else ""
        entries.append(Entry(text, label=kpi.name, note=note, tone=tone, symbol=symbol, badge=badge))
    return entries
