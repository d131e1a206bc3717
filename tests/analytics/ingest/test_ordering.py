"""The import stores events sorted per case by (timestamp, position) with the ordering columns analyses read."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from klantreis.analytics.ingest import ingest
from klantreis.analytics.ingest import sink as sink_module
from klantreis.analytics.ingest.cache import FORMAT_VERSION
from klantreis.analytics.ingest.ordering import ORDERING, occurrences

TEST_DATA = Path(__file__).resolve().parents[2] / "data"

# Two cases interleaved, equal timestamps, an event without a timestamp, one without an activity, one
# without a case id, and a transition (x -> x) that case b makes twice. Parquet, so that missing values
# arrive as nulls.
LOG = [
    ("b", "x", "2024-01-01 10:00:00"),
    ("a", "y", "2024-01-01 09:00:00"),
    ("b", "y", "2024-01-01 10:00:00"),
    ("a", "x", None),
    ("b", "x", "2024-01-01 09:30:00"),
    (None, "z", "2024-01-01 08:00:00"),
    ("a", None, "2024-01-01 09:10:00"),
    ("b", "x", "2024-01-01 11:00:00"),
    ("b", "x", "2024-01-01 11:30:00"),
]


def write_log(directory: Path) -> Path:
    """LOG as a Parquet file."""
    path = directory / "log.parquet"
    moments = [None if when is None else datetime.fromisoformat(when).replace(tzinfo=UTC) for _, _, when in LOG]
    table = pa.table(
        {
            "case_id": pa.array([case for case, _, _ in LOG], pa.string()),
            "activity": pa.array([activity for _, activity, _ in LOG], pa.string()),
            "timestamp": pa.array(moments, pa.timestamp("us", tz="UTC")),
        }
    )
    pq.write_table(table, path)
    return path


def at(hour: int, minute: int = 0) -> datetime:
    """A moment on 1 January 2024, UTC."""
    return datetime(2024, 1, 1, hour, minute, tzinfo=UTC)


def stored_rows(path: Path) -> list[dict[str, Any]]:
    """The rows of an imported Parquet file as stored (position and the ordering columns)."""
    table = pq.read_table(path)
    rows: list[dict[str, Any]] = table.select(["position", *ORDERING]).to_pylist()
    return rows


def test_events_are_stored_per_case_in_time_then_file_order(tmp_path: Path) -> None:
    rows = stored_rows(ingest(write_log(tmp_path), cache_dir=tmp_path / "cache").parquet)
    # Case a: y, then the event without an activity, then the one without a timestamp (sorted last).
    # Case b: x at 9:30, then x and y at 10:00 in file order, then x, x. The case without an id last.
    assert [row["position"] for row in rows] == [1, 6, 3, 4, 0, 2, 7, 8, 5]
    assert [row["case_code"] for row in rows] == [0, 0, 0, 1, 1, 1, 1, 1, 2]


def test_the_ordering_columns_describe_each_kept_event_and_leave_the_others_empty(tmp_path: Path) -> None:
    rows = stored_rows(ingest(write_log(tmp_path), cache_dir=tmp_path / "cache").parquet)
    columns = ("event_rank", "activity_code", "next_activity_code", "seconds_to_next", "case_start")
    counts = ("occurrence", "transition_occurrence")
    expected = [
        # rank, activity (x=0, y=1, z=2), next activity, seconds to it, case start; occurrences
        ((0, 1, None, None, at(9)), (1, None)),
        ((None, None, None, None, None), (None, None)),  # no activity: left out
        ((None, 0, None, None, None), (None, None)),  # no timestamp: left out, but its activity is coded
        ((0, 0, 0, 1800.0, at(9, 30)), (1, 1)),
        ((1, 0, 1, 0.0, at(9, 30)), (2, 1)),
        ((2, 1, 0, 3600.0, at(9, 30)), (1, 1)),
        ((3, 0, 0, 1800.0, at(9, 30)), (3, 2)),  # x -> x the second time in case b
        ((4, 0, None, None, at(9, 30)), (4, None)),
        ((0, 2, None, None, at(8)), (1, None)),
    ]
    assert [(tuple(row[c] for c in columns), tuple(row[c] for c in counts)) for row in rows] == expected
    # Variants in sequence order: b (x x y x x) before a (y) before the case without an id (z).
    assert [row["variant_code"] for row in rows] == [1, None, None, 0, 0, 0, 0, 0, 2]


def test_sorting_on_disk_stores_the_same_table_as_sorting_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = np.random.default_rng(3)
    # Case ids beyond ASCII, sequences of many lengths (some repeated, some prefixes of others), equal
    # timestamps, and cases longer than the tiny batches below, so that cases straddle batch boundaries.
    lines = []
    for number in range(40):
        case = f"{'äZé'[number % 3]}{number}"
        for _ in range(rng.integers(1, 9)):
            lines.append(f"{case},{'abc'[rng.integers(0, 3)]},2024-01-{rng.integers(1, 4):02d} 10:00:00")
    log = tmp_path / "log.csv"
    log.write_text("case_id,activity,timestamp\n" + "\n".join(rng.permutation(lines)) + "\n")
    in_memory = pq.read_table(ingest(log, cache_dir=tmp_path / "memory").parquet)
    monkeypatch.setattr(sink_module, "SORT_IN_MEMORY_BYTES", 0)
    monkeypatch.setattr(sink_module, "FLUSH_ROWS", 4)
    on_disk = ingest(log, cache_dir=tmp_path / "disk").parquet
    assert pq.read_table(on_disk).equals(in_memory)
    assert pq.ParquetFile(on_disk).metadata.num_row_groups > 1
    assert 5 < len(set(in_memory["variant_code"].to_pylist())) < 40


def test_sorting_on_disk_keeps_every_attribute_and_type(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = pq.read_table(ingest(TEST_DATA / "running-example.xes", cache_dir=tmp_path / "memory").parquet)
    monkeypatch.setattr(sink_module, "SORT_IN_MEMORY_BYTES", 0)
    on_disk = pq.read_table(ingest(TEST_DATA / "running-example.xes", cache_dir=tmp_path / "disk").parquet)
    # The running example has attributes that differ only by case ("Activity" beside "activity").
    assert on_disk.schema == expected.schema
    assert on_disk.equals(expected)
    assert not [path.name for path in (tmp_path / "disk").iterdir() if path.name.startswith(".partial")]


def test_an_attribute_named_like_an_ordering_column_is_moved_aside(tmp_path: Path) -> None:
    (tmp_path / "log.csv").write_text("case_id,activity,timestamp,event_rank\nc,a,2024-01-01 10:00:00,7\n")
    result = ingest(tmp_path / "log.csv", cache_dir=tmp_path / "cache")
    row = pq.read_table(result.parquet).to_pylist()[0]
    assert (row["attribute:event_rank"], row["event_rank"]) == ("7", 0)
    assert "event_rank" not in result.columns


def test_an_empty_log_gets_the_ordering_columns_too(tmp_path: Path) -> None:
    (tmp_path / "log.csv").write_text("case_id,activity,timestamp\n")
    result = ingest(tmp_path / "log.csv", cache_dir=tmp_path / "cache")
    assert set(ORDERING) <= set(pq.read_schema(result.parquet).names)
    assert result.events == 0


def test_a_cache_entry_of_the_unsorted_format_is_imported_again(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = ingest(TEST_DATA / "running-example.xes", cache_dir=cache)
    summary = cache / first.parquet.with_suffix(".json").name
    old = {**json.loads(summary.read_text()), "version": 1}
    summary.write_text(json.dumps(old))
    assert FORMAT_VERSION > 1
    assert not ingest(TEST_DATA / "running-example.xes", cache_dir=cache).cached


def test_occurrences_count_alike_with_one_combined_key_and_with_several() -> None:
    rng = np.random.default_rng(7)
    case, code, following = (rng.integers(0, 5, 500) for _ in range(3))
    combined = occurrences([np.sort(case), code, following], width=5)
    # A width this large cannot be packed into one 64-bit key: the several-key sort takes over.
    several = occurrences([np.sort(case), code, following], width=2**40)
    assert combined.tolist() == several.tolist()
    assert combined.min() == 1
