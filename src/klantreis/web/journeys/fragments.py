"""Render the editable map, whole or in parts (one column, one stage, one stage header, the curve).

A large map is hundreds of columns of markup, so the pieces are kept as UTF-8 bytes: each
column is rendered once per distinct content and reused by every later page and edit; the whole
map is a list of those byte strings, joined once into the response (see `views_editor`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

import pydantic_core
from markupsafe import Markup

from klantreis.web.journeys.curve import curve_svg
from klantreis.web.journeys.documents import revision_key
from klantreis.web.journeys.jinja import render
from klantreis.web.journeys.lanes import LANE_ROW, LANES
from klantreis.web.journeys.mapview import MapView
from klantreis.web.journeys.memo import COLUMNS, MAPS, STAGES
from klantreis.web.journeys.models import Journey

# Bump when the map templates change, so cached fragments of the old markup are not reused.
MARKUP_VERSION = "3"
# A large map sends its first columns with the page; the other stages follow as the reader
# scrolls to them (views_editor.stage), so the page stays light and quick however large the map.
EAGER_COLUMNS = 30
# The first stage comes with the page even when it is wider than that (up to this many columns):
# the first screen shows it, and fetching it separately would cost a round trip before it appears.
FIRST_STAGE_COLUMNS = 80


def _digest(value: Any) -> str:
    return hashlib.blake2b(pydantic_core.to_json(value), digest_size=16).hexdigest()


def view_key(view: MapView) -> str:
    """What every fragment of this view depends on beyond its own content."""
    access = (view.access.structure, view.access.experience)
    return _digest([MARKUP_VERSION, view.lang, view.persona, access, view.personas])


@dataclass(frozen=True)
class _Column:
    """A rendered column and what it was rendered from."""

    source: dict[str, Any]  # the touchpoint itself: documents share unchanged touchpoints between revisions
    extra: Any
    html: bytes


def _unchanged(known: _Column | _Stage | None, source: dict[str, Any], extra: Any) -> bool:
    """Whether a cached piece was rendered from this content.

    Comparing is cheap where it matters: documents share unchanged parts between revisions, and
    Python compares a shared part by identity without looking inside; a document read again (a
    new process, a rebuilt revision) is compared in full, still far cheaper than rendering.
    """
    return known is not None and (known.source is source or known.source == source) and known.extra == extra


def column_bytes(view: MapView, touchpoint: dict[str, Any], key: str | None = None) -> bytes:
    """One touchpoint column as UTF-8, rendered only when its content (or what it shows) changed."""
    extra = [view.improvements_of(touchpoint["id"]), view.comment_counts.get(touchpoint["id"], 0)]
    slot = f"{key or view_key(view)}:{touchpoint['id']}"
    known = COLUMNS.get(slot)
    if known is not None and _unchanged(known, touchpoint, extra):
        if known.source is not touchpoint:
            COLUMNS.put(slot, _Column(touchpoint, extra, known.html))  # next time: known by identity
        return known.html
    html = render("column.html", v=view, c=view.column(touchpoint)).encode()
    COLUMNS.put(slot, _Column(touchpoint, extra, html))
    return html


def column_html(view: MapView, touchpoint: dict[str, Any]) -> Markup:
    """One touchpoint column as markup."""
    return Markup(column_bytes(view, touchpoint).decode())


def stage_head_html(view: MapView, stage: dict[str, Any]) -> Markup:
    """One stage header."""
    return Markup(render("stage_head.html", v=view, st=view.stage(stage)))


def curve_html(view: MapView) -> Markup:
    """The emotion curve of the personas shown: the SVG in its box, laid over the curve lane."""
    svg = curve_svg(view.document.get("stages", []), view.shown_personas)
    style = f"grid-row: {LANE_ROW['curve']}; grid-column: 2 / span {view.column_count()}"
    return Markup(f'<div class="jm-curve" id="jm-curve" style="{style}">{svg}</div>')


def _stage_opening(view: MapView, st: dict[str, Any], key: str, lazy: bool) -> bytes:
    """A stage's opening tag and header, rendered again only when what they show changed."""
    stage = st["stage"]
    shown = (stage["name"], stage.get("description", ""), st["span"], st["comments"], lazy)
    slot = f"{key}:stage:{stage['id']}"
    known = COLUMNS.get(slot)
    if known is not None and known[0] == shown:
        html: bytes = known[1]
        return html
    html = render("stage.html", v=view, st=st, lazy=lazy).encode()
    COLUMNS.put(slot, (shown, html))
    return html


@dataclass(frozen=True)
class _Stage:
    """A rendered stage and what it was rendered from (like _Column, for a whole stage)."""

    source: dict[str, Any]
    extra: Any
    html: bytes


def _stage_extra(view: MapView, stage: dict[str, Any], lazy: bool) -> Any:
    """What a stage shows beyond its own content: comment counts, improvements, whether it is a placeholder."""
    ids = [touchpoint["id"] for touchpoint in stage.get("touchpoints", [])]
    counts = view.comment_counts
    return [lazy, counts.get(stage["id"], 0), [[counts.get(i, 0), view.improvements_of(i)] for i in ids]]


def _stage_piece(view: MapView, stage: dict[str, Any], key: str, lazy: bool = False) -> bytes:
    """One whole stage as UTF-8, rendered again only when the stage or what it shows changed.

    A changed stage is put together from its columns, of which only the changed ones are rendered.
    """
    extra = _stage_extra(view, stage, lazy)
    slot = f"{key}:{stage['id']}:{'lazy' if lazy else 'whole'}"
    known = STAGES.get(slot)
    if known is not None and _unchanged(known, stage, extra):
        if known.source is not stage:
            STAGES.put(slot, _Stage(stage, extra, known.html))  # next time: known by identity
        return known.html
    html = b"".join(_stage_chunks(view, stage, key, lazy))
    STAGES.put(slot, _Stage(stage, extra, html))
    return html


def _stage_chunks(view: MapView, stage: dict[str, Any], key: str, lazy: bool = False) -> list[bytes]:
    st = view.stage(stage)
    chunks = [_stage_opening(view, st, key, lazy)]
    if lazy:
        chunks.append(render("stage_lazy.html", v=view, st=st).encode())
    elif st["touchpoints"]:
        chunks.extend(column_bytes(view, touchpoint, key) for touchpoint in st["touchpoints"])
    else:
        chunks.append(render("stage_empty.html", v=view, st=st).encode())
    chunks.append(b"</section>\n")
    return chunks


def lazy_stages(stages: list[dict[str, Any]]) -> set[str]:
    """The stages a large map sends as placeholders: those beyond its first EAGER_COLUMNS columns
    (the first stage always comes along, unless it is wider than FIRST_STAGE_COLUMNS)."""
    budget = EAGER_COLUMNS
    lazy: set[str] = set()
    for index, stage in enumerate(stages):
        span = max(len(stage.get("touchpoints", [])), 1)
        first = index == 0 and span <= FIRST_STAGE_COLUMNS
        if lazy or (span > budget and not first):
            lazy.add(stage["id"])
        budget -= span
    return lazy


def stage_bytes(view: MapView, stage: dict[str, Any]) -> bytes:
    """One whole stage, its header and its columns, as UTF-8."""
    return _stage_piece(view, stage, view_key(view))


def stage_html(view: MapView, stage: dict[str, Any]) -> Markup:
    """One whole stage: its header and its columns."""
    return Markup(stage_bytes(view, stage).decode())


def grid_chunks(view: MapView, journey: Journey, comments_key: str = "") -> list[bytes]:
    """The whole map grid as UTF-8 pieces; reused while the journey, the view and the comments are unchanged."""
    key = view_key(view)

    def make() -> list[bytes]:
        opening = render("grid.html", v=view, lanes=LANES, revision=journey.revision, version=journey.version)
        chunks = [opening.encode()]
        stages = view.document.get("stages", [])
        lazy = lazy_stages(stages)
        chunks.extend(_stage_piece(view, stage, key, stage["id"] in lazy) for stage in stages)
        chunks.append(f"{curve_html(view)}</div>\n".encode())
        return chunks

    found: list[bytes] = MAPS.get_or_make(f"{revision_key(journey)}:{key}:{comments_key}", make)
    return found


def grid_html(view: MapView, journey: Journey, comments_key: str = "") -> Markup:
    """The whole map grid as markup (for JSON answers; pages send `grid_chunks` as they are)."""
    return Markup(b"".join(grid_chunks(view, journey, comments_key)).decode())


def head_html(view: MapView) -> Markup:
    """The journey's header: title, status, owner, scope and personas."""
    return Markup(render("head.html", v=view))


def parts_html(view: MapView, parts: list[str], journey: Journey, comments_key: str = "") -> dict[str, str]:
    """HTML for each changed part, keyed by the DOM id it replaces; 'jm-grid' stands for every column."""
    if "all" in parts:
        return {"jm-head": head_html(view), "jm-grid": grid_html(view, journey, comments_key)}
    found: dict[str, str] = {"jm-head": head_html(view)} if "journey" in parts else {}
    sections = {part.partition(":")[2] for part in parts if part.startswith("section:")}
    for part in parts:
        kind, _, item_id = part.partition(":")
        if kind == "section" and (stage := view.stage_by_id(item_id)) is not None:
            found[f"st-{item_id}"] = stage_html(view, stage)
        elif kind == "tp" and (touchpoint := view.touchpoint(item_id)) is not None:
            if view.stage_of(item_id) not in sections:
                found[f"tp-{item_id}"] = column_html(view, touchpoint)
        elif kind == "stage" and item_id not in sections and (stage := view.stage_by_id(item_id)) is not None:
            found[f"sh-{item_id}"] = stage_head_html(view, stage)
    if "curve" in parts or sections:
        found["jm-curve"] = curve_html(view)
    return found
