"""Assemble the view of a whole map from a journey document."""

from __future__ import annotations

from klantreis.render.cards import header, persona_cards
from klantreis.render.curve import curve_lines
from klantreis.render.lanes import build_lanes
from klantreis.render.sections import tables
from klantreis.render.texts import TEXTS, t
from klantreis.render.view import Column, CurveLegend, MapView, Scope, StageSpan, map_columns


def build_view(scope: Scope) -> MapView:
    """Header, persona cards, stages, columns, lanes and tables of the map in `scope`."""
    columns = _columns(scope)
    lines = curve_lines(scope.document, scope.lang, scope.persona)
    legend = CurveLegend(
        lines=tuple((line.colour, line.label) for line in lines),
        styles=tuple(t(k, scope.lang) for k in ("legend_current", "legend_desired")),
    )
    return MapView(
        lang=scope.lang,
        header=header(scope),
        personas=persona_cards(scope),
        stages=_stages(columns),
        columns=columns,
        lanes=build_lanes(scope, columns),
        legend=legend,
        tables=tables(scope),
        texts={key: t(key, scope.lang) for key in TEXTS},
    )


def _columns(scope: Scope) -> tuple[Column, ...]:
    columns = []
    for stage, touchpoint in map_columns(scope.document):
        if touchpoint is None:
            columns.append(Column(stage, None))
            continue
        lang = scope.lang
        channel = touchpoint.channel
        label = touchpoint.channel_label.strip() or channel.label(lang)
        badges = [touchpoint.effective_medium.label(lang), touchpoint.ownership.label(lang)]
        if touchpoint.ownership != "owned" or touchpoint.influence != "high":
            badges.append(touchpoint.influence.label(lang))
        only_for = ""
        if touchpoint.personas:
            names = [scope.names[p] for p in touchpoint.personas if p in scope.names]
            only_for = f"{t('only_for', lang)} {', '.join(names)}" if names else ""
        columns.append(
            Column(
                stage=stage,
                touchpoint=touchpoint,
                channel=channel,
                channel_label=label,
                badges=tuple(badges),
                only_for=only_for,
                moment_of_truth=touchpoint.moment_of_truth is not None,
            )
        )
    return tuple(columns)


def _stages(columns: tuple[Column, ...]) -> tuple[StageSpan, ...]:
    spans: list[StageSpan] = []
    for index, column in enumerate(columns):
        if spans and columns[index - 1].stage.id == column.stage.id:
            last = spans[-1]
            spans[-1] = StageSpan(last.name, last.description, last.start, last.span + 1)
        else:
            spans.append(StageSpan(column.stage.name, column.stage.description, index, 1))
    return tuple(spans)
