"""Deep comparison of analysis results across engines and paths, floats within a tolerance."""

from __future__ import annotations

import math
from typing import Any


def assert_same(expected: Any, actual: Any, path: str = "$") -> None:
    """Deep equality, floats to 1e-9 relative (1e-6 absolute near zero)."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), path
        assert expected.keys() == actual.keys(), path
        for key in expected:
            assert_same(expected[key], actual[key], f"{path}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list), path
        assert len(expected) == len(actual), path
        for index, (left, right) in enumerate(zip(expected, actual, strict=True)):
            assert_same(left, right, f"{path}[{index}]")
    elif isinstance(expected, float) and isinstance(actual, float):
        assert math.isclose(expected, actual, rel_tol=1e-9, abs_tol=1e-6), f"{path}: {expected} != {actual}"
    else:
        assert expected == actual, f"{path}: {expected!r} != {actual!r}"
