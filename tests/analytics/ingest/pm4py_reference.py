"""Fingerprints of pm4py's reading of the real logs too slow to read with pm4py in every test run.

The tests compare klantreis' import of these logs with the fingerprints stored next to this file;
run this script (from the project root, with pm4py installed) to compute them again:

    .venv/bin/python tests/analytics/ingest/pm4py_reference.py

A fingerprint holds the counts, the column names, a sha256 over every event's case id, activity and UTC
timestamp in file order, and a sha256 over all columns of an evenly spread sample of rows.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import math
import os
import sys
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv

HEAVY_LOGS = {
    "helpdesk": "helpdesk/helpdesk.xes.gz",
    "sepsis_1t_per_variant": "pm4py_1t_per_variant/13_SEPSIS_1t_per_variant.xes.gz",
    "bpic2020_1t_per_variant": "pm4py_1t_per_variant/15_bpic2020_permit_log_1t_per_variant.xes.gz",
    "bpic2012": "bpic2012/bpic2012.xes.gz",
    "bpic2013_incidents": "bpic2013_incidents/07_bpic2013_incidents.xes.gz",
    "bpic2019_1t_per_variant": "pm4py_1t_per_variant/16_bpic2019_1t_per_variant.xes.gz",
    "bpic2012_1t_per_variant": "pm4py_1t_per_variant/17_bpic2012_1t_per_variant.xes.gz",
}
REFERENCE_FILE = Path(__file__).with_name("pm4py_reference.json")
SAMPLE_ROWS = 250
# klantreis' normalised names -> pm4py's
PM4PY_NAMES = {
    "case_id": "case:concept:name",
    "activity": "concept:name",
    "timestamp": "time:timestamp",
    "lifecycle": "lifecycle:transition",
    "resource": "org:resource",
}
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def plain(value: Any) -> Any:
    """A value in a form both readers agree on: None for missing, microseconds for moments, ints for whole floats."""
    if value is None or value != value:  # NaN and NaT are not equal to themselves
        return None
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        value = value.item()  # numpy scalars
    if hasattr(value, "to_pydatetime"):
        value = value.to_pydatetime()  # pandas Timestamp
    if isinstance(value, dt.datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
        return (moment - _EPOCH) // dt.timedelta(microseconds=1)
    if isinstance(value, bool | str):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return int(value) if value.is_integer() else value
    if str(value) in ("NaT", "<NA>", "nan"):
        return None
    return value


def _digest(items: Iterable[Any]) -> str:
    digest = hashlib.sha256()
    for item in items:
        digest.update(json.dumps(item, sort_keys=True, default=str).encode())
        digest.update(b"\n")
    return digest.hexdigest()


def fingerprint(table: pa.Table) -> dict[str, Any]:
    """The fingerprint of a log as an Arrow table with pm4py's column names (and no others)."""
    count = len(table)
    cases = table["case:concept:name"].cast(pa.string())
    activities = table["concept:name"].cast(pa.string())
    moments = table["time:timestamp"].cast(pa.timestamp("us", tz="UTC")).cast(pa.int64())
    # Arrow writes the three columns as CSV, byte for byte the same for the same values: hash that.
    written = io.BytesIO()
    pa_csv.write_csv(pa.table({"case": cases, "activity": activities, "us": moments}), written)
    names = sorted(table.column_names)
    rows = table.select(names).take(pa.array(range(0, count, max(count // SAMPLE_ROWS, 1)), pa.int64()))
    sample = [{name: plain(value) for name, value in row.items()} for row in rows.to_pylist()]
    return {
        "events": count,
        "cases": pc.count_distinct(cases).as_py(),
        "activities": pc.count_distinct(activities).as_py(),
        "columns": names,
        "sequence_sha256": hashlib.sha256(written.getvalue()).hexdigest(),
        "sample_sha256": _digest(sample),
    }


def frame_table(frame: Any) -> pa.Table:
    """pm4py's DataFrame as an Arrow table (pm4py's names and values)."""
    return pa.Table.from_pandas(frame, preserve_index=False)


def frame_columns(frame: Any) -> dict[str, list[Any]]:
    """pm4py's DataFrame as plain columns."""
    return {str(name): [plain(value) for value in frame[name].tolist()] for name in frame.columns}


# The columns klantreis' import derives from the order of each case's events (not event data).
ORDERING = (
    "case_code",
    "event_rank",
    "activity_code",
    "next_activity_code",
    "seconds_to_next",
    "variant_code",
    "case_start",
    "occurrence",
    "transition_occurrence",
)


def in_file_order(table: pa.Table) -> pa.Table:
    """klantreis' normalised table (stored sorted per case) back in file order, without the ordering columns."""
    ordered = table.take(pc.sort_indices(table["position"]))
    return ordered.select([name for name in table.column_names if name not in ORDERING])


def pm4py_named(table: pa.Table) -> pa.Table:
    """klantreis' normalised table in file order with pm4py's column names (and without position)."""
    events = in_file_order(table)
    kept = [name for name in events.column_names if name != "position"]
    return events.select(kept).rename_columns([PM4PY_NAMES.get(name, name) for name in kept])


def table_columns(table: pa.Table) -> dict[str, list[Any]]:
    """klantreis' normalised table as plain, pm4py-named columns (without position)."""
    named = pm4py_named(table)
    return {name: [plain(value) for value in named[name].to_pylist()] for name in named.column_names}


def main() -> None:
    """Read every heavy log with pm4py and write the fingerprints."""
    import pm4py

    data = Path(os.environ.get("KLANTREIS_DATA_DIR") or Path(__file__).resolve().parents[4] / "shared" / "data")
    result = {}
    for name, relative in HEAVY_LOGS.items():
        print(f"reading {relative} with pm4py {pm4py.__version__} ...", file=sys.stderr)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            frame = pm4py.read_xes(str(data / relative))
        result[name] = {"path": relative, "pm4py": pm4py.__version__, **fingerprint(frame_table(frame))}
    REFERENCE_FILE.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {REFERENCE_FILE}", file=sys.stderr)


if __name__ == "__main__":
    main()
