"""The Parquet cache: where it lives, how entries are named, and publishing an entry all at once."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import time
import uuid
from pathlib import Path
from typing import Any

from klantreis.analytics.ingest.errors import fail
from klantreis.analytics.ingest.mapping import ColumnMapping

# Bump when the normalised table changes, so old cache entries are no longer used.
# 2: rows sorted by (case, timestamp, position), with the ordering columns of ordering.ORDERING.
FORMAT_VERSION = 2
_TEMP_PREFIX = ".partial-"
# Temporary files of a crashed import are removed once they are this old.
_STALE_SECONDS = 24 * 3600


def default_cache_dir() -> Path:
    """$KLANTREIS_CACHE, else $XDG_CACHE_HOME/klantreis/logs, else ~/.cache/klantreis/logs."""
    if os.environ.get("KLANTREIS_CACHE"):
        return Path(os.environ["KLANTREIS_CACHE"]).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base).expanduser() / "klantreis" / "logs"


def file_digest(path: Path) -> str:
    """sha256 of the file's bytes, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def cache_key(path: Path, mapping: ColumnMapping) -> str:
    """The entry name for this file's content read with this mapping by this version of the importer."""
    text = f"klantreis-ingest/{FORMAT_VERSION}\n{file_digest(path)}\n{mapping.fingerprint()}"
    return hashlib.sha256(text.encode()).hexdigest()


class Cache:
    """A directory of <key>.parquet files, each with a <key>.json summary written after it."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def parquet(self, key: str) -> Path:
        """Where the entry's Parquet file lives."""
        return self.directory / f"{key}.parquet"

    def lookup(self, key: str) -> dict[str, Any] | None:
        """The summary of a complete entry, or None."""
        summary = self.directory / f"{key}.json"
        try:
            data: dict[str, Any] = json.loads(summary.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if data.get("version") != FORMAT_VERSION or not self.parquet(key).is_file():
            return None
        return data

    def temporary(self, key: str, suffix: str = ".parquet") -> Path:
        """A fresh temporary path in the cache directory (same file system, so publishing is a rename)."""
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise fail(
                str(self.directory),
                f"cannot create the cache directory ({error.strerror})",
                fix="set KLANTREIS_CACHE to a writable directory",
            ) from error
        self._sweep()
        return self.directory / f"{_TEMP_PREFIX}{key[:16]}-{uuid.uuid4().hex}{suffix}"

    def publish(self, key: str, parquet: Path, summary: dict[str, Any]) -> Path:
        """Move a finished Parquet file into place, then its summary: an entry counts only once both exist."""
        final = self.parquet(key)
        os.replace(parquet, final)
        temporary = self.temporary(key, ".json")
        try:
            temporary.write_text(json.dumps({"version": FORMAT_VERSION, **summary}, indent=1), encoding="utf-8")
            os.replace(temporary, self.directory / f"{key}.json")
        finally:
            temporary.unlink(missing_ok=True)
        return final

    def _sweep(self) -> None:
        # Leftovers of imports that were killed before they could clean up.
        cutoff = time.time() - _STALE_SECONDS
        for leftover in self.directory.glob(f"{_TEMP_PREFIX}*"):
            with contextlib.suppress(OSError):
                if leftover.stat().st_mtime >= cutoff:
                    continue
                if leftover.is_dir():
                    shutil.rmtree(leftover)  # a sort's spill directory
                else:
                    leftover.unlink()
