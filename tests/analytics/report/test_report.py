"""The standalone HTML report: complete, well-formed, offline, escaped, in English and Dutch."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pyarrow as pa
import pytest

from klantreis.analytics.analyses import Bundle, analyse_funnel, run_bundle
from klantreis.analytics.engine import Engine, connect
from klantreis.analytics.ingest import ingest
from klantreis.analytics.journeymap import JourneyAnalysis, analyse_journey
from klantreis.analytics.report import JourneyPart, render_report, write_report
from klantreis.journey.files import read_document
from klantreis.journey.model import JourneyDocument
from real_logs import data_dir

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parents[2]
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SVG_SELF_CLOSING = {"path", "rect", "circle", "line", "polyline", "polygon", "ellipse", "stop", "use"}
CRAFTED = "<script>alert(1)</script>"


class Structure(HTMLParser):
    """Checks that every element is closed in order, and collects what a browser would fetch."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[str] = []
        self.fetched: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "script":
            self.scripts += 1
        for name, value in attrs:
            if name in ("src", "href", "xlink:href") and value and not value.startswith("#"):
                self.fetched.append(value)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href") and value and not value.startswith("#"):
                self.fetched.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else 'nothing'}>")
            return
        self.stack.pop()


def parse(html: str) -> Structure:
    parser = Structure()
    parser.feed(html)
    parser.close()
    return parser


def assert_offline_and_well_formed(html: str) -> Structure:
    structure = parse(html)
    assert structure.errors == []
    assert structure.stack == []
    assert structure.fetched == []
    assert structure.scripts == 0
    for needle in ('src="http', "src='http", "<link", "@import", "url(http", "url('http", 'url("http', "//cdn"):
        assert needle not in html
    assert html.startswith("<!DOCTYPE html>")
    return structure


@pytest.fixture(scope="module")
def engine() -> Iterator[Engine]:
    with connect("duckdb") as duckdb:
        yield duckdb


@pytest.fixture(scope="module")
def receipt(
    engine: Engine, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Bundle, JourneyDocument, JourneyAnalysis]:
    path = data_dir() / "receipt" / "08_receipt.xes.gz"
    if not path.exists():
        pytest.skip(f"the receipt log is not in {data_dir()} (set KLANTREIS_DATA_DIR)")
    events = engine.load(ingest(path, cache_dir=tmp_path_factory.mktemp("cache")).parquet)
    document = read_document(PROJECT / "examples" / "omgevingsvergunning-huidig.yaml")
    return run_bundle(events), document, analyse_journey(events, document)


def crafted_events(engine: Engine) -> Bundle:
    start = datetime(2024, 3, 1, tzinfo=UTC)
    names = ["Aanvraag & intake", CRAFTED, 'Besluit "definitief"']
    rows = [
        (f"c{case}", names[step], start + timedelta(days=case, hours=step * (case + 1)))
        for case in range(4)
        for step in range(3)
    ]
    table = pa.table(
        {
            "case_id": pa.array([r[0] for r in rows], pa.string()),
            "activity": pa.array([r[1] for r in rows], pa.string()),
            "timestamp": pa.array([r[2] for r in rows], pa.timestamp("us", tz="UTC")),
            "position": pa.array(range(len(rows)), pa.int64()),
        }
    )
    return run_bundle(engine.load(table))


def test_the_report_of_a_real_log_with_its_journey_is_complete_and_opens_offline(
    receipt: tuple[Bundle, JourneyDocument, JourneyAnalysis],
) -> None:
    bundle, document, analysis = receipt
    html = render_report(bundle, lang="en", source="08_receipt.xes.gz", journey=JourneyPart(document, analysis))
    structure = assert_offline_and_well_formed(html)
    assert structure.tags.count("svg") >= 3  # process map, histogram, the journey map's emotion curve
    assert '<svg class="process-map"' in html
    assert '<svg class="histogram"' in html
    for section in ("overview", "journey", "conformance", "process-map", "variants", "durations", "activities"):
        assert f'<section id="{section}">' in html
    # Overview figures and the journey's own numbers.
    assert "1,434" in html
    assert "8,577" in html
    assert "Ontvangstbevestiging" in html
    assert "83%" in html  # the drawn order is followed by 1,196 of 1,434 cases
    assert "The map&#39;s biggest drop-off is after" in html
    # The journey map's data lane, from render/.
    assert "kr-" in html
    assert "Customers reached" in html
    assert "@media print" in html


def test_the_report_speaks_dutch_with_the_method_terms(
    receipt: tuple[Bundle, JourneyDocument, JourneyAnalysis],
) -> None:
    bundle, document, analysis = receipt
    html = render_report(bundle, lang="nl", journey=JourneyPart(document, analysis))
    assert_offline_and_well_formed(html)
    assert '<html lang="nl">' in html
    for term in (
        "Datagedreven klantreis",
        "Contactmoment",
        "Fase",
        "Uitval",
        "Doorlooptijden",
        "Proceskaart",
        "Bevindingen",
    ):
        assert term in html, term
    assert "1.434" in html  # Dutch thousands separator
    assert "De grootste uitval van de klantreis zit na" in html


def test_activity_names_from_the_data_are_escaped_everywhere(engine: Engine) -> None:
    bundle = crafted_events(engine)
    html = render_report(bundle, lang="en", source=CRAFTED, filters=[f"activities {CRAFTED}"])
    structure = assert_offline_and_well_formed(html)
    assert CRAFTED not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Aanvraag &amp; intake" in html
    assert "Besluit &#34;definitief&#34;" in html or "Besluit &quot;definitief&quot;" in html
    assert "script" not in structure.tags


def test_a_funnel_is_shown_when_steps_are_given(engine: Engine, tmp_path: Path) -> None:
    start = datetime(2024, 3, 1, tzinfo=UTC)
    rows = [
        ("a", "Bekijken", 0),
        ("a", "Aanvragen", 1),
        ("b", "Bekijken", 0),
        ("c", "Bekijken", 0),
        ("c", "Aanvragen", 30),
    ]
    table = pa.table(
        {
            "case_id": [r[0] for r in rows],
            "activity": [r[1] for r in rows],
            "timestamp": pa.array([start + timedelta(hours=r[2]) for r in rows], pa.timestamp("us", tz="UTC")),
            "position": pa.array(range(len(rows)), pa.int64()),
        }
    )
    events = engine.load(table)
    funnel = analyse_funnel(events, ["Bekijken", "Aanvragen"])
    path = tmp_path / "report.html"
    write_report(path, run_bundle(events), funnel=funnel, lang="en")
    html = path.read_text(encoding="utf-8")
    assert_offline_and_well_formed(html)
    assert '<section id="funnel">' in html
    # 3 cases look, 2 apply (67% of those who looked); median time from the previous step: (1 h + 30 h) / 2.
    assert re.search(r"<td>Aanvragen</td><td class=\"num\">2</td>", html)
    assert "67%" in html
    assert "15h 30m" in html


def test_without_a_journey_or_funnel_those_sections_are_left_out(engine: Engine) -> None:
    html = render_report(crafted_events(engine))
    assert '<section id="journey">' not in html
    assert '<section id="funnel">' not in html
    assert "<title>Event-log analysis</title>" in html
