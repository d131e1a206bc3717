"""SVG blocks around the grid: the title block, persona cards and the tables below the map.

Each block draws at local coordinates and returns (markup, height), so the caller stacks them.
"""

from __future__ import annotations

from klantreis.render.icons import icon_group
from klantreis.render.svg_text import esc, fits, text_block, text_width, truncate, wrap
from klantreis.render.view import Header, PersonaCard, Table

INK = "#1f2a33"
MUTED = "#5f6f7a"
LINE = "#dde3e8"
CARD_WIDTH = 340.0
TONE_INK = {"bad": "#c62828", "warn": "#e06c00", "good": "#2e7d32", "muted": MUTED}

Block = tuple[str, float]


def header_block(header: Header, width: float) -> Block:
    """Badges, title, persona filter, description and facts of the journey."""
    out, x = [], 0.0
    for badge in header.badges:
        w = text_width(badge, 11, bold=True) + 18
        out.append(f'<rect x="{x:.1f}" y="0" width="{w:.1f}" height="20" rx="10" fill="#e3edf7" stroke="#bcd2ea"/>')
        out.append(text_block(x + 9, 3, [badge], 11, "#174a82", weight="600"))
        x += w + 6
    y = 26.0
    title = wrap(header.title, width, 26, 2, bold=True)
    out.append(text_block(0, y, title, 26, INK, weight="700"))
    y += len(title) * 32 + 4
    for text, colour, weight in ((header.filtered, "#1f5fa8", "600"), (header.description, INK, "")):
        if text:
            lines = wrap(text, min(width, 900), 13, 4)
            out.append(text_block(0, y, lines, 13, colour, weight=weight))
            y += len(lines) * 17 + 4
    facts = "  ·  ".join(f"{label}: {value}" for label, value in header.facts)
    if facts:
        lines = wrap(facts, width, 12, 2)
        out.append(text_block(0, y, lines, 12, MUTED))
        y += len(lines) * 16 + 4
    if header.goals:
        lines = wrap(" · ".join(header.goals), width, 12, 2)
        out.append(text_block(0, y, lines, 12, MUTED))
        y += len(lines) * 16 + 4
    return "".join(out), y + 8


def persona_block(card: PersonaCard, preferred: str, number: int) -> Block:
    """One persona card: avatar (embedded photo or initials), name, quote, lists and channels."""
    inner = CARD_WIDTH - 28
    out = [f'<circle cx="40" cy="44" r="26" fill="{card.colour}"/>']
    if card.photo:
        out.append(
            f'<clipPath id="avatar-{number}"><circle cx="40" cy="44" r="26"/></clipPath>'
            f'<image href="{esc(card.photo)}" x="14" y="18" width="52" height="52" '
            f'preserveAspectRatio="xMidYMid slice" clip-path="url(#avatar-{number})"/>'
        )
    else:
        out.append(text_block(40, 34, [card.initials], 18, "#fff", weight="700", anchor="middle"))
    out.append(text_block(76, 20, [truncate(card.name, fits(inner - 62, 15, True))], 15, INK, weight="700"))
    meta = " · ".join(p for p in [card.kind, card.segment, *(f"{k}: {v}" for k, v in card.facts)] if p)
    meta_lines = wrap(meta, inner - 62, 11.5, 2)
    out.append(text_block(76, 40, meta_lines, 11.5, MUTED))
    y = 80.0
    if card.quote:
        lines = wrap(f"“{card.quote}”", inner - 10, 12, 3)
        out.append(f'<rect x="14" y="{y:.1f}" width="3" height="{len(lines) * 16:.1f}" fill="{card.colour}"/>')
        out.append(text_block(24, y - 1, lines, 12, INK, italic=True))
        y += len(lines) * 16 + 6
    if card.description:
        lines = wrap(card.description, inner, 11.5, 3)
        out.append(text_block(14, y, lines, 11.5, INK))
        y += len(lines) * 15 + 6
    for label, items in card.lists:
        out.append(text_block(14, y, [label.upper()], 10, MUTED, weight="700"))
        y += 15
        for item in items[:4]:
            lines = wrap(item, inner - 12, 11.5, 2)
            out.append(text_block(14, y, ["•"], 11.5, MUTED) + text_block(26, y, lines, 11.5, INK))
            y += len(lines) * 15
        y += 4
    if card.channels:
        out.append(text_block(14, y, [preferred.upper()], 10, MUTED, weight="700"))
        y += 16
        x = 14.0
        for channel, label in card.channels:
            w = 20 + text_width(label, 11.5)
            if x + w > CARD_WIDTH - 14 and x > 14:
                x, y = 14.0, y + 20
            out.append(icon_group(channel, x, y, 15, "#1f5fa8") + text_block(x + 18, y, [label], 11.5, INK))
            x += w + 10
        y += 22
    height = y + 8
    frame = (
        f'<rect width="{CARD_WIDTH}" height="{height:.1f}" rx="8" fill="#fff" stroke="{LINE}"/>'
        f'<rect width="{CARD_WIDTH}" height="5" rx="2" fill="{card.colour}"/>'
    )
    return frame + "".join(out), height


def table_block(table: Table, width: float) -> Block:
    """A titled table with wrapped cells (at most three lines each), then its notes."""
    out = [text_block(0, 0, [table.title], 17, INK, weight="700")]
    y = 26.0
    if table.intro:
        lines = wrap(table.intro, width, 12, 3)
        out.append(text_block(0, y, lines, 12, MUTED))
        y += len(lines) * 16 + 6
    widths = _column_widths(table, width)
    rows = [tuple(table.headers), *(tuple(c.text for c in row) for row in table.rows)]
    tones = [("",) * len(table.headers), *(tuple(c.tone for c in row) for row in table.rows)]
    for index, (row, row_tones) in enumerate(zip(rows, tones, strict=True)):
        cells = [wrap(text, w - 12, 11.5, 3, bold=index == 0) or [""] for text, w in zip(row, widths, strict=True)]
        height = max(len(c) for c in cells) * 15 + 8
        fill = "#eef2f5" if index == 0 else "#fff"
        out.append(f'<rect x="0" y="{y:.1f}" width="{sum(widths):.1f}" height="{height:.1f}" fill="{fill}"/>')
        out.append(f'<line x1="0" y1="{y + height:.1f}" x2="{sum(widths):.1f}" y2="{y + height:.1f}" stroke="{LINE}"/>')
        x = 0.0
        for column, (lines, w, tone) in enumerate(zip(cells, widths, row_tones, strict=True)):
            numeric = column in table.numeric
            tx, anchor = (x + w - 6, "end") if numeric else (x + 6, "")
            weight = "700" if index == 0 or tone == "score" else ""
            out.append(text_block(tx, y + 3, lines, 11.5, TONE_INK.get(tone, INK), 15, weight=weight, anchor=anchor))
            x += w
        y += height
    if table.notes:
        y += 10
        out.append(text_block(0, y, [table.notes_title], 13, INK, weight="700"))
        y += 20
        for note in table.notes:
            lines = wrap(note, width - 16, 12, 3)
            out.append(text_block(0, y, ["•"], 12, MUTED) + text_block(14, y, lines, 12, INK))
            y += len(lines) * 16 + 2
    return "".join(out), y + 8


def _column_widths(table: Table, width: float) -> list[float]:
    longest = [len(h) for h in table.headers]
    for row in table.rows:
        longest = [max(n, min(len(cell.text), 60)) for n, cell in zip(longest, row, strict=True)]
    wanted = [max(40.0, n * 7.6 + 18) for n in longest]
    scale = min(1.0, width / sum(wanted))
    return [w * scale for w in wanted]
