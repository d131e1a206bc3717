"""The map as HTML: a fragment for the web app and a standalone page that opens offline."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources
from types import SimpleNamespace
from uuid import UUID

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from klantreis.journey.model import JourneyDocument
from klantreis.render.build import build_view
from klantreis.render.curve import COLUMN_WIDTH, emotion_curve_svg
from klantreis.render.data import TouchpointData
from klantreis.render.icons import channel_icon
from klantreis.render.view import Scope


@cache
def environment() -> Environment:
    """The Jinja2 environment of the renderer: package templates, everything escaped."""
    env = Environment(
        loader=PackageLoader("klantreis.render", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["channel_icon"] = channel_icon
    return env


@cache
def stylesheet() -> str:
    """The map's CSS, for pages that embed several fragments and include it once."""
    return resources.files("klantreis.render").joinpath("static/map.css").read_text("utf-8")


def map_fragment(
    document: JourneyDocument,
    *,
    lang: str | None = None,
    persona: UUID | None = None,
    data: Mapping[UUID, TouchpointData] | None = None,
    include_css: bool = True,
    photos: str = "any",
) -> str:
    """The map markup without <html>, for embedding; `photos="data"` keeps only embedded photos."""
    scope = Scope(document, lang or document.language.value, persona, data, photos)
    view = build_view(scope)
    curve = emotion_curve_svg(document, lang=scope.lang, persona=persona, column_width=COLUMN_WIDTH)
    return (
        environment()
        .get_template("map.html")
        .render(
            view=view,
            texts=SimpleNamespace(**view.texts),
            curve=Markup(curve),
            css=Markup(stylesheet()) if include_css else "",
        )
    )


def render_html(
    document: JourneyDocument,
    *,
    lang: str | None = None,
    persona: UUID | None = None,
    data: Mapping[UUID, TouchpointData] | None = None,
) -> str:
    """A complete standalone HTML5 page of the map: inline CSS and icons, no external assets."""
    language = lang or document.language.value
    fragment = map_fragment(document, lang=language, persona=persona, data=data, include_css=False, photos="data")
    return (
        environment()
        .get_template("page.html")
        .render(lang=language, title=document.title, css=Markup(stylesheet()), fragment=Markup(fragment))
    )
