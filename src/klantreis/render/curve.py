"""The emotion curve as inline SVG, aligned with the touchpoint columns of the map."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from uuid import UUID

from markupsafe import escape

from klantreis.journey.curves import Curve, emotion_curve, persona_curves
from klantreis.journey.model import JourneyDocument
from klantreis.journey.moments import suggest_moments_of_truth
from klantreis.render import formatting as fmt
from klantreis.render.colours import MEAN_COLOUR, persona_colour, rating_colour, rating_step
from klantreis.render.texts import check_language, t
from klantreis.render.view import map_columns

COLUMN_WIDTH = 220.0
HEIGHT = 170.0
_TOP = 30.0  # room for the moment-of-truth stars
_BOTTOM = 12.0
_LEGEND = 22.0

Scale = Callable[[float], float]


@dataclass(frozen=True)
class _Line:
    curve: Curve
    colour: str
    label: str


def curve_lines(document: JourneyDocument, lang: str, persona: UUID | None) -> list[_Line]:
    """The lines to draw: the filtered persona, the only persona (or the mean), or one per persona."""
    names: dict[UUID | None, str] = {p.id: p.name for p in document.personas}
    if persona is not None:
        return [_Line(emotion_curve(document, persona), persona_colour(document, persona), names.get(persona, ""))]
    if len(document.personas) > 1:
        curves = persona_curves(document)
        return [_Line(c, persona_colour(document, c.persona), names.get(c.persona, "")) for c in curves]
    only = document.personas[0] if document.personas else None
    label = only.name if only else t("average", lang)
    colour = persona_colour(document, only.id) if only else MEAN_COLOUR
    return [_Line(emotion_curve(document), colour, label)]


def emotion_curve_svg(
    document: JourneyDocument,
    *,
    lang: str | None = None,
    persona: UUID | None = None,
    width: float | None = None,
    column_width: float = COLUMN_WIDTH,
    offset: float = 0.0,
    centers: Sequence[float] | None = None,
    height: float = HEIGHT,
    legend: bool = False,
) -> str:
    """Inline SVG of the current (solid) and desired (dashed) emotion curves, one line per persona."""
    lang = check_language(lang or document.language.value)
    columns = map_columns(document)
    xs = list(centers) if centers is not None else [offset + (i + 0.5) * column_width for i in range(len(columns))]
    if len(xs) != len(columns):
        raise ValueError(f"centers has {len(xs)} positions but the map has {len(columns)} columns")
    total_width = width if width is not None else offset + len(columns) * column_width
    column_of = {tp.id: i for i, (_, tp) in enumerate(columns) if tp is not None}
    plot_bottom = height - _BOTTOM

    def y(value: float) -> float:
        return _TOP + (2 - value) * (plot_bottom - _TOP) / 4

    parts = [_grid(xs, column_width if centers is None else 0.0, offset, total_width, y)]
    parts.extend(_moments(document, lang, persona, xs, column_of, column_width, y))
    lines = curve_lines(document, lang, persona)
    for index, line in enumerate(lines):
        shift = (index - (len(lines) - 1) / 2) * 4
        parts.append(_line_svg(line, lang, [xs[column_of[p.touchpoint]] + shift for p in line.curve.points], y))
    full_height = height + (_LEGEND if legend else 0)
    if legend:
        parts.append(_legend(lines, lang, height))
    label = escape(t("emotion_curve", lang))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="kr-curve-svg" width="{total_width:.0f}" '
        f'height="{full_height:.0f}" viewBox="0 0 {total_width:.0f} {full_height:.0f}" role="img" '
        f'aria-label="{label}" font-family="system-ui, sans-serif">' + "".join(parts) + "</svg>"
    )


def _grid(xs: list[float], column_width: float, offset: float, width: float, y: Scale) -> str:
    out = []
    if column_width:
        for i in range(1, len(xs)):
            x = offset + i * column_width
            out.append(f'<line x1="{x:.1f}" y1="4" x2="{x:.1f}" y2="{y(-2) + 6:.1f}" stroke="#eceff1"/>')
    for value in range(-2, 3):
        style = 'class="kr-curve-zero" stroke="#90a4ae" stroke-width="1.2"'
        if value:
            style = 'stroke="#e3e7ea" stroke-dasharray="2 3"'
        out.append(f'<line x1="0" y1="{y(value):.1f}" x2="{width:.1f}" y2="{y(value):.1f}" {style}/>')
        if value in (-2, 0, 2):
            text = fmt.signed(value, "en")
            out.append(f'<text x="4" y="{y(value) - 3:.1f}" font-size="10" fill="#78909c">{text}</text>')
    return "".join(out)


def _star(cx: float, cy: float, radius: float) -> str:
    points = []
    for k in range(10):
        r = radius if k % 2 == 0 else radius * 0.45
        angle = math.pi / 2 + k * math.pi / 5
        points.append(f"{cx + r * math.cos(angle):.1f},{cy - r * math.sin(angle):.1f}")
    return " ".join(points)


def _moments(
    document: JourneyDocument,
    lang: str,
    persona: UUID | None,
    xs: list[float],
    column_of: dict[UUID, int],
    column_width: float,
    y: Scale,
) -> list[str]:
    out = []
    for moment in suggest_moments_of_truth(document, persona):
        x = xs[column_of[moment.touchpoint]]
        reasons = "; ".join(fmt.reason_text(r, lang) for r in moment.reasons)
        title = f"<title>{escape(moment.name)}: {escape(reasons)}</title>"
        if moment.marked:
            band = max(column_width - 16, 24)
            out.append(
                f'<rect x="{x - band / 2:.1f}" y="{_TOP - 6:.1f}" width="{band:.1f}" '
                f'height="{y(-2) - _TOP + 12:.1f}" rx="6" fill="#fff6d6" opacity="0.8"/>'
            )
            out.append(
                f'<polygon class="kr-mot-marked" points="{_star(x, 14, 9)}" fill="#f5b301" '
                f'stroke="#9a6b00" stroke-width="1">{title}</polygon>'
            )
        else:
            out.append(
                f'<polygon class="kr-mot-suggested" points="{_star(x, 14, 8)}" fill="#ffffff" '
                f'stroke="#9a6b00" stroke-width="1.3" stroke-dasharray="2 1.5">{title}</polygon>'
            )
    return out


def _path(points: list[tuple[float, float | None]], y: Scale) -> str:
    """One line through the rated points; unrated steps are bridged (a persona may skip a step)."""
    rated = [(x, value) for x, value in points if value is not None]
    return " ".join(f"{'L' if i else 'M'}{x:.1f} {y(value):.1f}" for i, (x, value) in enumerate(rated))


def _marker(x: float, cy: float, value: float, title: str) -> str:
    """A point in the rating's colour and shape: triangle up (good), circle (neutral), down (bad)."""
    step = rating_step(value)
    paint = f'class="kr-point" fill="{rating_colour(value)}" stroke="#fff" stroke-width="1.5"'
    if step == 0:
        return f'<circle cx="{x:.1f}" cy="{cy:.1f}" r="5.5" {paint}><title>{title}</title></circle>'
    tip = -7.0 if step > 0 else 7.0
    shape = f"{x:.1f},{cy + tip:.1f} {x - 6.5:.1f},{cy - tip * 0.7:.1f} {x + 6.5:.1f},{cy - tip * 0.7:.1f}"
    return f'<polygon points="{shape}" {paint}><title>{title}</title></polygon>'


def _line_svg(line: _Line, lang: str, xs: list[float], y: Scale) -> str:
    points = line.curve.points
    persona = escape(str(line.curve.persona or ""))
    label = escape(line.label)
    out = [f'<g class="kr-curve-line" data-persona="{persona}">']
    if any(p.desired is not None for p in points):
        d = _path([(x, p.desired) for x, p in zip(xs, points, strict=True)], y)
        out.append(
            f'<path class="kr-curve-desired" d="{d}" fill="none" stroke="{line.colour}" stroke-width="2" '
            'stroke-dasharray="6 4" opacity="0.75"/>'
        )
    d = _path([(x, p.current) for x, p in zip(xs, points, strict=True)], y)
    out.append(
        f'<path class="kr-curve-current" d="{d}" fill="none" stroke="{line.colour}" stroke-width="2.5" '
        'stroke-linejoin="round" stroke-linecap="round"/>'
    )
    for x, point in zip(xs, points, strict=True):
        name = escape(point.name)
        if point.desired is not None:
            text = escape(f"{label} · {t('desired', lang)} · {fmt.rating_text(point.desired, lang)}")
            out.append(
                f'<circle class="kr-point-desired" cx="{x:.1f}" cy="{y(point.desired):.1f}" r="3.5" fill="#fff" '
                f'stroke="{rating_colour(point.desired)}" stroke-width="2"><title>{name}: {text}</title></circle>'
            )
        if point.current is not None:
            text = escape(f"{label} · {t('current', lang)} · {fmt.rating_text(point.current, lang)}")
            out.append(_marker(x, y(point.current), point.current, f"{name}: {text}"))
    out.append("</g>")
    return "".join(out)


def _legend(lines: list[_Line], lang: str, top: float) -> str:
    out, x = [], 6.0
    base = top + _LEGEND / 2 + 4
    for line in lines:
        out.append(f'<line x1="{x:.1f}" y1="{base - 4:.1f}" x2="{x + 18:.1f}" y2="{base - 4:.1f}" ')
        out[-1] += f'stroke="{line.colour}" stroke-width="2.5"/>'
        out.append(f'<text x="{x + 22:.1f}" y="{base:.1f}" font-size="11" fill="#37474f">{escape(line.label)}</text>')
        x += 30 + len(line.label) * 6.5
    for key in ("legend_current", "legend_desired"):
        out.append(f'<text x="{x:.1f}" y="{base:.1f}" font-size="11" fill="#607d8b">{escape(t(key, lang))}</text>')
        x += 14 + len(t(key, lang)) * 6
    return "".join(out)
