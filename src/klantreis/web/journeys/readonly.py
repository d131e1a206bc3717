"""The read-only map of a share link, drawn by render/ exactly as `klantreis render` draws it."""

from __future__ import annotations

from klantreis.web.journeys.documents import revision_key
from klantreis.web.journeys.memo import MAPS
from klantreis.web.journeys.models import Journey


def shared_map_html(journey: Journey, lang: str) -> str:
    """The map markup (no <html> around it) of the journey's latest version, cached per revision."""

    def make() -> str:
        from klantreis import render

        return str(render.map_fragment(journey.parsed(), lang=lang))

    found: str = MAPS.get_or_make(f"shared:{revision_key(journey)}:{lang}", make)
    return found
