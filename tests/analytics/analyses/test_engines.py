"""The same analyses give the same answers on DuckDB, PostgreSQL and Spark, and engines clean up after themselves."""

from __future__ import annotations

import math
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from klantreis.analytics.analyses import (
    Filters,
    analyse_bundle,
    analyse_funnel,
    analyse_overview,
    analyse_throughput,
    prepare,
    run_bundle,
)
from klantreis.analytics.engine import Engine, EngineError, connect

POSTGRES_URL = os.environ.get("KLANTREIS_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
ENGINE_LOGS = ["running_example", "sepsis", "receipt"]
SEPSIS_STEPS = ["ER Registration", "ER Triage", "ER Sepsis Triage", "IV Antibiotics"]


def spark_warnings(test: Callable[..., None]) -> Callable[..., None]:
    """Tolerate PySpark's own warnings: pandas 3 deprecations it triggers and the sockets py4j leaves open."""
    for mark in (
        pytest.mark.filterwarnings("ignore::pandas.errors.Pandas4Warning"),
        pytest.mark.filterwarnings("ignore::ResourceWarning"),
        pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
    ):
        test = mark(test)
    return test


def missing_service(reason: str) -> None:
    """Skip with `reason`, or fail when KLANTREIS_REQUIRE_SERVICES=1 (CI)."""
    if os.environ.get("KLANTREIS_REQUIRE_SERVICES", "") == "1":
        pytest.fail(f"required service missing: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def postgres_engine() -> Iterator[Engine]:
    """A PostgreSQL engine on KLANTREIS_TEST_POSTGRES_URL."""
    try:
        engine = connect(POSTGRES_URL)
    except EngineError as error:
        missing_service(f"PostgreSQL unreachable ({error})")
    with engine:
        yield engine


@pytest.fixture(scope="module")
def spark_engine() -> Iterator[Engine]:
    """A local Spark engine."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        missing_service("pyspark is not installed")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        missing_service("Java is not installed (Spark needs Java 17)")
    try:
        engine = connect("spark", threads=2)
    except EngineError as error:
        missing_service(f"Spark did not start ({error})")
    with engine:
        yield engine


def assert_same(expected: Any, actual: Any, path: str = "$") -> None:
    """Deep equality with floats compared to 1e-6 (absolute) or 1e-9 (relative)."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), path
        assert expected.keys() == actual.keys(), path
        for key in expected:
            assert_same(expected[key], actual[key], f"{path}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list), path
        assert len(expected) == len(actual), path
        for index, (left, right) in enumerate(zip(expected, actual, strict=True)):
            assert_same(left, right, f"{path}[{index}]")
    elif isinstance(expected, float) and isinstance(actual, float):
        assert math.isclose(expected, actual, rel_tol=1e-9, abs_tol=1e-6), f"{path}: {expected} != {actual}"
    else:
        assert expected == actual, f"{path}: {expected!r} != {actual!r}"


def bundle_everywhere(log: Any, duckdb_engine: Engine, other: Engine) -> tuple[dict[str, Any], dict[str, Any]]:
    """The analysis bundle of a log on DuckDB and on another engine."""
    return analyse_bundle(duckdb_engine.load(log.table)), analyse_bundle(other.load(log.table))


@pytest.mark.postgres
@pytest.mark.parametrize("log_name", ENGINE_LOGS)
def test_the_bundle_on_postgres_equals_the_bundle_on_duckdb(
    load_real_log: Callable[[str], Any], duckdb_engine: Engine, postgres_engine: Engine, log_name: str
) -> None:
    assert_same(*bundle_everywhere(load_real_log(log_name), duckdb_engine, postgres_engine))


@pytest.mark.spark
@spark_warnings
@pytest.mark.parametrize("log_name", ENGINE_LOGS)
def test_the_bundle_on_spark_equals_the_bundle_on_duckdb(
    load_real_log: Callable[[str], Any], duckdb_engine: Engine, spark_engine: Engine, log_name: str
) -> None:
    assert_same(*bundle_everywhere(load_real_log(log_name), duckdb_engine, spark_engine))


def funnels_throughput_and_filters(events: Any) -> dict[str, Any]:
    """Every other analysis on the sepsis log (and the large-log bundle strategy), as JSON."""
    window = Filters(min_variant_cases=2, case_attributes={"Diagnose": ["A", "B", "C"]})
    return {
        "large_log_bundle": run_bundle(events, large_log_events=0).to_dict(),
        "eventual": analyse_funnel(events, SEPSIS_STEPS, window_seconds=7200).to_dict(),
        "strict": analyse_funnel(events, SEPSIS_STEPS[:3], mode="strict").to_dict(),
        "throughput": analyse_throughput(
            events, "ER Registration", "IV Antibiotics", target_occurrence="last"
        ).to_dict(),
        "filtered": analyse_overview(events, filters=window).to_dict(),
    }


@pytest.mark.postgres
def test_funnels_throughput_and_filters_on_postgres_equal_duckdb(
    load_real_log: Callable[[str], Any], duckdb_engine: Engine, postgres_engine: Engine
) -> None:
    log = load_real_log("sepsis")
    expected = funnels_throughput_and_filters(duckdb_engine.load(log.table))
    assert_same(expected, funnels_throughput_and_filters(postgres_engine.load(log.table)))


@pytest.mark.spark
@spark_warnings
def test_funnels_throughput_and_filters_on_spark_equal_duckdb(
    load_real_log: Callable[[str], Any], duckdb_engine: Engine, spark_engine: Engine
) -> None:
    log = load_real_log("sepsis")
    expected = funnels_throughput_and_filters(duckdb_engine.load(log.table))
    assert_same(expected, funnels_throughput_and_filters(spark_engine.load(log.table)))


@pytest.mark.postgres
@pytest.mark.parametrize("log_name", ["running_example", "sepsis"])
def test_an_imported_log_on_postgres_is_read_presorted_and_equals_duckdb(
    load_real_log: Callable[[str], Any],
    imported_log: Callable[[str], Path],
    duckdb_engine: Engine,
    postgres_engine: Engine,
    log_name: str,
) -> None:
    events = postgres_engine.load(imported_log(log_name))
    with prepare(events) as prepared:
        assert prepared.presorted
    expected = analyse_bundle(duckdb_engine.load(load_real_log(log_name).table))
    assert_same(expected, analyse_bundle(events))


@pytest.mark.spark
@spark_warnings
@pytest.mark.parametrize("log_name", ["running_example", "sepsis"])
def test_an_imported_log_on_spark_is_read_presorted_and_equals_duckdb(
    load_real_log: Callable[[str], Any],
    imported_log: Callable[[str], Path],
    duckdb_engine: Engine,
    spark_engine: Engine,
    log_name: str,
) -> None:
    events = spark_engine.load(imported_log(log_name))
    with prepare(events) as prepared:
        assert prepared.presorted
    expected = analyse_bundle(duckdb_engine.load(load_real_log(log_name).table))
    assert_same(expected, analyse_bundle(events))


@pytest.mark.postgres
def test_funnels_throughput_and_filters_on_an_imported_log_on_postgres_equal_duckdb(
    load_real_log: Callable[[str], Any],
    imported_log: Callable[[str], Path],
    duckdb_engine: Engine,
    postgres_engine: Engine,
) -> None:
    expected = funnels_throughput_and_filters(duckdb_engine.load(load_real_log("sepsis").table))
    assert_same(expected, funnels_throughput_and_filters(postgres_engine.load(imported_log("sepsis"))))


@pytest.mark.spark
@spark_warnings
def test_funnels_throughput_and_filters_on_an_imported_log_on_spark_equal_duckdb(
    load_real_log: Callable[[str], Any],
    imported_log: Callable[[str], Path],
    duckdb_engine: Engine,
    spark_engine: Engine,
) -> None:
    expected = funnels_throughput_and_filters(duckdb_engine.load(load_real_log("sepsis").table))
    assert_same(expected, funnels_throughput_and_filters(spark_engine.load(imported_log("sepsis"))))


SMALL = pa.table(
    {
        "case_id": pa.array(["a", "a", "b"], pa.string()),
        "activity": pa.array(["x", "y", "x"], pa.string()),
        "timestamp": pa.array([0, 1_000_000, 2_000_000], pa.timestamp("us", tz="UTC")),
        "position": pa.array([0, 1, 2], pa.int64()),
        "note": pa.array(["", None, 'it\'s "quoted", with\nnewline'], pa.string()),
    }
)


@pytest.mark.postgres
def test_postgres_loads_keep_empty_strings_nulls_and_quotes_apart(postgres_engine: Engine) -> None:
    loaded = postgres_engine.load(SMALL).order_by("position").to_pyarrow()
    assert loaded["note"].to_pylist() == SMALL["note"].to_pylist()
    assert loaded["timestamp"].to_pylist() == SMALL["timestamp"].to_pylist()


@pytest.mark.postgres
def test_a_closed_postgres_engine_leaves_no_tables_behind(tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    pq.write_table(SMALL, path)
    try:
        engine = connect(POSTGRES_URL)
    except EngineError as error:
        missing_service(f"PostgreSQL unreachable ({error})")
    with engine:
        names = [engine.load(path).get_name(), engine.load(SMALL).get_name()]
        analyse_bundle(engine.load(path))
    with connect(POSTGRES_URL) as observer:
        query = "SELECT count(*) FROM pg_class WHERE relname = ANY(%s) OR relname LIKE 'ibis_klantreis%%'"
        with observer.backend.con.cursor() as cursor:
            cursor.execute(query, (names,))
            assert cursor.fetchone() == (0,)


def test_duckdb_reads_parquet_files_and_arrow_tables_alike(tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    pq.write_table(SMALL, path)
    with connect() as engine:
        from_file = analyse_bundle(engine.load(path))
        assert_same(from_file, analyse_bundle(engine.load(path, in_memory=True)))
        assert_same(from_file, analyse_bundle(engine.load(SMALL)))


def test_a_closed_engine_refuses_to_load_more(tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    pq.write_table(SMALL, path)
    engine = connect("duckdb")
    engine.load(path)
    engine.close()
    assert "closed" in repr(engine)
    with pytest.raises(EngineError, match="closed"):
        engine.load(path)


def test_duckdb_analyses_leave_no_temporary_tables(tmp_path: Path) -> None:
    with connect() as engine:
        analyse_bundle(engine.load(SMALL))
        tables = engine.backend.con.sql("SELECT table_name FROM duckdb_tables() WHERE temporary").fetchall()
        assert [name for (name,) in tables if name.startswith("ibis_klantreis")] == []


def test_an_unknown_engine_is_explained() -> None:
    with pytest.raises(EngineError, match="postgresql://"):
        connect("oracle://somewhere")


def test_a_missing_parquet_file_is_named(tmp_path: Path) -> None:
    with connect() as engine, pytest.raises(EngineError, match=r"nothing\.parquet"):
        engine.load(tmp_path / "nothing.parquet")


def test_an_unreachable_postgres_server_is_reported_without_its_password() -> None:
    with pytest.raises(EngineError, match=r"postgresql://someone:\*\*\*@127\.0\.0\.1:1/") as raised:
        connect("postgresql://someone:secret@127.0.0.1:1/nowhere?connect_timeout=2")
    assert "secret" not in str(raised.value)


def test_a_wrapped_backend_stays_open_but_loses_the_tables_we_loaded() -> None:
    import ibis

    backend = ibis.duckdb.connect()
    with Engine.wrap(backend) as engine:
        name = engine.load(SMALL).get_name()
    assert backend.con.sql("SELECT count(*) FROM duckdb_tables() WHERE table_name = ?", params=[name]).fetchall() == [
        (0,)
    ]
    assert backend.con.sql("SELECT 1").fetchall() == [(1,)]
    backend.disconnect()


def test_only_duckdb_postgres_and_spark_backends_can_be_wrapped() -> None:
    import ibis

    with pytest.raises(EngineError, match="not 'sqlite'"):
        Engine.wrap(ibis.sqlite.connect())
