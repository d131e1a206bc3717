"""XES and XES.gz: attribute types, case attributes, time zones, entities, unsupported attributes, styles."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow.compute as pc
import pyarrow.parquet as pq

from klantreis.analytics.ingest import ColumnMapping, IngestResult, ingest

Rows = Callable[[IngestResult], list[dict[str, Any]]]
WriteXes = Callable[..., Path]


def event(activity: str, moment: str, *extra: str) -> str:
    """An <event> with concept:name, time:timestamp and extra attribute tags."""
    return (
        f'<event><string key="concept:name" value="{activity}"/>'
        f'<date key="time:timestamp" value="{moment}"/>{"".join(extra)}</event>'
    )


def trace(case: str, *events: str, attributes: str = "") -> str:
    """A <trace> with concept:name, attributes and events, one tag per line."""
    return f'<trace>\n<string key="concept:name" value="{case}"/>{attributes}\n' + "\n".join(events) + "\n</trace>"


def test_it_turns_trace_attributes_into_case_attributes(write_xes: WriteXes, read_table: Rows) -> None:
    path = write_xes(
        trace(
            "c1",
            event("a", "2024-01-01T10:00:00Z"),
            event("b", "2024-01-01T11:00:00Z"),
            attributes='<int key="amount" value="500"/>',
        )
    )
    rows = read_table(ingest(path))
    assert [row["case_id"] for row in rows] == ["c1", "c1"]
    assert [row["case:amount"] for row in rows] == [500, 500]


def test_it_types_attributes_as_declared(write_xes: WriteXes) -> None:
    path = write_xes(
        trace(
            "c1",
            event(
                "a",
                "2024-01-01T10:00:00Z",
                '<string key="s" value="text"/>',
                '<id key="i" value="3f2a"/>',
                '<int key="n" value="-42"/>',
                '<float key="x" value="2.5E3"/>',
                '<boolean key="ok" value="true"/>',
                '<date key="d" value="2024-02-29T23:59:59.999+00:00"/>',
            ),
        )
    )
    result = ingest(path)
    assert {name: result.columns[name] for name in ("s", "i", "n", "x", "ok", "d")} == {
        "s": "string",
        "i": "string",
        "n": "int64",
        "x": "double",
        "ok": "bool",
        "d": "timestamp[us, tz=UTC]",
    }
    assert pq.read_table(result.parquet).to_pylist()[0]["x"] == 2500.0


def test_it_normalises_timezone_offsets_to_utc(write_xes: WriteXes, read_table: Rows) -> None:
    path = write_xes(
        trace(
            "c1",
            event("plus two", "2011-10-01T00:38:44.546+02:00"),
            event("minus five thirty", "2011-10-01T00:00:00-05:30"),
            event("zulu", "2011-10-01T00:00:00Z"),
            event("no offset is utc", "2011-10-01T00:00:00"),
            event("nanoseconds", "2011-10-01T00:00:00.123456789+00:00"),
        )
    )
    assert [row["timestamp"] for row in read_table(ingest(path))] == [
        datetime(2011, 9, 30, 22, 38, 44, 546000, tzinfo=UTC),
        datetime(2011, 10, 1, 5, 30, tzinfo=UTC),
        datetime(2011, 10, 1, tzinfo=UTC),
        datetime(2011, 10, 1, tzinfo=UTC),
        datetime(2011, 10, 1, 0, 0, 0, 123456, tzinfo=UTC),
    ]


def test_it_decodes_xml_entities_in_keys_and_values(write_xes: WriteXes, read_table: Rows) -> None:
    path = write_xes(
        trace(
            "Jansen &amp; Zonen",
            event(
                "caf&#233; &lt;bezoek&gt;",
                "2024-01-01T10:00:00Z",
                '<string key="prijs &#x20AC;" value="&quot;10&quot; &apos;ok&apos;"/>',
            ),
        )
    )
    row = read_table(ingest(path))[0]
    assert (row["case_id"], row["activity"], row["prijs €"]) == ("Jansen & Zonen", "café <bezoek>", "\"10\" 'ok'")


def test_it_skips_nested_and_list_attributes_with_one_warning_per_key(write_xes: WriteXes, read_table: Rows) -> None:
    nested = '<string key="parent" value="kept"><string key="child" value="dropped"/></string>'
    listed = '<list key="items"><string key="item" value="1"/></list>'
    container = '<container key="box"><int key="size" value="3"/></container>'
    path = write_xes(
        "\n".join(
            trace(f"c{n}", *(event("a", "2024-01-01T10:00:00Z", nested, listed, container) for _ in range(3)))
            for n in range(4)
        )
    )
    result = ingest(path)
    assert len(result.warnings) == 3
    assert sum("'parent'" in w for w in result.warnings) == 1
    assert sum("'items'" in w for w in result.warnings) == 1
    assert sum("'box'" in w for w in result.warnings) == 1
    assert read_table(result)[0]["parent"] == "kept"
    assert not {"child", "items", "item", "box", "size"} & set(result.columns)


def test_it_reads_xes_written_in_another_style_exactly_like_the_canonical_style(
    write_xes: WriteXes, read_table: Rows
) -> None:
    canonical = write_xes(
        trace(
            "c1",
            event("a", "2024-01-01T10:00:00+01:00", '<int key="n" value="7"/>'),
            event("b", "2024-01-01T11:00:00+01:00"),
        ),
        name="canonical.xes",
    )
    # Single quotes, value before key, line breaks inside tags, comments, an empty <event/> and a CDATA section:
    # all well-formed XML, none of it the fast tokenizer's style.
    styled = write_xes(
        "<!-- exported by hand -->\n<trace>\n  <string value='c1'\n    key='concept:name' />\n"
        "  <event><![CDATA[ ignored ]]><string value='a' key='concept:name'/>"
        "<date key='time:timestamp' value='2024-01-01T10:00:00+01:00'/><int value='7' key='n'/></event>\n"
        "  <event>\n<string key='concept:name' value='b'/><date key='time:timestamp' value='2024-01-01T11:00:00+01:00'/></event>\n"
        "  <event/>\n</trace>",
        name="styled.xes",
    )
    expected = read_table(ingest(canonical))
    got = read_table(ingest(styled))
    assert got[:2] == expected
    assert got[2]["activity"] is None  # the empty event is an event too, as pm4py reads it


def test_it_reads_gzip_compressed_xes_also_of_several_members(tmp_path: Path, read_table: Rows) -> None:
    header = '<?xml version="1.0" encoding="UTF-8"?>\n<log>\n'
    part1 = header + trace("c1", event("a", "2024-01-01T10:00:00Z")) + "\n"
    part2 = trace("c2", event("b", "2024-01-02T10:00:00Z")) + "\n</log>\n"
    path = tmp_path / "log.xes.gz"
    path.write_bytes(gzip.compress(part1.encode()) + gzip.compress(part2.encode()))
    assert [row["activity"] for row in read_table(ingest(path))] == ["a", "b"]


def test_it_keeps_events_without_a_timestamp_and_says_so(write_xes: WriteXes, read_table: Rows) -> None:
    path = write_xes(
        trace("c1", event("a", "2024-01-01T10:00:00Z"), '<event><string key="concept:name" value="b"/></event>')
    )
    result = ingest(path)
    assert [row["timestamp"] is None for row in read_table(result)] == [False, True]
    assert "1 event has no timestamp; analyses leave them out, as pm4py does" in result.warnings


def test_it_leaves_out_traces_without_events_as_pm4py_does(write_xes: WriteXes) -> None:
    path = write_xes(trace("empty") + "\n" + trace("c1", event("a", "2024-01-01T10:00:00Z")))
    result = ingest(path)
    assert (result.events, result.cases) == (1, 1)
    assert any("1 traces without events" in w for w in result.warnings)


def test_it_takes_case_and_activity_from_the_attributes_it_is_told(write_xes: WriteXes, read_table: Rows) -> None:
    path = write_xes(
        trace(
            "c1",
            event("a", "2024-01-01T10:00:00Z", '<string key="Activity" value="Aanvraag"/>'),
            attributes='<string key="dossier" value="D-17"/>',
        )
    )
    row = read_table(ingest(path, mapping=ColumnMapping(case="dossier", activity="Activity")))[0]
    assert (row["case_id"], row["activity"], row["concept:name"], row["case:concept:name"]) == (
        "D-17",
        "Aanvraag",
        "a",
        "c1",
    )


def test_it_moves_an_attribute_aside_when_its_name_is_taken(write_xes: WriteXes, read_table: Rows) -> None:
    path = write_xes(trace("c1", event("a", "2024-01-01T10:00:00Z", '<int key="position" value="99"/>')))
    row = read_table(ingest(path))[0]
    assert (row["position"], row["attribute:position"]) == (0, 99)


def test_it_keeps_attributes_of_mixed_types_as_text_with_a_warning(write_xes: WriteXes, read_table: Rows) -> None:
    path = write_xes(
        trace(
            "c1",
            event("a", "2024-01-01T10:00:00Z", '<int key="code" value="1"/>'),
            event("b", "2024-01-01T11:00:00Z", '<string key="code" value="A1"/>'),
        )
    )
    result = ingest(path)
    assert [row["code"] for row in read_table(result)] == ["1", "A1"]
    assert sum("'code'" in w for w in result.warnings) == 1


def test_it_reads_line_breaks_in_values_as_xml_does(write_xes: WriteXes, read_table: Rows) -> None:
    path = write_xes(
        trace("c1", event("a", "2024-01-01T10:00:00Z", '<string key="note" value="two\n\tlines&#10;kept"/>'))
    )
    assert read_table(ingest(path))[0]["note"] == "two  lines\nkept"


def test_it_numbers_events_in_file_order_across_chunks_and_unifies_their_columns(write_xes: WriteXes) -> None:
    # About 9 MB: several chunks for the tokenizer and several row groups for the writer. The attribute
    # "late" appears only in the last trace, "amount" is an int first and a float at the end.
    traces = [
        trace(
            f"case {n}",
            *(event(f"step {k}", "2024-01-01T10:00:00Z", f'<int key="amount" value="{k}"/>') for k in range(20)),
        )
        for n in range(20_000)
    ]
    traces.append(
        trace(
            "last",
            event(
                "end", "2024-01-02T10:00:00Z", '<float key="amount" value="0.5"/>', '<string key="late" value="yes"/>'
            ),
        )
    )
    result = ingest(write_xes("\n".join(traces)))
    stored = pq.read_table(result.parquet)
    table = stored.take(pc.sort_indices(stored["position"]))  # stored sorted per case; look in file order
    assert result.events == 400_001
    assert table["position"].to_pylist() == list(range(400_001))
    assert result.columns["amount"] == "double"
    assert table["late"].null_count == 400_000
    assert table["case_id"][0].as_py() == "case 0"
    assert table["case_id"][400_000].as_py() == "last"


def test_it_reads_windows_line_endings(write_xes: WriteXes, read_table: Rows) -> None:
    body = trace("c1", event("a", "2024-01-01T10:00:00Z"), event("b", "2024-01-01T11:00:00Z")).replace("\n", "\r\n")
    assert [row["activity"] for row in read_table(ingest(write_xes(body)))] == ["a", "b"]
