"""The terminal summary of an analysis: rich tables for overview, activities, transitions, variants, journey."""

from __future__ import annotations

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from klantreis.analytics.analyses.bundle import Bundle
from klantreis.analytics.analyses.funnel import Funnel
from klantreis.analytics.journeymap.results import JourneyAnalysis
from klantreis.analytics.report.formatting import compact_duration, count, share
from klantreis.analytics.report.texts import t

_SEVERITY_STYLE = {"high": "bold red", "medium": "yellow", "low": "dim"}


def _table(title: str, *columns: str, numeric: tuple[int, ...] = ()) -> Table:
    table = Table(title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD, pad_edge=False)
    for index, column in enumerate(columns):
        if index in numeric:
            table.add_column(column, justify="right", no_wrap=True)
        else:
            # Names take the room the numbers leave, and wrap at word boundaries.
            table.add_column(column, justify="left", min_width=16, ratio=1, overflow="fold")
    return table


def overview_table(bundle: Bundle, lang: str) -> Table:
    """Cases, events, activities, variants, period and case durations."""
    overview, durations = bundle.overview, bundle.case_durations.statistics
    table = Table(title=t("overview", lang), title_justify="left", title_style="bold", box=None, show_header=False)
    table.add_column(style="dim")
    table.add_column()
    first = overview.first_timestamp.strftime("%Y-%m-%d %H:%M:%S") if overview.first_timestamp else "–"
    last = overview.last_timestamp.strftime("%Y-%m-%d %H:%M:%S UTC") if overview.last_timestamp else "–"
    rows = [
        (t("cases", lang), count(overview.cases, lang)),
        (t("events", lang), count(overview.events, lang)),
        (t("activities", lang), count(overview.activities, lang)),
        (t("variants", lang), count(overview.variants, lang)),
        (t("period", lang), f"{first} – {last}"),
        (
            t("case_duration", lang),
            f"{t('median', lang).lower()} {compact_duration(durations.median, lang)}, "
            f"{t('mean', lang).lower()} {compact_duration(durations.mean, lang)}, "
            f"p10 {compact_duration(durations.p10, lang)}, p90 {compact_duration(durations.p90, lang)}, "
            f"min {compact_duration(durations.min, lang)}, max {compact_duration(durations.max, lang)}",
        ),
    ]
    for label, value in rows:
        table.add_row(label, value)
    return table


def activities_table(bundle: Bundle, lang: str, top: int) -> Table:
    """The most frequent activities."""
    table = _table(
        t("activity_table", lang),
        t("activity", lang),
        t("events", lang),
        t("cases", lang),
        t("short_share", lang),
        t("short_rework", lang),
        t("short_to_next", lang),
        numeric=(1, 2, 3, 4, 5),
    )
    for a in bundle.activities.activities[:top]:
        table.add_row(
            a.activity,
            count(a.events, lang),
            count(a.cases, lang),
            share(a.case_share, lang),
            count(a.cases_with_repeats, lang),
            compact_duration(a.median_seconds_to_next, lang),
        )
    return table


def transitions_table(bundle: Bundle, lang: str, top: int) -> Table:
    """The most frequent directly-follows transitions with their times."""
    table = _table(
        t("transitions", lang),
        t("from", lang),
        t("to", lang),
        t("count", lang),
        t("cases", lang),
        t("short_median", lang),
        t("mean", lang),
        numeric=(2, 3, 4, 5),
    )
    for tr in bundle.transitions.transitions[:top]:
        table.add_row(
            tr.source,
            tr.target,
            count(tr.count, lang),
            count(tr.cases, lang),
            compact_duration(tr.median_seconds, lang),
            compact_duration(tr.mean_seconds, lang),
        )
    return table


def variants_table(bundle: Bundle, lang: str, top: int) -> Table:
    """The most frequent variants."""
    table = _table(
        t("top_variants", lang),
        "#",
        t("cases", lang),
        t("share", lang),
        t("short_median", lang),
        t("sequence", lang),
        numeric=(0, 1, 2, 3),
    )
    for index, v in enumerate(bundle.variants.top[:top], start=1):
        table.add_row(
            str(index),
            count(v.count, lang),
            share(v.share, lang),
            compact_duration(v.median_duration_seconds, lang),
            " → ".join(v.activities),
        )
    return table


def funnel_table(funnel: Funnel, lang: str) -> Table:
    """The funnel's steps with conversion and drop-off."""
    table = _table(
        t("funnel", lang),
        t("step", lang),
        t("entered", lang),
        t("conversion", lang),
        t("overall", lang),
        t("drop_off", lang),
        t("time_to_convert", lang),
        numeric=(1, 2, 3, 4, 5),
    )
    for step in funnel.steps:
        table.add_row(
            step.activity,
            count(step.entered, lang),
            share(step.conversion_rate, lang),
            share(step.overall_conversion_rate, lang),
            count(step.drop_off, lang),
            compact_duration(step.median_seconds_to_convert, lang),
        )
    return table


def touchpoints_table(analysis: JourneyAnalysis, lang: str) -> Table:
    """Per touchpoint with activity rules, grouped by stage: reached, share, drop-off, time to reach, events."""
    table = _table(
        t("touchpoints", lang),
        t("touchpoint", lang),
        t("short_reached", lang),
        t("short_share", lang),
        t("dropoff", lang),
        t("short_median", lang),
        t("short_p90", lang),
        t("short_events", lang),
        numeric=(1, 2, 3, 4, 5, 6),
    )
    table.caption = t("time_note", lang)
    table.caption_justify = "left"
    stage = None
    for tp in analysis.touchpoints:
        if not tp.has_rules:
            continue
        if tp.stage != stage:
            stage = tp.stage
            table.add_row(Text(f"{t('stage', lang)}: {stage}", style="bold"))
        table.add_row(
            f"  {tp.name}",
            count(tp.cases, lang),
            share(tp.share, lang),
            share(tp.dropoff, lang),
            compact_duration(tp.median_seconds, lang),
            compact_duration(tp.p90_seconds, lang),
            count(tp.events, lang),
        )
    return table


def findings_block(analysis: JourneyAnalysis, lang: str) -> RenderableType:
    """The conformance headline and the findings, most severe first."""
    conformance = analysis.conformance
    lines: list[RenderableType] = [
        Text(t("findings", lang), style="bold"),
        Text(
            f"{t('fitting', lang)}: {share(conformance.fitting_share, lang)} "
            f"({count(conformance.fitting_cases, lang)} / {count(conformance.mapped_cases, lang)})"
        ),
    ]
    for finding in analysis.findings:
        line = Text("• ")
        line.append(f"[{t('severity_' + finding.severity, lang)}] ", style=_SEVERITY_STYLE[finding.severity])
        line.append(finding.message(lang))
        lines.append(line)
    return Group(*lines)


def print_summary(
    console: Console,
    bundle: Bundle,
    *,
    lang: str = "en",
    top: int = 10,
    funnel: Funnel | None = None,
    journey: JourneyAnalysis | None = None,
) -> None:
    """Print the whole terminal summary."""
    console.print(overview_table(bundle, lang))
    console.print(activities_table(bundle, lang, top))
    console.print(transitions_table(bundle, lang, top))
    console.print(variants_table(bundle, lang, top))
    if funnel is not None:
        console.print(funnel_table(funnel, lang))
    if journey is not None:
        console.print(touchpoints_table(journey, lang))
        console.print(findings_block(journey, lang))
