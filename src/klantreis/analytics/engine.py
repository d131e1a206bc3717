"""Engines: one Ibis connection (DuckDB, PostgreSQL or Spark) that loads event tables and cleans up after itself."""

from __future__ import annotations

import io
import os
import shutil
import tempfile
import uuid
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

import ibis
import ibis.expr.types as ir
import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from klantreis.analytics.analyses.dialect import quiet_schema_lookups

EngineKind = Literal["duckdb", "postgres", "spark"]

# Rows per COPY chunk into PostgreSQL: big enough to amortise round trips, small enough to stream.
_COPY_BATCH_ROWS = 100_000


class EngineError(RuntimeError):
    """An engine could not be started, reached or used."""


class Engine:
    """An Ibis backend plus the tables it loaded; close it (or use `with`) to drop them."""

    def __init__(self, backend: Any, kind: EngineKind, *, owns_backend: bool = True, spark: Any = None) -> None:
        self.backend = backend
        self.kind: EngineKind = kind
        self._owns_backend = owns_backend
        self._spark = spark
        # (name, "table" | "view") of everything load() created, dropped again by close().
        self._tables: list[tuple[str, str]] = []
        self._tmpdir: Path | None = None
        self._closed = False

    @classmethod
    def wrap(cls, backend: Any) -> Engine:
        """An engine around an Ibis backend someone else opened (closing drops our tables, not the connection)."""
        kinds: dict[str, EngineKind] = {"duckdb": "duckdb", "postgres": "postgres", "pyspark": "spark"}
        if backend.name not in kinds:
            raise EngineError(f"klantreis runs on DuckDB, PostgreSQL and Spark backends, not {backend.name!r}")
        return cls(backend, kinds[backend.name], owns_backend=False)

    def __enter__(self) -> Engine:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Engine {self.kind} tables={len(self._tables)}{' closed' if self._closed else ''}>"

    def load(
        self, source: str | os.PathLike[str] | pa.Table, name: str = "events", *, in_memory: bool = False
    ) -> ir.Table:
        """Load a normalised event table (Parquet path or Arrow table) and return it as an Ibis table.

        DuckDB reads a Parquet file where it lies (a view), unless `in_memory` asks to copy it into
        DuckDB's own storage, which makes repeated analyses faster; Arrow tables are always copied.
        PostgreSQL gets a temporary table filled with COPY; Spark reads the Parquet file.
        """
        if self._closed:
            raise EngineError("this engine is closed; connect again to load more data")
        with quiet_schema_lookups():
            return self._load(source, name, in_memory)

    def _load(self, source: str | os.PathLike[str] | pa.Table, name: str, in_memory: bool) -> ir.Table:
        # Unique names: several engines (or test workers) may share one database.
        table_name = f"{name}_{uuid.uuid4().hex[:12]}"
        if self.kind == "postgres":
            _copy_into_postgres(self.backend, table_name, source)
            self._tables.append((table_name, "table"))
            return self.backend.table(table_name)
        if isinstance(source, pa.Table):
            if self.kind == "duckdb":
                _copy_into_duckdb(self.backend, table_name, source)
                self._tables.append((table_name, "table"))
                return self.backend.table(table_name)
            source = self._spill_to_parquet(source, table_name)
        path = Path(source)
        if not path.exists():
            raise EngineError(f"{path}: no such Parquet file or directory")
        if self.kind == "duckdb" and in_memory:
            self._tables.append((table_name, "table"))
            literal = str(path).replace("'", "''")
            self.backend.con.execute(
                f"CREATE TEMPORARY TABLE {_quote(table_name)} AS SELECT * FROM read_parquet('{literal}')"
            )
            return self.backend.table(table_name)
        self._tables.append((table_name, "view"))
        return self.backend.read_parquet(str(path), table_name=table_name)

    def close(self) -> None:
        """Drop every table this engine loaded, then close the connection (and Spark, if it started it)."""
        if self._closed:
            return
        self._closed = True
        try:
            for table_name, table_kind in self._tables:
                _drop(self.backend, self.kind, table_name, table_kind)
        finally:
            self._tables.clear()
            if self._owns_backend:
                if self._spark is not None:
                    self._spark.stop()
                else:
                    self.backend.disconnect()
            if self._tmpdir is not None:
                shutil.rmtree(self._tmpdir, ignore_errors=True)

    def _spill_to_parquet(self, table: pa.Table, table_name: str) -> Path:
        # Spark reads files, not Python objects, at scale: write the Arrow table where Spark can find it.
        if self._tmpdir is None:
            self._tmpdir = Path(tempfile.mkdtemp(prefix="klantreis-engine-"))
        path = self._tmpdir / f"{table_name}.parquet"
        pq.write_table(table, path)
        return path


def connect(
    spec: str | None = None,
    *,
    threads: int | None = None,
    memory_limit: str | None = None,
    temp_directory: str | None = None,
    spark_driver_memory: str = "2g",
) -> Engine:
    """Open an engine: None/"duckdb" (in-process), a postgresql:// URL, "spark" (local) or a spark:// master."""
    if spec is None or spec == "duckdb" or spec.startswith("duckdb://"):
        database = spec.removeprefix("duckdb://") if spec and spec.startswith("duckdb://") else ":memory:"
        return Engine(_duckdb(database or ":memory:", threads, memory_limit, temp_directory), "duckdb")
    if spec.startswith(("postgresql://", "postgres://")):
        return Engine(_postgres(spec), "postgres")
    if spec == "spark" or spec.startswith("spark://"):
        master = f"local[{threads or '*'}]" if spec == "spark" else spec
        session, created = _spark_session(master, spark_driver_memory)
        # A Spark session that was already running belongs to its owner: we must not stop it.
        return Engine(ibis.pyspark.connect(session), "spark", owns_backend=created, spark=session)
    raise EngineError(
        f"unknown engine {spec!r}: use 'duckdb', a postgresql://user@host:port/database URL, "
        "'spark' for local Spark or a spark://host:port master URL"
    )


def _duckdb(database: str, threads: int | None, memory_limit: str | None, temp_directory: str | None) -> Any:
    # Insertion order is meaningless for analyses (we always order explicitly) and keeping it costs
    # memory and time in large sorts and CREATE TABLE AS.
    config: dict[str, Any] = {"preserve_insertion_order": False}
    if threads is not None:
        config["threads"] = threads
    if memory_limit is not None:
        config["memory_limit"] = memory_limit
    if temp_directory is not None:
        # Where DuckDB spills sorts and temporary tables that do not fit in memory_limit.
        config["temp_directory"] = temp_directory
    backend = ibis.duckdb.connect(database, **config)
    # Analyses work in UTC; a local session time zone would shift calendar-based operations.
    backend.raw_sql("SET TimeZone = 'UTC'")
    # Progress tracking is for interactive shells; here it only adds overhead to every query.
    backend.raw_sql("SET enable_progress_bar = false")
    return backend


def _postgres(url: str) -> Any:
    try:
        return ibis.connect(url.replace("postgres://", "postgresql://", 1))
    except Exception as error:
        raise EngineError(f"cannot connect to PostgreSQL at {_redact(url)}: {error}") from error


def _redact(url: str) -> str:
    # Never echo a password back into logs or error messages.
    if "@" not in url or ":" not in url.split("@", 1)[0].split("//", 1)[-1]:
        return url
    scheme, rest = url.split("//", 1)
    credentials, host = rest.split("@", 1)
    return f"{scheme}//{credentials.split(':', 1)[0]}:***@{host}"


def _spark_session(master: str, driver_memory: str) -> tuple[Any, bool]:
    try:
        from pyspark.sql import SparkSession
    except ImportError as error:  # pragma: no cover - depends on the installation
        raise EngineError("the Spark engine needs pyspark: pip install 'ibis-framework[pyspark]'") from error
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        raise EngineError("the Spark engine needs Java 17 (java on PATH or JAVA_HOME)")
    builder = (
        SparkSession.builder.master(master)
        .appName("klantreis")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.memory", driver_memory)
        # Event logs are small per query; the default 200 shuffle partitions mostly adds overhead.
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.session.timeZone", "UTC")
        # Event attributes may differ only by case (the running example has both "activity" and "Activity").
        .config("spark.sql.caseSensitive", "true")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
    )
    already_running = SparkSession.getActiveSession() is not None
    try:
        session = builder.getOrCreate()
    except Exception as error:
        raise EngineError(f"cannot start Spark ({master}): {error}") from error
    session.sparkContext.setLogLevel("ERROR")
    return session, not already_running


def _drop(backend: Any, kind: EngineKind, table_name: str, table_kind: str) -> None:
    # Plain SQL rather than Ibis' drop_table/drop_view: their DROP statements come out without the
    # table name with the sqlglot release installed here (ibis 12 + sqlglot 30).
    if kind == "spark":
        backend._session.catalog.dropTempView(table_name)
    elif kind == "duckdb":
        backend.con.execute(f"DROP {table_kind.upper()} IF EXISTS {_quote(table_name)}")
    else:
        with backend.con.cursor() as cursor, backend.con.transaction():
            cursor.execute(f"DROP {table_kind.upper()} IF EXISTS {_quote(table_name)}")


def _copy_into_duckdb(backend: Any, table_name: str, table: pa.Table) -> None:
    # Copy into DuckDB's own storage: scans of native tables are faster than of Arrow views.
    view = f"{table_name}_arrow"
    backend.con.register(view, table)
    try:
        backend.con.execute(f"CREATE TEMPORARY TABLE {_quote(table_name)} AS SELECT * FROM {_quote(view)}")
    finally:
        backend.con.unregister(view)


def _copy_into_postgres(backend: Any, table_name: str, source: str | os.PathLike[str] | pa.Table) -> None:
    """Create a temporary table and stream the Arrow data into it with COPY (CSV), batch by batch."""
    if isinstance(source, pa.Table):
        schema, batches = source.schema, iter(source.to_batches(max_chunksize=_COPY_BATCH_ROWS))
    else:
        parquet = pq.ParquetFile(source)
        schema, batches = parquet.schema_arrow, parquet.iter_batches(batch_size=_COPY_BATCH_ROWS)
    ibis_schema = ibis.Schema.from_pyarrow(schema)
    columns = ", ".join(column.sql("postgres") for column in ibis_schema.to_sqlglot_column_defs("postgres"))
    names = ", ".join(_quote(name) for name in schema.names)
    connection = backend.con
    with connection.cursor() as cursor, connection.transaction():
        cursor.execute(f"CREATE TEMPORARY TABLE {_quote(table_name)} ({columns})")
        with cursor.copy(f"COPY {_quote(table_name)} ({names}) FROM STDIN (FORMAT csv)") as copy:
            for batch in batches:
                copy.write(_csv_bytes(batch))


def _csv_bytes(batch: pa.RecordBatch) -> bytes:
    # Arrow quotes every string and leaves nulls unquoted, which is exactly how PostgreSQL's CSV
    # format tells an empty string from NULL.
    buffer = io.BytesIO()
    pa_csv.write_csv(batch, buffer, write_options=pa_csv.WriteOptions(include_header=False))
    return buffer.getvalue()


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'
