"""The map's editable bits as compact HTML: in-place fields and segmented choices.

Kept as small Python functions because a large map has thousands of them; the markup is lean
(the target id is inherited from the column, labels sit in `title`) so a map stays light.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

import pydantic_core
from markupsafe import Markup, escape

RATING_OPTIONS = {-2: "−2", -1: "−1", 0: "0", 1: "+1", 2: "+2"}
SCORE_OPTIONS = {1: "1", 2: "2", 3: "3", 4: "4", 5: "5"}
NOT_A_TAB_STOP = ' tabindex="-1"'


def text_of(value: Any) -> str:
    """A stored value as display text: lists one item per line, whole floats without '.0'."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(text_of(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _json(value: Any) -> str:
    # Texts and lists of texts (most values): pydantic-core writes the same JSON, several times faster.
    if value is None or isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value)):
        try:
            return pydantic_core.to_json(value).decode()
        except pydantic_core.PydanticSerializationError:  # a lone surrogate: json writes it, pydantic-core cannot
            pass
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def ed(
    field: str,
    value: Any,
    can: bool,
    label: str,
    *,
    kind: str = "text",
    target: str | None = None,
    display: Any = None,
    placeholder: str = "",
    options: str = "",
    cls: str = "",
) -> Markup:
    """A field editable in place (click or Enter); its value travels in data-v as the edit's base.

    Without `target` the field belongs to the nearest element with data-t (the column). A text
    whose display equals its value leaves data-v out: the script reads the base from the text;
    a plain text field leaves data-k out too.
    """
    shown = text_of(display if display is not None else value)
    classes = f"ed {cls}" if cls else "ed"
    if not shown:
        classes += " is-empty"
    if not can:
        return Markup(f'<span class="ro{classes[2:]}">{escape(shown or "—")}</span>')
    attrs = f' data-t="{escape(target)}"' if target else ""
    if kind != "text":
        attrs += f' data-k="{kind}"'
    if options:
        attrs += f' data-o="{options}"'
    if not (isinstance(value, str) and value == shown and "\r" not in value):  # HTML turns \r\n into \n
        attrs += f' data-v="{escape(_json(value))}"'
    return Markup(
        f'<span class="{classes}" tabindex="0" role="button" title="{escape(label)}" data-f="{field}"{attrs}>'
        f"{escape(shown or placeholder)}</span>"
    )


def segments(
    field: str, value: Any, can: bool, label: str, *, target: str | None = None, scale: str = "rating"
) -> Markup:
    """A segmented choice: ratings −2..+2 or scores 1..5; choosing the chosen value again clears it.

    Only one button per group is a tab stop (the script moves focus with the arrow keys).
    """
    value = None if value == "" else value
    options = RATING_OPTIONS if scale == "rating" else SCORE_OPTIONS
    if not can:
        said = "—" if value is None else options.get(value, value)
        inner = _segment_marks(scale, value)
        return Markup(f'<span class="segs ro" role="img" aria-label="{escape(label)}: {said}">{inner}</span>')
    inner = _segment_buttons(scale, value)
    attrs = f' data-t="{escape(target)}"' if target else ""
    return Markup(
        f'<span class="segs" role="group" aria-label="{escape(label)}" data-f="{field}" data-v="{_json(value)}"{attrs}>'
        f"{inner}</span>"
    )


@lru_cache(maxsize=256)
def _segment_buttons(scale: str, value: Any) -> str:
    """The buttons of a segmented choice: a map draws the same few thousands of times."""
    options = RATING_OPTIONS if scale == "rating" else SCORE_OPTIONS
    focus = value if value in options else list(options)[len(options) // 2]
    return "".join(
        f'<button class="v{o}" value="{o}" aria-pressed="{"true" if o == value else "false"}"'
        f"{'' if o == focus else NOT_A_TAB_STOP}>{t}</button>"
        for o, t in options.items()
    )


@lru_cache(maxsize=256)
def _segment_marks(scale: str, value: Any) -> str:
    """The read-only marks of a segmented choice."""
    options = RATING_OPTIONS if scale == "rating" else SCORE_OPTIONS
    return "".join(f'<i class="v{o}{" is-on" if o == value else ""}">{t}</i>' for o, t in options.items())


def emotions_text(records: list[dict[str, Any]], names: dict[str, str]) -> str:
    """Emotions with their intensity, e.g. 'Stress 4 · Trust 2'."""
    return " · ".join(
        f"{r.get('label') or names.get(r.get('emotion', ''), r.get('emotion', ''))} {r.get('intensity', '')}"
        for r in records
    )


def quotes_text(records: list[dict[str, Any]]) -> str:
    """Quotes one per line, each followed by its source."""
    return "\n".join(f"“{q.get('text', '')}”" + (f" — {q['source']}" if q.get("source") else "") for q in records)


def as_json(value: Any) -> str:
    """Compact JSON for data attributes."""
    return _json(value)
