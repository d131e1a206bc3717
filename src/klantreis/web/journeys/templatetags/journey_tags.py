"""Template helpers for journey pages: dictionary lookups and compact value display."""

from __future__ import annotations

import json
import re
from typing import Any

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import normalize_newlines

from klantreis.web.journeys.views_comments import MENTION

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


@register.filter
def with_mentions(body: str, mentioned: Any) -> SafeString:
    """A comment with its line breaks, every @mention of a member it notified highlighted; all text escaped."""
    names = {user.get_username() for user in mentioned}

    def mark(match: re.Match[str]) -> str:
        name = match.group(1).rstrip(".")
        if name not in names:
            return match.group(0)
        rest = match.group(1)[len(name) :]
        return f'<mark class="mention">@{name}</mark>{rest}'

    # Safe: the body is escaped before the marks go in.
    text = MENTION.sub(mark, str(escape(normalize_newlines(body))))
    return mark_safe(text.replace("\n", "<br>"))
