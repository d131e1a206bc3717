"""The editable map's emotion curve: one SVG across all columns, current solid and desired dashed."""

from __future__ import annotations

from typing import Any

from django.utils.html import escape
from django.utils.translation import gettext as _

# Must match --col-w in journeys/editor.css: the curve's points sit at the column centres.
COLUMN_WIDTH = 232
STEP = 22
PAD = 14
HEIGHT = 4 * STEP + 2 * PAD


def _y(rating: float) -> float:
    return PAD + (2 - rating) * STEP


def _columns(stages: list[dict[str, Any]]) -> list[dict[str, Any] | None]:
    """The touchpoints in grid order; an empty stage occupies one column without a point."""
    found: list[dict[str, Any] | None] = []
    for stage in stages:
        touchpoints = stage.get("touchpoints", [])
        found.extend(touchpoints or [None])
    return found


def _records(columns: list[dict[str, Any] | None]) -> list[dict[str, dict[str, Any]]]:
    """Each column's experience records by persona id (one pass over the map)."""
    return [
        {e["persona"]: e for e in touchpoint.get("experiences", [])} if touchpoint else {} for touchpoint in columns
    ]


def _series(records: list[dict[str, dict[str, Any]]], persona: str, key: str) -> list[tuple[float, float]]:
    points = []
    for index, by_persona in enumerate(records):
        record = by_persona.get(persona)
        value = record.get(key) if record else None
        if value is not None:
            points.append((index * COLUMN_WIDTH + COLUMN_WIDTH / 2, _y(value)))
    return points


def _line(points: list[tuple[float, float]], colour: str, desired: bool) -> str:
    if not points:
        return ""
    path = " ".join(f"{x:.0f},{y:.0f}" for x, y in points)
    dash = ' stroke-dasharray="6 5"' if desired else ""
    fill = "#fff" if desired else colour
    dots = "".join(
        f'<circle cx="{x:.0f}" cy="{y:.0f}" r="4.5" fill="{fill}" stroke="{colour}" stroke-width="2"/>'
        for x, y in points
    )
    line = f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2.5"{dash} stroke-linejoin="round"/>'
    return line + dots


def curve_svg(stages: list[dict[str, Any]], personas: list[dict[str, Any]]) -> str:
    """The SVG curve for the personas shown, over every column of the map."""
    columns = _columns(stages)
    width = max(len(columns), 1) * COLUMN_WIDTH
    parts = [
        f'<svg class="jm-curve-svg" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{HEIGHT}" '
        f'viewBox="0 0 {width} {HEIGHT}" role="img" aria-labelledby="jm-curve-title">',
        f'<title id="jm-curve-title">{escape(_("Emotion curve: current (solid) and desired (dashed)"))}</title>',
    ]
    for rating in (2, 1, 0, -1, -2):
        style = 'stroke="#9aa3ad" stroke-dasharray="2 4"' if rating == 0 else 'stroke="#e3e7ec"'
        parts.append(f'<line x1="0" x2="{width}" y1="{_y(rating):.0f}" y2="{_y(rating):.0f}" {style}/>')
    for index, touchpoint in enumerate(columns):
        if touchpoint and touchpoint.get("moment_of_truth"):
            x = index * COLUMN_WIDTH + COLUMN_WIDTH / 2
            parts.append(f'<text x="{x + 10:.0f}" y="{PAD - 2}" class="jm-mot-star" aria-hidden="true">★</text>')
    records = _records(columns)
    for persona in personas:
        parts.append(_line(_series(records, persona["id"], "desired_rating"), persona["colour"], True))
        parts.append(_line(_series(records, persona["id"], "rating"), persona["colour"], False))
    parts.append("</svg>")
    return "".join(parts)
