"""The map as one standalone SVG image, laid out like the HTML map (no foreignObject)."""

from __future__ import annotations

from uuid import UUID

from klantreis.journey.model import JourneyDocument
from klantreis.render.build import build_view
from klantreis.render.curve import COLUMN_WIDTH, HEIGHT, emotion_curve_svg
from klantreis.render.icons import icon_group
from klantreis.render.svg_blocks import CARD_WIDTH, INK, LINE, MUTED, Block, header_block, persona_block, table_block
from klantreis.render.svg_text import esc, text_block, wrap
from klantreis.render.view import Cell, Column, Entry, Lane, MapView, Scope

MARGIN = 24.0
LABEL_WIDTH = 170.0
PAD = 8.0
STAGE_COLOURS = ("#1f5fa8", "#2b7a8c", "#4a5fa8", "#3d7d55")
GROUP_FILLS = {
    "customer": "#eef2f5",
    "insight": "#f1eff7",
    "data": "#e8f3f1",
    "frontstage": "#fdf4e6",
    "backstage": "#e9edf1",
}
# (bar, background) of an entry per tone; the symbol or label carries the meaning as well.
TONES = {
    "bad": ("#c62828", "#fdecea"),
    "warn": ("#e06c00", "#fff3e6"),
    "neutral": ("#b0a22a", "#fbf9e8"),
    "good": ("#2e7d32", "#edf6ec"),
    "muted": ("#cfd8dc", "#ffffff"),
    "quote": ("#90a4ae", "#ffffff"),
    "mot": ("#f5b301", "#fff6d6"),
    "suggested": ("#c9a227", "#fffdf5"),
    "advice": ("#1f5fa8", "#edf3fa"),
    "heuristic": ("#7b3fb0", "#f5eff9"),
}
DEFAULT_TONE = ("#c5ced5", "#f8fafb")


def render_svg(document: JourneyDocument, *, lang: str | None = None, persona: UUID | None = None) -> str:
    """The map as a standalone SVG document: header, personas, grid, curve and tables."""
    scope = Scope(document, lang or document.language.value, persona, None, "data")
    view = build_view(scope)
    grid_width = LABEL_WIDTH + len(view.columns) * COLUMN_WIDTH
    width = max(grid_width, 2 * CARD_WIDTH + 14, 900.0)
    parts, y = [], MARGIN
    block, height = header_block(view.header, width)
    parts.append(_at(MARGIN, y, block))
    y += height
    y = _personas(view, parts, width, y)
    if view.columns:
        block, height = _grid(view, scope)
        parts.append(_at(MARGIN, y, block))
        y += height + 24
    for table in view.tables:
        block, height = table_block(table, min(width, 1200))
        parts.append(_at(MARGIN, y, block))
        y += height + 16
    parts.append(text_block(MARGIN, y, [view.texts["made_with"]], 10, MUTED))
    total_w, total_h = width + 2 * MARGIN, y + 20 + MARGIN
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{total_w:.0f}" height="{total_h:.0f}" '
        f'viewBox="0 0 {total_w:.0f} {total_h:.0f}" font-family="system-ui, -apple-system, Segoe UI, Roboto, '
        f'Helvetica, Arial, sans-serif" lang="{view.lang}">'
        f"<title>{esc(view.header.title)}</title>"
        f'<rect width="100%" height="100%" fill="#ffffff"/>' + "".join(parts) + "</svg>\n"
    )


def _at(x: float, y: float, markup: str) -> str:
    return f'<g transform="translate({x:.1f},{y:.1f})">{markup}</g>'


def _personas(view: MapView, parts: list[str], width: float, y: float) -> float:
    x, row_height = 0.0, 0.0
    for number, card in enumerate(view.personas):
        block, height = persona_block(card, view.texts["preferred_channels"], number)
        if x and x + CARD_WIDTH > width:
            x, y, row_height = 0.0, y + row_height + 14, 0.0
        parts.append(_at(MARGIN + x, y, block))
        x += CARD_WIDTH + 14
        row_height = max(row_height, height)
    return y + row_height + 20 if view.personas else y


def _grid(view: MapView, scope: Scope) -> Block:
    out, y = [], 0.0
    block, height = _stage_row(view)
    out.append(block)
    y += height
    block, height = _touchpoint_row(view)
    out.append(_at(0, y, block))
    y += height
    for lane in view.lanes:
        block, height = _lane(lane, view, scope)
        out.append(_at(0, y, block))
        y += height
    width = LABEL_WIDTH + len(view.columns) * COLUMN_WIDTH
    out.append(f'<rect width="{width:.1f}" height="{y:.1f}" fill="none" stroke="{LINE}" rx="4"/>')
    return "".join(out), y


def _label(text: str, group: str, height: float, extra: str = "") -> str:
    lines = wrap(text, LABEL_WIDTH - 2 * PAD, 12, 4, bold=True)
    fill = GROUP_FILLS.get(group, GROUP_FILLS["customer"])
    return (
        f'<rect width="{LABEL_WIDTH}" height="{height:.1f}" fill="{fill}" stroke="{LINE}"/>'
        + text_block(PAD, PAD, lines, 12, INK, 15, weight="700")
        + extra
    )


def _stage_row(view: MapView) -> Block:
    heights = [len(wrap(s.name, s.span * COLUMN_WIDTH - 2 * PAD, 14, 2, True)) * 18 + 16 for s in view.stages]
    height = max([36.0, *heights])
    out = [f'<rect width="{LABEL_WIDTH}" height="{height:.1f}" fill="#263238"/>']
    out.append(text_block(PAD, PAD + 2, [view.texts["stage"]], 12, "#fff", weight="700"))
    for index, stage in enumerate(view.stages):
        x, w = LABEL_WIDTH + stage.start * COLUMN_WIDTH, stage.span * COLUMN_WIDTH
        colour = STAGE_COLOURS[index % len(STAGE_COLOURS)]
        out.append(f'<rect x="{x:.1f}" width="{w:.1f}" height="{height:.1f}" fill="{colour}" stroke="#fff"/>')
        out.append(text_block(x + PAD + 4, PAD, wrap(stage.name, w - 2 * PAD, 14, 2, True), 14, "#fff", 18, "700"))
    return "".join(out), height


def _touchpoint_cell(column: Column) -> Block:
    tp = column.touchpoint
    if tp is None:
        return "", 0.0
    inner = COLUMN_WIDTH - 2 * PAD
    out = [icon_group(column.channel, PAD, PAD, 20, "#1f5fa8")]
    name = wrap(tp.name + (" ★" if column.moment_of_truth else ""), inner - 28, 13, 3, bold=True)
    out.append(text_block(PAD + 27, PAD + 2, name, 13, INK, 16, "700"))
    y = PAD + 4 + max(len(name) * 16, 20)
    out.append(text_block(PAD + 27, y, [column.channel_label], 11, MUTED))
    y += 17
    if tp.description:
        lines = wrap(tp.description, inner, 11.5, 3)
        out.append(text_block(PAD, y, lines, 11.5, INK, 15))
        y += len(lines) * 15 + 3
    for line in wrap(" · ".join(column.badges) + (f" · {column.only_for}" if column.only_for else ""), inner, 10.5, 3):
        out.append(text_block(PAD, y, [line], 10.5, "#455a64"))
        y += 14
    return "".join(out), y + PAD


def _touchpoint_row(view: MapView) -> Block:
    cells = [_touchpoint_cell(c) for c in view.columns]
    height = max([48.0, *(h for _, h in cells)])
    out = [_label(view.texts["touchpoints"], "customer", height)]
    for index, ((markup, _), column) in enumerate(zip(cells, view.columns, strict=True)):
        x = LABEL_WIDTH + index * COLUMN_WIDTH
        fill = "#fffaf0" if column.moment_of_truth else "#fbfcfd"
        out.append(f'<rect x="{x:.1f}" width="{COLUMN_WIDTH}" height="{height:.1f}" fill="{fill}" stroke="{LINE}"/>')
        if column.moment_of_truth:
            out.append(f'<rect x="{x:.1f}" width="{COLUMN_WIDTH}" height="3" fill="#f5b301"/>')
        out.append(_at(x, 0, markup))
    return "".join(out), height


def _merge_compact(cell: Cell) -> list[Entry]:
    """Consecutive compact entries (the Fogg scores) share one line, as in the HTML chips."""
    merged: list[Entry] = []
    for entry in cell:
        text = f"{entry.symbol}{entry.label} {entry.text}" if entry.compact else ""
        if entry.compact and merged and merged[-1].compact:
            merged[-1] = Entry(f"{merged[-1].text} · {text}", compact=True, tone=merged[-1].tone)
        elif entry.compact:
            merged.append(Entry(text, compact=True, tone="advice"))
        else:
            merged.append(entry)
    return merged


def _entry(entry: Entry, width: float) -> Block:
    main = "".join(
        [
            f"{entry.symbol} " if entry.symbol else "",
            f"{entry.who} · " if entry.who else "",
            f"{entry.label}: " if entry.label else "",
            entry.text,
            f" [{entry.badge}]" if entry.badge else "",
        ]
    )
    lines = wrap(main, width - 12, 11.5, 5)
    notes = wrap(entry.note, width - 12, 10.5, 2) if entry.note else []
    height = len(lines) * 15 + len(notes) * 13 + 6
    bar, background = TONES.get(entry.tone, DEFAULT_TONE)
    if entry.tone.startswith("status-"):
        bar = "#2e7d32" if entry.tone in ("status-done", "status-measured") else "#1f5fa8"
    dashed = ' stroke="#c9a227" stroke-dasharray="3 2"' if entry.tone == "suggested" else ""
    out = [
        f'<rect width="{width:.1f}" height="{height:.1f}" rx="3" fill="{background}"{dashed}/>',
        f'<rect width="3" height="{height:.1f}" fill="{bar}"/>',
        text_block(8, 2, lines, 11.5, MUTED if entry.tone == "muted" else INK, 15, italic=entry.tone == "quote"),
        text_block(8, 3 + len(lines) * 15, notes, 10.5, MUTED, 13),
    ]
    return "".join(out), height


def _legend(view: MapView, top: float) -> tuple[str, float]:
    """The curve legend in the lane label: a coloured stroke per line, then solid vs dashed."""
    out, y = [], top
    items = [(colour, name, "") for colour, name in view.legend.lines]
    items += [(MUTED, view.legend.styles[0], ""), (MUTED, view.legend.styles[1], ' stroke-dasharray="4 3"')]
    for colour, name, dash in items:
        lines = wrap(name, LABEL_WIDTH - 2 * PAD - 24, 10.5, 2)
        out.append(
            f'<line x1="{PAD:.1f}" y1="{y + 8:.1f}" x2="{PAD + 18:.1f}" y2="{y + 8:.1f}" '
            f'stroke="{colour}" stroke-width="2.5"{dash}/>'
        )
        out.append(text_block(PAD + 24, y, lines, 10.5, MUTED, 13))
        y += len(lines) * 13 + 3
    for star, key in (("★", "legend_marked"), ("☆", "legend_suggested")):
        lines = wrap(view.texts[key], LABEL_WIDTH - 2 * PAD - 24, 10.5, 2)
        out.append(text_block(PAD + 3, y, [star], 11, "#b58100") + text_block(PAD + 24, y, lines, 10.5, MUTED, 13))
        y += len(lines) * 13 + 3
    return "".join(out), y


def _lane(lane: Lane, view: MapView, scope: Scope) -> Block:
    width = len(view.columns) * COLUMN_WIDTH
    if lane.kind == "visibility":
        line = f'<line x1="0" y1="1.5" x2="{LABEL_WIDTH + width:.1f}" y2="1.5" stroke="#607d8b" stroke-width="3" '
        label = f"{lane.label}   ▼ {view.texts['backstage']}"
        return line + 'stroke-dasharray="8 5"/>' + text_block(PAD, 7, [label], 12, "#37474f", weight="700"), 28.0
    if lane.kind == "curve":
        extra, bottom = _legend(view, PAD + 24)
        curve = emotion_curve_svg(scope.document, lang=scope.lang, persona=scope.persona, column_width=COLUMN_WIDTH)
        height = max(HEIGHT, bottom + PAD)
        nested = curve.replace("<svg ", f'<svg x="{LABEL_WIDTH}" y="0" ', 1)
        return _label(lane.label, lane.group, height, extra) + nested, height
    blocks = []
    for cell in lane.cells:
        y, parts = PAD, []
        for entry in _merge_compact(cell):
            markup, height = _entry(entry, COLUMN_WIDTH - 2 * PAD)
            parts.append(_at(PAD, y, markup))
            y += height + 4
        blocks.append(("".join(parts), y + PAD - 4))
    label_height = len(wrap(lane.label, LABEL_WIDTH - 2 * PAD, 12, 4, True)) * 15 + 2 * PAD
    height = max([34.0, label_height, *(h for _, h in blocks)])
    out = [_label(lane.label, lane.group, height)]
    for index, (markup, _) in enumerate(blocks):
        x = LABEL_WIDTH + index * COLUMN_WIDTH
        out.append(f'<rect x="{x:.1f}" width="{COLUMN_WIDTH}" height="{height:.1f}" fill="#fff" stroke="{LINE}"/>')
        out.append(_at(x, 0, markup))
    return "".join(out), height
