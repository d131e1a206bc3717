"""Real logs through the real ingest, the example journeys, a running-example journey and the three engines."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from klantreis.analytics.engine import Engine, EngineError, connect
from klantreis.analytics.ingest import ingest
from klantreis.journey.files import read_document
from klantreis.journey.model import JourneyDocument
from real_logs import data_dir

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parents[2]
POSTGRES_URL = os.environ.get("KLANTREIS_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")

# name -> path below the shared data directory
REAL_LOGS = {
    "running_example": "running_example/running-example.xes",
    "receipt": "receipt/08_receipt.xes.gz",
    "bpic2012": "bpic2012/bpic2012.xes.gz",
}
# The example journeys whose activity rules were written for these logs.
EXAMPLES = {"receipt": "omgevingsvergunning-huidig.yaml", "bpic2012": "persoonlijke-lening.yaml"}

# A small journey for the running example (van der Aalst's compensation requests). It draws the ticket
# check before the examination, which most cases do the other way round: the data contradicts it.
RUNNING_EXAMPLE_JOURNEY = """\
title: Schadevergoeding aanvragen
language: nl
stages:
  - name: Aanvraag
    touchpoints:
      - name: Verzoek indienen
        channel: website
        activities: [register request]
  - name: Beoordeling
    touchpoints:
      - name: Ticket gecontroleerd
        activities: [check ticket]
      - name: Onderzoek
        activities:
          - pattern: "examine *"
            match: glob
      - name: Besluit
        activities: [decide]
      - name: Opnieuw in behandeling
        activities:
          - pattern: "^reinit"
            match: regex
  - name: Afhandeling
    touchpoints:
      - name: Vergoeding betaald
        activities: [pay compensation]
      - name: Afwijzing
        activities: [reject request]
      - name: Klanttevredenheid meten
"""


def missing_service(reason: str) -> None:
    """Skip with `reason`, or fail when KLANTREIS_REQUIRE_SERVICES=1 (CI)."""
    if os.environ.get("KLANTREIS_REQUIRE_SERVICES", "") == "1":
        pytest.fail(f"required service missing: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def log_parquet(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """The normalised Parquet file of a real log, imported once per test session by the real ingest."""
    cache = tmp_path_factory.mktemp("ingest-cache")
    done: dict[str, Path] = {}

    def load(name: str) -> Path:
        if name not in done:
            path = data_dir() / REAL_LOGS[name]
            if name == "running_example" and not path.exists():
                path = PROJECT / "tests" / "data" / "running-example.xes"
            if not path.exists():
                pytest.skip(f"real event log {REAL_LOGS[name]} not found in {data_dir()} (set KLANTREIS_DATA_DIR)")
            done[name] = ingest(path, cache_dir=cache).parquet
        return done[name]

    return load


@pytest.fixture(scope="session")
def log_table(log_parquet: Callable[[str], Path]) -> Callable[[str], pa.Table]:
    """A real log as an Arrow table in the normalised schema."""
    tables: dict[str, pa.Table] = {}

    def load(name: str) -> pa.Table:
        if name not in tables:
            tables[name] = pq.read_table(log_parquet(name))
        return tables[name]

    return load


@pytest.fixture(scope="session")
def example() -> Callable[[str], JourneyDocument]:
    """The example journey written for a real log."""
    return lambda log: read_document(PROJECT / "examples" / EXAMPLES[log])


@pytest.fixture(scope="session")
def running_journey(tmp_path_factory: pytest.TempPathFactory) -> JourneyDocument:
    """The running-example journey, read from a real file."""
    path = tmp_path_factory.mktemp("journeys") / "schadevergoeding.yaml"
    path.write_text(RUNNING_EXAMPLE_JOURNEY, encoding="utf-8")
    return read_document(path)


@pytest.fixture(scope="module")
def duckdb_engine() -> Iterator[Engine]:
    """An in-process DuckDB engine shared by a test module."""
    with connect("duckdb") as engine:
        yield engine


@pytest.fixture(scope="module")
def postgres_engine() -> Iterator[Engine]:
    """A PostgreSQL engine on KLANTREIS_TEST_POSTGRES_URL (skips, or fails in CI, when unreachable)."""
    try:
        engine = connect(POSTGRES_URL)
    except EngineError as error:
        missing_service(f"PostgreSQL unreachable at {POSTGRES_URL} ({error})")
    with engine:
        yield engine
