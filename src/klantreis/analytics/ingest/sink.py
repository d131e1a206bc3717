"""Normalised event batches into one Parquet file: schemas unified across batches, written by a helper thread,
then sorted per case with the ordering columns added (see `order`)."""

from __future__ import annotations

import os
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from klantreis.analytics.ingest.errors import Notes
from klantreis.analytics.ingest.order import write_ordered, write_sorted
from klantreis.analytics.ingest.ordering import ORDERING
from klantreis.analytics.ingest.timestamps import UTC_US

CORE = ("case_id", "activity", "timestamp", "position", "lifecycle", "resource", "channel")
CORE_TYPES = {"case_id": pa.string(), "activity": pa.string(), "timestamp": UTC_US, "position": pa.int64()}
# Rows per write: the Parquet row groups, and the unit the helper thread writes while the next batch is parsed.
FLUSH_ROWS = 131_072
# Batches handed to the helper thread and not yet written; bounds memory when parsing outruns writing.
_IN_FLIGHT = 2
# Logs whose batches take less memory than this are sorted in memory and written once; larger ones are
# written as they arrive and sorted on disk at the end (twice the writing, but memory stays bounded).
SORT_IN_MEMORY_BYTES = 128 * 2**20


@dataclass
class Summary:
    """What an import wrote: counts, the columns with their types, and events missing a core value."""

    events: int = 0
    cases: int = 0
    activities: int = 0
    columns: dict[str, str] = field(default_factory=dict)
    missing: dict[str, int] = field(default_factory=dict)


def merge_types(old: pa.DataType, new: pa.DataType) -> pa.DataType:
    """The type that holds the values of both: numbers widen, anything else disagreeing becomes text."""
    if old == new or pa.types.is_null(new):
        return old
    if pa.types.is_null(old):
        return new
    if pa.types.is_integer(old) and pa.types.is_integer(new):
        return pa.int64()
    if (pa.types.is_integer(old) or pa.types.is_floating(old)) and (
        pa.types.is_integer(new) or pa.types.is_floating(new)
    ):
        return pa.float64()
    if pa.types.is_timestamp(old) and pa.types.is_timestamp(new):
        return UTC_US
    return pa.string()


def conform(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """`table` with exactly `schema`'s columns: missing ones null, others cast to the unified type."""
    columns = []
    for target in schema:
        if target.name in table.column_names:
            column = table[target.name]
            columns.append(column if column.type == target.type else column.cast(target.type))
        else:
            columns.append(pa.nulls(len(table), target.type))
    return pa.Table.from_arrays(columns, schema=schema)


class EventSink:
    """Collects normalised tables and writes them to `path` (a temporary file the caller publishes or discards)."""

    def __init__(
        self, path: Path, notes: Notes, flush_rows: int | None = None, memory_bytes: int | None = None
    ) -> None:
        self.path = path
        self.notes = notes
        self.flush_rows = flush_rows or FLUSH_ROWS
        self.memory_bytes = SORT_IN_MEMORY_BYTES if memory_bytes is None else memory_bytes
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="klantreis-parquet")
        self._start()

    def _start(self) -> None:
        self._fields: dict[str, pa.DataType] = {}
        self._pending: list[pa.Table] = []
        self._pending_rows = 0
        self._held_bytes = 0
        self._streaming = False
        self._futures: list[Future[None]] = []
        self._writer: pq.ParquetWriter | None = None
        self._writer_schema: pa.Schema | None = None
        self._parts: list[Path] = []
        self._events = 0
        self._uniques: dict[str, list[pa.Array]] = {"case_id": [], "activity": []}
        self._missing = dict.fromkeys(("case_id", "activity", "timestamp"), 0)

    def write(self, table: pa.Table) -> None:
        """Add a normalised table (core columns plus attributes, in any order)."""
        if len(table) == 0:
            return
        self._events += len(table)
        for name, uniques in self._uniques.items():
            uniques.append(pc.unique(table[name]))
        for name in self._missing:
            self._missing[name] += table[name].null_count
        for column in table.schema:
            old = self._fields.get(column.name)
            merged = column.type if old is None else merge_types(old, column.type)
            if old is not None and merged != old and merged == pa.string() and old != pa.string():
                self.notes.once(
                    f"type:{column.name}",
                    f"the attribute {column.name!r} has values of different types ({old}, {column.type}); "
                    "it is kept as text",
                )
            self._fields[column.name] = merged
        self._pending.append(table)
        self._pending_rows += len(table)
        if self._streaming:
            if self._pending_rows >= self.flush_rows:
                self._flush()
            return
        self._held_bytes += table.nbytes
        if self._held_bytes > self.memory_bytes:
            # Too big to sort in memory: from now on batches go to disk as they come.
            self._streaming = True
            self._flush()

    def restart(self) -> None:
        """Throw away everything written so far (the reader starts over, e.g. with another encoding)."""
        self._drain(ignore_errors=True)
        self._close_writer()
        for part in self._parts:
            part.unlink(missing_ok=True)
        self._start()

    def finish(self) -> Summary:
        """Write the events sorted per case with their ordering columns, close the file and return the summary."""
        activities = [name for name in self._unique_values("activity") if name is not None]
        if self._streaming:
            self._flush()
            self._drain()
            self._close_writer()
            if len(self._parts) > 1:
                self._combine_parts()
            # The sorted copy replaces the file as written; on failure discard() removes both.
            write_ordered(self.path, self._ordered_path, activities, batch_rows=self.flush_rows)
            os.replace(self._ordered_path, self.path)
        else:
            schema = self._schema() if self._fields else pa.schema(list(CORE_TYPES.items()))
            held = [conform(table, schema) for table in self._pending]
            self._pending = []
            events = pa.concat_tables(held) if held else schema.empty_table()
            write_sorted(events, self.path, activities, batch_rows=self.flush_rows)
        self._executor.shutdown()
        schema = pq.read_schema(self.path)
        return Summary(
            events=self._events,
            cases=self._distinct("case_id"),
            activities=self._distinct("activity"),
            # The event data's columns; the derived ordering columns are the importer's business.
            columns={column.name: str(column.type) for column in schema if column.name not in ORDERING},
            missing=self._missing,
        )

    def discard(self) -> None:
        """Remove every file this sink wrote (a failed import caches nothing)."""
        self._drain(ignore_errors=True)
        self._close_writer()
        self._executor.shutdown()
        for part in (*self._parts, self.path, self._ordered_path):
            part.unlink(missing_ok=True)

    def _schema(self) -> pa.Schema:
        names = [name for name in CORE if name in self._fields]
        names += [name for name in self._fields if name not in CORE]
        return pa.schema([(name, self._fields[name]) for name in names])

    def _flush(self) -> None:
        if not self._pending:
            return
        tables, schema = self._pending, self._schema()
        self._pending, self._pending_rows = [], 0
        while len(self._futures) >= _IN_FLIGHT:
            self._futures.pop(0).result()
        self._futures.append(self._executor.submit(self._write, tables, schema))

    def _write(self, tables: list[pa.Table], schema: pa.Schema) -> None:
        # Runs on the helper thread, one batch after the other, so parts are written in order.
        combined = pa.concat_tables([conform(table, schema) for table in tables])
        if self._writer is None or self._writer_schema != schema:
            # A new column or a widened type: start another part; finish() combines the parts.
            self._close_writer()
            part = self.path if not self._parts else self.path.with_name(f"{self.path.name}.{len(self._parts)}")
            self._parts.append(part)
            self._writer = _writer(part, schema)
            self._writer_schema = schema
        self._writer.write_table(combined, row_group_size=max(self.flush_rows, len(combined)))

    def _drain(self, ignore_errors: bool = False) -> None:
        futures, self._futures = self._futures, []
        for future in futures:
            try:
                future.result()
            except Exception:
                if not ignore_errors:
                    raise

    def _close_writer(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None

    def _combine_parts(self) -> None:
        schema = self._schema()
        combined = self.path.with_name(self.path.name + ".combined")
        writer = _writer(combined, schema)
        try:
            for part in self._parts:
                for batch in pq.ParquetFile(part).iter_batches(batch_size=self.flush_rows):
                    writer.write_table(conform(pa.Table.from_batches([batch]), schema))
        finally:
            writer.close()
        for part in self._parts:
            part.unlink(missing_ok=True)
        os.replace(combined, self.path)
        self._parts = [self.path]

    @property
    def _ordered_path(self) -> Path:
        return self.path.with_name(self.path.name + ".ordered")

    def _unique_values(self, name: str) -> list[str | None]:
        uniques = self._uniques[name]
        if not uniques:
            return []
        values: list[str | None] = pc.unique(pa.chunked_array(uniques)).to_pylist()
        return values

    def _distinct(self, name: str) -> int:
        uniques = self._uniques[name]
        if not uniques:
            return 0
        return int(pc.count_distinct(pa.chunked_array(uniques)).as_py())


def _writer(path: Path, schema: pa.Schema) -> pq.ParquetWriter:
    # Snappy: cheap to write and read; the cache is local, so a stronger codec would only cost time.
    return pq.ParquetWriter(path, schema, compression="snappy")
