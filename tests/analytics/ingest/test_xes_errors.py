"""Malformed and hostile XES: clear errors naming the line, no DTD or entity expansion, capped decompression."""

from __future__ import annotations

import gzip
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from klantreis.analytics.ingest import IngestError, ingest

WriteXes = Callable[..., Path]
GOOD_EVENT = (
    '<event><string key="concept:name" value="a"/><date key="time:timestamp" value="2024-01-01T10:00:00Z"/></event>'
)


def lines(*parts: str) -> str:
    """The parts one per line (the document's own lines start after the prolog and <log>: line 3)."""
    return "\n".join(parts)


def test_it_names_the_line_of_a_trace_that_is_never_closed(write_xes: WriteXes) -> None:
    body = lines("<trace>", '<string key="concept:name" value="c1"/>', GOOD_EVENT)  # lines 3-5, no </trace>
    path = write_xes(body + "\n" + lines("<trace>", '<string key="concept:name" value="c2"/>', GOOD_EVENT, "</trace>"))
    with pytest.raises(IngestError, match=r"log\.xes: line 6: a <trace> inside the <trace> opened on line 3"):
        ingest(path)


def test_it_says_so_when_the_file_ends_inside_a_trace(write_xes: WriteXes) -> None:
    document = '<?xml version="1.0"?>\n<log>\n<trace>\n<string key="concept:name" value="c1"/>\n' + GOOD_EVENT + "\n"
    with pytest.raises(IngestError, match=r"the <trace> opened on line 3 is never closed"):
        ingest(write_xes(document, wrap=False))


def test_it_names_the_line_of_a_malformed_event(write_xes: WriteXes) -> None:
    body = lines(
        "<trace>",
        '<string key="concept:name" value="c1"/>',
        GOOD_EVENT,
        '<event><string key="concept:name" value="b"/></trace>',
    )
    with pytest.raises(IngestError, match=r"line 6: not well-formed XML: mismatched tag"):
        ingest(write_xes(body))


def test_it_names_the_line_of_an_attribute_without_a_key(write_xes: WriteXes) -> None:
    body = lines(
        "<trace>",
        '<string key="concept:name" value="c1"/>',
        "<event>",
        '<string value="no key"/>',
        "</event>",
        "</trace>",
    )
    with pytest.raises(IngestError, match=r"line 6: a <string> attribute without a key"):
        ingest(write_xes(body))


def test_it_names_the_line_of_an_event_outside_a_trace(write_xes: WriteXes) -> None:
    body = lines("<trace>", '<string key="concept:name" value="c1"/>', GOOD_EVENT, "</trace>", GOOD_EVENT)
    with pytest.raises(IngestError, match=r"line 7: an <event> inside a <log>"):
        ingest(write_xes(body))


@pytest.mark.parametrize(
    ("tag", "shown"),
    [
        (
            '<date key="time:timestamp" value="2024-13-01T10:00:00Z"/>',
            r"the date attribute 'time:timestamp' has the value '2024-13-01T10:00:00Z'",
        ),
        ('<date key="due" value="next tuesday"/>', r"the date attribute 'due' has the value 'next tuesday'"),
        (
            '<int key="amount" value="12.5"/>',
            r"the int attribute 'amount' has the value '12.5', which is not a whole number",
        ),
        ('<float key="cost" value="twelve"/>', r"the float attribute 'cost' has the value 'twelve'"),
        (
            '<boolean key="paid" value="maybe"/>',
            r"the boolean attribute 'paid' has the value 'maybe', which is not true or false",
        ),
    ],
)
def test_it_names_the_line_of_a_value_that_does_not_fit_its_type(write_xes: WriteXes, tag: str, shown: str) -> None:
    good = lines("<trace>", '<string key="concept:name" value="c1"/>', GOOD_EVENT, "</trace>")  # lines 3-6
    bad = lines(
        "<trace>",
        '<string key="concept:name" value="c2"/>',
        "<event>",
        '<string key="concept:name" value="b"/>',
        tag,
        "</event>",
        "</trace>",
    )
    with pytest.raises(IngestError, match=rf"log\.xes: line 11: {shown}"):
        ingest(write_xes(good + "\n" + bad))


def test_it_refuses_a_doctype_and_so_the_billion_laughs(write_xes: WriteXes) -> None:
    laughs = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10)]
    document = '<?xml version="1.0"?>\n<!DOCTYPE log [\n' + "\n".join(laughs) + "\n]>\n<log>\n<trace>\n"
    document += '<string key="concept:name" value="&lol9;"/>\n' + GOOD_EVENT + "\n</trace>\n</log>\n"
    started = time.perf_counter()
    with pytest.raises(IngestError, match=r"line 2: a DOCTYPE declaration \(DTDs and entity definitions are not read"):
        ingest(write_xes(document, wrap=False))
    assert time.perf_counter() - started < 5


def test_it_names_the_line_of_an_entity_that_xml_does_not_define(write_xes: WriteXes) -> None:
    body = lines(
        "<trace>",
        '<string key="concept:name" value="c1"/>',
        "<event>",
        '<string key="concept:name" value="caf&eacute;"/>',
        "</event>",
        "</trace>",
    )
    with pytest.raises(IngestError, match=r"line 6: not well-formed XML: undefined entity"):
        ingest(write_xes(body))


def test_it_stops_a_gzip_bomb_at_the_configured_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KLANTREIS_MAX_DECOMPRESSED_BYTES", "1000000")
    path = tmp_path / "bomb.xes.gz"
    path.write_bytes(gzip.compress(b'<?xml version="1.0"?>\n<log>' + b" " * 50_000_000 + b"</log>"))
    assert path.stat().st_size < 100_000
    with pytest.raises(
        IngestError, match=r"bomb\.xes\.gz: decompresses to more than 1,000,000 bytes.*KLANTREIS_MAX_DECOMPRESSED_BYTES"
    ):
        ingest(path)


def test_it_refuses_a_cap_that_is_not_a_number(write_xes: WriteXes, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KLANTREIS_MAX_DECOMPRESSED_BYTES", "lots")
    with pytest.raises(
        IngestError, match=r"KLANTREIS_MAX_DECOMPRESSED_BYTES: 'lots' is not a positive number of bytes"
    ):
        ingest(write_xes(lines("<trace>", GOOD_EVENT, "</trace>"), compress=True))


def test_it_says_when_a_compressed_file_ends_early(tmp_path: Path) -> None:
    whole = gzip.compress(('<?xml version="1.0"?>\n<log>\n<trace>' + GOOD_EVENT * 1000 + "</trace>\n</log>\n").encode())
    path = tmp_path / "cut.xes.gz"
    path.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(IngestError, match=r"cut\.xes\.gz: the compressed file ends early"):
        ingest(path)


def test_it_says_when_a_document_is_not_an_event_log(write_xes: WriteXes) -> None:
    with pytest.raises(IngestError, match=r"the document starts with <html>, not <log>"):
        ingest(write_xes("<html><body>hello</body></html>", wrap=False))


def test_it_lists_the_attributes_when_no_event_has_an_activity(write_xes: WriteXes) -> None:
    body = lines(
        "<trace>",
        '<string key="concept:name" value="c1"/>',
        '<event><string key="task" value="a"/></event>',
        "</trace>",
    )
    with pytest.raises(IngestError, match=r"no event has a concept:name attribute.*'task'.*pass --activity"):
        ingest(write_xes(body))


def test_it_names_the_right_line_deep_inside_a_large_file(write_xes: WriteXes) -> None:
    # Some 9 MB: the bad value sits in a later chunk than the first; both tokenizers must count lines alike.
    good = lines("<trace>", '<string key="concept:name" value="c"/>', GOOD_EVENT, GOOD_EVENT, "</trace>")
    body = "\n".join([good] * 30_000)
    bad = lines(
        "<trace>", '<string key="concept:name" value="bad"/>', '<event><int key="n" value="x"/></event>', "</trace>"
    )
    bad_line = 3 + body.count("\n") + 1 + 2  # the prolog and <log> take two lines
    with pytest.raises(IngestError, match=rf"line {bad_line}: the int attribute 'n' has the value 'x'"):
        ingest(write_xes(body + "\n" + bad + "\n" + good))


def test_it_names_the_right_line_of_malformed_xml_deep_inside_a_large_file(write_xes: WriteXes) -> None:
    good = lines("<trace>", '<string key="concept:name" value="c"/>', GOOD_EVENT, GOOD_EVENT, "</trace>")
    body = "\n".join([good] * 30_000)
    bad = lines("<trace>", '<string key="concept:name" value="bad">', GOOD_EVENT, "</trace>")  # not self-closed
    bad_line = 3 + body.count("\n") + 1 + 3
    with pytest.raises(IngestError, match=rf"line {bad_line}: not well-formed XML: mismatched tag"):
        ingest(write_xes(body + "\n" + bad + "\n" + good))
