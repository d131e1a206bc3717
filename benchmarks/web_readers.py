"""Readers with a map open, as an asyncio HTTP/1.1 client: many keep-alive connections from one process.

Each reader behaves like the editor page in a browser: it opens the map (the page, then the
lazily sent stages of the first screen), polls for changes every few seconds, and re-opens the
map now and then. Only the standard library: the load generator must not need more CPU than
the server it measures.
"""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass, field


@dataclass
class Load:
    """What the readers measured, in milliseconds per request kind."""

    pages: list[float] = field(default_factory=list)  # the editor page requests
    stages: list[float] = field(default_factory=list)  # lazily loaded stages of the first screen
    opens: list[float] = field(default_factory=list)  # page + first-screen stages: until the map shows
    polls: list[float] = field(default_factory=list)
    errors: int = 0
    bytes: int = 0
    problems: list[str] = field(default_factory=list)


async def _get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str, cookie: str) -> tuple[int, bytes]:
    """One HTTP/1.1 GET on a keep-alive connection; the body by Content-Length or chunked, as sent."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: {cookie}\r\nAccept: */*\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {name.strip().lower(): value.strip() for name, _, value in (line.partition(":") for line in lines[1:])}
    if "chunked" in headers.get("transfer-encoding", "").lower():
        chunks = []
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            chunks.append(await reader.readexactly(size + 2))  # the chunk and its CRLF
            if size == 0:
                return status, b"".join(chunk[:-2] for chunk in chunks)
    if "content-length" in headers:
        return status, await reader.readexactly(int(headers["content-length"]))
    raise RuntimeError(f"a response without length on a keep-alive connection: {lines[0]}")


class Connection:
    """A keep-alive HTTP/1.1 connection that, like a browser, reconnects when the server closed it while idle."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def get(self, path: str, cookie: str) -> tuple[int, bytes]:
        """GET `path`; a reused connection the server has closed (keep-alive timeout) is retried once."""
        reused = self.streams is not None
        if self.streams is None:
            self.streams = await asyncio.open_connection("127.0.0.1", self.port)
        try:
            return await _get(*self.streams, path, cookie)
        except (OSError, asyncio.IncompleteReadError) as error:
            self.close()
            closed_while_idle = reused and isinstance(error, asyncio.IncompleteReadError) and not error.partial
            if not closed_while_idle:
                raise
        self.streams = await asyncio.open_connection("127.0.0.1", self.port)
        return await _get(*self.streams, path, cookie)

    def close(self) -> None:
        """Close the socket, if open."""
        if self.streams is not None:
            self.streams[1].close()
            self.streams = None


@dataclass(frozen=True)
class Plan:
    """What every reader does: open the map (`page`, then the `stages` of the first screen), poll
    `poll_path` every `poll` s, and re-open the map every ~`reopen` s."""

    port: int
    page: str
    stages: tuple[str, ...]
    poll_path: str
    ramp: float
    poll: float
    reopen: float
    end: float


async def _timed_get(connection: Connection, path: str, cookie: str, load: Load, into: list[float]) -> float:
    """GET `path`, record its time in `into` (and any failure in `load`); the milliseconds taken."""
    started = time.perf_counter()
    try:
        status, body = await connection.get(path, cookie)
    except (OSError, asyncio.IncompleteReadError, RuntimeError) as error:
        load.errors += 1
        load.problems.append(f"{type(error).__name__}: {error}")
        raise
    elapsed = (time.perf_counter() - started) * 1000
    if status != 200:
        load.errors += 1
        load.problems.append(f"HTTP {status} for {path}")
    load.bytes += len(body)
    into.append(elapsed)
    return elapsed


async def reader(plan: Plan, cookie: str, load: Load, seed: int) -> None:
    """One member with the map open, arriving within the first `ramp` seconds."""
    rng = random.Random(seed)
    await asyncio.sleep(rng.uniform(0, plan.ramp))  # people do not all arrive in the same millisecond
    connection = Connection(plan.port)
    next_open = 0.0
    try:
        while time.monotonic() < plan.end:
            now = time.monotonic()
            try:
                if now >= next_open:
                    took = await _timed_get(connection, plan.page, cookie, load, load.pages)
                    for stage in plan.stages:  # the editor script fetches them once the page is there
                        took += await _timed_get(connection, stage, cookie, load, load.stages)
                    load.opens.append(took)
                    next_open = now + rng.uniform(0.5 * plan.reopen, 1.5 * plan.reopen)
                else:
                    await _timed_get(connection, plan.poll_path, cookie, load, load.polls)
            except (OSError, asyncio.IncompleteReadError, RuntimeError):
                connection.close()
            await asyncio.sleep(rng.uniform(0.9 * plan.poll, 1.1 * plan.poll) if plan.poll else 0)
    finally:
        connection.close()
