"""The editable map's emotion curve: one SVG across all columns, current solid and desired dashed.

Drawn stage by stage, so that a rating click redraws one stage's points, not the whole map's.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.utils.html import escape
from django.utils.translation import gettext as _

from klantreis.web.journeys.memo import CURVES

# Must match --col-w in journeys/editor.css: the curve's points sit at the column centres.
COLUMN_WIDTH = 232
STEP = 22
PAD = 14
HEIGHT = 4 * STEP + 2 * PAD


def _y(rating: float) -> float:
    return PAD + (2 - rating) * STEP


@dataclass(frozen=True)
class _Piece:
    """One stage's share of the curve: its stars, and per persona and series its points and dots."""

    stage: dict[str, Any]  # the stage drawn: documents share unchanged stages between revisions
    stars: str
    points: dict[tuple[str, str], str]
    dots: dict[tuple[str, str], str]


SERIES = (("desired_rating", True), ("rating", False))


@lru_cache(maxsize=4096)
def _point(index: int, rating: float) -> tuple[str, str]:
    """A point of the curve as the text of its polyline vertex and of its dot (a map draws thousands)."""
    x, y = f"{index * COLUMN_WIDTH + COLUMN_WIDTH / 2:.0f}", f"{_y(rating):.0f}"
    return f"{x},{y}", f'<circle cx="{x}" cy="{y}" r="4.5"/>'


def _piece(stage: dict[str, Any], start: int, personas: list[dict[str, Any]]) -> _Piece:
    """The curve of the stage whose first column is column `start` of the map."""
    touchpoints = stage.get("touchpoints", [])
    stars = "".join(
        f'<text x="{(start + i) * COLUMN_WIDTH + COLUMN_WIDTH / 2 + 10:.0f}" y="{PAD - 2}" class="jm-mot-star" '
        'aria-hidden="true">★</text>'
        for i, touchpoint in enumerate(touchpoints)
        if touchpoint.get("moment_of_truth")
    )
    records = [{e["persona"]: e for e in touchpoint.get("experiences", [])} for touchpoint in touchpoints]
    points: dict[tuple[str, str], str] = {}
    dots: dict[tuple[str, str], str] = {}
    for persona in personas:
        who = persona["id"]
        for key, _desired in SERIES:
            found = [_point(start + i, r[who][key]) for i, r in enumerate(records) if _rated(r, who, key)]
            points[(who, key)] = " ".join(vertex for vertex, _dot in found)
            dots[(who, key)] = "".join(dot for _vertex, dot in found)
    return _Piece(stage, stars, points, dots)


def _rated(records: dict[str, dict[str, Any]], persona: str, key: str) -> bool:
    record = records.get(persona)
    return record is not None and record.get(key) is not None


def _pieces(stages: list[dict[str, Any]], personas: list[dict[str, Any]]) -> tuple[list[_Piece], int]:
    """Each stage's piece (drawn again only when the stage changed) and the number of columns."""
    shown = ",".join(f"{p['id']}={p['colour']}" for p in personas)
    pieces, start = [], 0
    for stage in stages:
        slot = f"{stage.get('id')}:{start}:{shown}"
        known = CURVES.get(slot)
        if known is None or known.stage is not stage:
            known = _piece(stage, start, personas)
            CURVES.put(slot, known)
        pieces.append(known)
        start += max(len(stage.get("touchpoints", [])), 1)  # an empty stage occupies a column without a point
    return pieces, start


def _line(pieces: list[_Piece], persona: dict[str, Any], key: str, desired: bool) -> str:
    path = " ".join(piece.points[(persona["id"], key)] for piece in pieces if piece.points[(persona["id"], key)])
    if not path:
        return ""
    dash = ' stroke-dasharray="6 5"' if desired else ""
    dots = "".join(piece.dots[(persona["id"], key)] for piece in pieces)
    colour = persona["colour"]
    line = f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2.5"{dash} stroke-linejoin="round"/>'
    # The dots share their colours through a group: a large map has thousands of them.
    fill = "#fff" if desired else colour
    return f'{line}<g fill="{fill}" stroke="{colour}" stroke-width="2">{dots}</g>'


def curve_svg(stages: list[dict[str, Any]], personas: list[dict[str, Any]]) -> str:
    """The SVG curve for the personas shown, over every column of the map."""
    pieces, columns = _pieces(stages, personas)
    width = max(columns, 1) * COLUMN_WIDTH
    parts = [
        f'<svg class="jm-curve-svg" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{HEIGHT}" '
        f'viewBox="0 0 {width} {HEIGHT}" role="img" aria-labelledby="jm-curve-title">',
        f'<title id="jm-curve-title">{escape(_("Emotion curve: current (solid) and desired (dashed)"))}</title>',
    ]
    for rating in (2, 1, 0, -1, -2):
        style = 'stroke="#9aa3ad" stroke-dasharray="2 4"' if rating == 0 else 'stroke="#e3e7ec"'
        parts.append(f'<line x1="0" x2="{width}" y1="{_y(rating):.0f}" y2="{_y(rating):.0f}" {style}/>')
    parts.extend(piece.stars for piece in pieces)
    for persona in personas:
        for key, desired in SERIES:
            parts.append(_line(pieces, persona, key, desired))
    parts.append("</svg>")
    return "".join(parts)
