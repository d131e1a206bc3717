"""XES and XES.gz event logs: stream, tokenize chunk by chunk (fast path or expat), pivot, write."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import closing
from pathlib import Path

import numpy as np
import pyarrow as pa

from klantreis.analytics.ingest import timestamps, xes_tokens
from klantreis.analytics.ingest.arrays import from_numpy
from klantreis.analytics.ingest.errors import Notes, fail
from klantreis.analytics.ingest.mapping import FLAGS, TARGETS, ColumnMapping, listing, target_names, xes_role_names
from klantreis.analytics.ingest.sink import EventSink
from klantreis.analytics.ingest.xes_expat import check_header, is_utf8, parse_chunk
from klantreis.analytics.ingest.xes_fast import scan
from klantreis.analytics.ingest.xes_source import ByteStream, Chunk, chunks

_TEXT = pa.string()
_WORKERS = 2
# Chunks handed to the workers ahead of the one being written (memory: a few chunks of 4 MB and their arrays).
_IN_FLIGHT = 2


def read_xes(
    path: Path, mapping: ColumnMapping, sink: EventSink, notes: Notes, progress: Callable[[int, int], None]
) -> None:
    """Stream an XES (or gzip-compressed XES) file into `sink`."""
    source = str(path)
    with path.open("rb") as handle:
        if handle.read(2) in (b"\xff\xfe", b"\xfe\xff"):
            raise fail(source, "UTF-16 XES files are not supported", fix="save the file as UTF-8")
    reader = _XesReader(source, mapping, sink, notes)
    # Chunks are tokenized and pivoted on two threads (numpy and Arrow release the GIL), and
    # normalised and written in file order here.
    pending: deque[Future[_Parsed]] = deque()
    # closing(): stop the decompressing thread at once when a chunk fails, not when the generator is collected.
    with closing(ByteStream(path, progress).pieces()) as pieces, ThreadPoolExecutor(_WORKERS) as pool:
        try:
            for chunk in chunks(pieces, source):
                if chunk.kind in ("header", "document"):
                    reader.encoding = check_header(chunk.data, source, whole=chunk.kind == "document")
                    continue
                pending.append(pool.submit(_parse, chunk, reader.encoding, source, notes))
                while len(pending) > _IN_FLIGHT:
                    reader.add(*pending.popleft().result())
            while pending:
                reader.add(*pending.popleft().result())
        finally:
            for future in pending:
                future.cancel()
    reader.finish()


_Parsed = tuple[xes_tokens.Tokens, dict[str, pa.Array]]


def _parse(chunk: Chunk, encoding: str | None, source: str, notes: Notes) -> _Parsed:
    """Tokens of one chunk (fast path when it is canonical UTF-8 XES, expat otherwise) and their columns."""
    tokens = scan(chunk.data, chunk.line) if chunk.kind == "body" and is_utf8(encoding) else None
    if tokens is None:
        tokens = parse_chunk(chunk.data, chunk.line, encoding, chunk.kind == "tail", source, notes)
    return tokens, xes_tokens.columns(tokens, source, notes)


class _XesReader:
    """Turns the tokens of successive chunks into normalised tables, remembering what it saw for the end."""

    def __init__(self, source: str, mapping: ColumnMapping, sink: EventSink, notes: Notes) -> None:
        self.source, self.mapping, self.sink, self.notes = source, mapping, sink, notes
        self.encoding: str | None = None
        self.position = 0
        self.empty_traces = 0
        self.seen: dict[str, None] = {}
        self.found_roles: set[str] = set()

    def add(self, tokens: xes_tokens.Tokens, columns: dict[str, pa.Array]) -> None:
        """Normalise and write one chunk's events."""
        if tokens.traces:
            # Events come in trace order, so each trace with events starts one run in event_trace.
            runs = int(np.count_nonzero(np.diff(tokens.event_trace))) + 1 if tokens.events else 0
            self.empty_traces += tokens.traces - runs
        if tokens.events == 0:
            return
        self.seen.update(dict.fromkeys(columns))
        self.sink.write(self._normalise(columns, tokens.events))

    def _normalise(self, columns: dict[str, pa.Array], count: int) -> pa.Table:
        chosen: dict[str, str] = {}
        for role in TARGETS:
            name = next(
                (n for n in xes_role_names(role, self.mapping) if n in columns and n not in chosen.values()), None
            )
            if name is not None:
                chosen[role] = name
        self.found_roles.update(chosen)
        table: dict[str, pa.Array] = {
            "case_id": _text(columns.get(chosen.get("case", "")), count),
            "activity": _text(columns.get(chosen.get("activity", "")), count),
            "timestamp": self._timestamps(columns.get(chosen.get("timestamp", "")), chosen.get("timestamp"), count),
            "position": from_numpy(np.arange(self.position, self.position + count, dtype=np.int64)),
        }
        self.position += count
        for role in ("lifecycle", "resource", "channel"):
            if role in chosen:
                table[TARGETS[role]] = _text(columns[chosen[role]], count)
        renames = target_names(chosen, list(columns))
        used = set(chosen.values())
        for name, column in columns.items():
            if name not in used:
                table[renames.get(name, name)] = column
        return pa.table(table)

    def _timestamps(self, column: pa.Array | None, name: str | None, count: int) -> pa.Array:
        if column is None:
            return pa.nulls(count, timestamps.UTC_US)
        if pa.types.is_timestamp(column.type):
            return column
        if column.type == _TEXT:
            parsed, bad = timestamps.parse_iso(column)
            if bad is None:
                return parsed
            problem = f"the timestamp attribute {name!r} has the value {column[bad].as_py()!r}, not an ISO 8601 date"
        else:
            problem = f"the timestamp attribute {name!r} holds {column.type} values, not dates"
        raise fail(self.source, problem, fix="pass --timestamp with the attribute that holds each event's time")

    def finish(self) -> None:
        """Check what can only be checked at the end, and note what the user should know."""
        seen = list(self.seen)
        for role in TARGETS:
            wanted = self.mapping.role(role)
            if wanted is not None and role not in self.found_roles and self.position:
                raise fail(
                    self.source,
                    f"no attribute {wanted!r} for {FLAGS[role]}",
                    fix=f"{listing(seen, 'attributes')}; pass {FLAGS[role]} with one of them",
                )
        if self.position and "activity" not in self.found_roles:
            raise fail(
                self.source,
                "no event has a concept:name attribute, so there is no activity",
                fix=f"{listing(seen, 'attributes')}; pass --activity with the one that names the step",
            )
        if self.position and "case" not in self.found_roles:
            raise fail(
                self.source,
                "no trace has a concept:name attribute, so the cases have no id",
                fix=f"{listing(seen, 'attributes')}; pass --case with the trace attribute that identifies the case",
            )
        if self.empty_traces:
            self.notes.once("empty", f"{self.empty_traces} traces without events were left out (as pm4py does)")
        if not self.position:
            self.notes.once("no-events", "the log holds no events")


def _text(column: pa.Array | None, count: int) -> pa.Array:
    if column is None:
        return pa.nulls(count, _TEXT)
    return column if column.type == _TEXT else column.cast(_TEXT)
