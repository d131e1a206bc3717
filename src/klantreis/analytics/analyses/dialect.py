"""The few primitives whose best Ibis spelling differs per backend; everything else is written once."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import ibis
import ibis.expr.operations as ops
import ibis.expr.types as ir

_UNIX_EPOCH = ibis.timestamp("1970-01-01 00:00:00")


# Ibis reads a builtin's annotations as SQL types, and an unannotated argument accepts a timestamp
# with or without time zone, so this one argument stays unannotated on purpose.
@ibis.udf.scalar.builtin(name="epoch_us")  # type: ignore[untyped-decorator]
def _duckdb_epoch_us(value) -> int:  # type: ignore[no-untyped-def, empty-body]
    """DuckDB's microseconds since the Unix epoch."""


def backend_name(table: ir.Table) -> str:
    """The Ibis backend name ("duckdb", "postgres", "pyspark", ...) a table lives in ("" if unbound)."""
    try:
        name: str = table.get_backend().name
    except ibis.common.exceptions.IbisError:
        return ""  # an unbound table (only compiled, never run): use the portable spellings
    return name


def epoch_microseconds(table: ir.Table, timestamp: ir.TimestampValue) -> ir.IntegerValue:
    """Microseconds since 1970-01-01 UTC as an exact integer, so durations never lose precision."""
    if backend_name(table) == "duckdb":
        # DATE_DIFF on TIMESTAMPTZ goes through ICU calendars and is several times slower.
        return _duckdb_epoch_us(timestamp)
    # PostgreSQL: EXTRACT(epoch FROM interval) is numeric, hence exact; Spark: DATEDIFF(MICROSECOND, ...).
    epoch = _UNIX_EPOCH.cast(timestamp.type())
    return timestamp.delta(epoch, unit="microsecond")


def ordered_collect(table: ir.Table, value: ir.Column, order_keys: list[ir.Column]) -> ir.ArrayValue:
    """Collect `value` per group into an array ordered by `order_keys`."""
    if backend_name(table) == "pyspark":
        # Spark SQL has no ORDER BY inside array aggregation: sort (keys..., value) structs instead.
        fields = {f"key{index}": key for index, key in enumerate(order_keys)}
        tuples = ibis.struct({**fields, "value": value})
        return tuples.collect().sort().map(lambda item: item["value"])
    return value.collect(order_by=order_keys)


@contextmanager
def quiet_schema_lookups() -> Iterator[None]:
    """Silence the deprecation warning Ibis 12 triggers in DuckDB 2 when it looks up a table's schema."""
    # Ibis still calls DuckDB's fetch_arrow_table() in get_schema(); the call works, it only warns.
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"fetch_arrow_table\(\) is deprecated", category=DeprecationWarning)
        yield


@contextmanager
def materialised(expression: ir.Table, prefix: str = "klantreis") -> Iterator[ir.Table]:
    """Compute a table expression once into a temporary table (Spark: a persisted view) and drop it after."""
    backend: Any = expression.get_backend()
    if backend.name == "pyspark":
        with _persisted_view(backend, expression, ibis.util.gen_name(prefix)) as table:
            yield table
        return
    name = ibis.util.gen_name(prefix)
    if backend.name == "duckdb":
        table = _duckdb_temporary_table(backend, expression, name)
    else:
        with quiet_schema_lookups():
            table = backend.create_table(name, expression, temp=True)
    try:
        yield table
    finally:
        _drop_temporary_table(backend, name)


@contextmanager
def named(expression: ir.Table, prefix: str = "klantreis") -> Iterator[ir.Table]:
    """The expression behind a name (DuckDB: a temporary view), so later queries compile against the name.

    Nothing is computed: on a small log, compiling a query that repeats a whole projection costs more
    than running it. Other backends get the expression itself.
    """
    backend: Any = expression.get_backend()
    if backend.name != "duckdb":
        yield expression
        return
    name = ibis.util.gen_name(prefix)
    backend._run_pre_execute_hooks(expression)
    backend.con.execute(f'CREATE TEMPORARY VIEW "{name}" AS {backend.compile(expression)}')
    namespace = ops.Namespace(catalog="temp", database="main")
    try:
        yield ops.DatabaseTable(name, schema=expression.schema(), source=backend, namespace=namespace).to_expr()
    finally:
        backend.con.execute(f'DROP VIEW IF EXISTS "{name}"')


def _duckdb_temporary_table(backend: Any, expression: ir.Table, name: str) -> ir.Table:
    # One CREATE TABLE AS and a table expression from the schema we already know: Ibis'
    # create_table spends several extra round trips (CREATE, INSERT, catalog and DESCRIBE queries),
    # which is a tenth of the whole bundle on a log the size of BPIC 2012.
    backend._run_pre_execute_hooks(expression)  # registers in-memory tables (the activity codes)
    backend.con.execute(f'CREATE TEMPORARY TABLE "{name}" AS {backend.compile(expression)}')
    namespace = ops.Namespace(catalog="temp", database="main")
    return ops.DatabaseTable(name, schema=expression.schema(), source=backend, namespace=namespace).to_expr()


@contextmanager
def _persisted_view(backend: Any, expression: ir.Table, name: str) -> Iterator[ir.Table]:
    # Spark has no temporary tables: persist the DataFrame and expose it as a temporary view.
    # Ibis' own .cache() forgets to register in-memory tables (our activity codes) first.
    backend._run_pre_execute_hooks(expression)
    frame = backend._session.sql(backend.compile(expression)).persist()
    frame.createOrReplaceTempView(name)
    try:
        yield backend.table(name)
    finally:
        backend._session.catalog.dropTempView(name)
        frame.unpersist()


def release_memtable(backend: Any, memtable: ir.Table) -> None:
    """Drop what an Ibis in-memory table left in `backend` once nothing reads it any more."""
    # Ibis keeps every registered in-memory table until the process exits; a long-lived engine
    # (a web server, a notebook) would collect one per analysis run.
    name = memtable.get_name()
    if backend.name == "duckdb":
        backend.con.unregister(name)
    elif backend.name == "pyspark":
        backend._session.catalog.dropTempView(name)
    else:
        _drop_temporary_table(backend, name)


def _drop_temporary_table(backend: Any, name: str) -> None:
    # Plain SQL: Ibis' drop_table emits DROP statements without a table name with the installed
    # sqlglot release, and temporary tables must not pile up in long-lived PostgreSQL sessions.
    statement = f'DROP TABLE IF EXISTS "{name}"'
    if backend.name == "duckdb":
        backend.con.execute(statement)
    elif backend.name == "postgres":
        with backend.con.cursor() as cursor, backend.con.transaction():
            cursor.execute(statement)
    else:
        backend.raw_sql(statement)
