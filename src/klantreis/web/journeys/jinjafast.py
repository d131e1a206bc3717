"""Jinja2 made cheaper for the map's templates, which render thousands of cells per map.

Profiling a cold map shows Jinja's bookkeeping, not the markup, taking most of the time: every
`_("...")` is two calls through `Context.call`, every `tp.name` on a dict first fails as an
attribute, and every call checks its callable for `pass_context` markers. Here the texts are
translated when a template is compiled (one compiled template per language), dict fields are
looked up as items, and plain functions are called straight away. What a template renders is
unchanged.
"""

from __future__ import annotations

import re
from types import FunctionType
from typing import Any

from django.utils import translation
from jinja2 import Environment
from jinja2.ext import Extension
from jinja2.runtime import Context

# A translatable literal: _("...") or _('...') without escapes, inside a {{ }} or {% %} tag.
TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
LITERAL = re.compile(r"(?<![\w.])_\(\s*(\"[^\"\\]*\"|'[^'\\]*')\s*\)")
DICT_ATTRIBUTES = frozenset(dir(dict))


def jinja_string(text: str) -> str:
    """`text` as a Jinja string literal."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'


class TranslatedLiterals(Extension):
    """Replace each literal `_("text")` by the translated text, in the environment's language."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        """The template source with its literal texts translated (untouched without a language: makemessages)."""
        language = getattr(self.environment, "language", "")
        if not language:
            return source
        with translation.override(language):
            return TAG.sub(lambda tag: LITERAL.sub(self._translated, tag.group(0)), source)

    @staticmethod
    def _translated(found: re.Match[str]) -> str:
        return jinja_string(translation.gettext(found.group(1)[1:-1]))


class PlainCallContext(Context):
    """A context that calls plain functions (no pass_context and the like) without inspecting them."""

    def call(__self, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 - as Context.call
        """Call `__obj`; plain functions directly, anything else as Jinja does."""
        if type(__obj) is FunctionType and not hasattr(__obj, "jinja_pass_arg"):
            kwargs.pop("_block_vars", None)
            kwargs.pop("_loop_vars", None)
            try:
                return __obj(*args, **kwargs)
            except StopIteration:
                return __self.environment.undefined("value was undefined because a callable raised a StopIteration")
        return super().call(__obj, *args, **kwargs)


class MapEnvironment(Environment):
    """An environment for templates that read plain dicts (stored documents) field by field."""

    context_class = PlainCallContext
    language = ""

    def getattr(self, obj: Any, attribute: str) -> Any:
        """`obj.attribute`; on a dict the item, unless a dict method has that name (as Jinja would)."""
        if type(obj) is dict and attribute not in DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)
