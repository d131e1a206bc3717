"""Template helpers for journey pages: dictionary lookups and compact value display."""

from __future__ import annotations

import json
from typing import Any

from django import template

register = template.Library()


@register.filter
def get(mapping: Any, key: Any) -> Any:
    """mapping[key] in a template, '' when absent (keys compared as text)."""
    if not isinstance(mapping, dict):
        return ""
    return mapping.get(key, mapping.get(str(key), ""))


@register.filter
def as_json(value: Any) -> str:
    """The value as compact JSON, for data attributes read by the editor script."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@register.filter
def shown(value: Any) -> str:
    """A stored value as readable text: lists one per line, empty as an em dash."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, list):
        return "\n".join(shown(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {shown(v)}" for k, v in value.items() if v not in (None, "", []))
    return str(value)
