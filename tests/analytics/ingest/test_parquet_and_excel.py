"""Parquet and Excel (.xlsx) event logs, and telling formats apart."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import openpyxl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from klantreis.analytics.ingest import ColumnMapping, IngestError, IngestResult, ingest

Rows = Callable[[IngestResult], list[dict[str, Any]]]


def workbook(path: Path, rows: list[list[Any]], *, title: str = "Log", extra_sheet: str | None = None) -> Path:
    """An .xlsx file made with openpyxl, the rows on the first sheet."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(row)
    if extra_sheet:
        book.create_sheet(extra_sheet)
    book.save(path)
    return path


def test_it_reads_an_excel_workbook_with_dates_and_numbers(tmp_path: Path, read_table: Rows) -> None:
    path = workbook(
        tmp_path / "log.xlsx",
        [
            ["Zaaknummer", "Activiteit", "Tijdstip", "Bedrag"],
            ["Z-1", "Aanvraag", datetime(2024, 3, 1, 9, 15), 250],
            ["Z-1", "Besluit", datetime(2024, 3, 8, 16, 0, 30), 12.5],
            [None, None, None, None],
            ["Z-2", "Aanvraag", "2024-03-02 10:00:00", None],
        ],
    )
    result = ingest(path, mapping=ColumnMapping(case="Zaaknummer", activity="Activiteit", timestamp="Tijdstip"))
    rows = read_table(result)
    assert [(row["case_id"], row["activity"], row["timestamp"], row["Bedrag"]) for row in rows] == [
        ("Z-1", "Aanvraag", datetime(2024, 3, 1, 9, 15, tzinfo=UTC), "250"),
        ("Z-1", "Besluit", datetime(2024, 3, 8, 16, 0, 30, tzinfo=UTC), "12.5"),
        ("Z-2", "Aanvraag", datetime(2024, 3, 2, 10, tzinfo=UTC), None),
    ]


def test_it_reads_the_sheet_it_is_told_and_lists_the_sheets_otherwise(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "log.xlsx",
        [["case_id", "activity", "timestamp"], ["c", "a", datetime(2024, 1, 1)]],
        extra_sheet="Notes",
    )
    assert ingest(path, mapping=ColumnMapping(sheet="Log")).events == 1
    with pytest.raises(IngestError, match=r"there is no sheet 'Blad1'; the sheets are 'Log', 'Notes'; pass --sheet"):
        ingest(path, mapping=ColumnMapping(sheet="Blad1"))


def test_it_names_the_excel_row_of_a_bad_timestamp(tmp_path: Path) -> None:
    rows: list[list[Any]] = [["case_id", "activity", "timestamp"]]
    rows += [["c", "a", f"2024-01-0{day} 10:00"] for day in range(1, 5)]
    rows.append(["c", "b", "2024-01-32 10:00"])  # Excel row 6
    with pytest.raises(IngestError, match=r"log\.xlsx \(sheet 'Log'\): row 6, column 'timestamp': '2024-01-32 10:00'"):
        ingest(workbook(tmp_path / "log.xlsx", rows))


def test_it_reads_parquet_keeping_types_and_converting_time_zones(tmp_path: Path, read_table: Rows) -> None:
    amsterdam = timezone(timedelta(hours=2))
    table = pa.table(
        {
            "CaseID": pa.array([17, 17, 18], pa.int64()),
            "Activity": ["a", "b", "a"],
            "Timestamp": pa.array(
                [datetime(2024, 6, 1, 12, tzinfo=amsterdam), datetime(2024, 6, 1, 13, tzinfo=amsterdam), None],
                pa.timestamp("ms", tz="Europe/Amsterdam"),
            ),
            "cost": pa.array([1.5, None, 2.0]),
        }
    )
    path = tmp_path / "log.parquet"
    pq.write_table(table, path)
    result = ingest(path)
    rows = read_table(result)
    assert [row["case_id"] for row in rows] == ["17", "17", "18"]
    assert rows[0]["timestamp"] == datetime(2024, 6, 1, 10, tzinfo=UTC)
    assert rows[2]["timestamp"] is None
    assert result.columns["cost"] == "double"


def test_it_reads_naive_parquet_timestamps_and_dates_as_utc(tmp_path: Path, read_table: Rows) -> None:
    path = tmp_path / "log.parquet"
    pq.write_table(
        pa.table({"case_id": ["c", "c"], "activity": ["a", "b"], "timestamp": [date(2024, 1, 1), date(2024, 1, 2)]}),
        path,
    )
    assert read_table(ingest(path))[1]["timestamp"] == datetime(2024, 1, 2, tzinfo=UTC)


def test_it_refuses_a_parquet_timestamp_column_of_numbers(tmp_path: Path) -> None:
    path = tmp_path / "log.parquet"
    pq.write_table(pa.table({"case_id": ["c"], "activity": ["a"], "timestamp": [1700000000]}), path)
    with pytest.raises(IngestError, match=r"column 'timestamp': the timestamp column holds int64 values"):
        ingest(path)


def test_it_tells_which_formats_it_reads(tmp_path: Path) -> None:
    old = tmp_path / "log.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(
        IngestError, match=r"log\.xls: old-style Excel \(\.xls\) files are not supported; save the workbook as \.xlsx"
    ):
        ingest(old)
    binary = tmp_path / "log.bin"
    binary.write_bytes(b"\x00\x01\x02binary")
    with pytest.raises(IngestError, match=r"not an event log klantreis can read; supported are XES"):
        ingest(binary)
    with pytest.raises(IngestError, match=r"missing\.csv: no such file"):
        ingest(tmp_path / "missing.csv")


def test_it_recognises_a_log_by_its_content_when_the_name_does_not_say(tmp_path: Path, read_table: Rows) -> None:
    path = tmp_path / "export"
    path.write_text(
        '<?xml version="1.0"?>\n<log><trace><string key="concept:name" value="c"/><event><string key="concept:name" value="a"/></event></trace></log>'
    )
    assert read_table(ingest(path))[0]["activity"] == "a"


def test_it_asks_to_decompress_a_compressed_file_that_is_not_xes(tmp_path: Path) -> None:
    path = tmp_path / "log.csv.gz"
    path.write_bytes(gzip.compress(b"case_id,activity,timestamp\nc,a,2024-01-01\n"))
    with pytest.raises(IngestError, match=r"log\.csv\.gz: a compressed file that is not XES; decompress it"):
        ingest(path)
