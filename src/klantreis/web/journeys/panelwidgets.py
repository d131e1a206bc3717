"""Form controls of the details panels: each saves one field of one item through the ops endpoint.

Every control carries what panels.js needs to build a `set` operation: the item (data-t), the
field (data-f), how to read its value (data-k) and the stored value it started from (data-v, the
operation's `base`). Without the right to change it, a field is shown as plain text.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from django.utils import formats
from django.utils.translation import gettext as _
from markupsafe import Markup, escape

Options = Sequence[tuple[Any, str]]
Groups = Sequence[tuple[str, Options]]

# Kinds rendered as a one-line text input, and the keyboard each one wants on a phone.
ONE_LINE = {"text": "text", "number": "decimal", "int": "numeric"}


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def control_id(target: Any, field: str) -> str:
    """The DOM id of a field's control (unique within a panel)."""
    return f"pf-{target}-{field.replace('.', '-')}"


def number_text(value: Any) -> str:
    """A number as the reader writes it: whole numbers without decimals, the language's decimal mark."""
    if value is None or value == "":
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(formats.number_format(value))


def date_text(value: Any) -> str:
    """A stored ISO date in the language's date format ("" when empty or unreadable)."""
    try:
        return str(formats.date_format(dt.date.fromisoformat(str(value)), "DATE_FORMAT")) if value else ""
    except ValueError:
        return str(value)


def _shown(value: Any, kind: str, options: Options | None) -> str:
    """The stored value as read-only text."""
    if options is not None:
        names = {str(k): v for k, v in options}
        return names.get(str(value), "") if value not in (None, "") else ""
    if kind in ("number", "int"):
        return number_text(value)
    if kind == "date":
        return date_text(value)
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    return "" if value is None else str(value)


def _read_only(label: str, text: str, cls: str = "") -> Markup:
    classes = f"pf is-ro {cls}".strip()
    return Markup(
        f'<div class="{classes}"><span class="pf-label">{escape(label)}</span>'
        f'<span class="pf-ro{"" if text else " is-empty"}">{escape(text or "—")}</span></div>'
    )


def _data(target: Any, field: str, kind: str, value: Any) -> str:
    return f'data-t="{escape(str(target))}" data-f="{escape(field)}" data-k="{kind}" data-v="{escape(_json(value))}"'


def _note() -> str:
    return '<span class="pf-note" role="alert"></span>'


def _hint(hint: str) -> str:
    return f'<small class="pf-hint">{escape(hint)}</small>' if hint else ""


def _fieldset(target: Any, name: str, kind: str, value: Any, label: str, inner: str, extra: str = "") -> Markup:
    """A composite control: a fieldset holding the field's inputs, with its legend and note."""
    ident = escape(control_id(target, name))
    data = _data(target, name, kind, value)
    return Markup(
        f'<fieldset id="{ident}" class="pf pf-{kind} pf-c" {data}{extra}><legend>{escape(label)}</legend>'
        f"{inner}{_note()}</fieldset>"
    )


def _select(attrs: str, value: Any, options: Options, empty: str | None) -> str:
    numeric = any(isinstance(k, int) for k, _label in options)
    flags = (' data-num="1"' if numeric else "") + (' data-null="1"' if empty is not None else "")
    items = [f'<option value="">{escape(empty)}</option>'] if empty is not None else []
    for key, text in options:
        chosen = " selected" if value is not None and str(key) == str(value) else ""
        items.append(f'<option value="{escape(str(key))}"{chosen}>{escape(text)}</option>')
    return f"<select {attrs}{flags}>{''.join(items)}</select>"


def _input(attrs: str, value: Any, kind: str, rows: int) -> str:
    if kind in ("textarea", "lines"):
        text = "\n".join(str(v) for v in value) if isinstance(value, list) else str(value or "")
        return f'<textarea {attrs} rows="{rows}">{escape(text)}</textarea>'
    if kind == "date":
        return f'<input type="date" {attrs} value="{escape(str(value or ""))}">'
    text = number_text(value) if kind in ("number", "int") else str(value or "")
    return f'<input type="text" inputmode="{ONE_LINE[kind]}" {attrs} value="{escape(text)}">'


def field(
    target: Any,
    name: str,
    value: Any,
    label: str,
    *,
    can: bool,
    kind: str = "text",
    options: Options | None = None,
    empty: str | None = None,
    hint: str = "",
    rows: int = 3,
    cls: str = "",
) -> Markup:
    """A labelled control for one field: text, textarea, lines (a list, one per line), number, int,
    date, or a select over `options` (`empty`: the label of "no value", stored as null)."""
    if not can:
        return _read_only(label, _shown(value, kind, options), cls)
    ident = control_id(target, name)
    kind = "select" if options is not None else kind
    attrs = f'id="{escape(ident)}" class="pf-c" {_data(target, name, kind, value)}'
    control = _select(attrs, value, options, empty) if options is not None else _input(attrs, value, kind, rows)
    classes = f"pf pf-{kind} {cls}".strip()
    return Markup(
        f'<div class="{classes}"><label for="{escape(ident)}">{escape(label)}</label>'
        f"{control}{_hint(hint)}{_note()}</div>"
    )


def _groups(groups: Groups, chosen: set[str]) -> list[str]:
    """The picker's checkboxes, a block per group that has any (headed by its title, if it has one)."""
    parts = []
    for title, options in groups:
        boxes = "".join(
            f'<label class="pk-opt"><input type="checkbox" value="{escape(str(key))}"'
            f"{' checked' if str(key) in chosen else ''}> {escape(text)}</label>"
            for key, text in options
        )
        if boxes:
            head = f'<span class="pk-head">{escape(title)}</span>' if title else ""
            parts.append(f'<div class="pk-group">{head}{boxes}</div>')
    return parts


def picker(
    target: Any, name: str, value: list[Any], label: str, groups: Groups, *, can: bool, hint: str = ""
) -> Markup:
    """Checkboxes over the items of `groups` for a list of ids, with a filter box for long lists."""
    chosen = {str(v) for v in value or []}
    if not can:
        names = [text for _title, options in groups for key, text in options if str(key) in chosen]
        return _read_only(label, ", ".join(names))
    parts = _groups(groups, chosen)
    count = sum(len(options) for _title, options in groups)
    search = ""
    if count > 8:  # (texts outside the f-strings: the message extractor does not read inside them)
        placeholder = escape(_("Filter"))
        named = escape(_("Filter: %(label)s") % {"label": label})
        search = f'<input type="search" class="pk-filter" placeholder="{placeholder}" aria-label="{named}">'
    nothing = escape(_("Nothing to choose from yet."))
    empty = "" if parts else f'<p class="pf-hint">{nothing}</p>'
    inner = f'{_hint(hint)}{search}<div class="pk-box">{"".join(parts)}{empty}</div>'
    return _fieldset(target, name, "checks", value or [], label, inner)


def emotions(target: Any, name: str, value: list[dict[str, Any]], label: str, choices: Options, *, can: bool) -> Markup:
    """An intensity (1..5 or none) per emotion of the method; custom emotions are kept as they are."""
    records = value or []
    if not can:
        names = dict(choices)
        shown = [f"{r.get('label') or names.get(r['emotion'], r['emotion'])} {r['intensity']}" for r in records]
        return _read_only(label, " · ".join(shown))
    levels = [("", "—"), *[(str(n), str(n)) for n in range(1, 6)]]
    selects = []
    for key, text in choices:
        if key == "custom":
            continue
        found = next((str(r["intensity"]) for r in records if r.get("emotion") == key), "")
        options = "".join(
            f'<option value="{v}"{" selected" if v == found else ""}>{escape(t)}</option>' for v, t in levels
        )
        select = f'<select data-e="{escape(key)}">{options}</select>'
        selects.append(f'<label class="pf-em">{escape(text)} {select}</label>')
    return _fieldset(target, name, "emotions", records, label, f'<div class="pf-em-row">{"".join(selects)}</div>')


def _row_cell(column: dict[str, Any], value: Any) -> str:
    key = escape(column["key"])
    label = escape(column.get("label", ""))
    text = escape(str(value or ""))
    if column.get("kind") == "hidden":
        return f'<input type="hidden" data-s="{key}" value="{text}">'
    if column.get("kind") == "fixed":
        return f'<span class="pr-fixed" data-s="{key}" data-val="{text}">{escape(column["show"](value))}</span>'
    if column.get("options") is not None:
        options = "".join(
            f'<option value="{escape(str(k))}"{" selected" if str(k) == str(value) else ""}>{escape(t)}</option>'
            for k, t in column["options"]
        )
        return f'<select data-s="{key}" aria-label="{label}">{options}</select>'
    holder = escape(column.get("placeholder", ""))
    return f'<input type="text" data-s="{key}" aria-label="{label}" placeholder="{holder}" value="{text}">'


def _cell_text(column: dict[str, Any], value: Any) -> str:
    if "show" in column:
        return str(column["show"](value))
    if column.get("options") is not None:
        return {str(k): t for k, t in column["options"]}.get(str(value), "")
    return str(value or "")


def _row_text(columns: Sequence[dict[str, Any]], record: dict[str, Any]) -> str:
    """One record as a line of read-only text."""
    shown = [_cell_text(c, record.get(c["key"])) for c in columns]
    return " · ".join(text for text, c in zip(shown, columns, strict=True) if c.get("kind") != "hidden" and text)


def _row(columns: Sequence[dict[str, Any]], item: dict[str, Any], remove: str) -> str:
    cells = "".join(_row_cell(c, item.get(c["key"])) for c in columns)
    label = escape(remove)
    button = f'<button type="button" class="jm-icon danger" data-pact="row-remove" aria-label="{label}">✕</button>'
    return f'<div class="pr">{cells}{button}</div>'


def rows(
    target: Any,
    name: str,
    value: list[dict[str, Any]],
    label: str,
    columns: Sequence[dict[str, Any]],
    *,
    can: bool,
    add: str = "",
    remove: str = "",
    hint: str = "",
) -> Markup:
    """A list of small records (activity rules, heuristics) edited as rows and saved as one list.

    `columns` name each record's keys: a text input, a select (with "options"), a hidden value or
    a fixed value shown as text ("fixed", with "show"). Rows without their first text are left out.
    """
    records = value or []
    if not can:
        return _read_only(label, "\n".join(_row_text(columns, r) for r in records))
    body = "".join(_row(columns, r, remove) for r in records)
    blank = {c["key"]: (c["options"][0][0] if c.get("options") else "") for c in columns}
    adder = ""
    if add:
        adder = (
            f'<template class="pr-template">{_row(columns, blank, remove)}</template>'
            f'<button type="button" class="jm-add" data-pact="row-add">+ {escape(add)}</button>'
        )
    required = next((c["key"] for c in columns if c.get("kind", "text") == "text" and not c.get("options")), "")
    inner = f'{_hint(hint)}<div class="pr-list">{body}</div>{adder}'
    return _fieldset(target, name, "rows", records, label, inner, f' data-required="{escape(required)}"')
