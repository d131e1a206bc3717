"""Every real log reads as pm4py reads it (XES) or as pandas reads it the pm4py way (CSV)."""

from __future__ import annotations

import gzip
import re
import warnings
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from klantreis.analytics.ingest import IngestResult, ingest

TEST_DATA = Path(__file__).resolve().parents[2] / "data"
Reading = Callable[[str], tuple[IngestResult, dict[str, list[Any]]]]


def test_it_reads_every_event_and_attribute_in_file_order_as_pm4py_does(
    live_log: str, read_real_log: Reading, pm4py_reading: Callable[[str], dict[str, list[Any]]]
) -> None:
    result, ours = read_real_log(live_log)
    theirs = pm4py_reading(live_log)
    assert result.events == len(theirs["case:concept:name"])
    assert result.cases == len(set(theirs["case:concept:name"]))
    assert result.activities == len(set(theirs["concept:name"]))
    # Case ids, activities and UTC timestamps first: the columns every analysis reads.
    for name in ("case:concept:name", "concept:name", "time:timestamp"):
        assert ours[name] == theirs[name], name
    assert sorted(ours) == sorted(theirs)
    for name, values in theirs.items():
        assert ours[name] == values, name


def test_it_reads_the_logs_pm4py_is_slow_on_exactly_as_pm4py_did(
    fingerprinted_log: str,
    fingerprint_of: Callable[[str], tuple[IngestResult, dict[str, Any]]],
    stored_fingerprint: Callable[[str], dict[str, Any]],
) -> None:
    result, actual = fingerprint_of(fingerprinted_log)
    expected = stored_fingerprint(fingerprinted_log)
    assert (result.events, result.cases, result.activities) == (
        expected["events"],
        expected["cases"],
        expected["activities"],
    )
    for key in ("columns", "sequence_sha256", "sample_sha256"):
        assert actual[key] == expected[key], key


def test_it_keeps_the_sepsis_case_that_is_literally_named_na(read_real_log: Reading) -> None:
    _, ours = read_real_log("sepsis.csv")
    assert "NA" in ours["case:concept:name"]
    assert None not in ours["case:concept:name"]


def test_the_running_example_in_the_repository_reads_as_the_book_tells(tmp_path: Path) -> None:
    result = ingest(TEST_DATA / "running-example.xes", cache_dir=tmp_path)
    table = pq.read_table(result.parquet)
    first = table.filter(pc.equal(table["position"], 0)).to_pylist()[0]
    assert (result.events, result.cases, result.activities) == (42, 6, 8)
    assert first["case_id"] == "3"
    assert first["activity"] == "register request"
    assert first["resource"] == "Pete"
    # 2010-12-30T14:32:00.000+01:00 in the file
    assert first["timestamp"] == datetime(2010, 12, 30, 13, 32, tzinfo=UTC)
    assert first["case:creator"] == "Fluxicon Nitro"


def test_the_running_example_reads_the_same_from_xes_and_from_csv(tmp_path: Path) -> None:
    from_xes = pq.read_table(ingest(TEST_DATA / "running-example.xes", cache_dir=tmp_path).parquet)
    from_csv = pq.read_table(ingest(TEST_DATA / "running-example.csv", cache_dir=tmp_path).parquet)
    for column in ("case_id", "activity", "timestamp", "resource", "Costs"):
        assert from_csv[column].to_pylist() == from_xes[column].to_pylist(), column


@pytest.mark.parametrize("name", ["running-example.xes", "running-example.csv"])
def test_the_running_example_in_the_repository_reads_as_pm4py_reads_it(name: str, tmp_path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pm4py = pytest.importorskip("pm4py", reason="pm4py (a test dependency) is the reference")
        import pandas as pd

        if name.endswith(".xes"):
            frame = pm4py.read_xes(str(TEST_DATA / name))
        else:
            frame = pd.read_csv(TEST_DATA / name, keep_default_na=False, dtype=str)
            frame["time:timestamp"] = pd.to_datetime(frame["time:timestamp"], utc=True)
    stored = pq.read_table(ingest(TEST_DATA / name, cache_dir=tmp_path).parquet)
    table = stored.take(pc.sort_indices(stored["position"]))  # stored sorted per case; compare in file order
    assert table["case_id"].to_pylist() == frame["case:concept:name"].astype(str).tolist()
    assert table["activity"].to_pylist() == frame["concept:name"].tolist()
    assert table["timestamp"].to_pylist() == [moment.to_pydatetime() for moment in frame["time:timestamp"]]


def test_both_xes_tokenizers_read_a_real_log_alike(tmp_path: Path, read_real_log: Reading) -> None:
    # The same log with every attribute written value-first: well-formed XML that only the careful (expat)
    # reader takes, while the original goes through the fast tokenizer.
    result, _ = read_real_log("receipt.xes.gz")
    original = gzip.decompress((result.source).read_bytes()).decode("utf-8")
    swapped = re.sub(r'<(\w+) key="([^"]*)" value="([^"]*)"', r'<\1 value="\3" key="\2"', original)
    assert swapped != original
    rewritten = tmp_path / "receipt-value-first.xes"
    rewritten.write_text(swapped, encoding="utf-8")
    assert pq.read_table(ingest(rewritten, cache_dir=tmp_path).parquet).equals(pq.read_table(result.parquet))
