"""Text in pure SVG: escaping, wrapping by approximate character widths, and truncation."""

from __future__ import annotations

from markupsafe import escape

ELLIPSIS = "…"
# Average advance of a sans-serif character as a share of the font size; bold runs wider.
_ADVANCE = 0.54
_ADVANCE_BOLD = 0.62


def esc(text: str) -> str:
    """Text escaped for use in XML content and attribute values."""
    return str(escape(text))


def fits(width: float, size: float, bold: bool = False) -> int:
    """How many characters of `size` fit in `width` pixels."""
    return max(1, int(width / (size * (_ADVANCE_BOLD if bold else _ADVANCE))))


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The approximate width of `text` in pixels."""
    return len(text) * size * (_ADVANCE_BOLD if bold else _ADVANCE)


def truncate(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, ending in an ellipsis when something was cut."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: max(0, limit - 1)].rstrip() + ELLIPSIS


def wrap(text: str, width: float, size: float, max_lines: int = 4, bold: bool = False) -> list[str]:
    """Greedy word wrap to `width` pixels; the last line ends in an ellipsis when text is left."""
    limit = fits(width, size, bold)
    lines: list[str] = []
    current = ""
    words = text.split()
    for index, word in enumerate(words):
        while len(word) > limit:  # a word longer than a line is broken where it must
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:limit])
            word = word[limit:]
        candidate = f"{current} {word}" if current else word
        if len(candidate) <= limit:
            current = candidate
        else:
            lines.append(current)
            current = word
        if len(lines) >= max_lines:
            rest = " ".join([current, *words[index + 1 :]]).strip()
            return _cut(lines[:max_lines], rest, limit)
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        return _cut(lines[:max_lines], " ".join(lines[max_lines:]), limit)
    return lines


def _cut(lines: list[str], rest: str, limit: int) -> list[str]:
    if rest:
        lines[-1] = truncate(f"{lines[-1]} {rest}", limit)
    return lines


def text_block(
    x: float,
    y: float,
    lines: list[str],
    size: float,
    fill: str = "#1f2a33",
    line_height: float | None = None,
    weight: str = "",
    italic: bool = False,
    anchor: str = "",
) -> str:
    """A <text> with one <tspan> per line; `y` is the top of the first line."""
    if not lines:
        return ""
    step = line_height or size * 1.3
    extra = f' font-weight="{weight}"' if weight else ""
    extra += ' font-style="italic"' if italic else ""
    extra += f' text-anchor="{anchor}"' if anchor else ""
    spans = "".join(
        f'<tspan x="{x:.1f}" y="{y + size + i * step:.1f}">{esc(line)}</tspan>' for i, line in enumerate(lines)
    )
    return f'<text font-size="{size}" fill="{fill}"{extra}>{spans}</text>'
