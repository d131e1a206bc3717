"""The standalone HTML analysis report: inline CSS and SVG only, every value from the data escaped."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from klantreis.analytics.analyses.bundle import Bundle
from klantreis.analytics.analyses.funnel import Funnel
from klantreis.analytics.journeymap.analyse import map_data
from klantreis.analytics.journeymap.results import JourneyAnalysis
from klantreis.analytics.report.charts import histogram_svg
from klantreis.analytics.report.formatting import compact_duration, count, share
from klantreis.analytics.report.processmap import process_map_svg, select_graph
from klantreis.analytics.report.texts import TEXTS, t
from klantreis.journey.model import JourneyDocument
from klantreis.render import map_fragment, stylesheet


@dataclass(frozen=True)
class JourneyPart:
    """A journey document and its analysis, for the report's journey sections."""

    document: JourneyDocument
    analysis: JourneyAnalysis


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("klantreis.analytics.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@cache
def report_css() -> str:
    """The report's own stylesheet."""
    return resources.files("klantreis.analytics.report").joinpath("templates/report.css").read_text("utf-8")


def render_report(
    bundle: Bundle,
    *,
    lang: str = "en",
    source: str = "",
    title: str | None = None,
    filters: Sequence[str] = (),
    funnel: Funnel | None = None,
    journey: JourneyPart | None = None,
    top: int = 10,
) -> str:
    """The report as one HTML5 page that opens offline (no scripts, fonts, images or links to fetch)."""
    tx = SimpleNamespace(**{key: t(key, lang) for key in TEXTS})
    graph = select_graph(
        bundle.activities.activities,
        bundle.transitions.transitions,
        bundle.overview.start_activities,
        bundle.overview.end_activities,
        bundle.variants.top,
    )
    css = report_css() + ("\n" + stylesheet() if journey is not None else "")
    context: dict[str, Any] = {
        "lang": lang,
        "tx": tx,
        "title": title or (t("journey_title", lang) if journey else t("title", lang)),
        "source": source,
        "filters": list(filters),
        "css": Markup(css),
        "contents": _contents(lang, funnel is not None, journey is not None),
        "figures": _figures(bundle, lang),
        "start_end": _start_end(bundle, lang),
        "process_map": Markup(
            process_map_svg(graph, lang=lang, start_label=t("start", lang), end_label=t("end", lang))
        ),
        "process_map_intro": t(
            "process_map_intro",
            lang,
            nodes=len(graph.nodes),
            all_nodes=graph.all_nodes,
            edges=sum(1 for e in graph.edges if not e.source.startswith("\0") and not e.target.startswith("\0")),
            all_edges=graph.all_edges,
        ),
        "funnel": _funnel(funnel, lang) if funnel is not None else None,
        "variants": _variants(bundle, lang, top),
        "variants_intro": t(
            "variants_intro",
            lang,
            shown=min(top, len(bundle.variants.top)),
            total=count(bundle.variants.total, lang),
            share=share(sum(v.share for v in bundle.variants.top[:top]), lang),
        ),
        "durations": _durations(bundle, lang),
        "histogram": Markup(histogram_svg(bundle.case_durations.histogram, lang=lang, label=t("case_duration", lang))),
        "activities": _activities(bundle, lang),
        "transitions": _transitions(bundle, lang, top * 2),
        "journey": _journey(journey, lang) if journey is not None else None,
    }
    return _environment().get_template("report.html").render(**context)


def write_report(path: str | Path, bundle: Bundle, **options: Any) -> None:
    """Write the report (see `render_report` for the options) as UTF-8."""
    Path(path).write_text(render_report(bundle, **options), encoding="utf-8")


def _contents(lang: str, funnel: bool, journey: bool) -> list[tuple[str, str]]:
    items = [("overview", t("overview", lang))]
    if journey:
        items += [("journey", t("journey_title", lang)), ("conformance", t("conformance", lang))]
    items.append(("process-map", t("process_map", lang)))
    if funnel:
        items.append(("funnel", t("funnel", lang)))
    items += [
        ("variants", t("top_variants", lang)),
        ("durations", t("durations", lang)),
        ("activities", t("activity_table", lang)),
    ]
    return items


def _figures(bundle: Bundle, lang: str) -> list[tuple[str, str]]:
    overview, statistics = bundle.overview, bundle.case_durations.statistics
    first = overview.first_timestamp.strftime("%Y-%m-%d") if overview.first_timestamp else "–"
    last = overview.last_timestamp.strftime("%Y-%m-%d") if overview.last_timestamp else "–"
    return [
        (t("cases", lang), count(overview.cases, lang)),
        (t("events", lang), count(overview.events, lang)),
        (t("activities", lang), count(overview.activities, lang)),
        (t("variants", lang), count(overview.variants, lang)),
        (t("first_event", lang), first),
        (t("last_event", lang), last),
        (f"{t('case_duration', lang)} ({t('median', lang).lower()})", compact_duration(statistics.median, lang)),
    ]


def _start_end(bundle: Bundle, lang: str) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    starts = [(a.activity, count(a.count, lang)) for a in bundle.overview.start_activities[:10]]
    ends = [(a.activity, count(a.count, lang)) for a in bundle.overview.end_activities[:10]]
    return list(itertools.zip_longest(starts, ends, fillvalue=("", "")))


def _durations(bundle: Bundle, lang: str) -> list[tuple[str, str]]:
    s = bundle.case_durations.statistics
    pairs = [("mean", s.mean), ("median", s.median), ("p10", s.p10), ("p90", s.p90), ("min", s.min), ("max", s.max)]
    return [(t(key, lang), compact_duration(value, lang)) for key, value in pairs]


def _funnel(funnel: Funnel, lang: str) -> dict[str, Any]:
    window = (
        "" if funnel.window_seconds is None else t("window", lang, window=compact_duration(funnel.window_seconds, lang))
    )
    widest = max((s.entered for s in funnel.steps), default=0) or 1
    return {
        "intro": t("funnel_intro", lang, mode=t(f"mode_{funnel.mode}", lang), window=window),
        "steps": [
            {
                "activity": step.activity,
                "entered": count(step.entered, lang),
                "width": f"{100 * step.entered / widest:.1f}",
                "conversion": share(step.conversion_rate, lang),
                "overall": share(step.overall_conversion_rate, lang),
                "drop_off": count(step.drop_off, lang),
                "time": compact_duration(step.median_seconds_to_convert, lang),
            }
            for step in funnel.steps
        ],
    }


def _variants(bundle: Bundle, lang: str, top: int) -> list[dict[str, Any]]:
    return [
        {
            "count": count(v.count, lang),
            "share": share(v.share, lang),
            "duration": compact_duration(v.median_duration_seconds, lang),
            "activities": list(v.activities),
        }
        for v in bundle.variants.top[:top]
    ]


def _activities(bundle: Bundle, lang: str) -> list[dict[str, str]]:
    return [
        {
            "activity": a.activity,
            "events": count(a.events, lang),
            "cases": count(a.cases, lang),
            "share": share(a.case_share, lang),
            "rework": count(a.cases_with_repeats, lang),
            "to_next": compact_duration(a.median_seconds_to_next, lang),
        }
        for a in bundle.activities.activities
    ]


def _transitions(bundle: Bundle, lang: str, top: int) -> list[dict[str, str]]:
    return [
        {
            "source": tr.source,
            "target": tr.target,
            "count": count(tr.count, lang),
            "cases": count(tr.cases, lang),
            "median": compact_duration(tr.median_seconds, lang),
            "mean": compact_duration(tr.mean_seconds, lang),
        }
        for tr in bundle.transitions.transitions[:top]
    ]


def _journey(part: JourneyPart, lang: str) -> dict[str, Any]:
    analysis, conformance = part.analysis, part.analysis.conformance
    fragment = map_fragment(part.document, lang=lang, data=map_data(analysis), include_css=False, photos="data")
    return {
        "title": part.document.title,
        "map": Markup(fragment),
        "findings": [
            {"severity": f.severity, "severity_label": t(f"severity_{f.severity}", lang), "text": f.message(lang)}
            for f in analysis.findings
        ],
        "touchpoints": [
            {
                "stage": tp.stage,
                "name": tp.name,
                "note": "" if tp.has_rules and tp.cases else t("no_rules" if not tp.has_rules else "no_events", lang),
                "cases": count(tp.cases, lang),
                "share": share(tp.share, lang),
                "dropoff": share(tp.dropoff, lang),
                "median": compact_duration(tp.median_seconds, lang),
                "p90": compact_duration(tp.p90_seconds, lang),
                "events": count(tp.events, lang),
            }
            for tp in analysis.touchpoints
        ],
        "stages": [
            {
                "name": stage.name,
                "cases": count(stage.cases, lang),
                "share": share(stage.share, lang),
                "dropoff": share(stage.dropoff, lang),
                "median": compact_duration(stage.median_seconds, lang),
                "p90": compact_duration(stage.p90_seconds, lang),
                "events": count(stage.events, lang),
            }
            for stage in analysis.stages
        ],
        "fitting": share(conformance.fitting_share, lang),
        "mapped_cases": count(conformance.mapped_cases, lang),
        "violations": [
            {
                "earlier": v.earlier,
                "later": v.later,
                "cases": count(v.cases, lang),
                "both": count(v.both, lang),
                "share": share(v.share, lang),
            }
            for v in conformance.order_violations
        ],
        "skipped": [
            {"name": s.name, "cases": count(s.cases, lang), "share": share(s.share, lang)}
            for s in conformance.skipped
            if s.cases
        ],
        "unmapped": [
            {"activity": a.activity, "events": count(a.events, lang), "share": share(a.share_of_events, lang)}
            for a in conformance.unmapped_activities
        ],
        "silent": [
            {"stage": s.stage, "name": s.name, "reason": t(s.reason, lang)}
            for s in conformance.touchpoints_without_events
        ],
    }
