"""klantreis' analyses (DuckDB) and pm4py side by side: BPIC 2012 and a synthetic log of millions of events.

klantreis reads each log the way `klantreis analyze` does: imported once by the ingest, which stores it
sorted per case with the ordering columns the analyses read (the import is timed and reported on its
own line: it is paid once per file, later runs find it in the cache). BPIC 2012 is then loaded into
DuckDB's memory; the (much larger) synthetic Parquet file is read where it lies, so that scan is
included. For comparison the same analyses also run on the log as a plain table (no ordering columns:
the analyses sort the events themselves). pm4py gets its DataFrame ready-made. Each measurement is the
best and the median of a few runs after one warm-up run (very large logs: one cold run). Run from the
project root:

    .venv/bin/python benchmarks/bench_analyses.py                       # BPIC 2012 + 10 M synthetic
    .venv/bin/python benchmarks/bench_analyses.py --synthetic-events 100_000_000 --memory-limit 7GB --skip-bpic
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import generate

from klantreis.analytics.analyses import (
    case_durations_from,
    materialised_case_ends,
    materialised_variants,
    prepare,
    run_bundle,
    transitions_from,
    variants_from,
    variants_from_table,
)
from klantreis.analytics.engine import connect
from klantreis.analytics.ingest import ingest

BPIC2012 = Path(__file__).resolve().parents[2] / "shared" / "data" / "bpic2012" / "bpic2012.xes.gz"


def timed(run: Callable[[], Any], repeat: int, *, warm_up: bool = True) -> tuple[float, float]:
    """(best, median) wall seconds over `repeat` runs (after one warm-up run unless told otherwise)."""
    if warm_up:
        run()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times), statistics.median(times)


def peak_memory_mb() -> float:
    """Peak resident memory of this process so far."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def klantreis_core(events: Any) -> None:
    """Transitions with times, variants and case durations (the synthetic-log target), as the bundle runs them."""
    with prepare(events) as prepared:
        if prepared.presorted:
            transitions_from(prepared)
            with materialised_case_ends(prepared) as ends:
                variants_from(prepared, ends=ends)
                case_durations_from(prepared, ends=ends)
            return
        with materialised_variants(prepared) as variants:
            transitions_from(prepared, variant_table=variants)
            variants_from_table(prepared, variants)
            case_durations_from(prepared)


def imported(source: Path, cache: Path) -> tuple[Path, dict[str, Any] | None]:
    """The ingest's Parquet file for `source` and, when this call imported it, how long that took (own process)."""
    command = [sys.executable, __file__, "--ingest-child", str(source), "--cache", str(cache)]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    result: dict[str, Any] = json.loads(output.strip().splitlines()[-1])
    return Path(result["parquet"]), None if result["cached"] else result


def ingest_child(source: Path, cache: Path) -> dict[str, Any]:
    """Import `source` into `cache` (in this fresh process, so that time and peak memory are the import's)."""
    started = time.perf_counter()
    result = ingest(source, cache_dir=cache)
    seconds = time.perf_counter() - started
    return {"parquet": str(result.parquet), "cached": result.cached, "seconds": seconds, "peak_mb": peak_memory_mb()}


def report_import(label: str, timing: dict[str, Any] | None) -> None:
    """The import's line: time and peak memory, or that the cache already had it."""
    if timing is None:
        print(f"  {label:52s} found in the cache (imported by an earlier run)")
    else:
        print(f"  {label:52s} {timing['seconds']:9.1f} s, peak {timing['peak_mb']:,.0f} MB (once per file)")


def pm4py_frame(table: pa.Table) -> pd.DataFrame:
    """A normalised event table as the DataFrame pm4py expects (file order, pm4py column names)."""
    frame = table.select(["case_id", "activity", "timestamp"]).to_pandas()
    return frame.rename(
        columns={"case_id": "case:concept:name", "activity": "concept:name", "timestamp": "time:timestamp"}
    )


def pm4py_core(frame: pd.DataFrame, *, bundle: bool) -> None:
    """pm4py's equivalent: format (sort), performance DFG, variants, case durations (and the rest of the bundle)."""
    import pm4py

    log = pm4py.format_dataframe(frame.copy())
    pm4py.discover_performance_dfg(log)
    pm4py.get_variants(log)
    pm4py.get_all_case_durations(log)
    if bundle:
        pm4py.discover_dfg(log)
        pm4py.get_event_attribute_values(log, "concept:name")


def bpic2012_table() -> pa.Table:
    """BPIC 2012 read by pm4py, as the normalised event table (read time printed)."""
    import pm4py

    started = time.perf_counter()
    frame = pm4py.read_xes(str(BPIC2012))
    print(f"  pm4py.read_xes(bpic2012.xes.gz): {time.perf_counter() - started:.1f} s (not part of the timings)")
    return pa.table(
        {
            "case_id": pa.array(frame["case:concept:name"].astype(str).tolist(), pa.string()),
            "activity": pa.array(frame["concept:name"].astype(str).tolist(), pa.string()),
            "timestamp": pa.array(frame["time:timestamp"].dt.as_unit("us"), pa.timestamp("us", tz="UTC")),
            "position": pa.array(range(len(frame)), pa.int64()),
        }
    )


def report(label: str, ours: tuple[float, float], theirs: tuple[float, float] | None) -> None:
    """One result line with the speed-up over pm4py."""
    line = f"  {label:52s} klantreis {ours[0] * 1000:9.1f} ms (median {ours[1] * 1000:9.1f})"
    if theirs is not None:
        line += f" | pm4py {theirs[0] * 1000:10.1f} ms | {theirs[0] / ours[0]:6.1f}x faster"
    print(line)


def bench_bpic2012(arguments: argparse.Namespace) -> None:
    """The whole analysis bundle on BPIC 2012, imported and loaded into DuckDB; also as a plain table."""
    print(f"BPIC 2012 ({BPIC2012})")
    table = bpic2012_table()
    print(f"  {table.num_rows:,} events")
    with tempfile.TemporaryDirectory() as directory:
        parquet, timing = imported(BPIC2012, Path(directory) / "cache")
        report_import("import (sorted per case, ordering columns)", timing)
        plain = Path(directory) / "bpic2012-plain.parquet"
        pq.write_table(table, plain)
        with connect(threads=arguments.threads) as engine:
            events = engine.load(parquet, in_memory=True)
            ours = timed(lambda: run_bundle(events), arguments.repeat)
            plain_events = engine.load(plain, in_memory=True)
            sorting = timed(lambda: run_bundle(plain_events), arguments.repeat)
    frame = pm4py_frame(table)
    theirs = timed(lambda: pm4py_core(frame, bundle=True), max(1, arguments.repeat // 3))
    report("analysis bundle (imported, in-memory DuckDB)", ours, theirs)
    report("analysis bundle (plain table, sorted per run)", sorting, theirs)


def synthetic_child(path: Path, threads: int, memory_limit: str | None, repeat: int) -> dict[str, Any]:
    """klantreis on a synthetic Parquet file, in a fresh process so that peak memory is its own."""
    spill = tempfile.mkdtemp(prefix="klantreis-duckdb-")  # where DuckDB spills beyond memory_limit
    try:
        with connect(threads=threads, memory_limit=memory_limit, temp_directory=spill) as engine:
            events = engine.load(path)
            # One cold run is the honest number for very large logs (and two are slow enough).
            core = timed(lambda: klantreis_core(events), repeat, warm_up=repeat > 1)
            bundle = timed(lambda: run_bundle(events), repeat, warm_up=repeat > 1)
    finally:
        shutil.rmtree(spill, ignore_errors=True)
    return {"core": core, "bundle": bundle, "peak_mb": peak_memory_mb()}


def run_child(path: Path, arguments: argparse.Namespace, repeat: int) -> dict[str, Any]:
    """Run `synthetic_child` in a subprocess and read its JSON answer."""
    command = [
        sys.executable,
        __file__,
        "--child",
        str(path),
        "--threads",
        str(arguments.threads),
        "--repeat",
        str(repeat),
    ]
    if arguments.memory_limit:
        command += ["--memory-limit", arguments.memory_limit]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    result: dict[str, Any] = json.loads(output.strip().splitlines()[-1])
    return result


def bench_synthetic(arguments: argparse.Namespace) -> None:
    """Transitions, variants and durations on a synthetic log; pm4py on a smaller one for the ratio."""
    events = arguments.synthetic_events
    path = synthetic_log(arguments.synthetic_dir, events)
    print(f"Synthetic log ({path}, {pq.ParquetFile(path).metadata.num_rows:,} events)")
    parquet, timing = imported(path, arguments.synthetic_dir / "klantreis-bench-cache")
    report_import("import (sorted per case, ordering columns)", timing)
    repeat = arguments.repeat if events <= 20_000_000 else 1
    result = run_child(parquet, arguments, repeat)
    report("transitions + variants + case durations", tuple(result["core"]), None)  # type: ignore[arg-type]
    report("whole analysis bundle", tuple(result["bundle"]), None)  # type: ignore[arg-type]
    print(f"  peak memory (klantreis process): {result['peak_mb']:,.0f} MB")
    if events <= 20_000_000:
        plain = run_child(path, arguments, repeat)
        report("the same on the plain file (sorted per run)", tuple(plain["core"]), None)  # type: ignore[arg-type]
    small = min(arguments.pm4py_events, events)
    small_path = synthetic_log(arguments.synthetic_dir, small)
    small_parquet, _ = imported(small_path, arguments.synthetic_dir / "klantreis-bench-cache")
    mine = run_child(small_parquet, arguments, arguments.repeat)
    frame = pm4py_frame(pq.read_table(small_path))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = timed(lambda: pm4py_core(frame, bundle=False), 1)
    report(f"same on {small:,} events (pm4py feasible)", tuple(mine["core"]), theirs)  # type: ignore[arg-type]


def synthetic_log(directory: Path, events: int) -> Path:
    """The generator's Parquet file of about `events` events (generated when missing)."""
    path = directory / f"klantreis-synthetic-{events}.parquet"
    if not path.exists():
        written, cases = generate(events, path)
        print(f"  generated {written:,} events in {cases:,} cases -> {path}")
    return path


def main() -> None:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synthetic-events", type=lambda text: int(text.replace("_", "")), default=10_000_000)
    parser.add_argument("--synthetic-dir", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument("--pm4py-events", type=lambda text: int(text.replace("_", "")), default=1_000_000)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--memory-limit", default=None, help="DuckDB memory_limit, e.g. 6GB (spills beyond it)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--skip-bpic", action="store_true")
    parser.add_argument("--skip-synthetic", action="store_true")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--ingest-child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--cache", type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.ingest_child:
        print(json.dumps(ingest_child(arguments.ingest_child, arguments.cache)))
        return
    if arguments.child:
        print(json.dumps(synthetic_child(arguments.child, arguments.threads, arguments.memory_limit, arguments.repeat)))
        return
    warnings.simplefilter("ignore")  # pm4py's banners and deprecation notices
    print(f"threads={arguments.threads} memory_limit={arguments.memory_limit or 'default'}")
    if not arguments.skip_bpic:
        bench_bpic2012(arguments)
    if not arguments.skip_synthetic:
        bench_synthetic(arguments)


if __name__ == "__main__":
    main()
