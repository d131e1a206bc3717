"""Deterministic synthetic event logs of any size, written straight to Parquet in batches.

Cases walk a Markov chain over the activities of a loan-application journey (rework loops, optional
steps, alternative endings), so variants, transitions and durations look like a real log's. Delays
are log-normal per activity and rounded to whole seconds; some are zero, so equal timestamps inside a
case occur as in real logs. Within a batch the rows are in time order (cases interleave, like a CSV
export), and `position` is the global row number.

    python benchmarks/synthetic.py 10_000_000 /tmp/klantreis-synthetic-10m.parquet
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

ACTIVITIES = [
    "Visit website",
    "Start application",
    "Upload documents",
    "Submit application",
    "Automatic check",
    "Request missing documents",
    "Receive documents",
    "Manual review",
    "Call customer",
    "Approve",
    "Reject",
    "Send offer",
    "Offer accepted",
    "Offer declined",
    "Sign contract",
    "Pay out",
    "Send survey",
    "Complaint",
    "Cancel application",
]
END = len(ACTIVITIES)

# Successors with weights; END stops the case.
FLOW: dict[int, dict[int, float]] = {
    0: {1: 0.85, 0: 0.05, END: 0.10},
    1: {2: 0.80, 3: 0.10, 18: 0.10},
    2: {2: 0.15, 3: 0.80, 18: 0.05},
    3: {4: 1.00},
    4: {7: 0.55, 5: 0.30, 9: 0.10, 10: 0.05},
    5: {6: 0.80, 18: 0.15, 17: 0.05},
    6: {4: 0.60, 7: 0.40},
    7: {9: 0.50, 8: 0.30, 10: 0.15, 5: 0.05},
    8: {7: 0.85, 18: 0.10, 17: 0.05},
    9: {11: 1.00},
    10: {16: 0.50, 17: 0.20, END: 0.30},
    11: {12: 0.75, 13: 0.20, 8: 0.05},
    12: {14: 0.95, 18: 0.05},
    13: {16: 0.40, END: 0.60},
    14: {15: 1.00},
    15: {16: 0.60, END: 0.40},
    16: {END: 0.90, 17: 0.10},
    17: {8: 0.50, END: 0.50},
    18: {16: 0.30, END: 0.70},
}
# Median delay (seconds) before each activity happens; some steps are immediate (equal timestamps).
MEDIAN_DELAY = np.array(
    [
        600,
        300,
        900,
        120,
        0,
        3600,
        86400 * 2,
        86400,
        3600 * 4,
        3600 * 8,
        3600 * 8,
        60,
        86400 * 3,
        86400 * 4,
        3600,
        86400,
        0,
        86400 * 5,
        86400,
    ],
    dtype=float,
)
ZERO_DELAY_SHARE = 0.12
MAX_EVENTS_PER_CASE = 60
START = np.datetime64("2024-01-01T00:00:00", "us").astype(np.int64)
YEAR_US = 365 * 86400 * 1_000_000


def _transition_table() -> np.ndarray:
    # Cumulative probabilities per state (rows: activities, then END absorbing), for vectorised sampling.
    table = np.zeros((END + 1, END + 1))
    for source, targets in FLOW.items():
        total = sum(targets.values())
        for target, weight in targets.items():
            table[source, target] = weight / total
    table[END, END] = 1.0
    return np.cumsum(table, axis=1)


def simulate_cases(rng: np.random.Generator, first_case: int, cases: int) -> dict[str, np.ndarray]:
    """Events of `cases` cases (numbered from `first_case`) as arrays, in time order."""
    cumulative = _transition_table()
    state = np.zeros(cases, dtype=np.int64)  # every case starts on the website
    clock = START + rng.integers(0, YEAR_US, cases)
    case_index = np.arange(cases)
    parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    for _step in range(MAX_EVENTS_PER_CASE):
        alive = state != END
        if not alive.any():
            break
        live_cases, live_states = case_index[alive], state[alive]
        delay = rng.lognormal(mean=0.0, sigma=1.0, size=live_cases.size) * MEDIAN_DELAY[live_states]
        delay[rng.random(live_cases.size) < ZERO_DELAY_SHARE] = 0.0
        clock[alive] += (np.round(delay) * 1_000_000).astype(np.int64)
        parts.append((live_cases, live_states, clock[alive].copy()))
        draws = rng.random(live_cases.size)
        state[alive] = (draws[:, None] < cumulative[live_states]).argmax(axis=1)
    cases_out = np.concatenate([p[0] for p in parts])
    activities = np.concatenate([p[1] for p in parts])
    stamps = np.concatenate([p[2] for p in parts])
    # Stable by time: a case's equal timestamps keep their step order, like a real export.
    order = np.argsort(stamps, kind="stable")
    return {"case": cases_out[order] + first_case, "activity": activities[order], "timestamp": stamps[order]}


def _batch_table(events: dict[str, np.ndarray], first_position: int, channels: np.ndarray) -> pa.Table:
    names = pa.array(ACTIVITIES, pa.string())
    case_ids = pa.array(np.char.add("C", events["case"].astype("U10")), pa.string())
    return pa.table(
        {
            "case_id": case_ids,
            "activity": names.take(pa.array(events["activity"])),
            "timestamp": pa.array(events["timestamp"], pa.timestamp("us", tz="UTC")),
            "position": pa.array(np.arange(first_position, first_position + len(events["case"]), dtype=np.int64)),
            "channel": pa.array(["web", "phone", "branch"], pa.string()).take(
                pa.array(channels[events["case"] % channels.size])
            ),
        }
    )


def generate(events: int, path: Path, *, seed: int = 2012, cases_per_batch: int = 200_000) -> tuple[int, int]:
    """Write about `events` events (whole cases) to `path`; returns (events, cases) written."""
    rng = np.random.default_rng(seed)
    channels = rng.integers(0, 3, 1_000_003)
    written = cases = 0
    writer: pq.ParquetWriter | None = None
    try:
        while written < events:
            batch = simulate_cases(rng, cases, cases_per_batch)
            keep = len(batch["case"])
            if written + keep > events:
                # Cut at a case boundary so that no case is half-written.
                last_case = np.sort(np.unique(batch["case"]))
                needed = np.bincount(batch["case"] - cases).cumsum()
                keep_cases = int(np.searchsorted(needed, events - written, side="right"))
                wanted = batch["case"] < last_case[0] + max(keep_cases, 1)
                batch = {name: values[wanted] for name, values in batch.items()}
                keep = len(batch["case"])
            table = _batch_table(batch, written, channels)
            if writer is None:
                writer = pq.ParquetWriter(path, table.schema, compression="zstd")
            writer.write_table(table, row_group_size=1_000_000)
            written += keep
            cases += len(np.unique(batch["case"]))
    finally:
        if writer is not None:
            writer.close()
    return written, cases


def main() -> None:
    """Command line: number of events and output path."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("events", type=lambda text: int(text.replace("_", "")))
    parser.add_argument("path", type=Path)
    parser.add_argument("--seed", type=int, default=2012)
    arguments = parser.parse_args()
    started = time.perf_counter()
    events, cases = generate(arguments.events, arguments.path, seed=arguments.seed)
    size, seconds = arguments.path.stat().st_size / 1e6, time.perf_counter() - started
    print(f"{events:,} events in {cases:,} cases -> {arguments.path} ({size:.0f} MB) in {seconds:.1f} s")


if __name__ == "__main__":
    main()
