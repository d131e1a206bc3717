"""The example journeys in examples/ are valid, fully filled and match the real event logs they describe."""

from __future__ import annotations

import csv
import fnmatch
import gzip
import re
from functools import cache
from pathlib import Path

import pytest

from klantreis.journey.files import check_file, read_document
from klantreis.journey.model import JourneyDocument
from klantreis.journey.vocabulary import JourneyKind, JourneyState, MatchKind
from real_logs import data_dir

PROJECT = Path(__file__).resolve().parents[2]
EXAMPLES = PROJECT / "examples"
DATA = data_dir()
RECEIPT_LOG = DATA / "receipt" / "receipt.csv"
BPIC2012_LOG = DATA / "bpic2012" / "bpic2012.xes.gz"

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))
MUNICIPALITY = ["omgevingsvergunning-huidig.yaml", "omgevingsvergunning-gewenst.yaml"]
LOAN = ["persoonlijke-lening.yaml"]


def example(name: str) -> JourneyDocument:
    return read_document(EXAMPLES / name)


@cache
def receipt_activities() -> frozenset[str]:
    """Distinct activity names (concept:name) of the municipality receipt log."""
    if not RECEIPT_LOG.is_file():
        pytest.skip(f"the receipt log is not available at {RECEIPT_LOG}")
    with RECEIPT_LOG.open(encoding="utf-8", newline="") as handle:
        return frozenset(row["concept:name"] for row in csv.DictReader(handle))


_EVENT = re.compile(r"<event>(.*?)</event>", re.DOTALL)
_NAME = re.compile(r'<string key="concept:name" value="([^"]*)"')


@cache
def bpic2012_activities() -> frozenset[str]:
    """Distinct activity names of the events (not the traces) in the BPI Challenge 2012 log."""
    if not BPIC2012_LOG.is_file():
        pytest.skip(f"the BPI Challenge 2012 log is not available at {BPIC2012_LOG}")
    with gzip.open(BPIC2012_LOG, "rt", encoding="utf-8") as handle:
        text = handle.read()
    names = set()
    for event in _EVENT.finditer(text):
        found = _NAME.search(event.group(1))
        if found:
            names.add(found.group(1))
    return frozenset(names)


def rules(document: JourneyDocument, kind: MatchKind) -> list[str]:
    return [r.pattern for _, t in document.touchpoints() for r in t.activities if r.match is kind]


def matches(pattern: str, kind: MatchKind, activity: str) -> bool:
    if kind is MatchKind.GLOB:
        return fnmatch.fnmatchcase(activity, pattern)
    return re.search(pattern, activity) is not None


def test_there_are_four_example_journeys() -> None:
    names = {path.name for path in EXAMPLE_FILES}
    assert {*MUNICIPALITY, *LOAN, "onboarding-employee.yaml"} <= names


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_every_example_loads_without_problems(path: Path) -> None:
    document, problems = check_file(path)
    assert [str(p) for p in problems] == []
    assert document is not None


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_every_example_is_fully_filled(path: Path) -> None:
    document = read_document(path)
    touchpoints = [t for _, t in document.touchpoints()]
    assert len(document.stages) >= 5
    assert len(touchpoints) >= 12
    assert len(document.personas) >= 2
    assert len(document.improvements) >= 6
    assert any(t.moment_of_truth is not None for t in touchpoints)


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_every_experience_has_a_current_and_a_desired_rating(path: Path) -> None:
    document = read_document(path)
    experiences = [e for _, t in document.touchpoints() for e in t.experiences]
    assert experiences
    assert all(e.rating is not None and e.desired_rating is not None for e in experiences)


def test_the_desired_municipality_journey_redesigns_the_current_one() -> None:
    current = example("omgevingsvergunning-huidig.yaml")
    desired = example("omgevingsvergunning-gewenst.yaml")
    assert current.state is JourneyState.CURRENT
    assert desired.state is JourneyState.DESIRED
    assert desired.redesigns == current.id


def test_the_desired_municipality_journey_keeps_the_same_personas() -> None:
    current = example("omgevingsvergunning-huidig.yaml")
    desired = example("omgevingsvergunning-gewenst.yaml")
    assert [p.id for p in desired.personas] == [p.id for p in current.personas]


def test_the_onboarding_journey_is_an_employee_journey_with_a_mirror() -> None:
    document = example("onboarding-employee.yaml")
    assert document.kind is JourneyKind.EMPLOYEE
    assert all(p.kind.value == "employee" for p in document.personas)
    assert len(document.mirror) >= 6


@pytest.mark.parametrize("name", LOAN)
def test_every_exact_activity_of_the_loan_example_occurs_in_bpic2012(name: str) -> None:
    known = bpic2012_activities()
    exact = rules(example(name), MatchKind.EXACT)
    assert exact
    assert sorted(set(exact) - known) == []


def test_the_loan_example_maps_every_bpic2012_activity() -> None:
    known = bpic2012_activities()
    assert known - set(rules(example("persoonlijke-lening.yaml"), MatchKind.EXACT)) == set()


@pytest.mark.parametrize("name", MUNICIPALITY)
def test_every_exact_activity_of_the_municipality_examples_occurs_in_the_receipt_log(name: str) -> None:
    known = receipt_activities()
    exact = rules(example(name), MatchKind.EXACT)
    assert exact
    assert sorted(set(exact) - known) == []


@pytest.mark.parametrize("name", MUNICIPALITY)
def test_every_pattern_of_the_municipality_examples_matches_a_receipt_activity(name: str) -> None:
    known = receipt_activities()
    document = example(name)
    for kind in (MatchKind.GLOB, MatchKind.REGEX):
        for pattern in rules(document, kind):
            assert any(matches(pattern, kind, activity) for activity in known), pattern


def test_the_current_municipality_journey_maps_every_receipt_activity() -> None:
    document = example("omgevingsvergunning-huidig.yaml")
    rules_of = [(r.pattern, r.match) for _, t in document.touchpoints() for r in t.activities]

    def mapped(activity: str) -> bool:
        return any(
            activity == pattern if kind is MatchKind.EXACT else matches(pattern, kind, activity)
            for pattern, kind in rules_of
        )

    assert sorted(a for a in receipt_activities() if not mapped(a)) == []
