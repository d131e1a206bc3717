"""Batches of a table (CSV, Parquet, Excel) into the normalised event table."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from klantreis.analytics.ingest import timestamps
from klantreis.analytics.ingest.arrays import from_numpy
from klantreis.analytics.ingest.errors import IngestError, fail
from klantreis.analytics.ingest.mapping import TARGETS, ColumnMapping, resolve_roles, target_names
from klantreis.analytics.ingest.timestamps import UTC_US

# Where a 0-based row of the file's data is, as (row, line) for messages.
Locator = Callable[[int], tuple[int, int | None]]
_EXAMPLE_FORMAT = "--timestamp-format '%d-%m-%Y %H:%M:%S'"


def csv_row(index: int) -> tuple[int, int | None]:
    """Data row `index` (0-based) of a CSV file with a header: row index+1 on line index+2."""
    return index + 1, index + 2


class TableNormaliser:
    """Renames the mapped columns, reads the timestamps and numbers the events of successive batches."""

    def __init__(
        self,
        names: Sequence[str],
        mapping: ColumnMapping,
        source: str,
        *,
        locate: Locator = csv_row,
        empty_is_null: bool = True,
    ) -> None:
        self.source = source
        self.locate = locate
        self.empty_is_null = empty_is_null
        self.roles = resolve_roles(names, mapping, source)
        self.renames = target_names(self.roles, names)
        self.names = list(names)
        self.timestamp_column = self.roles["timestamp"]
        self.shape: timestamps.Shape | None = None
        self.detected = False
        if mapping.timestamp_format:
            try:
                self.shape = timestamps.shape_from_format(mapping.timestamp_format)
            except ValueError as error:
                raise IngestError(f"{source}: {error}") from error
        self.position = 0

    def __call__(self, table: pa.Table) -> pa.Table:
        """The normalised form of the next batch."""
        sources = {self.roles[role]: role for role in self.roles}
        columns: dict[str, pa.Array | pa.ChunkedArray] = {}
        for role in ("case", "activity", "timestamp"):
            name = self.roles[role]
            column = table[name]
            columns[TARGETS[role]] = self._timestamps(column) if role == "timestamp" else _text(column)
        start = self.position
        columns["position"] = from_numpy(np.arange(start, start + len(table), dtype=np.int64))
        for role in ("lifecycle", "resource", "channel"):
            if role in self.roles:
                columns[TARGETS[role]] = self._blank_to_null(_text(table[self.roles[role]]))
        for name in self.names:
            if name not in sources:
                columns[self.renames.get(name, name)] = self._blank_to_null(table[name])
        self.position += len(table)
        return pa.table(columns)

    def _blank_to_null(self, column: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
        # An empty CSV cell is a missing attribute (pandas and pm4py read NaN); never so for case and activity.
        if not self.empty_is_null or column.type != pa.string():
            return column
        return pc.if_else(pc.equal(column, ""), pa.scalar(None, pa.string()), column)

    def _timestamps(self, column: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
        name = self.timestamp_column
        if isinstance(column, pa.ChunkedArray):
            column = column.combine_chunks()
        if pa.types.is_timestamp(column.type) or pa.types.is_date(column.type):
            # Timestamps without a zone are UTC, like text without an offset.
            naive = column.cast(pa.timestamp("us")) if pa.types.is_date(column.type) else column
            return naive.cast(pa.timestamp("us", tz=naive.type.tz or "UTC")).cast(UTC_US)
        if not (pa.types.is_string(column.type) or pa.types.is_large_string(column.type)):
            raise fail(
                self.source,
                f"the timestamp column holds {column.type} values, not dates and times",
                column=name,
                fix="pass --timestamp with the column that holds the time of each event",
            )
        if self.shape is None:
            self.shape, self.detected = self._detect(column), True
        parsed, bad = timestamps.parse(column, self.shape)
        if bad is not None:
            row, line = self.locate(self.position + bad)
            raise fail(
                self.source,
                f"{column[bad].as_py()!r} does not match the timestamp format {self.shape.label!r}"
                + (" (recognised from the first rows)" if self.detected else ""),
                row=row,
                line=line,
                column=name,
                fix=f"correct the value, or pass the right format, e.g. {_EXAMPLE_FORMAT}",
            )
        return parsed

    def _detect(self, column: pa.Array) -> timestamps.Shape:
        name = self.timestamp_column
        try:
            shape, bad = timestamps.detect(column)
        except timestamps.AmbiguousFormatError as error:
            first, second = error.labels
            raise fail(
                self.source,
                f"the timestamps could be day-first or month-first (no day above 12 in the first {len(column)} rows)",
                column=name,
                fix=f"pass --timestamp-format {first!r} (day first) or --timestamp-format {second!r} (month first)",
            ) from None
        if shape is None:
            assert bad is not None
            row, line = self.locate(self.position + bad)
            raise fail(
                self.source,
                f"{column[bad].as_py()!r} is not a timestamp klantreis recognises "
                "(it reads ISO 8601 like 2024-03-01T14:30:00+01:00, 2024/03/01 14:30, 01-03-2024 14:30:00)",
                row=row,
                line=line,
                column=name,
                fix=f"correct the value, or pass the format, e.g. {_EXAMPLE_FORMAT}",
            )
        return shape


def _text(column: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
    return column if column.type == pa.string() else column.cast(pa.string())
