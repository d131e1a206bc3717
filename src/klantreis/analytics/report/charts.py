"""Small inline-SVG charts for the report: the case-duration histogram."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from klantreis.analytics.analyses.stats import HistogramBin
from klantreis.analytics.report.formatting import compact_duration, count

WIDTH, HEIGHT = 720, 220
LEFT, BOTTOM, TOP = 56, 36, 12
TICKS = 5  # labelled bin edges along the x axis


def histogram_svg(bins: Sequence[HistogramBin], *, lang: str = "en", label: str = "") -> str:
    """Equal-width bins as bars, x in durations, y in cases; empty string when there are no bins."""
    if not bins:
        return ""
    tallest = max(b.count for b in bins) or 1
    plot_w, plot_h = WIDTH - LEFT - 8, HEIGHT - BOTTOM - TOP
    bar_w = plot_w / len(bins)
    parts = [
        f'<svg class="histogram" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" role="img" '
        f'aria-label="{escape(label)}">',
        f'<line class="axis" x1="{LEFT}" y1="{TOP + plot_h}" x2="{LEFT + plot_w}" y2="{TOP + plot_h}"/>',
        f'<text class="tick" x="{LEFT - 6}" y="{TOP + 8}" text-anchor="end">{count(tallest, lang)}</text>',
        f'<text class="tick" x="{LEFT - 6}" y="{TOP + plot_h}" text-anchor="end">0</text>',
    ]
    for index, item in enumerate(bins):
        height = plot_h * item.count / tallest
        x = LEFT + index * bar_w
        span = f"{compact_duration(item.start, lang)} – {compact_duration(item.end, lang)}: {count(item.count, lang)}"
        parts.append(
            f'<rect class="bar" x="{x + 1:.1f}" y="{TOP + plot_h - height:.1f}" width="{max(bar_w - 2, 1):.1f}" '
            f'height="{height:.1f}"><title>{escape(span)}</title></rect>'
        )
    step = max(1, len(bins) // TICKS)
    for index in [*range(0, len(bins), step), len(bins)]:
        edge = bins[index].start if index < len(bins) else bins[-1].end
        x = LEFT + index * bar_w
        parts.append(
            f'<text class="tick" x="{x:.1f}" y="{TOP + plot_h + 16}" text-anchor="middle">'
            f"{escape(compact_duration(edge, lang))}</text>"
        )
    parts.append("</svg>")
    return "\n".join(parts)
