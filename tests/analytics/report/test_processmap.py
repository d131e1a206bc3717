"""The process map's selection and layout: readable, connected, left to right, thickness by frequency."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import ibis.expr.types as ir
import pytest

from klantreis.analytics.analyses import Bundle, run_bundle
from klantreis.analytics.engine import Engine, connect
from klantreis.analytics.ingest import ingest
from klantreis.analytics.report import ProcessGraph, compact_duration, process_map_svg, select_graph
from klantreis.analytics.report.processmap import END, START, layout

RUNNING_EXAMPLE = Path(__file__).resolve().parents[2] / "data" / "running-example.xes"


@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bundle]:
    with connect("duckdb") as engine:
        yield run_bundle(load(engine, tmp_path_factory))


def load(engine: Engine, factory: pytest.TempPathFactory) -> ir.Table:
    return engine.load(ingest(RUNNING_EXAMPLE, cache_dir=factory.mktemp("cache")).parquet)


def graph_of(bundle: Bundle, **limits: int) -> ProcessGraph:
    return select_graph(
        bundle.activities.activities,
        bundle.transitions.transitions,
        bundle.overview.start_activities,
        bundle.overview.end_activities,
        bundle.variants.top,
        **limits,
    )


def test_the_running_example_reads_left_to_right_in_its_usual_order(running: Bundle) -> None:
    graph = graph_of(running)
    placed = layout(graph)
    assert placed.rank[START] == 0
    assert placed.rank["register request"] == 1
    # Each box sits one column right of the box earlier in the usual order that most often leads to it.
    assert placed.rank["examine casually"] == placed.rank["examine thoroughly"] == 2
    assert placed.rank["check ticket"] == 3
    assert placed.rank["decide"] == 4
    assert placed.rank["reinitiate request"] == placed.rank["pay compensation"] == placed.rank["reject request"] == 5
    assert placed.rank[END] == 6
    xs = [placed.centre[n][0] for n in ("register request", "check ticket", "decide")]
    assert xs == sorted(xs)


def test_every_activity_and_transition_of_a_small_log_is_drawn_with_counts_and_times(running: Bundle) -> None:
    svg = process_map_svg(graph_of(running))
    assert svg.count('<g class="pm-node">') == 8
    # 16 transitions plus the arrow from start and the two into the end.
    assert svg.count('<g class="pm-edge">') == 19
    check_decide = next(
        t for t in running.transitions.transitions if (t.source, t.target) == ("check ticket", "decide")
    )
    assert f"check ticket → decide: 6 · {compact_duration(check_decide.median_seconds)}" in svg


def test_the_busiest_arrow_is_the_thickest(running: Bundle) -> None:
    svg = process_map_svg(graph_of(running))
    widths = {
        title: float(width)
        for title, width in re.findall(r"<title>([^<]*)</title><path d=\"[^\"]*\" stroke-width=\"([\d.]+)\"", svg)
    }
    assert max(widths, key=lambda title: widths[title]).startswith("start → register request: 6")
    assert widths["start → register request: 6"] == 8.0
    assert min(widths.values()) > 1.0


def test_a_big_log_is_cut_down_to_the_busiest_activities_and_transitions_but_stays_connected(running: Bundle) -> None:
    graph = graph_of(running, max_nodes=5, max_edges=3)
    assert set(graph.nodes) == {"check ticket", "decide", "examine casually", "register request", "examine thoroughly"}
    inner = [e for e in graph.edges if START not in (e.source, e.target) and END not in (e.source, e.target)]
    assert len(inner) >= 3
    touched = {e.source for e in inner} | {e.target for e in inner}
    assert touched == set(graph.nodes)
    assert graph.all_nodes == 8
    assert graph.all_edges == 16
