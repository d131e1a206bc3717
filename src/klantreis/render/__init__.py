"""Journey maps as standalone HTML pages, embeddable fragments and pure SVG."""

from klantreis.render.curve import emotion_curve_svg
from klantreis.render.data import TouchpointData
from klantreis.render.html import map_fragment, render_html, stylesheet
from klantreis.render.svg_map import render_svg

__all__ = ["TouchpointData", "emotion_curve_svg", "map_fragment", "render_html", "render_svg", "stylesheet"]
