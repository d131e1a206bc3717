"""klantreis' ingest and pm4py's readers side by side on the real logs: time to analysis-ready, and peak memory.

Each measurement runs in its own Python process, so imports, caches and peak memory do not leak from one
to the next. klantreis: one untimed import and warm-up (another cache directory), then `--repeat` cold
imports (a fresh, empty cache directory each time) and one cached import. pm4py: pm4py.read_xes for XES,
pandas.read_csv + pm4py.format_dataframe for CSV (pm4py's documented way), `--pm4py-repeat` times.
Run from the project root:

    .venv/bin/python benchmarks/bench_ingest.py                      # every real log in ../shared/data
    .venv/bin/python benchmarks/bench_ingest.py --logs bpic2012 sepsis --repeat 5
    .venv/bin/python benchmarks/bench_ingest.py --skip-pm4py
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Log:
    """A real log and, for CSV, how pm4py's way of reading it (pandas) must be told the columns."""

    path: str
    case: str = "case:concept:name"
    activity: str = "concept:name"
    timestamp: str = "time:timestamp"
    separator: str = ","


LOGS = {
    "bpic2012": Log("bpic2012/bpic2012.xes.gz"),
    "bpic2013_incidents": Log("bpic2013_incidents/07_bpic2013_incidents.xes.gz"),
    "bpic2013_closed": Log("bpic2013_closed/06_bpic2013_closed.xes.gz"),
    "helpdesk": Log("helpdesk/helpdesk.xes.gz"),
    "receipt": Log("receipt/08_receipt.xes.gz"),
    "roadtraffic100traces": Log("roadtraffic_sample/roadtraffic100traces.xes"),
    "running_example": Log("running_example/running-example.xes"),
    "bpic2019_1t_per_variant": Log("pm4py_1t_per_variant/16_bpic2019_1t_per_variant.xes.gz"),
    "bpic2012_1t_per_variant": Log("pm4py_1t_per_variant/17_bpic2012_1t_per_variant.xes.gz"),
    "bpic2020_1t_per_variant": Log("pm4py_1t_per_variant/15_bpic2020_permit_log_1t_per_variant.xes.gz"),
    "sepsis_1t_per_variant": Log("pm4py_1t_per_variant/13_SEPSIS_1t_per_variant.xes.gz"),
    "roadtraffic_1t_per_variant": Log("pm4py_1t_per_variant/12_roadtraffic_1t_per_variant.xes.gz"),
    "sepsis.csv": Log("sepsis/sepsis.csv", "Case ID", "Activity", "Complete Timestamp", ";"),
    "receipt.csv": Log("receipt/receipt.csv"),
    "hospital_billing.csv": Log("hospital_billing/hospital_billing.csv", "case_id", "activity", "timestamp"),
    "traffic_fines.csv": Log("traffic_fines_sample/traffic_fines.csv", "case_id", "activity", "timestamp"),
}


def data_dir() -> Path:
    """$KLANTREIS_DATA_DIR, else the first `shared/data` above the project."""
    if os.environ.get("KLANTREIS_DATA_DIR"):
        return Path(os.environ["KLANTREIS_DATA_DIR"])
    for parent in PROJECT.parents:
        if (parent / "shared" / "data").is_dir():
            return parent / "shared" / "data"
    return PROJECT.parent / "shared" / "data"


def write_synthetic_xes(path: Path, events: int) -> None:
    """A deterministic XES.gz of `events` events (20 per trace; OpenXES layout) to show streaming at scale."""
    import gzip
    import random

    chance = random.Random(2012)
    activities = [f"Step {number:02}" for number in range(30)]
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1.0">\n')
        for case in range(max(events // 20, 1)):
            out.write(f'\t<trace>\n\t\t<string key="concept:name" value="case {case}"/>\n')
            out.write(f'\t\t<int key="amount" value="{chance.randint(1, 10**6)}"/>\n')
            for step in range(20):
                moment = f"2024-01-{1 + step:02}T10:{case % 60:02}:00.000+01:00"
                out.write(
                    "\t\t<event>\n"
                    f'\t\t\t<string key="concept:name" value="{activities[chance.randrange(30)]}"/>\n'
                    f'\t\t\t<string key="org:resource" value="r{chance.randrange(500)}"/>\n'
                    '\t\t\t<string key="lifecycle:transition" value="complete"/>\n'
                    f'\t\t\t<date key="time:timestamp" value="{moment}"/>\n'
                    "\t\t</event>\n"
                )
            out.write("\t</trace>\n")
        out.write("</log>\n")


def peak_mb() -> float:
    """Peak resident memory of this process so far (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def klantreis_worker(path: Path, repeat: int) -> dict[str, Any]:
    """Time klantreis' ingest in this (fresh) process."""
    started = time.perf_counter()
    from klantreis.analytics.ingest import ingest

    imported = time.perf_counter() - started
    base = Path(tempfile.mkdtemp(prefix="klantreis-bench-"))
    try:
        started = time.perf_counter()
        first = ingest(path, cache_dir=base / "warm-up")
        first_seconds = time.perf_counter() - started
        walls, cpus = [], []
        for run in range(repeat):
            wall, cpu = time.perf_counter(), time.process_time()
            result = ingest(path, cache_dir=base / f"cold-{run}")
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
            assert not result.cached
        started = time.perf_counter()
        assert ingest(path, cache_dir=base / "cold-0").cached
        cached = time.perf_counter() - started
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return {
        "events": first.events,
        "import_seconds": imported,
        "first_seconds": first_seconds,
        "best": min(walls),
        "median": statistics.median(walls),
        "cpu_best": min(cpus),
        "cached_seconds": cached,
        "peak_mb": peak_mb(),
        "pandas_imported": "pandas" in sys.modules,
    }


def pm4py_worker(name: str, path: Path, repeat: int) -> dict[str, Any]:
    """Time pm4py's reader in this (fresh) process."""
    log = LOGS[name]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        started = time.perf_counter()
        import pandas as pd
        import pm4py

        imported = time.perf_counter() - started
        os.environ["TQDM_DISABLE"] = "1"
        walls = []
        events = 0
        for _ in range(repeat):
            started = time.perf_counter()
            if path.suffix == ".csv":
                frame = pd.read_csv(path, sep=log.separator, keep_default_na=False, dtype=str)
                frame[log.timestamp] = pd.to_datetime(frame[log.timestamp], utc=True, format="mixed")
                frame = pm4py.format_dataframe(
                    frame, case_id=log.case, activity_key=log.activity, timestamp_key=log.timestamp
                )
            else:
                frame = pm4py.read_xes(str(path))
            walls.append(time.perf_counter() - started)
            events = len(frame)
    return {
        "events": events,
        "import_seconds": imported,
        "best": min(walls),
        "median": statistics.median(walls),
        "peak_mb": peak_mb(),
    }


def run_worker(arguments: list[str]) -> dict[str, Any]:
    """Run this script in worker mode in a new process and return what it measured."""
    environment = {**os.environ, "TQDM_DISABLE": "1"}
    done = subprocess.run(
        [sys.executable, __file__, "--worker", *arguments], capture_output=True, text=True, check=False, env=environment
    )
    if done.returncode != 0:
        raise RuntimeError(f"worker {arguments} failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    """Measure the chosen logs and print a table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--logs", nargs="*", default=list(LOGS), help=f"logs to measure (default: all of {', '.join(LOGS)})"
    )
    parser.add_argument("--repeat", type=int, default=5, help="cold klantreis imports per log (default 5)")
    parser.add_argument("--pm4py-repeat", type=int, default=1, help="pm4py reads per log (default 1)")
    parser.add_argument("--skip-pm4py", action="store_true", help="time klantreis only")
    parser.add_argument(
        "--synthetic-events",
        type=int,
        default=0,
        help="also import a synthetic XES.gz of this many events (klantreis only): streaming and memory at scale",
    )
    parser.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.worker:
        kind, name, repeat = options.worker[0], options.worker[1], int(options.worker[2])
        path = Path(name) if name not in LOGS else data_dir() / LOGS[name].path
        measured = klantreis_worker(path, repeat) if kind == "klantreis" else pm4py_worker(name, path, repeat)
        print(json.dumps(measured))
        return
    unknown = [name for name in options.logs if name not in LOGS]
    if unknown:
        parser.error(f"unknown logs {unknown}; choose from {', '.join(LOGS)}")
    print(f"# data: {data_dir()}  cores: {os.cpu_count()}  load average at start: {os.getloadavg()[0]:.2f}")
    header = f"{'log':26} {'events':>8} {'klantreis best':>14} {'median':>7} {'cpu':>6} {'cached':>7} {'peak MB':>8}"
    header += f" {'pm4py':>8} {'peak MB':>8} {'pm4py/klantreis':>15}"
    print(header)
    print("-" * len(header))
    first: dict[str, Any] = {}
    for name in options.logs:
        if not (data_dir() / LOGS[name].path).exists():
            print(f"{name:26} (not found in {data_dir()})")
            continue
        ours = run_worker(["klantreis", name, str(options.repeat)])
        first = first or ours
        line = (
            f"{name:26} {ours['events']:>8,} {ours['best']:>13.3f}s {ours['median']:>6.3f}s {ours['cpu_best']:>5.2f}s"
        )
        line += f" {ours['cached_seconds']:>6.3f}s {ours['peak_mb']:>8.0f}"
        if not options.skip_pm4py:
            theirs = run_worker(["pm4py", name, str(options.pm4py_repeat)])
            assert theirs["events"] == ours["events"], (name, theirs["events"], ours["events"])
            line += f" {theirs['best']:>7.2f}s {theirs['peak_mb']:>8.0f} {theirs['best'] / ours['best']:>14.1f}x"
        print(line, flush=True)
    if options.synthetic_events:
        with tempfile.TemporaryDirectory(prefix="klantreis-synthetic-") as directory:
            path = Path(directory) / f"synthetic-{options.synthetic_events}.xes.gz"
            write_synthetic_xes(path, options.synthetic_events)
            synthetic = run_worker(["klantreis", str(path), "1"])
            print(
                f"{'synthetic':26} {synthetic['events']:>8,} {synthetic['best']:>13.3f}s {synthetic['median']:>6.3f}s "
                f"{synthetic['cpu_best']:>5.2f}s {synthetic['cached_seconds']:>6.3f}s {synthetic['peak_mb']:>8.0f}"
                f"  ({path.stat().st_size / 1e6:.0f} MB compressed)"
            )
    print(f"# load average at end: {os.getloadavg()[0]:.2f}")
    if first:
        print(
            f"# {options.logs[0]}, first ingest in a fresh process: {first['first_seconds']:.2f}s after "
            f"{first['import_seconds']:.2f}s importing klantreis.analytics.ingest (pandas imported: "
            f"{first['pandas_imported']})"
        )


if __name__ == "__main__":
    main()
