"""The cache: a second import of the same file does not parse it; a failed import leaves nothing behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from klantreis.analytics.engine import connect
from klantreis.analytics.ingest import ColumnMapping, IngestError, default_cache_dir, ingest

TEST_DATA = Path(__file__).resolve().parents[2] / "data"
LOG = "case_id,activity,timestamp\nc1,a,2024-01-01 10:00:00\nc1,b,2024-01-01 11:00:00\nc2,a,2024-01-02 10:00:00\n"


def test_the_second_import_of_a_file_comes_from_the_cache_without_parsing(tmp_path: Path) -> None:
    first = ingest(TEST_DATA / "running-example.xes", cache_dir=tmp_path)
    written = first.parquet.stat().st_mtime_ns
    second = ingest(TEST_DATA / "running-example.xes", cache_dir=tmp_path)
    assert (first.cached, second.cached) == (False, True)
    assert second.parquet == first.parquet
    assert second.parquet.stat().st_mtime_ns == written
    assert (second.events, second.cases, second.activities, second.columns) == (
        first.events,
        first.cases,
        first.activities,
        first.columns,
    )


def test_the_cache_is_keyed_by_content_and_mapping_not_by_name(tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_text(LOG)
    copy = tmp_path / "copy.csv"
    copy.write_text(LOG)
    cache = tmp_path / "cache"
    assert not ingest(log, cache_dir=cache).cached
    assert ingest(copy, cache_dir=cache).cached
    assert not ingest(log, mapping=ColumnMapping(resource="activity"), cache_dir=cache).cached
    log.write_text(LOG + "c2,b,2024-01-02 11:00:00\n")
    changed = ingest(log, cache_dir=cache)
    assert (changed.cached, changed.events) == (False, 4)


def test_a_failed_import_leaves_nothing_in_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from klantreis.analytics.ingest import csvfile, sink

    # Small batches and row groups: the good rows are written to a file before the bad one is met.
    monkeypatch.setattr(sink, "FLUSH_ROWS", 1000)
    monkeypatch.setattr(csvfile, "_BLOCK", 1 << 16)
    log = tmp_path / "log.csv"
    log.write_text("case_id,activity,timestamp\n" + "c1,a,2024-01-01 10:00:00\n" * 30_000 + "c1,b,never\n")
    cache = tmp_path / "cache"
    with pytest.raises(IngestError, match=r"row 30001"):
        ingest(log, cache_dir=cache)
    assert list(cache.iterdir()) == []


def test_a_failed_xes_import_leaves_nothing_in_the_cache(tmp_path: Path) -> None:
    log = tmp_path / "log.xes"
    log.write_text('<?xml version="1.0"?>\n<log><trace><event><int key="n" value="x"/></event></trace></log>')
    cache = tmp_path / "cache"
    with pytest.raises(IngestError):
        ingest(log, cache_dir=cache)
    assert list(cache.iterdir()) == []


def test_the_cache_lives_where_the_environment_says(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KLANTREIS_CACHE", str(tmp_path / "explicit"))
    assert default_cache_dir() == tmp_path / "explicit"
    monkeypatch.delenv("KLANTREIS_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "klantreis" / "logs"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_cache_dir() == tmp_path / "home" / ".cache" / "klantreis" / "logs"


def test_it_uses_the_default_cache_when_given_none(private_cache: Path) -> None:
    result = ingest(TEST_DATA / "running-example.csv")
    assert result.parquet.parent == private_cache


def test_it_reports_progress_up_to_the_whole_file(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    ingest(
        TEST_DATA / "running-example.xes", cache_dir=tmp_path, progress=lambda done, total: calls.append((done, total))
    )
    size = (TEST_DATA / "running-example.xes").stat().st_size
    assert calls[-1] == (size, size)
    assert all(0 <= done <= total == size for done, total in calls)


def test_the_engine_analyses_the_imported_table(tmp_path: Path) -> None:
    from klantreis.analytics.analyses import analyse_overview

    result = ingest(TEST_DATA / "running-example.xes", cache_dir=tmp_path)
    with connect("duckdb") as engine:
        overview = analyse_overview(engine.load(result.parquet))
    assert (overview.cases, overview.events) == (6, 42)
