"""Excel (.xlsx) event logs: openpyxl's read-only mode streams the rows of one sheet."""

from __future__ import annotations

import bisect
import warnings
import zipfile
from collections.abc import Callable, Iterator
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pyarrow as pa

from klantreis.analytics.ingest.arrays import strings
from klantreis.analytics.ingest.csvfile import unique_names
from klantreis.analytics.ingest.errors import Notes, fail
from klantreis.analytics.ingest.mapping import ColumnMapping
from klantreis.analytics.ingest.sink import EventSink
from klantreis.analytics.ingest.tabular import TableNormaliser

_BATCH_ROWS = 50_000


def read_excel(
    path: Path, mapping: ColumnMapping, sink: EventSink, notes: Notes, progress: Callable[[int, int], None]
) -> None:
    """Stream the first sheet (or `mapping.sheet`) of a workbook into `sink`."""
    import openpyxl

    source = str(path)
    with warnings.catch_warnings():
        # openpyxl warns about styles and data validation it ignores; they do not matter for the values.
        warnings.simplefilter("ignore")
        try:
            workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
            raise fail(source, f"not a readable .xlsx workbook ({error})", fix="save it again as .xlsx") from None
        try:
            _read_sheet(workbook, path, mapping, sink, notes, progress)
        finally:
            workbook.close()


def _read_sheet(
    workbook: Any,
    path: Path,
    mapping: ColumnMapping,
    sink: EventSink,
    notes: Notes,
    progress: Callable[[int, int], None],
) -> None:
    source = str(path)
    if mapping.sheet is not None:
        if mapping.sheet not in workbook.sheetnames:
            sheets = ", ".join(repr(name) for name in workbook.sheetnames)
            raise fail(source, f"there is no sheet {mapping.sheet!r}", fix=f"the sheets are {sheets}; pass --sheet")
        sheet = workbook[mapping.sheet]
    else:
        sheet = workbook.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = next(rows, None)
    if header is None:
        raise fail(source, f"the sheet {sheet.title!r} is empty", fix="pass --sheet with the sheet that holds the log")
    names = unique_names(["" if value is None else str(value) for value in header])
    where = f"{source} (sheet {sheet.title!r})"
    # Data rows taken before each blank row that was skipped: Excel row numbers stay right in messages.
    skipped: list[int] = []

    def locate(index: int) -> tuple[int, int | None]:
        # The header is row 1, as Excel shows it.
        return index + 2 + bisect.bisect_right(skipped, index), None

    normalise = TableNormaliser(names, mapping, where, locate=locate)
    expected = max((sheet.max_row or 1) - 1, 1)
    size = path.stat().st_size
    done = 0
    for batch in _batches(rows, len(names), skipped):
        sink.write(normalise(pa.table(dict(zip(names, batch, strict=True)))))
        done += len(batch[0])
        progress(min(size, size * done // expected), size)


def _batches(rows: Iterator[tuple[Any, ...]], width: int, skipped: list[int]) -> Iterator[list[pa.Array]]:
    columns: list[list[str | None]] = [[] for _ in range(width)]
    taken = 0
    for row in rows:
        if all(value is None for value in row):
            skipped.append(taken)
            continue
        taken += 1
        for index in range(width):
            columns[index].append(_text(row[index]) if index < len(row) else None)
        if len(columns[0]) >= _BATCH_ROWS:
            yield [strings(column) for column in columns]
            columns = [[] for _ in range(width)]
    if columns[0]:
        yield [strings(column) for column in columns]


def _text(value: Any) -> str | None:
    # Cells become text like CSV values; dates and times in ISO 8601 so the timestamp reader knows them.
    if value is None:
        return None
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
