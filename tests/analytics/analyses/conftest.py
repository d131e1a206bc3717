"""Real event logs (read the pm4py way) and engines for the analysis tests."""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pytest

from klantreis.analytics.engine import Engine, connect
from klantreis.analytics.ingest import ColumnMapping, ingest


def _shared_data_dir() -> Path:
    """The real logs: $KLANTREIS_DATA_DIR, else the first `shared/data` above this file (next to the project)."""
    if os.environ.get("KLANTREIS_DATA_DIR"):
        return Path(os.environ["KLANTREIS_DATA_DIR"])
    for parent in Path(__file__).resolve().parents:
        if (parent / "shared" / "data").is_dir():
            return parent / "shared" / "data"
    return Path(__file__).resolve().parents[4] / "shared" / "data"


DATA_DIR = _shared_data_dir()


@dataclass(frozen=True)
class LogSpec:
    """Where a real log lives and how to read it (CSV column names, separator)."""

    path: str
    case: str = "case:concept:name"
    activity: str = "concept:name"
    timestamp: str = "time:timestamp"
    separator: str = ","
    slow: bool = False


REAL_LOGS: dict[str, LogSpec] = {
    "running_example": LogSpec("running_example/running-example.xes"),
    "receipt": LogSpec("receipt/08_receipt.xes.gz"),
    "sepsis": LogSpec("sepsis/sepsis.csv", "Case ID", "Activity", "Complete Timestamp", separator=";"),
    "helpdesk": LogSpec("helpdesk/helpdesk.xes.gz"),
    "bpic2013_closed": LogSpec("bpic2013_closed/06_bpic2013_closed.xes.gz"),
    "bpic2013_incidents": LogSpec("bpic2013_incidents/07_bpic2013_incidents.xes.gz", slow=True),
    "roadtraffic100traces": LogSpec("roadtraffic_sample/roadtraffic100traces.xes"),
    "hospital_billing": LogSpec("hospital_billing/hospital_billing.csv", "case_id", "activity", "timestamp"),
    "traffic_fines": LogSpec("traffic_fines_sample/traffic_fines.csv", "case_id", "activity", "timestamp"),
    "bpic2012": LogSpec("bpic2012/bpic2012.xes.gz", slow=True),
}


@dataclass(frozen=True)
class RealLog:
    """A real log as pm4py sees it (file order, pm4py column names) and as klantreis' normalised table."""

    name: str
    frame: pd.DataFrame
    table: pa.Table


def _read_frame(spec: LogSpec) -> pd.DataFrame:
    path = DATA_DIR / spec.path
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pm4py = pytest.importorskip("pm4py", reason="pm4py (a test dependency) reads the XES logs")
        if path.suffix == ".csv":
            # keep_default_na=False: the sepsis log has a case literally named "NA".
            raw = pd.read_csv(path, sep=spec.separator, keep_default_na=False, dtype=str)
            frame = raw.rename(
                columns={
                    spec.case: "case:concept:name",
                    spec.activity: "concept:name",
                    spec.timestamp: "time:timestamp",
                }
            )
            # CSV timestamps without an offset are UTC; "mixed" also reads the sepsis slashes.
            frame["time:timestamp"] = pd.to_datetime(frame["time:timestamp"], utc=True, format="mixed")
        else:
            frame = pm4py.read_xes(str(path))
    frame["time:timestamp"] = frame["time:timestamp"].dt.as_unit("us")
    return frame.reset_index(drop=True)


def normalised_table(frame: pd.DataFrame) -> pa.Table:
    """The ingest contract built from a pm4py-style frame: case_id, activity, timestamp (UTC), position, attributes."""
    columns: dict[str, Any] = {
        "case_id": pa.array(frame["case:concept:name"].astype(str).tolist(), pa.string()),
        "activity": pa.array(frame["concept:name"].astype(str).tolist(), pa.string()),
        "timestamp": pa.array(frame["time:timestamp"], pa.timestamp("us", tz="UTC")),
        "position": pa.array(range(len(frame)), pa.int64()),
    }
    # Other attributes (as text: enough for filters) under their own names, case attributes as case:<name>.
    for name in frame.columns:
        if name not in ("case:concept:name", "concept:name", "time:timestamp"):
            values = frame[name]
            columns[name] = pa.array([None if pd.isna(v) else str(v) for v in values], pa.string())
    return pa.table(columns)


@cache
def read_real_log(name: str) -> RealLog:
    """A real log by name, read once per test process."""
    frame = _read_frame(REAL_LOGS[name])
    return RealLog(name=name, frame=frame, table=normalised_table(frame))


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run tests taking `real_log_name` once per real log in ../shared/data, the big ones marked slow."""
    if "real_log_name" in metafunc.fixturenames:
        params = [
            pytest.param(name, marks=[pytest.mark.slow] if spec.slow else [], id=name)
            for name, spec in REAL_LOGS.items()
        ]
        metafunc.parametrize("real_log_name", params)


@pytest.fixture
def real_log(real_log_name: str) -> RealLog:
    """The real log named by the parametrisation (skipped when ../shared/data is absent)."""
    if not (DATA_DIR / REAL_LOGS[real_log_name].path).exists():
        pytest.skip(f"real event logs not found in {DATA_DIR} (the shared data directory next to the project)")
    return read_real_log(real_log_name)


@pytest.fixture
def load_real_log() -> Callable[[str], RealLog]:
    """A loader for real logs by name (skipping when the shared data directory is absent)."""

    def load(name: str) -> RealLog:
        if not (DATA_DIR / REAL_LOGS[name].path).exists():
            pytest.skip(f"real event logs not found in {DATA_DIR} (the shared data directory next to the project)")
        return read_real_log(name)

    return load


@pytest.fixture(scope="module")
def duckdb_engine() -> Iterator[Engine]:
    """An in-process DuckDB engine shared by a test module."""
    with connect("duckdb") as engine:
        yield engine


@pytest.fixture
def events_from_rows(duckdb_engine: Engine) -> Callable[..., Any]:
    """Build an event table in DuckDB from (case, activity, 'YYYY-MM-DD HH:MM:SS') rows, position = row order."""

    def build(rows: list[tuple[Any, ...]], **extra_columns: list[Any]) -> Any:
        table = pa.table(
            {
                "case_id": pa.array([r[0] for r in rows], pa.string()),
                "activity": pa.array([r[1] for r in rows], pa.string()),
                "timestamp": pa.array(
                    [None if r[2] is None else pd.Timestamp(r[2], tz="UTC") for r in rows], pa.timestamp("us", tz="UTC")
                ),
                "position": pa.array(range(len(rows)), pa.int64()),
                **{name: pa.array(values) for name, values in extra_columns.items()},
            }
        )
        return duckdb_engine.load(table)

    return build


# Real logs by their REAL_LOGS names: where they are and how the real ingest is told to read them.
IMPORTS = {
    "running_example": ("running_example/running-example.xes", ColumnMapping()),
    "receipt": ("receipt/08_receipt.xes.gz", ColumnMapping()),
    "helpdesk": ("helpdesk/helpdesk.xes.gz", ColumnMapping()),
    "roadtraffic100traces": ("roadtraffic_sample/roadtraffic100traces.xes", ColumnMapping()),
    "bpic2012": ("bpic2012/bpic2012.xes.gz", ColumnMapping()),
    "sepsis": (
        "sepsis/sepsis.csv",
        ColumnMapping(case="Case ID", activity="Activity", timestamp="Complete Timestamp", separator=";"),
    ),
    "traffic_fines": (
        "traffic_fines_sample/traffic_fines.csv",
        ColumnMapping(case="case_id", activity="activity", timestamp="timestamp"),
    ),
}


@pytest.fixture(scope="session")
def imported_log(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """The Parquet file the real ingest writes for a real log: sorted per case, with the ordering columns."""
    cache = tmp_path_factory.mktemp("ingest-cache")
    done: dict[str, Path] = {}

    def path(name: str) -> Path:
        relative, mapping = IMPORTS[name]
        if not (DATA_DIR / relative).exists():
            pytest.skip(f"real event logs not found in {DATA_DIR} (the shared data directory next to the project)")
        if name not in done:
            done[name] = ingest(DATA_DIR / relative, mapping, cache_dir=cache).parquet
        return done[name]

    return path
