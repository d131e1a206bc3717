"""The process map: the directly-follows graph laid out left to right as inline SVG, no libraries.

Layout: the most frequent activities become boxes; the most frequent transitions between them become
arrows (plus each box's busiest incoming and outgoing arrow, so no box floats alone). Activities are
put in their usual order: the mean position of their first occurrence in the most frequent variants
(weighted by cases); activities those variants do not contain come one after their predecessors
(weighted), and failing that, at their breadth-first distance from the start. Each box then goes one
column to the right of its main predecessor: the box earlier in that order that most often directly
precedes it, so the main flow reads left to right in adjacent columns and rework loops do not push
boxes further right. Within a column boxes are ordered by the mean row of their predecessors
(barycentre), which keeps most arrows short and uncrossed. Forward arrows are curves between columns
(over or under the columns they skip when a box is in the way); arrows going back arc above or below
the boxes; arrows within a column bulge out to the side. Arrow thickness grows with the count.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from klantreis.analytics.analyses.activities import ActivityStats
from klantreis.analytics.analyses.overview import ActivityCount
from klantreis.analytics.analyses.transitions import Transition
from klantreis.analytics.analyses.variants import Variant
from klantreis.analytics.report.formatting import compact_duration, count

START, END = "\0start", "\0end"  # pseudo-nodes; no activity name can start with NUL

BOX_W, BOX_H = 168, 44
COLUMN_GAP, ROW_GAP, MARGIN = 96, 34, 24
TERMINAL_R = 14  # radius of the start and end circles
ARC_ROOM = 48  # above and below the boxes
MAX_LABEL = 24  # characters of an activity name inside its box


@dataclass(frozen=True)
class Edge:
    """An arrow of the map; start and end arrows carry no time."""

    source: str
    target: str
    count: int
    median_seconds: float | None


@dataclass(frozen=True)
class ProcessGraph:
    """The part of the directly-follows graph that is drawn, and how much was left out."""

    nodes: tuple[str, ...]
    events: dict[str, int]
    edges: tuple[Edge, ...]
    all_nodes: int
    all_edges: int
    positions: dict[str, float]  # mean index of the first occurrence in the top variants, where known


def select_graph(
    activities: Sequence[ActivityStats],
    transitions: Sequence[Transition],
    starts: Sequence[ActivityCount],
    ends: Sequence[ActivityCount],
    variants: Sequence[Variant] = (),
    *,
    max_nodes: int = 24,
    max_edges: int = 40,
) -> ProcessGraph:
    """The most frequent activities and transitions, enough to read the main flow."""
    ranked = sorted(activities, key=lambda a: (-a.events, a.activity))[:max_nodes]
    nodes = {a.activity for a in ranked}
    inside = sorted(
        (t for t in transitions if t.source in nodes and t.target in nodes),
        key=lambda t: (-t.count, t.source, t.target),
    )
    kept = set(range(min(max_edges, len(inside))))
    # Every box keeps its busiest way in and out, so the flow stays connected after filtering.
    for node in nodes:
        for side in ("source", "target"):
            index = next((i for i, t in enumerate(inside) if getattr(t, side) == node and t.source != t.target), None)
            if index is not None:
                kept.add(index)
    edges = [Edge(inside[i].source, inside[i].target, inside[i].count, inside[i].median_seconds) for i in sorted(kept)]
    edges += [Edge(START, s.activity, s.count, None) for s in starts if s.activity in nodes]
    edges += [Edge(e.activity, END, e.count, None) for e in ends if e.activity in nodes]
    return ProcessGraph(
        nodes=tuple(a.activity for a in ranked),
        events={a.activity: a.events for a in ranked},
        edges=tuple(edges),
        all_nodes=len(activities),
        all_edges=len(transitions),
        positions=_first_positions(variants),
    )


def _first_positions(variants: Sequence[Variant]) -> dict[str, float]:
    """Per activity, the case-weighted mean index of its first occurrence in `variants`."""
    total: dict[str, float] = defaultdict(float)
    weight: dict[str, int] = defaultdict(int)
    for variant in variants:
        seen: set[str] = set()
        for index, activity in enumerate(variant.activities):
            if activity not in seen:
                seen.add(activity)
                total[activity] += index * variant.count
                weight[activity] += variant.count
    return {activity: total[activity] / weight[activity] for activity in total}


def _distances(graph: ProcessGraph) -> dict[str, int]:
    """Breadth-first distance from the start (unreachable boxes: one more than the furthest)."""
    successors: dict[str, list[str]] = defaultdict(list)
    for edge in graph.edges:
        successors[edge.source].append(edge.target)
    distance = {START: 0}
    queue = deque([START])
    while queue:
        node = queue.popleft()
        for nxt in successors[node]:
            if nxt not in distance:
                distance[nxt] = distance[node] + 1
                queue.append(nxt)
    furthest = max(distance.values())
    return {node: distance.get(node, furthest + 1) for node in (*graph.nodes, START, END)}


def _usual_positions(graph: ProcessGraph, distance: dict[str, int]) -> dict[str, float]:
    """Known first positions; for the other boxes one after their predecessors' (weighted), else by distance."""
    usual: dict[str, float] = {START: -1.0, **{n: graph.positions[n] for n in graph.nodes if n in graph.positions}}
    changed = True
    while changed:
        changed = False
        for node in graph.nodes:
            if node in usual:
                continue
            known = [(usual[e.source] + 1, e.count) for e in graph.edges if e.target == node and e.source in usual]
            if known:
                usual[node] = sum(p * w for p, w in known) / sum(w for _, w in known)
                changed = True
    # A first occurrence at index 0 is one step from the start node, like a breadth-first distance of 1.
    return {node: usual.get(node, distance[node] - 1.0) for node in graph.nodes}


def _ranks(graph: ProcessGraph) -> dict[str, int]:
    """Column per node: one to the right of the node that most often leads to it (its main predecessor).

    Only nodes earlier in the usual order can be a main predecessor, which breaks the cycles of rework.
    """
    distance = _distances(graph)
    usual = _usual_positions(graph, distance)
    sequence = sorted(graph.nodes, key=lambda n: (usual[n], distance[n], n))
    place = {START: -1, **{node: index for index, node in enumerate(sequence)}}
    rank = {START: 0}
    for node in sequence:
        incoming = [e for e in graph.edges if e.target == node and e.source in place and place[e.source] < place[node]]
        main = max(incoming, key=lambda e: (e.count, -place[e.source]), default=None)
        rank[node] = rank[main.source] + 1 if main is not None else 1
    rank[END] = max(rank.values()) + 1
    return rank


def _columns(graph: ProcessGraph, rank: dict[str, int]) -> list[list[str]]:
    columns: list[list[str]] = [[] for _ in range(max(rank.values()) + 1)]
    for node in (START, *graph.nodes, END):
        columns[rank[node]].append(node)
    weights: dict[tuple[str, str], int] = {(e.source, e.target): e.count for e in graph.edges}
    row: dict[str, float] = {}
    for column in columns:
        # Barycentre of the predecessors placed so far, weighted by how often they lead here.
        def key(node: str) -> tuple[float, int, str]:
            pulls = [(row[s], w) for (s, t), w in weights.items() if t == node and s in row]
            total = sum(w for _, w in pulls)
            centre = sum(r * w for r, w in pulls) / total if total else float("inf")
            return centre, -graph.events.get(node, 0), node

        column.sort(key=key)
        for index, node in enumerate(column):
            row[node] = index - (len(column) - 1) / 2
    return columns


def _label(name: str) -> str:
    return name if len(name) <= MAX_LABEL else name[: MAX_LABEL - 1] + "…"


@dataclass(frozen=True)
class Layout:
    """Where every node is: its column (rank) and centre, and the boxes of every column."""

    rank: dict[str, int]
    centre: dict[str, tuple[float, float]]
    columns: list[list[str]]
    width: float
    height: float

    def column_x(self, column: int) -> float:
        """The left edge of a column."""
        return MARGIN + column * (BOX_W + COLUMN_GAP)

    def span(self, first: int, last: int) -> tuple[float, float]:
        """The top and bottom of the boxes in columns first..last (inclusive)."""
        ys = [self.centre[n][1] for c in range(first, last + 1) for n in self.columns[c]]
        return min(ys) - BOX_H / 2, max(ys) + BOX_H / 2

    def blocked(self, first: int, last: int, y0: float, y1: float) -> bool:
        """Whether a straight run from column first-1 (height y0) to last+1 (height y1) hits a box."""
        steps = last - first + 2
        for column in range(first, last + 1):
            y = y0 + (y1 - y0) * (column - first + 1) / steps
            if any(abs(self.centre[n][1] - y) < BOX_H / 2 + 6 for n in self.columns[column]):
                return True
        return False


def layout(graph: ProcessGraph) -> Layout:
    """Columns, rows and coordinates of every node."""
    rank = _ranks(graph)
    columns = _columns(graph, rank)
    tallest = max(len(c) for c in columns)
    # Room above and below the boxes for arrows that arc around them.
    height = 2 * (MARGIN + ARC_ROOM) + tallest * BOX_H + (tallest - 1) * ROW_GAP
    width = MARGIN * 2 + len(columns) * BOX_W + (len(columns) - 1) * COLUMN_GAP
    centre: dict[str, tuple[float, float]] = {}
    for c, column in enumerate(columns):
        top = MARGIN + ARC_ROOM + (tallest - len(column)) * (BOX_H + ROW_GAP) / 2
        for r, node in enumerate(column):
            centre[node] = (MARGIN + c * (BOX_W + COLUMN_GAP) + BOX_W / 2, top + r * (BOX_H + ROW_GAP) + BOX_H / 2)
    return Layout(rank, centre, columns, width, height)


def process_map_svg(
    graph: ProcessGraph, *, lang: str = "en", start_label: str = "start", end_label: str = "end"
) -> str:
    """The process map as an <svg> element to inline in HTML (every text escaped)."""
    placed = layout(graph)
    heaviest = max((e.count for e in graph.edges), default=1)
    busiest = max(graph.events.values(), default=1)
    parts = [
        f'<svg class="process-map" viewBox="0 0 {placed.width:.0f} {placed.height:.0f}" '
        f'width="{placed.width:.0f}" height="{placed.height:.0f}" role="img" aria-label="process map">',
        '<defs><marker id="pm-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" '
        'markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#5b6b7f"/></marker></defs>',
    ]
    # Thin arrows first, so the main flow is drawn on top.
    for edge in sorted(graph.edges, key=lambda e: (e.count, e.source, e.target)):
        parts.append(_edge_svg(edge, placed, heaviest, lang))
    for node in (START, END):
        x, y = placed.centre[node]
        text = start_label if node == START else end_label
        parts.append(
            f'<g class="pm-terminal"><circle cx="{x:.1f}" cy="{y:.1f}" r="{TERMINAL_R}"/>'
            f'<text x="{x:.1f}" y="{y + TERMINAL_R + 14:.1f}" text-anchor="middle">{escape(text)}</text></g>'
        )
    for node in graph.nodes:
        parts.append(_node_svg(node, placed.centre[node], graph.events[node], busiest, lang))
    parts.append("</svg>")
    return "\n".join(parts)


def _node_svg(node: str, at: tuple[float, float], events: int, busiest: int, lang: str) -> str:
    x, y = at[0] - BOX_W / 2, at[1] - BOX_H / 2
    # Busier activities get a deeper fill, from 15% to 60% opacity.
    opacity = 0.15 + 0.45 * events / busiest
    return (
        f'<g class="pm-node"><title>{escape(node)} ({count(events, lang)})</title>'
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{BOX_W}" height="{BOX_H}" rx="6" fill-opacity="{opacity:.2f}"/>'
        f'<text x="{at[0]:.1f}" y="{at[1] - 3:.1f}" text-anchor="middle" class="pm-name">{escape(_label(node))}</text>'
        f'<text x="{at[0]:.1f}" y="{at[1] + 13:.1f}" text-anchor="middle" class="pm-count">{count(events, lang)}</text>'
        "</g>"
    )


def _anchor(node: str, at: tuple[float, float], side: str) -> tuple[float, float]:
    half_w = TERMINAL_R if node in (START, END) else BOX_W / 2
    half_h = TERMINAL_R if node in (START, END) else BOX_H / 2
    offsets = {"right": (half_w, 0.0), "left": (-half_w, 0.0), "top": (0.0, -half_h), "bottom": (0.0, half_h)}
    dx, dy = offsets[side]
    return at[0] + dx, at[1] + dy


def _route(edge: Edge, placed: Layout) -> tuple[str, float, float]:
    """The SVG path of an arrow and where its label goes."""
    source, target = placed.centre[edge.source], placed.centre[edge.target]
    first, last = placed.rank[edge.source], placed.rank[edge.target]
    if edge.source == edge.target:
        # A self-loop: a small arc over the top of the box.
        x, y = source[0], source[1] - BOX_H / 2
        path = f"M{x - 20:.1f},{y:.1f} C{x - 30:.1f},{y - 34:.1f} {x + 30:.1f},{y - 34:.1f} {x + 20:.1f},{y:.1f}"
        return path, x, y - 28
    if last > first:
        (x0, y0), (x1, y1) = _anchor(edge.source, source, "right"), _anchor(edge.target, target, "left")
        if last - first > 1 and placed.blocked(first + 1, last - 1, y0, y1):
            return _around(placed, first + 1, last - 1, (x0, y0), (x1, y1))
        bend = (x1 - x0) / 2
        path = f"M{x0:.1f},{y0:.1f} C{x0 + bend:.1f},{y0:.1f} {x1 - bend:.1f},{y1:.1f} {x1:.1f},{y1:.1f}"
        return path, (x0 + x1) / 2, (y0 + y1) / 2 - 4
    if last == first:
        # Within a column: bulge out to the right, further for boxes further apart.
        (x0, y0), (x1, y1) = _anchor(edge.source, source, "right"), _anchor(edge.target, target, "right")
        out = x0 + 24 + abs(y1 - y0) / 6
        path = f"M{x0:.1f},{y0:.1f} C{out:.1f},{y0:.1f} {out:.1f},{y1:.1f} {x1:.1f},{y1:.1f}"
        return path, out - 6, (y0 + y1) / 2
    # Back arrows arc above the boxes in the upper half of the map and below those in the lower half.
    side = "top" if (source[1] + target[1]) / 2 < placed.height / 2 else "bottom"
    (x0, y0), (x1, y1) = _anchor(edge.source, source, side), _anchor(edge.target, target, side)
    reach = 24 + 4 * (first - last)
    lane = min(y0, y1) - reach if side == "top" else max(y0, y1) + reach
    path = f"M{x0:.1f},{y0:.1f} C{x0:.1f},{lane:.1f} {x1:.1f},{lane:.1f} {x1:.1f},{y1:.1f}"
    return path, (x0 + x1) / 2, lane + (8 if side == "top" else -6)


def _around(
    placed: Layout, first: int, last: int, start: tuple[float, float], end: tuple[float, float]
) -> tuple[str, float, float]:
    """A forward arrow that would cross boxes: over (or under) the columns it skips, then down (or up)."""
    top, bottom = placed.span(first, last)
    middle = (start[1] + end[1]) / 2
    lane = top - 14 if middle - top <= bottom - middle else bottom + 14
    xa, xb = placed.column_x(first) - 12, placed.column_x(last) + BOX_W + 12
    (x0, y0), (x1, y1) = start, end
    path = (
        f"M{x0:.1f},{y0:.1f} C{(x0 + xa) / 2:.1f},{y0:.1f} {(x0 + xa) / 2:.1f},{lane:.1f} {xa:.1f},{lane:.1f} "
        f"L{xb:.1f},{lane:.1f} C{(xb + x1) / 2:.1f},{lane:.1f} {(xb + x1) / 2:.1f},{y1:.1f} {x1:.1f},{y1:.1f}"
    )
    return path, (xa + xb) / 2, lane - 4


def _edge_svg(edge: Edge, placed: Layout, heaviest: int, lang: str) -> str:
    width = 1 + 7 * edge.count / heaviest
    path, label_x, label_y = _route(edge, placed)
    label = count(edge.count, lang)
    if edge.median_seconds is not None:
        label += f" · {compact_duration(edge.median_seconds, lang)}"
    title = f"{_name(edge.source)} → {_name(edge.target)}: {label}"
    return (
        f'<g class="pm-edge"><title>{escape(title)}</title>'
        f'<path d="{path}" stroke-width="{width:.1f}" marker-end="url(#pm-arrow)"/>'
        f'<text x="{label_x:.1f}" y="{label_y:.1f}" text-anchor="middle">{escape(label)}</text></g>'
    )


def _name(node: str) -> str:
    return {START: "start", END: "end"}.get(node, node)
