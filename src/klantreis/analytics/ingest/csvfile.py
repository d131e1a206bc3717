"""CSV event logs: encoding, separator and header detection, then Arrow's streaming reader in blocks."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Callable, Iterator, Sequence
from itertools import islice
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pa_csv

from klantreis.analytics.ingest.errors import Notes, fail
from klantreis.analytics.ingest.mapping import ColumnMapping
from klantreis.analytics.ingest.sink import EventSink
from klantreis.analytics.ingest.tabular import TableNormaliser

_SAMPLE = 1 << 20
_BLOCK = 16 << 20
_SEPARATORS = (",", ";", "\t", "|")
_SEPARATOR_NAMES = {"\\t": "\t", "tab": "\t", "TAB": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}


class _NotUtf8Error(Exception):
    """The file turned out not to be UTF-8 after the sample said it was."""


def read_csv(
    path: Path, mapping: ColumnMapping, sink: EventSink, notes: Notes, progress: Callable[[int, int], None]
) -> None:
    """Stream a CSV file into `sink`."""
    source = str(path)
    with path.open("rb") as handle:
        sample = handle.read(_SAMPLE)
    if not sample.strip():
        raise fail(source, "the file is empty", fix="export the event log again")
    encoding, retry = _encoding(sample, mapping, source, notes)
    text = _complete_lines(sample, encoding)
    separator = _separator(text, mapping, source)
    names = unique_names(next(csv.reader(io.StringIO(text), delimiter=separator), []))
    try:
        _stream(path, names, encoding, separator, mapping, sink, notes, progress)
    except _NotUtf8Error:
        if not retry:
            raise fail(source, "the file is not valid UTF-8", fix="pass --encoding (e.g. cp1252 or latin-1)") from None
        notes.once("encoding", f"{source} is not valid UTF-8; it was read as Windows-1252 (pass --encoding if not)")
        sink.restart()
        _stream(path, names, "cp1252", separator, mapping, sink, notes, progress)


def unique_names(header: Sequence[str]) -> list[str]:
    """Header names made usable: empty ones named like pandas does ('Unnamed: 0'), repeats numbered ('x.1')."""
    names: list[str] = []
    for index, raw in enumerate(header):
        name = raw.strip() or f"Unnamed: {index}"
        base, count = name, 0
        while name in names:
            count += 1
            name = f"{base}.{count}"
        names.append(name)
    return names


def _stream(
    path: Path,
    names: list[str],
    encoding: str,
    separator: str,
    mapping: ColumnMapping,
    sink: EventSink,
    notes: Notes,
    progress: Callable[[int, int], None],
) -> None:
    source = str(path)
    locate = _Locator(path, encoding, separator)
    normalise = TableNormaliser(names, mapping, source, locate=locate)
    size = path.stat().st_size
    arrow_encoding = "utf8" if codecs.lookup(encoding).name in ("utf-8", "utf-8-sig") else encoding
    read = pa_csv.ReadOptions(column_names=names, skip_rows=1, encoding=arrow_encoding, block_size=_BLOCK)
    # Quoted values may hold the separator and line breaks; everything stays text (keep_default_na=False:
    # a case called "NA" is a case, not a missing value).
    parse = pa_csv.ParseOptions(delimiter=separator, newlines_in_values=True)
    convert = pa_csv.ConvertOptions(
        column_types=dict.fromkeys(names, pa.string()), strings_can_be_null=False, quoted_strings_can_be_null=False
    )
    with path.open("rb") as handle:
        try:
            reader = pa_csv.open_csv(handle, read_options=read, parse_options=parse, convert_options=convert)
            for batch in _batches(reader):
                sink.write(normalise(pa.Table.from_batches([batch])))
                progress(handle.tell(), size)
        except pa.ArrowInvalid as error:
            raise _explain(error, path, encoding, separator, len(names)) from None


def _batches(reader: pa_csv.CSVStreamingReader) -> Iterator[pa.RecordBatch]:
    while True:
        try:
            yield reader.read_next_batch()
        except StopIteration:
            return


def _explain(error: pa.ArrowInvalid, path: Path, encoding: str, separator: str, width: int) -> Exception:
    message = str(error)
    if "invalid UTF8" in message:
        return _NotUtf8Error()
    if "Expected" in message and "columns, got" in message:
        place = _find_width_error(path, encoding, separator, width)
        if place is not None:
            row, line, found = place
            return fail(
                str(path),
                f"{found} fields where the header has {width}",
                row=row,
                line=line,
                fix=f"check the separator ({separator!r}; pass --separator to change it) and the quotes on that line",
            )
    return fail(str(path), f"cannot read the CSV: {message}", fix="check that the file is a CSV export")


def _find_width_error(path: Path, encoding: str, separator: str, width: int) -> tuple[int, int, int] | None:
    # Only on the error path: Arrow says what is wrong but not where, Python's csv module counts lines.
    with path.open(encoding=encoding, errors="replace", newline="") as handle:
        reader = csv.reader(handle, delimiter=separator)
        next(reader, None)
        row = 0
        for fields in reader:
            if not fields:
                continue
            row += 1
            if len(fields) != width:
                return row, reader.line_num, len(fields)
    return None


class _Locator:
    """Row and line of the n-th data row (0-based), counted the way Arrow does: blank lines skipped."""

    def __init__(self, path: Path, encoding: str, separator: str) -> None:
        self.path, self.encoding, self.separator = path, encoding, separator

    def __call__(self, index: int) -> tuple[int, int | None]:
        with self.path.open(encoding=self.encoding, errors="replace", newline="") as handle:
            reader = csv.reader(handle, delimiter=self.separator)
            next(reader, None)
            records = (reader.line_num for fields in reader if fields)
            line = next(islice(records, index, None), None)
        return index + 1, line


def _encoding(sample: bytes, mapping: ColumnMapping, source: str, notes: Notes) -> tuple[str, bool]:
    """(encoding, whether it is a guess that may be retried as cp1252)."""
    if mapping.encoding:
        try:
            return codecs.lookup(mapping.encoding).name, False
        except LookupError:
            raise fail(
                source, f"unknown encoding {mapping.encoding!r}", fix="pass e.g. --encoding utf-8 or cp1252"
            ) from None
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", False
    whole_lines = sample[: sample.rfind(b"\n") + 1] or sample
    try:
        whole_lines.decode("utf-8")
        return "utf-8", len(sample) == _SAMPLE
    except UnicodeDecodeError:
        pass
    for fallback, name in (("cp1252", "Windows-1252"), ("latin-1", "Latin-1")):
        try:
            whole_lines.decode(fallback)
        except UnicodeDecodeError:
            continue
        notes.once("encoding", f"{source} is not UTF-8; it was read as {name} (pass --encoding if not)")
        return fallback, False
    raise AssertionError("latin-1 decodes every byte")


def _complete_lines(sample: bytes, encoding: str) -> str:
    text = sample.decode(encoding, errors="replace")
    # The sample may end inside a line (or a quoted value); judge only what is complete.
    cut = text.rfind("\n")
    return text[: cut + 1] if cut > 0 and len(sample) == _SAMPLE else text


def _separator(text: str, mapping: ColumnMapping, source: str) -> str:
    if mapping.separator:
        separator = _SEPARATOR_NAMES.get(mapping.separator, mapping.separator)
        if len(separator) != 1:
            raise fail(
                source,
                f"the separator must be one character, not {mapping.separator!r}",
                fix="pass e.g. --separator ';'",
            )
        return separator
    best: tuple[float, int, str] | None = None
    for separator in _SEPARATORS:
        rows = [row for row in islice(csv.reader(io.StringIO(text), delimiter=separator), 200) if row]
        if not rows or len(rows[0]) < 2:
            continue
        width = len(rows[0])
        score = (sum(len(row) == width for row in rows) / len(rows), width, separator)
        if best is None or score[:2] > best[:2]:
            best = score
    # The best candidate wins even if some rows disagree: the reader then names the first such row.
    if best is None:
        raise fail(
            source,
            "cannot tell which character separates the columns (tried , ; tab |)",
            fix="pass --separator, e.g. --separator ';'",
        )
    return best[2]
