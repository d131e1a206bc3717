"""Helpers shared by the apps' admin pages: stored JSON shown readable, never edited by hand."""

from __future__ import annotations

import json
from typing import Any

from django.utils.html import format_html
from django.utils.safestring import SafeString


def pretty_json(value: Any) -> SafeString:
    """A JSON value as indented, escaped text in a scrollable block."""
    text = json.dumps(value, indent=2, ensure_ascii=False, sort_keys=False)
    return format_html('<pre style="max-height:40rem;overflow:auto;white-space:pre-wrap">{}</pre>', text)
