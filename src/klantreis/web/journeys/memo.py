"""A small in-process LRU cache for rendered map fragments and documents (thread-safe, bounded by entries
and, for large values, by their total size)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class Memo(Generic[T]):
    """Keep the most recently used `capacity` values by key (and at most `max_size` by `size`, if given)."""

    def __init__(self, capacity: int, max_size: int = 0, size: Callable[[T], int] | None = None) -> None:
        self.capacity = capacity
        self.max_size = max_size
        self._size = size
        self._sizes: dict[str, int] = {}
        self._total = 0
        self._items: OrderedDict[str, T] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> T | None:
        """The cached value for `key`, or None."""
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key: str, value: T) -> None:
        """Keep `value` under `key`, forgetting the least recently used beyond capacity."""
        with self._lock:
            self._drop(key)
            self._items[key] = value
            if self._size is not None:
                self._sizes[key] = self._size(value)
                self._total += self._sizes[key]
            while len(self._items) > self.capacity or (self.max_size and self._total > self.max_size):
                self._drop(next(iter(self._items)))

    def _drop(self, key: str) -> None:
        """Forget `key` (the lock is held)."""
        self._items.pop(key, None)
        self._total -= self._sizes.pop(key, 0)

    def get_or_make(self, key: str, make: Callable[[], T]) -> T:
        """The cached value for `key`, made (outside the lock) and kept when missing."""
        found = self.get(key)
        if found is not None:
            return found
        value = make()
        self.put(key, value)
        return value

    def forget(self, key: str) -> None:
        """Drop the value under `key`, if any."""
        with self._lock:
            self._drop(key)

    def clear(self) -> None:
        """Forget everything (tests use this to time cold renders)."""
        with self._lock:
            self._items.clear()
            self._sizes.clear()
            self._total = 0


# Columns are cached by their content, so an edit re-renders only the column it changed; stages
# likewise, so a stage request answers with one cached piece; whole maps by journey revision, so
# re-opening an unchanged map costs almost nothing.
COLUMNS: Memo[Any] = Memo(6000)
# A stage of a large map is most of a megabyte: these are bounded by their size too.
STAGES: Memo[Any] = Memo(600, max_size=48 * 1024 * 1024, size=lambda stage: len(stage.html))
MAPS: Memo[Any] = Memo(64)
# The emotion curve stage by stage (curve.py): a rating click redraws one stage's points.
CURVES: Memo[Any] = Memo(2000)
# Stored documents by journey and revision (documents.Known): a revision's document never changes,
# so readers and editors in this process build each one once. Treated as read-only: edits build a
# new document that shares the untouched parts (see patches). LATEST holds each journey's newest,
# where a process that falls behind catches up from the log.
DOCUMENTS: Memo[Any] = Memo(64)
LATEST: Memo[Any] = Memo(256)
# Where each item of a document sits (itemindex.py), by document object.
INDEXES: Memo[Any] = Memo(64)
