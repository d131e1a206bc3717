"""ingest(): any supported event log to the normalised Parquet table, through the cache."""

from __future__ import annotations

import os
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from klantreis.analytics.ingest.cache import Cache, cache_key, default_cache_dir
from klantreis.analytics.ingest.csvfile import read_csv
from klantreis.analytics.ingest.errors import Notes, fail
from klantreis.analytics.ingest.excel import read_excel
from klantreis.analytics.ingest.mapping import ColumnMapping
from klantreis.analytics.ingest.parquetfile import read_parquet
from klantreis.analytics.ingest.sink import EventSink
from klantreis.analytics.ingest.xes import read_xes

Progress = Callable[[int, int], None]
Reader = Callable[[Path, ColumnMapping, EventSink, Notes, Progress], None]
_READERS: dict[str, Reader] = {"csv": read_csv, "parquet": read_parquet, "xlsx": read_excel, "xes": read_xes}
_SUFFIXES = {
    ".xes": "xes",
    ".xes.gz": "xes",
    ".csv": "csv",
    ".tsv": "csv",
    ".txt": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
}
_MISSING = (
    ("case_id", "case id", "they count as one case without an id; check the case column or attribute"),
    ("activity", "activity", "analyses leave them out"),
    ("timestamp", "timestamp", "analyses leave them out, as pm4py does"),
)
_SUPPORTED = "XES (.xes, .xes.gz), CSV (.csv), Parquet (.parquet) and Excel (.xlsx)"


@dataclass(frozen=True)
class IngestResult:
    """A normalised event log on disk and what is in it."""

    parquet: Path
    events: int
    cases: int
    activities: int
    columns: dict[str, str]
    warnings: list[str]
    cached: bool
    source: Path


def detect_format(path: Path) -> str:
    """'xes', 'csv', 'parquet' or 'xlsx', from the name, else from the first bytes."""
    name = path.name.lower()
    for suffix, kind in _SUFFIXES.items():
        if name.endswith(suffix):
            return kind
    if name.endswith(".xls"):
        raise fail(str(path), "old-style Excel (.xls) files are not supported", fix="save the workbook as .xlsx")
    with path.open("rb") as handle:
        start = handle.read(512)
    if start.startswith(b"PAR1"):
        return "parquet"
    if start.startswith(b"PK\x03\x04"):
        return "xlsx"
    if start.startswith(b"\x1f\x8b"):
        if _looks_like_xml(zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(start, 512)):
            return "xes"
        raise fail(
            str(path), "a compressed file that is not XES", fix="decompress it (gunzip) and import what is inside"
        )
    if _looks_like_xml(start):
        return "xes"
    if b"\0" not in start and start.strip():
        return "csv"
    raise fail(str(path), "not an event log klantreis can read", fix=f"supported are {_SUPPORTED}")


def _looks_like_xml(start: bytes) -> bool:
    return start.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"<?xml", b"<log", b"<!--"))


def ingest(
    path: str | os.PathLike[str],
    mapping: ColumnMapping | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    progress: Progress | None = None,
) -> IngestResult:
    """Import an event log into the cache (or find it there) and describe the normalised Parquet file.

    Raises IngestError, naming the file, the line or row and the fix, for anything it cannot read;
    nothing is cached then.
    """
    source = Path(path)
    if not source.is_file():
        raise fail(str(source), "no such file", fix="check the path")
    mapping = mapping or ColumnMapping()
    kind = detect_format(source)
    cache = Cache(Path(cache_dir) if cache_dir is not None else default_cache_dir())
    key = cache_key(source, mapping)
    report = progress or _ignore
    size = source.stat().st_size
    summary = cache.lookup(key)
    if summary is not None:
        report(size, size)
        return _result(cache.parquet(key), summary, cached=True, source=source)
    notes = Notes()
    sink = EventSink(cache.temporary(key), notes)
    try:
        _READERS[kind](source, mapping, sink, notes, report)
        written = sink.finish()
    except BaseException:
        sink.discard()
        raise
    for column, what, consequence in _MISSING:
        count = written.missing.get(column, 0)
        if count:
            events = "1 event has" if count == 1 else f"{count:,} events have"
            notes.once(f"missing:{column}", f"{events} no {what}; {consequence}")
    summary = {
        "source": str(source),
        "format": kind,
        "events": written.events,
        "cases": written.cases,
        "activities": written.activities,
        "columns": written.columns,
        "warnings": notes.messages,
        "mapping": mapping.fingerprint(),
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    try:
        parquet = cache.publish(key, sink.path, summary)
    except BaseException:
        sink.discard()
        raise
    report(size, size)
    return _result(parquet, summary, cached=False, source=source)


def _result(parquet: Path, summary: dict[str, Any], *, cached: bool, source: Path) -> IngestResult:
    return IngestResult(
        parquet=parquet,
        events=int(summary["events"]),
        cases=int(summary["cases"]),
        activities=int(summary["activities"]),
        columns=dict(summary["columns"]),
        warnings=list(summary["warnings"]),
        cached=cached,
        source=source,
    )


def _ignore(done: int, total: int) -> None:
    """No progress display."""
