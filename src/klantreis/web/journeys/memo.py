"""A small in-process LRU cache for rendered map fragments (thread-safe, bounded by entries)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable


class Memo:
    """Keep the most recently used `capacity` strings by key."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self._items: OrderedDict[str, str] = OrderedDict()
        self._lock = threading.Lock()

    def get_or_make(self, key: str, make: Callable[[], str]) -> str:
        """The cached value for `key`, made (outside the lock) and kept when missing."""
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
                return found
        value = make()
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.capacity:
                self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        """Forget everything (tests use this to time cold renders)."""
        with self._lock:
            self._items.clear()


# Columns are cached by their content, so an edit re-renders only the column it changed;
# whole maps by journey revision, so re-opening an unchanged map costs almost nothing.
COLUMNS = Memo(6000)
MAPS = Memo(64)
