"""The bytes of an XES file: decompressed on a helper thread (size capped), cut into chunks of whole traces."""

from __future__ import annotations

import os
import queue
import re
import threading
import zlib
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from klantreis.analytics.ingest.errors import fail

DEFAULT_MAX_DECOMPRESSED = 20 * 10**9
_READ = 1 << 20
_GZIP = 16 + zlib.MAX_WBITS
# Decompressed bytes per chunk handed to the tokenizer: big enough for vectorised work to pay off,
# small enough that its temporary arrays are reused rather than freshly mapped.
CHUNK = 2 << 20
# One trace must fit in memory (and in 32-bit Arrow offsets); no real trace comes near this.
MAX_TRACE = 1 << 30
_FIRST_TRACE = re.compile(rb"<trace[\s>/]")
_TRACE_END = b"</trace>"


def max_decompressed_bytes() -> int:
    """The cap on a .gz file's decompressed size: $KLANTREIS_MAX_DECOMPRESSED_BYTES, default 20 GB."""
    raw = os.environ.get("KLANTREIS_MAX_DECOMPRESSED_BYTES", "").strip()
    if not raw:
        return DEFAULT_MAX_DECOMPRESSED
    try:
        value = int(raw.replace("_", ""))
    except ValueError:
        value = 0
    if value <= 0:
        raise fail(
            "KLANTREIS_MAX_DECOMPRESSED_BYTES", f"{raw!r} is not a positive number of bytes", fix="e.g. 50000000000"
        )
    return value


def is_gzip(path: Path) -> bool:
    """Whether the file starts with the gzip magic bytes."""
    with path.open("rb") as handle:
        return handle.read(2) == b"\x1f\x8b"


class ByteStream:
    """Decompressed pieces of a file, read ahead on a helper thread (zlib releases the GIL while it inflates)."""

    def __init__(self, path: Path, progress: Callable[[int, int], None]) -> None:
        self.path = path
        self.source = str(path)
        self.size = path.stat().st_size
        self.progress = progress
        self.compressed = is_gzip(path)
        self.cap = max_decompressed_bytes()
        self._queue: queue.Queue[tuple[bytes, int, int] | BaseException | None] = queue.Queue(maxsize=4)
        self._stop = threading.Event()

    def pieces(self) -> Generator[tuple[bytes, int]]:
        """(piece, number of line breaks in it): counted on the helper thread, where numpy releases the GIL."""
        thread = threading.Thread(target=self._produce, name="klantreis-inflate", daemon=True)
        thread.start()
        try:
            while (item := self._queue.get()) is not None:
                if isinstance(item, BaseException):
                    raise item
                piece, consumed, breaks = item
                self.progress(consumed, self.size)
                yield piece, breaks
        finally:
            self._stop.set()
            while thread.is_alive():
                # Unblock a producer waiting on a full queue, then let it see the stop flag.
                try:
                    self._queue.get_nowait()
                except queue.Empty:
                    thread.join(0.01)

    def _put(self, item: tuple[bytes, int, int] | BaseException | None) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def _produce(self) -> None:
        try:
            pieces = self._inflate() if self.compressed else self._plain()
            for piece, consumed in pieces:
                breaks = int(np.count_nonzero(np.frombuffer(piece, dtype=np.uint8) == 10))
                if not self._put((piece, consumed, breaks)):
                    return
            self._put(None)
        except BaseException as error:  # handed to the consuming thread, which raises it
            self._put(error)

    def _plain(self) -> Iterator[tuple[bytes, int]]:
        with self.path.open("rb") as handle:
            while block := handle.read(_READ):
                yield block, handle.tell()

    def _inflate(self) -> Iterator[tuple[bytes, int]]:
        total = 0
        inflater = zlib.decompressobj(_GZIP)
        with self.path.open("rb") as handle:
            data = handle.read(_READ)
            while True:
                try:
                    # max_length bounds each piece: a bomb cannot expand into memory all at once.
                    piece = inflater.decompress(data, CHUNK)
                except zlib.error as error:
                    raise fail(
                        self.source, f"the gzip data is damaged ({error})", fix="download the file again"
                    ) from None
                total += len(piece)
                if total > self.cap:
                    raise fail(
                        self.source,
                        f"decompresses to more than {self.cap:,} bytes, the limit for compressed logs",
                        fix="raise KLANTREIS_MAX_DECOMPRESSED_BYTES if the file is trustworthy",
                    )
                if piece:
                    yield piece, handle.tell()
                if inflater.eof:
                    # Concatenated gzip members (cat a.gz b.gz) are one file; other trailing bytes are ignored.
                    data = inflater.unused_data or handle.read(_READ)
                    if not data.startswith(b"\x1f\x8b"):
                        return
                    inflater = zlib.decompressobj(_GZIP)
                elif inflater.unconsumed_tail or len(piece) == CHUNK:
                    # Output was cut at max_length: continue with what is left before reading more.
                    data = inflater.unconsumed_tail
                else:
                    data = handle.read(_READ)
                    if not data:
                        raise fail(
                            self.source,
                            "the compressed file ends early (an incomplete download?)",
                            fix="download it again",
                        )


@dataclass(frozen=True)
class Chunk:
    """Part of the document: the header (up to the first trace), whole traces (body), what follows (tail),
    or the whole document when it holds no trace."""

    kind: str
    data: bytes
    line: int


def chunks(pieces: Iterator[tuple[bytes, int]], source: str, size: int = CHUNK) -> Iterator[Chunk]:
    """Cut (piece, line breaks) into a header, bodies that end at a </trace>, and the tail."""
    buffer = bytearray()
    end_line = 1  # the line of the last byte received
    start_line = 1  # the line of the buffer's first byte
    header_done = False
    searched = 0
    for piece, breaks in pieces:
        buffer += piece
        end_line += breaks
        if not header_done:
            found = _FIRST_TRACE.search(buffer, max(searched - 8, 0))
            searched = len(buffer)
            if found is None:
                continue
            header = bytes(buffer[: found.start()])
            del buffer[: found.start()]
            yield Chunk("header", header, 1)
            header_done = True
            start_line = end_line - buffer.count(b"\n")
        if len(buffer) >= size:
            cut = buffer.rfind(_TRACE_END)
            if cut < 0:
                if len(buffer) > MAX_TRACE:
                    raise fail(source, f"line {start_line}: a trace longer than {MAX_TRACE:,} bytes", fix="split it")
                continue
            body = _take(buffer, cut + len(_TRACE_END))
            yield Chunk("body", body, start_line)
            # Count back from the end: only the (short) rest of the buffer is scanned, not the chunk.
            start_line = end_line - buffer.count(b"\n")
    if not header_done:
        yield Chunk("document", bytes(buffer), 1)
        return
    cut = buffer.rfind(_TRACE_END)
    if cut >= 0:
        yield Chunk("body", _take(buffer, cut + len(_TRACE_END)), start_line)
        start_line = end_line - buffer.count(b"\n")
    yield Chunk("tail", bytes(buffer), start_line)


def _take(buffer: bytearray, end: int) -> bytes:
    """The first `end` bytes, removed from the buffer."""
    with memoryview(buffer) as view:
        taken = bytes(view[:end])  # one copy (bytes(buffer[:end]) would make two)
    del buffer[:end]
    return taken
