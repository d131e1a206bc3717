"""The data-driven journey gives the same JSON on DuckDB, PostgreSQL and Spark.

Spark takes tens of seconds per test module (a JVM, then every query planned cold), so its comparison
lives in one place: tests/cli/test_analyze.py runs `klantreis analyze --journey` on both logs on Spark
and compares the whole JSON, touchpoints and conformance included. This module compares PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from klantreis.analytics.analyses import Filters
from klantreis.analytics.engine import Engine
from klantreis.analytics.journeymap import analyse_journey
from klantreis.journey.model import JourneyDocument
from same_results import assert_same


def journey_json(
    engine: Engine, parquet: Path, document: JourneyDocument, filters: Filters | None = None
) -> dict[str, Any]:
    return analyse_journey(engine.load(parquet), document, filters=filters).to_dict()


@pytest.fixture(scope="module")
def cases(
    log_parquet: Callable[[str], Path], example: Callable[[str], JourneyDocument], running_journey: JourneyDocument
) -> Callable[[str], tuple[Path, JourneyDocument, Filters | None]]:
    """The runs compared across engines: two real logs on their journeys, one of them also filtered."""
    runs: dict[str, Callable[[], tuple[Path, JourneyDocument, Filters | None]]] = {
        "running_example": lambda: (log_parquet("running_example"), running_journey, None),
        "receipt": lambda: (log_parquet("receipt"), example("receipt"), None),
        "receipt_filtered": lambda: (
            log_parquet("receipt"),
            example("receipt"),
            Filters(case_attributes={"channel": ["Internet"]}, min_variant_cases=2),
        ),
    }
    return lambda name: runs[name]()


@pytest.mark.postgres
@pytest.mark.parametrize("case", ["running_example", "receipt", "receipt_filtered"])
def test_the_journey_on_postgres_equals_the_journey_on_duckdb(
    cases: Callable[[str], tuple[Path, JourneyDocument, Filters | None]],
    duckdb_engine: Engine,
    postgres_engine: Engine,
    case: str,
) -> None:
    parquet, document, filters = cases(case)
    assert_same(
        journey_json(duckdb_engine, parquet, document, filters),
        journey_json(postgres_engine, parquet, document, filters),
    )
