"""What went wrong in an import, where, and what to do about it; and the warnings an import collects."""

from __future__ import annotations

import threading


class IngestError(ValueError):
    """An event log could not be imported; the message names the file, the place, the problem and the fix."""


def fail(
    source: str,
    problem: str,
    *,
    line: int | None = None,
    row: int | None = None,
    column: str | None = None,
    fix: str | None = None,
) -> IngestError:
    """An IngestError reading "<file>: row R (line L), column 'C': <problem>; <fix>"."""
    where = []
    if row is not None:
        where.append(f"row {row}" + (f" (line {line})" if line is not None else ""))
    elif line is not None:
        where.append(f"line {line}")
    if column is not None:
        where.append(f"column {column!r}")
    place = f"{source}: {', '.join(where)}: " if where else f"{source}: "
    return IngestError(place + problem + (f"; {fix}" if fix else ""))


class Notes:
    """The warnings of one import, each kind at most once (one per attribute key, not one per event)."""

    def __init__(self) -> None:
        self.messages: list[str] = []
        self._seen: set[str] = set()
        # Chunks of one file are tokenized on several threads.
        self._lock = threading.Lock()

    def once(self, kind: str, message: str) -> None:
        """Record `message` unless a warning of this kind was recorded before."""
        with self._lock:
            if kind not in self._seen:
                self._seen.add(kind)
                self.messages.append(message)

    def reset(self) -> None:
        """Forget everything (an import that starts over)."""
        self.messages.clear()
        self._seen.clear()
