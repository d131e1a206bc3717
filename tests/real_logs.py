"""Where the tests find the real public event logs (../shared/data next to the project)."""

from __future__ import annotations

import os
from pathlib import Path

HERE = Path(__file__).resolve()


def data_dir() -> Path:
    """$KLANTREIS_DATA_DIR, else the first `shared/data` above the tests, else where it would be."""
    if os.environ.get("KLANTREIS_DATA_DIR"):
        return Path(os.environ["KLANTREIS_DATA_DIR"])
    for parent in HERE.parents:
        if (parent / "shared" / "data").is_dir():
            return parent / "shared" / "data"
    return HERE.parents[2] / "shared" / "data"
