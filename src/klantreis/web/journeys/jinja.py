"""The Jinja2 environment of the map fragments: fast enough to redraw large maps on every edit.

Page templates are Django templates; the map's cells are rendered thousands of times per page,
where Jinja2's compiled templates are several times faster. Texts go through Django's gettext
(`_("...")` is picked up by makemessages like any template string); literal texts are translated
when a template compiles, once per language (see jinjafast).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from django.utils.translation import get_language, gettext, ngettext
from jinja2 import Environment, FileSystemLoader, Template

from klantreis.web.journeys import widgets
from klantreis.web.journeys.jinjafast import MapEnvironment, TranslatedLiterals

FOLDER = Path(__file__).resolve().parent / "jinja"


def _get(mapping: Any, key: Any) -> Any:
    return mapping.get(key, "") if isinstance(mapping, dict) else ""


@cache
def environment(language: str = "") -> Environment:
    """One shared environment per language; templates compile once per process and language."""
    env = MapEnvironment(
        loader=FileSystemLoader(FOLDER),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
        extensions=["jinja2.ext.i18n", TranslatedLiterals],
    )
    env.language = language
    env.install_gettext_callables(gettext, ngettext, newstyle=False)  # type: ignore[attr-defined]
    env.globals.update(ed=widgets.ed, segments=widgets.segments)
    env.filters.update(get=_get, as_json=widgets.as_json, emotions=widgets.emotions_text, quotes=widgets.quotes_text)
    return env


def template(name: str) -> Template:
    """A compiled map template by file name, in the active language."""
    return environment(get_language() or "").get_template(name)


@cache
def _memo(lang: str) -> dict[str, str]:
    return {}


def translator() -> Any:
    """gettext for the active language, memoised: a map asks for the same few texts thousands of times."""
    lang = get_language() or ""
    memo = _memo(lang)

    def fast(message: str) -> str:
        found = memo.get(message)
        if found is None:
            found = memo[message] = gettext(message)
        return found

    return fast


def render(name: str, **context: Any) -> str:
    """Render a map template in the active language."""
    return template(name).render(gettext=translator(), **context)
