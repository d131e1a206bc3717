"""Standalone HTML reports of an event-log analysis (and of a data-driven journey), opening offline.

from klantreis.analytics.report import JourneyPart, render_report
html = render_report(run_bundle(events), lang="nl", journey=JourneyPart(document, analysis))
"""

from klantreis.analytics.report.build import JourneyPart, render_report, write_report
from klantreis.analytics.report.formatting import compact_duration
from klantreis.analytics.report.processmap import ProcessGraph, process_map_svg, select_graph

__all__ = [
    "JourneyPart",
    "ProcessGraph",
    "compact_duration",
    "process_map_svg",
    "render_report",
    "select_graph",
    "write_report",
]
