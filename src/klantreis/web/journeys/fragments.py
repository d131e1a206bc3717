"""Render the editable map, whole or in parts (one column, one stage header, the curve)."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from markupsafe import Markup

from klantreis.web.journeys.curve import curve_svg
from klantreis.web.journeys.jinja import render
from klantreis.web.journeys.lanes import LANES
from klantreis.web.journeys.mapview import MapView
from klantreis.web.journeys.memo import COLUMNS, MAPS

# Bump when the map templates change, so cached fragments of the old markup are not reused.
MARKUP_VERSION = "1"


def _digest(value: Any) -> str:
    blob = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.blake2b(blob.encode(), digest_size=16).hexdigest()


def view_key(view: MapView) -> str:
    """What every fragment of this view depends on beyond its own content."""
    access = (view.access.structure, view.access.experience)
    return _digest([MARKUP_VERSION, view.lang, view.persona, access, view.personas])


def column_html(view: MapView, touchpoint: dict[str, Any], key: str | None = None) -> Markup:
    """One touchpoint column, rendered once per distinct content."""
    extra = [view.improvements_of(touchpoint["id"]), view.comment_counts.get(touchpoint["id"], 0)]
    cache_key = f"{key or view_key(view)}:{_digest([touchpoint, extra])}"
    html = COLUMNS.get_or_make(cache_key, lambda: render("column.html", v=view, c=view.column(touchpoint)))
    return Markup(html)


def stage_head_html(view: MapView, stage: dict[str, Any]) -> Markup:
    """One stage header."""
    return Markup(render("stage_head.html", v=view, st=view.stage(stage)))


def curve_html(view: MapView) -> Markup:
    """The emotion curve SVG for the personas shown."""
    return Markup(curve_svg(view.document.get("stages", []), view.shown_personas))


def grid_html(view: MapView, revision: int, version: int, comments_key: str = "") -> str:
    """The whole map grid; reused as long as the journey, the view and the comments are unchanged."""
    key = view_key(view)

    def make() -> str:
        def stage(st: dict[str, Any]) -> Markup:
            return Markup(render("stage.html", v=view, st=st, column=lambda c: column_html(view, c, key)))

        return render(
            "grid.html",
            v=view,
            stages=view.stages(),
            stage=stage,
            lanes=LANES,
            revision=revision,
            version=version,
            column_count=view.column_count(),
            curve=curve_html(view),
        )

    return MAPS.get_or_make(f"{view.document['id']}:{revision}:{key}:{comments_key}", make)


def head_html(view: MapView) -> Markup:
    """The journey's header: title, status, owner, scope and personas."""
    return Markup(render("head.html", v=view))


def parts_html(view: MapView, parts: list[str], revision: int, version: int, comments_key: str = "") -> dict[str, str]:
    """HTML for each changed part, keyed by the DOM id it replaces; 'jm-grid' stands for every column."""
    if "all" in parts:
        return {"jm-head": head_html(view), "jm-grid": grid_html(view, revision, version, comments_key)}
    found: dict[str, str] = {"jm-head": head_html(view)} if "journey" in parts else {}
    for part in parts:
        kind, _, item_id = part.partition(":")
        if kind == "tp" and (touchpoint := view.touchpoint(item_id)) is not None:
            found[f"tp-{item_id}"] = column_html(view, touchpoint)
        elif kind == "stage" and (stage := view.stage_by_id(item_id)) is not None:
            found[f"sh-{item_id}"] = stage_head_html(view, stage)
    found["jm-curve"] = curve_html(view)
    return found
