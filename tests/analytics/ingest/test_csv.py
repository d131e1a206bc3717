"""CSV: separators, encodings, timestamp formats, column detection, and errors that name the row."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from klantreis.analytics.ingest import ColumnMapping, IngestError, IngestResult, csvfile, ingest

Rows = Callable[[IngestResult], list[dict[str, Any]]]


def write(tmp_path: Path, text: str, *, name: str = "log.csv", encoding: str = "utf-8") -> Path:
    """A CSV file with `text` in `encoding`."""
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_it_reads_semicolons_and_windows_1252_with_dutch_characters(tmp_path: Path, read_table: Rows) -> None:
    text = (
        "Zaak;Activiteit;Tijdstip;Gemeente\n"
        "Z-1;Aanvraag ingediend;01-03-2024 09:15:00;'s-Hertogenbosch\n"
        "Z-1;Café bezocht – één keer;13-03-2024 14:30:00;Één € 5\n"
    )
    path = write(tmp_path, text, encoding="cp1252")
    result = ingest(path, mapping=ColumnMapping(case="Zaak", activity="Activiteit", timestamp="Tijdstip"))
    rows = read_table(result)
    assert [row["activity"] for row in rows] == ["Aanvraag ingediend", "Café bezocht – één keer"]
    assert rows[1]["Gemeente"] == "Één € 5"
    assert rows[1]["timestamp"] == datetime(2024, 3, 13, 14, 30, tzinfo=UTC)
    assert any("Windows-1252" in w for w in result.warnings)


@pytest.mark.parametrize("separator", [",", ";", "\t", "|"])
def test_it_detects_the_separator(tmp_path: Path, separator: str, read_table: Rows) -> None:
    rows = [["case_id", "activity", "timestamp", "note"], ["c1", "a", "2024-01-01 10:00:00", "x, y; z"]]
    text = "\n".join(
        separator.join(f'"{v}"' if separator in v or "," in v or ";" in v else v for v in row) for row in rows
    )
    assert read_table(ingest(write(tmp_path, text + "\n")))[0]["note"] == "x, y; z"


def test_it_finds_the_usual_column_names_by_itself(tmp_path: Path, read_table: Rows) -> None:
    path = write(tmp_path, "Case ID,Activity,Complete Timestamp,Resource\nc1,a,2024-01-01 10:00:00,Ann\n")
    row = read_table(ingest(path))[0]
    assert (row["case_id"], row["activity"], row["resource"]) == ("c1", "a", "Ann")


def test_it_lists_the_columns_and_flags_when_it_cannot_tell_which_is_which(tmp_path: Path) -> None:
    path = write(tmp_path, "dossier,stap,wanneer\nd1,a,2024-01-01\n")
    with pytest.raises(
        IngestError,
        match=r"log\.csv: cannot tell which column holds the case and the activity and the timestamp; "
        r"the columns are 'dossier', 'stap', 'wanneer'; pass --case NAME --activity NAME --timestamp NAME",
    ):
        ingest(path)


def test_it_lists_the_columns_when_a_named_column_is_missing(tmp_path: Path) -> None:
    path = write(tmp_path, "case_id,activity,timestamp\nc1,a,2024-01-01\n")
    with pytest.raises(
        IngestError,
        match=r"there is no column 'Tijd' for --timestamp; the columns are 'case_id', 'activity', 'timestamp'",
    ):
        ingest(path, mapping=ColumnMapping(timestamp="Tijd"))


def test_it_names_the_row_and_column_of_a_bad_timestamp(tmp_path: Path) -> None:
    lines = ["case_id,activity,timestamp"] + [f"c1,a,2024-01-0{day} 10:00:00" for day in range(1, 7)]
    lines.insert(4, "c1,b,2024-02-30 10:00:00")  # the 4th data row, line 5
    with pytest.raises(
        IngestError, match=r"log\.csv: row 4 \(line 5\), column 'timestamp': '2024-02-30 10:00:00' does not match"
    ):
        ingest(write(tmp_path, "\n".join(lines) + "\n"))


def test_it_names_the_row_of_a_value_in_no_known_timestamp_format(tmp_path: Path) -> None:
    path = write(tmp_path, "case_id,activity,timestamp\nc1,a,2024-01-01 10:00\nc1,b,yesterday\n")
    with pytest.raises(
        IngestError,
        match=r"row 2 \(line 3\), column 'timestamp': 'yesterday' is not a timestamp klantreis recognises.*--timestamp-format",
    ):
        ingest(path)


def test_it_reads_day_first_dates_when_a_day_above_twelve_says_so(tmp_path: Path, read_table: Rows) -> None:
    path = write(tmp_path, "case_id,activity,timestamp\nc1,a,03/04/2024 10:00\nc1,b,25/04/2024 11:00\n")
    assert read_table(ingest(path))[0]["timestamp"] == datetime(2024, 4, 3, 10, tzinfo=UTC)


def test_it_reads_month_first_dates_when_a_day_above_twelve_says_so(tmp_path: Path, read_table: Rows) -> None:
    path = write(tmp_path, "case_id,activity,timestamp\nc1,a,03/04/2024 10:00\nc1,b,04/25/2024 11:00\n")
    assert read_table(ingest(path))[0]["timestamp"] == datetime(2024, 3, 4, 10, tzinfo=UTC)


def test_it_asks_which_format_when_day_and_month_cannot_be_told_apart(tmp_path: Path) -> None:
    path = write(tmp_path, "case_id,activity,timestamp\nc1,a,03-04-2024 10:00:00\nc1,b,04-05-2024 11:00:00\n")
    with pytest.raises(
        IngestError,
        match=r"could be day-first or month-first.*pass --timestamp-format '%d-%m-%Y %H:%M:%S' \(day first\) "
        r"or --timestamp-format '%m-%d-%Y %H:%M:%S' \(month first\)",
    ):
        ingest(path)


def test_it_reads_the_timestamp_format_it_is_given(tmp_path: Path, read_table: Rows) -> None:
    path = write(tmp_path, "case_id,activity,timestamp\nc1,a,03-04-24 10.15\n")
    result = ingest(path, mapping=ColumnMapping(timestamp_format="%m-%d-%y %H.%M"))
    assert read_table(result)[0]["timestamp"] == datetime(2024, 3, 4, 10, 15, tzinfo=UTC)


def test_it_normalises_offsets_to_utc_and_reads_times_without_one_as_utc(tmp_path: Path, read_table: Rows) -> None:
    text = "case_id,activity,timestamp\nc1,a,2024-07-01T12:00:00+02:00\nc1,b,2024-07-01 12:00:00\nc1,c,2024-07-01T12:00:00.5Z\n"
    assert [row["timestamp"] for row in read_table(ingest(write(tmp_path, text)))] == [
        datetime(2024, 7, 1, 10, tzinfo=UTC),
        datetime(2024, 7, 1, 12, tzinfo=UTC),
        datetime(2024, 7, 1, 12, 0, 0, 500000, tzinfo=UTC),
    ]


def test_it_keeps_a_case_and_an_activity_called_na_but_empty_attributes_are_missing(
    tmp_path: Path, read_table: Rows
) -> None:
    path = write(tmp_path, "case_id,activity,timestamp,resource,note\nNA,NA,2024-01-01 10:00:00,,NA\n")
    row = read_table(ingest(path))[0]
    assert (row["case_id"], row["activity"], row["resource"], row["note"]) == ("NA", "NA", None, "NA")


def test_it_reads_quoted_separators_and_line_breaks_and_a_byte_order_mark(tmp_path: Path, read_table: Rows) -> None:
    text = '\ufeffcase_id,activity,timestamp,note\nc1,"a, then b",2024-01-01 10:00:00,"two\nlines"\nc1,c,2024-01-01 11:00:00,\n'
    rows = read_table(ingest(write(tmp_path, text)))
    assert [(row["activity"], row["note"]) for row in rows] == [("a, then b", "two\nlines"), ("c", None)]


def test_it_names_the_row_with_too_many_fields(tmp_path: Path) -> None:
    path = write(tmp_path, "case_id,activity,timestamp\nc1,a,2024-01-01 10:00:00\nc1,b,c,2024-01-01 11:00:00\n")
    with pytest.raises(
        IngestError, match=r"log\.csv: row 2 \(line 3\): 4 fields where the header has 3; check the separator"
    ):
        ingest(path)


def test_it_names_empty_and_repeated_header_names(tmp_path: Path) -> None:
    path = write(tmp_path, ",case_id,activity,timestamp,x,x\n0,c1,a,2024-01-01 10:00:00,1,2\n")
    assert {"Unnamed: 0", "x", "x.1"} <= set(ingest(path).columns)


def test_it_falls_back_to_windows_1252_when_utf8_breaks_after_the_sample(tmp_path: Path, read_table: Rows) -> None:
    # The first megabyte is plain ASCII (valid UTF-8); the last row is Windows-1252.
    text = "case_id,activity,timestamp\n" + "c1,a,2024-01-01 10:00:00\n" * 50_000 + "c2,caf\xe9,2024-01-02 10:00:00\n"
    result = ingest(write(tmp_path, text, encoding="cp1252"))
    assert read_table(result)[-1]["activity"] == "café"
    assert any("not valid UTF-8" in w for w in result.warnings)


def test_it_streams_batch_by_batch_and_numbers_rows_across_batches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, read_table: Rows
) -> None:
    monkeypatch.setattr(csvfile, "_BLOCK", 1 << 12)  # a few hundred rows per batch
    text = "case_id,activity,timestamp\n" + "".join(
        f"c{n // 10},a{n % 7},25/12/2023 10:{n % 60:02}\n" for n in range(5000)
    )
    rows = read_table(ingest(write(tmp_path, text)))
    assert [row["position"] for row in rows] == list(range(5000))
    assert rows[-1]["timestamp"] == datetime(2023, 12, 25, 10, 4999 % 60, tzinfo=UTC)


def test_it_reads_twelve_hour_times_with_am_and_pm(tmp_path: Path, read_table: Rows) -> None:
    path = write(tmp_path, "case_id,activity,timestamp\nc1,a,3/1/2024 12:05 AM\nc1,b,3/13/2024 2:30 PM\n")
    assert [row["timestamp"] for row in read_table(ingest(path))] == [
        datetime(2024, 3, 1, 0, 5, tzinfo=UTC),
        datetime(2024, 3, 13, 14, 30, tzinfo=UTC),
    ]


def test_it_says_which_format_directives_it_reads(tmp_path: Path) -> None:
    path = write(tmp_path, "case_id,activity,timestamp\nc1,a,Mar 01 2024\n")
    with pytest.raises(
        IngestError, match=r"log\.csv: timestamp format '%b %d %Y': %b is not supported \(supported: %Y %y"
    ):
        ingest(path, mapping=ColumnMapping(timestamp_format="%b %d %Y"))
