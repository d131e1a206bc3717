"""Real logs (and how pm4py or pandas reads them), a private cache, and small helpers for the ingest tests."""

from __future__ import annotations

import gzip
import importlib.util
import json
import os
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pyarrow.parquet as pq
import pytest

from klantreis.analytics.ingest import IngestResult, ingest

HERE = Path(__file__).resolve().parent
TEST_DATA = HERE.parents[1] / "data"


def _shared_data_dir() -> Path:
    """$KLANTREIS_DATA_DIR, else the first `shared/data` above this file (next to the project)."""
    if os.environ.get("KLANTREIS_DATA_DIR"):
        return Path(os.environ["KLANTREIS_DATA_DIR"])
    for parent in HERE.parents:
        if (parent / "shared" / "data").is_dir():
            return parent / "shared" / "data"
    return HERE.parents[3] / "shared" / "data"


DATA_DIR = _shared_data_dir()


@dataclass(frozen=True)
class RealLog:
    """A real log: where it is, the CSV columns pandas should read, and whether pm4py is too slow to ask live."""

    path: str
    case: str = "case:concept:name"
    activity: str = "concept:name"
    timestamp: str = "time:timestamp"
    separator: str = ","
    fingerprinted: bool = False
    slow: bool = False


# Every log in the shared data directory. The fingerprinted ones are compared with pm4py's reading stored
# by pm4py_reference.py (pm4py takes 2-20 s on each of them); the others with pm4py or pandas, live.
REAL_LOGS: dict[str, RealLog] = {
    "running_example.xes": RealLog("running_example/running-example.xes"),
    "running_example.csv": RealLog("running_example/running-example.csv"),
    "receipt.xes.gz": RealLog("receipt/08_receipt.xes.gz"),
    "receipt.csv": RealLog("receipt/receipt.csv"),
    "sepsis.csv": RealLog("sepsis/sepsis.csv", "Case ID", "Activity", "Complete Timestamp", separator=";"),
    "helpdesk.xes.gz": RealLog("helpdesk/helpdesk.xes.gz", fingerprinted=True),
    "bpic2013_closed.xes.gz": RealLog("bpic2013_closed/06_bpic2013_closed.xes.gz", slow=True),
    "bpic2013_incidents.xes.gz": RealLog("bpic2013_incidents/07_bpic2013_incidents.xes.gz", fingerprinted=True),
    "roadtraffic100traces.xes": RealLog("roadtraffic_sample/roadtraffic100traces.xes"),
    "hospital_billing.csv": RealLog(
        "hospital_billing/hospital_billing.csv", "case_id", "activity", "timestamp", slow=True
    ),
    "traffic_fines.csv": RealLog("traffic_fines_sample/traffic_fines.csv", "case_id", "activity", "timestamp"),
    "bpic2012.xes.gz": RealLog("bpic2012/bpic2012.xes.gz", fingerprinted=True),
    "roadtraffic_1t_per_variant.xes.gz": RealLog("pm4py_1t_per_variant/12_roadtraffic_1t_per_variant.xes.gz"),
    "sepsis_1t_per_variant.xes.gz": RealLog("pm4py_1t_per_variant/13_SEPSIS_1t_per_variant.xes.gz", fingerprinted=True),
    "bpic2020_1t_per_variant.xes.gz": RealLog(
        "pm4py_1t_per_variant/15_bpic2020_permit_log_1t_per_variant.xes.gz", fingerprinted=True
    ),
    "bpic2019_1t_per_variant.xes.gz": RealLog(
        "pm4py_1t_per_variant/16_bpic2019_1t_per_variant.xes.gz", fingerprinted=True
    ),
    "bpic2012_1t_per_variant.xes.gz": RealLog(
        "pm4py_1t_per_variant/17_bpic2012_1t_per_variant.xes.gz", fingerprinted=True
    ),
}
FINGERPRINT_NAMES = {
    "helpdesk.xes.gz": "helpdesk",
    "sepsis_1t_per_variant.xes.gz": "sepsis_1t_per_variant",
    "bpic2020_1t_per_variant.xes.gz": "bpic2020_1t_per_variant",
    "bpic2012.xes.gz": "bpic2012",
    "bpic2013_incidents.xes.gz": "bpic2013_incidents",
    "bpic2019_1t_per_variant.xes.gz": "bpic2019_1t_per_variant",
    "bpic2012_1t_per_variant.xes.gz": "bpic2012_1t_per_variant",
}


def _load_reference() -> ModuleType:
    # Conftest modules cannot be imported by tests, nor (with --import-mode=importlib) plain modules beside
    # them: load the reference script by its path.
    spec = importlib.util.spec_from_file_location("klantreis_pm4py_reference", HERE / "pm4py_reference.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


REFERENCE = _load_reference()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run tests taking `live_log` / `fingerprinted_log` once per real log of that kind."""
    for fixture, fingerprinted in (("live_log", False), ("fingerprinted_log", True)):
        if fixture in metafunc.fixturenames:
            params = [
                pytest.param(name, marks=[pytest.mark.slow] if spec.slow else [], id=name)
                for name, spec in REAL_LOGS.items()
                if spec.fingerprinted == fingerprinted
            ]
            metafunc.parametrize(fixture, params)


def _require(name: str) -> Path:
    path = DATA_DIR / REAL_LOGS[name].path
    if not path.exists():
        pytest.skip(
            f"real event logs not found in {DATA_DIR} (set KLANTREIS_DATA_DIR or put shared/data next to the project)"
        )
    return path


@cache
def _ingested(path: Path, cache_dir: Path) -> IngestResult:
    return ingest(path, cache_dir=cache_dir)


@cache
def _pm4py_columns(name: str) -> dict[str, list[Any]]:
    spec = REAL_LOGS[name]
    path = DATA_DIR / spec.path
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pandas as pd

        if path.suffix == ".csv":
            # keep_default_na=False: the sepsis log has a case literally named "NA".
            frame = pd.read_csv(path, sep=spec.separator, keep_default_na=False, dtype=str)
            frame = frame.rename(
                columns={
                    spec.case: "case:concept:name",
                    spec.activity: "concept:name",
                    spec.timestamp: "time:timestamp",
                }
            )
            # CSV timestamps without an offset are UTC; "mixed" also reads the sepsis slashes.
            frame["time:timestamp"] = pd.to_datetime(frame["time:timestamp"], utc=True, format="mixed")
            # Empty cells are missing attributes (an empty case id or activity is still one); lifecycle and
            # resource get pm4py's names, as in klantreis' table.
            attributes = [name for name in frame.columns if name not in ("case:concept:name", "concept:name")]
            frame[attributes] = frame[attributes].replace("", None)
            frame = frame.rename(columns={"lifecycle": "lifecycle:transition", "resource": "org:resource"})
        else:
            pm4py = pytest.importorskip("pm4py", reason="pm4py (a test dependency) reads the XES logs")
            frame = pm4py.read_xes(str(path))
    return REFERENCE.frame_columns(frame)


@pytest.fixture(scope="session")
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache directory shared by the real-log tests of one process."""
    return tmp_path_factory.mktemp("klantreis-cache")


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the default cache away from the user's home directory for every test."""
    directory = tmp_path_factory.mktemp("default-cache")
    monkeypatch.setenv("KLANTREIS_CACHE", str(directory))
    return directory


@pytest.fixture
def read_real_log(shared_cache: Path) -> Callable[[str], tuple[IngestResult, dict[str, list[Any]]]]:
    """Import a real log by name: (the result, its table as plain pm4py-named columns)."""

    def read(name: str) -> tuple[IngestResult, dict[str, list[Any]]]:
        result = _ingested(_require(name), shared_cache)
        return result, REFERENCE.table_columns(pq.read_table(result.parquet))

    return read


@pytest.fixture
def pm4py_reading() -> Callable[[str], dict[str, list[Any]]]:
    """pm4py's (XES) or pandas' (CSV, the pm4py way) reading of a real log, as plain columns; once per process."""

    def read(name: str) -> dict[str, list[Any]]:
        _require(name)
        return _pm4py_columns(name)

    return read


@pytest.fixture
def stored_fingerprint() -> Callable[[str], dict[str, Any]]:
    """pm4py's fingerprint of a heavy log, as pm4py_reference.py stored it."""
    stored = json.loads((HERE / "pm4py_reference.json").read_text(encoding="utf-8"))

    def lookup(name: str) -> dict[str, Any]:
        return stored[FINGERPRINT_NAMES[name]]

    return lookup


@pytest.fixture
def fingerprint_of(shared_cache: Path) -> Callable[[str], tuple[IngestResult, dict[str, Any]]]:
    """Import a real log by name: (the result, the fingerprint of its table as pm4py_reference.py computes it)."""

    def compute(name: str) -> tuple[IngestResult, dict[str, Any]]:
        result = _ingested(_require(name), shared_cache)
        table = REFERENCE.pm4py_named(pq.read_table(result.parquet))
        return result, REFERENCE.fingerprint(table)

    return compute


@pytest.fixture
def write_xes(tmp_path: Path) -> Callable[..., Path]:
    """Write an XES document (a body of traces, wrapped in a <log> unless told otherwise) to a file."""

    def write(body: str, *, name: str = "log.xes", wrap: bool = True, compress: bool = False) -> Path:
        text = f'<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1.0">\n{body}\n</log>\n' if wrap else body
        path = tmp_path / (name + (".gz" if compress and not name.endswith(".gz") else ""))
        data = text.encode("utf-8")
        path.write_bytes(gzip.compress(data) if compress else data)
        return path

    return write


@pytest.fixture
def read_table() -> Callable[[IngestResult], list[dict[str, Any]]]:
    """The rows of an import's Parquet file in file order, without the ordering columns the import adds."""

    def read(result: IngestResult) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = REFERENCE.in_file_order(pq.read_table(result.parquet)).to_pylist()
        return rows

    return read
