"""`klantreis analyze` as a user runs it: real logs, real engines, numbers checked against pm4py."""

from __future__ import annotations

import json
import math
import os
import shutil
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from click.testing import CliRunner

from klantreis.cli import main
from real_logs import data_dir
from same_results import assert_same

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parents[1]
POSTGRES_URL = os.environ.get("KLANTREIS_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
PERMIT = PROJECT / "examples" / "omgevingsvergunning-huidig.yaml"
SPARK_WARNINGS = [
    pytest.mark.filterwarnings("ignore::pandas.errors.Pandas4Warning"),
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]

# A journey for the running example without activity rules (the mapping file below supplies them); fixed ids,
# as saved journeys have, so two runs give the same JSON.
CLAIM_JOURNEY = """\
title: Claim compensation
language: en
stages:
  - id: 00000000-0000-4000-8000-000000000001
    name: Request
    touchpoints:
      - id: 00000000-0000-4000-8000-000000000002
        name: Submit the request
  - id: 00000000-0000-4000-8000-000000000003
    name: Assessment
    touchpoints:
      - id: 00000000-0000-4000-8000-000000000004
        name: Examination
      - id: 00000000-0000-4000-8000-000000000005
        name: Ticket checked
      - id: 00000000-0000-4000-8000-000000000006
        name: Decision
  - id: 00000000-0000-4000-8000-000000000007
    name: Outcome
    touchpoints:
      - id: 00000000-0000-4000-8000-000000000008
        name: Compensation paid
      - id: 00000000-0000-4000-8000-000000000009
        name: Rejection letter
"""
CLAIM_MAPPING = """\
- touchpoint: Submit the request
  activities: [register request]
- touchpoint: Examination
  activities: [{pattern: "examine *", match: glob}]
- touchpoint: Ticket checked
  activities: [check ticket]
- touchpoint: Decision
  activities: [decide, {pattern: "^reinit", match: regex}]
- touchpoint: Compensation paid
  activities: [pay compensation]
- touchpoint: Rejection letter
  activities: [reject request]
"""


def running_example() -> Path:
    """The tiny running example: in tests/data, else in the shared data."""
    copied = PROJECT / "tests" / "data" / "running-example.xes"
    return copied if copied.exists() else data_dir() / "running_example" / "running-example.xes"


def receipt() -> Path:
    path = data_dir() / "receipt" / "08_receipt.xes.gz"
    if not path.exists():
        pytest.skip(f"the receipt log is not in {data_dir()} (set KLANTREIS_DATA_DIR)")
    return path


def missing_service(reason: str) -> None:
    """Skip with `reason`, or fail when KLANTREIS_REQUIRE_SERVICES=1 (CI)."""
    if os.environ.get("KLANTREIS_REQUIRE_SERVICES", "") == "1":
        pytest.fail(f"required service missing: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("klantreis-cache")


@pytest.fixture(autouse=True)
def private_cache(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Imports go to a cache of this module, never to the user's."""
    monkeypatch.setenv("KLANTREIS_CACHE", str(cache))


@pytest.fixture(scope="module")
def claim(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The running example's journey and its mapping file."""
    folder = tmp_path_factory.mktemp("claim")
    (folder / "claim.yaml").write_text(CLAIM_JOURNEY, encoding="utf-8")
    (folder / "mapping.yaml").write_text(CLAIM_MAPPING, encoding="utf-8")
    return folder / "claim.yaml", folder / "mapping.yaml"


def run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["analyze", *map(str, args)])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def analyse_json(*args: str | Path) -> dict[str, Any]:
    code, out, err = run(*args, "--json", "-")
    assert code == 0, err
    document: dict[str, Any] = json.loads(out)  # standard output holds the JSON and nothing else
    return document


def pm4py_view(path: Path) -> dict[str, Any]:
    """What pm4py says about a log with its default settings."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pm4py = pytest.importorskip("pm4py", reason="the differential tests compare with pm4py")
        frame = pm4py.format_dataframe(pm4py.read_xes(str(path)))
        dfg, starts, ends = pm4py.discover_dfg(frame)
        performance, _, _ = pm4py.discover_performance_dfg(frame)
        return {
            "frame": frame,
            "dfg": dict(dfg),
            "starts": dict(starts),
            "ends": dict(ends),
            "performance": dict(performance),
            "variants": dict(pm4py.get_variants(frame)),
            "durations": np.array(pm4py.get_all_case_durations(frame), dtype=float),
        }


def close(a: float | None, b: float) -> bool:
    return a is not None and abs(a - b) <= max(1e-6, 1e-9 * abs(b))


# --- the JSON equals pm4py ---------------------------------------------------------------------------


@pytest.mark.parametrize("log", ["running_example", "receipt"])
def test_the_json_numbers_equal_pm4py(log: str) -> None:
    path = running_example() if log == "running_example" else receipt()
    ours, theirs = analyse_json(path), pm4py_view(path)
    frame = theirs["frame"]
    assert ours["cases"] == frame["case:concept:name"].nunique()
    assert ours["events"] == len(frame)
    assert ours["activities"] == frame["concept:name"].nunique()
    assert ours["variants"] == len(theirs["variants"])
    assert {a["activity"]: a["count"] for a in ours["start_activities"]} == theirs["starts"]
    assert {a["activity"]: a["count"] for a in ours["end_activities"]} == theirs["ends"]
    assert {(t["source"], t["target"]): t["count"] for t in ours["dfg"]} == theirs["dfg"]
    for transition in ours["dfg"]:
        expected = theirs["performance"][(transition["source"], transition["target"])]
        assert close(transition["mean_seconds"], expected["mean"])
        assert close(transition["median_seconds"], expected["median"])
    durations = theirs["durations"]
    statistics = ours["case_duration_seconds"]
    assert set(statistics) == {"mean", "median", "p10", "p90", "min", "max"}
    assert close(statistics["mean"], float(durations.mean()))
    assert close(statistics["median"], float(np.median(durations)))
    assert close(statistics["p10"], float(np.percentile(durations, 10)))
    assert close(statistics["p90"], float(np.percentile(durations, 90)))
    assert close(statistics["min"], float(durations.min()))
    assert close(statistics["max"], float(durations.max()))
    assert ours["top_variants"]
    for variant in ours["top_variants"]:
        assert variant["count"] == theirs["variants"][tuple(variant["activities"])]
    assert [v["count"] for v in ours["top_variants"]] == sorted(theirs["variants"].values(), reverse=True)[
        : len(ours["top_variants"])
    ]


def test_with_a_journey_the_json_has_touchpoints_and_conformance() -> None:
    document = analyse_json(receipt(), "--journey", PERMIT)
    touchpoints = {t["name"]: t for t in document["touchpoints"]}
    assert set(touchpoints["Ontvangstbevestiging"]) >= {
        "id", "name", "stage", "cases", "share", "dropoff", "median_seconds", "p90_seconds", "events",
    }  # fmt: skip
    assert touchpoints["Ontvangstbevestiging"]["cases"] == 1316
    assert touchpoints["Ontvangstbevestiging"]["stage"] == "Ontvangst en toets op volledigheid"
    conformance = document["conformance"]
    assert set(conformance) >= {
        "fitting_share",
        "cases",
        "skipped",
        "unmapped_activities",
        "touchpoints_without_events",
        "findings",
    }
    assert conformance["cases"] == 1434
    assert math.isclose(conformance["fitting_share"], 1196 / 1434)
    assert conformance["unmapped_activities"] == []
    assert {f["kind"] for f in conformance["findings"]} >= {"drawn_order", "biggest_dropoff"}
    assert all(set(f["text"]) == {"en", "nl"} for f in conformance["findings"])


# --- the same JSON on every engine ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def spark_session() -> Iterator[None]:
    """One local Spark session for the module; the command finds it running and leaves it running."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        missing_service("pyspark is not installed")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        missing_service("Java is not installed (Spark needs Java 17)")
    from klantreis.analytics.engine import EngineError, connect

    try:
        engine = connect("spark", threads=2)
    except EngineError as error:
        missing_service(f"Spark did not start ({error})")
    yield
    engine.close()
    assert SparkSession.getActiveSession() is None


@pytest.fixture(scope="module")
def postgres_available() -> None:
    from klantreis.analytics.engine import EngineError, connect

    try:
        connect(POSTGRES_URL).close()
    except EngineError as error:
        missing_service(f"PostgreSQL unreachable at {POSTGRES_URL} ({error})")


def runs(claim: tuple[Path, Path]) -> dict[str, list[str | Path]]:
    journey, mapping = claim
    return {
        "running_example": [running_example(), "--journey", journey, "--mapping", mapping, "--funnel", "register request,decide"],
        "receipt": [receipt(), "--journey", PERMIT, "--where", "case:channel=Internet", "--funnel", "Confirmation of receipt,T02 Check confirmation of receipt,T04 Determine confirmation of receipt"],
    }  # fmt: skip


@pytest.mark.postgres
@pytest.mark.parametrize("log", ["running_example", "receipt"])
def test_the_same_json_on_postgres(log: str, claim: tuple[Path, Path], postgres_available: None) -> None:
    arguments = runs(claim)[log]
    assert_same(analyse_json(*arguments), analyse_json(*arguments, "--engine", POSTGRES_URL))


@pytest.mark.spark
@pytest.mark.parametrize("log", ["running_example", "receipt"])
def test_the_same_json_on_spark(log: str, claim: tuple[Path, Path], spark_session: None) -> None:
    # The only Spark comparison of the journey analysis (one JVM for the suite is expensive enough):
    # the whole JSON, bundle, funnel, touchpoints and conformance, on two real logs.
    arguments = runs(claim)[log]
    assert_same(analyse_json(*arguments), analyse_json(*arguments, "--engine", "spark"))


for _mark in SPARK_WARNINGS:
    test_the_same_json_on_spark = _mark(test_the_same_json_on_spark)


# --- the terminal summary and the report -----------------------------------------------------------------


def test_the_terminal_shows_readable_tables(claim: tuple[Path, Path]) -> None:
    journey, mapping = claim
    code, out, err = run(running_example(), "--journey", journey, "--mapping", mapping, "--top", "3")
    assert code == 0, err
    for heading in (
        "Overview",
        "Activities",
        "Most frequent transitions",
        "Most frequent variants",
        "Touchpoints",
        "Findings",
    ):
        assert heading in out, heading
    assert "median 9d 10h" in out  # the median case duration, 815,940 s
    assert "Submit the request" in out
    assert "Cases following the drawn order:" in out
    assert "42 events, 6 cases" in err
    assert "Traceback" not in out + err


def test_the_terminal_speaks_dutch(claim: tuple[Path, Path]) -> None:
    journey, mapping = claim
    code, out, err = run(running_example(), "--journey", journey, "--mapping", mapping, "--lang", "nl")
    assert code == 0, err
    for heading in ("Overzicht", "Meest voorkomende overgangen", "Contactmomenten", "Bevindingen", "Fase: Assessment"):
        assert heading in out, heading
    assert "42 gebeurtenissen, 6 zaken" in err


def test_a_dutch_journey_gets_a_dutch_summary_unless_english_is_asked_for() -> None:
    code, out, err = run(receipt(), "--journey", PERMIT, "--top", "1")
    assert code == 0, err
    assert "Bevindingen" in out
    assert "8.577 gebeurtenissen" in err
    code, out, err = run(receipt(), "--journey", PERMIT, "--top", "1", "--lang", "en")
    assert code == 0, err
    assert "Findings" in out
    assert "Bevindingen" not in out


def test_the_report_is_written_with_the_journey_on_it(claim: tuple[Path, Path], tmp_path: Path) -> None:
    journey, mapping = claim
    report, data = tmp_path / "report.html", tmp_path / "out.json"
    code, _, err = run(
        running_example(), "--journey", journey, "--mapping", mapping, "--report", report, "--json", data
    )
    assert code == 0, err
    html = report.read_text(encoding="utf-8")
    assert '<svg class="process-map"' in html
    assert "Claim compensation" in html
    assert "Compensation paid" in html
    for external in ('src="http', "<link", "@import"):
        assert external not in html
    assert json.loads(data.read_text(encoding="utf-8"))["cases"] == 6
    assert f"--report: wrote {report}" in err


# --- filters and funnels ---------------------------------------------------------------------------------


def test_filters_narrow_the_log() -> None:
    only = analyse_json(running_example(), "--activities", "register request, decide")
    assert (only["cases"], only["events"], only["activities"]) == (6, 15, 2)
    early = analyse_json(running_example(), "--to", "2010-12-31")
    assert early["cases"] == 3  # cases starting on 30 and 31 December 2010; --to includes that day
    late = analyse_json(running_example(), "--from", "2011-01-01")
    assert early["cases"] + late["cases"] == 6
    pete = analyse_json(running_example(), "--where", "case:creator=Fluxicon Nitro")
    assert pete["cases"] == 6
    frequent = analyse_json(running_example(), "--min-support", "2")
    assert frequent["cases"] == 0  # every variant of the running example occurs once
    assert frequent["filters"]["min_support"] == 2


def test_a_funnel_counts_the_cases_reaching_each_step() -> None:
    document = analyse_json(running_example(), "--funnel", "register request,examine thoroughly,pay compensation")
    steps = document["funnel"]["steps"]
    assert [s["entered"] for s in steps] == [6, 3, 1]
    windowed = analyse_json(
        running_example(), "--funnel", "register request,decide", "--funnel-window", "7d", "--funnel-mode", "strict"
    )
    assert windowed["funnel"]["mode"] == "strict"
    assert windowed["funnel"]["window_seconds"] == 7 * 86400


def test_an_unknown_funnel_step_is_warned_about_but_not_fatal() -> None:
    code, out, err = run(running_example(), "--funnel", "register request,fly away", "--json", "-")
    assert code == 0
    assert json.loads(out)["funnel"]["steps"][1]["entered"] == 0
    assert "--funnel: 'fly away' is not an activity" in err


def test_no_cache_leaves_nothing_behind(cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "cache"
    monkeypatch.setenv("KLANTREIS_CACHE", str(empty))
    assert analyse_json(running_example(), "--no-cache")["events"] == 42
    assert not empty.exists() or not any(empty.iterdir())


# --- errors ----------------------------------------------------------------------------------------------


def test_a_missing_log_is_named_and_exits_one(tmp_path: Path) -> None:
    code, out, err = run(tmp_path / "nope.xes")
    assert code == 1
    assert out == ""
    assert f"{tmp_path / 'nope.xes'}: no such file" in err
    assert "Traceback" not in err


def test_a_malformed_log_is_named_and_exits_one(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xes"
    broken.write_text("<log><trace><event></trace></log>", encoding="utf-8")
    code, _, err = run(broken)
    assert code == 1
    assert str(broken) in err
    assert "Traceback" not in err


def test_a_broken_journey_file_is_reported_with_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "title: x\nstages:\n  - name: A\n    touchpoints:\n      - name: T\n        channel: fax\n", encoding="utf-8"
    )
    code, _, err = run(running_example(), "--journey", bad)
    assert code == 1
    assert f"{bad}:6:18:" in err
    assert "fax" in err


def test_a_broken_mapping_file_is_reported_with_its_line_and_entry(claim: tuple[Path, Path], tmp_path: Path) -> None:
    journey, _ = claim
    bad = tmp_path / "mapping.yaml"
    bad.write_text("- touchpoint: Decisoin\n  activities: [decide]\n", encoding="utf-8")
    code, _, err = run(running_example(), "--journey", journey, "--mapping", bad)
    assert code == 1
    assert f"{bad}:1:15: entry 1 (Decisoin): touchpoint: the journey has no touchpoint 'Decisoin'" in err
    assert "did you mean 'Decision'?" in err


@pytest.mark.parametrize(
    ("arguments", "code", "message"),
    [
        (["--engine", "mysql://db"], 1, "--engine: unknown engine 'mysql://db'"),
        (["--where", "case:colour=red"], 1, "--where: the log has no attribute 'case:colour'"),
        (["--case", "nope"], 1, "no attribute 'nope' for --case"),
        (["--funnel", "a,b", "--funnel-window", "3 fortnights"], 2, "Invalid value for --funnel-window"),
        (["--funnel-window", "3d"], 2, "--funnel-window needs --funnel"),
        (["--from", "yesterday"], 2, "Invalid value for --from"),
        (["--where", "colour"], 2, "Invalid value for --where"),
        (["--mapping", "map.yaml"], 2, "pass --journey FILE too"),
        (["--top", "0"], 2, "Invalid value for '--top'"),
        (["--lang", "de"], 2, "Invalid value for '--lang'"),
    ],
)
def test_bad_flags_are_named(arguments: list[str], code: int, message: str) -> None:
    got, out, err = run(running_example(), *arguments)
    assert got == code
    assert message in err
    assert out == ""
    assert "Traceback" not in err


def test_an_unreachable_postgres_is_reported_without_its_password() -> None:
    code, _, err = run(running_example(), "--engine", "postgresql://someone:secret@127.0.0.1:1/nothing")
    assert code == 1
    assert "secret" not in err
    assert "cannot connect to PostgreSQL at postgresql://someone:***@127.0.0.1:1/nothing" in err
