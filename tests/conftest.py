"""Suite-wide helpers: services that tests need are mandatory in CI and skip with a reason elsewhere."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]


def services_required() -> bool:
    """True in CI (.ci/run sets KLANTREIS_REQUIRE_SERVICES=1): a missing service fails instead of skipping."""
    return os.environ.get("KLANTREIS_REQUIRE_SERVICES", "") == "1"


def missing_service(reason: str) -> None:
    """Skip the test with `reason`, or fail it when services are required."""
    if services_required():
        pytest.fail(f"required service missing: {reason}")
    pytest.skip(reason)
