"""The fast XES tokenizer: whole chunks of canonical XES, vectorised with numpy; None when a chunk is not canonical.

Canonical means what XES writers (OpenXES/ProM, pm4py, Disco) emit: `<trace>`, `<event>`, and attribute tags
written `<type key="..." value="..."/>` with double quotes, no comments, CDATA or nested attributes. Anything
else (and any malformed input) makes `scan` return None, and the chunk goes to the expat parser, which reads
every well-formed variant and reports errors with their line.
"""

from __future__ import annotations

import re

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from klantreis.analytics.ingest.arrays import spans, to_numpy
from klantreis.analytics.ingest.xes_tokens import Tokens

EVENT_END, TRACE_END, EVENT, TRACE, FIRST_ATTRIBUTE = 1, 2, 3, 4, 5
# Attribute tags in the order of xes_tokens.TYPES; their literal runs up to the key's opening quote.
_LITERALS = (
    b"",
    b"</event>",
    b"</trace>",
    b"<event>",
    b"<trace>",
    b'<string key="',
    b'<date key="',
    b'<int key="',
    b'<float key="',
    b'<boolean key="',
    b'<id key="',
)
_PREFIXES = (b"/e", b"/t", b"ev", b"tr", b"st", b"da", b"in", b"fl", b"bo", b"id")
# Tag kind by the two bytes after '<', read as one little-endian 16-bit number.
_KIND = np.zeros(1 << 16, dtype=np.int8)
for _code, _prefix in enumerate(_PREFIXES, start=1):
    _KIND[int.from_bytes(_prefix, "little")] = _code
_LENGTH = np.array([len(literal) for literal in _LITERALS], dtype=np.int64)


def _words(literal: bytes, second: bool) -> tuple[int, int]:
    # (expected, mask) for the literal's first or second 8 bytes; kind 0 (unknown tag) never matches,
    # because a tag starts with '<', never with byte 0xff.
    if not literal:
        return (0xFFFFFFFFFFFFFFFF if not second else 0), (0xFFFFFFFFFFFFFFFF if not second else 0)
    part = literal[8:16] if second else literal[:8]
    return int.from_bytes(part.ljust(8, b"\0"), "little"), int.from_bytes(
        (b"\xff" * len(part)).ljust(8, b"\0"), "little"
    )


_EXPECT0, _MASK0, _EXPECT1, _MASK1 = (
    np.array([_words(literal, second)[which] for literal in _LITERALS], dtype=np.uint64)
    for second, which in ((False, 0), (False, 1), (True, 0), (True, 1))
)
_VALUE_WORD = np.uint64(int.from_bytes(b' value="', "little"))
_TIGHT, _SPACED = np.uint64(int.from_bytes(b"/>", "little")), np.uint64(int.from_bytes(b" />", "little"))
_BYTES2, _BYTES3 = np.uint64(0xFFFF), np.uint64(0xFFFFFF)
# One letter per tag; a chunk is a run of traces, each holding attributes and events of attributes.
_LETTERS = np.frombuffer(b"?etETAAAAAA", dtype=np.uint8)
_STRUCTURE = re.compile(rb"(?:TA*(?:EA*eA*)*t)*")
_ENTITY = re.compile(r"&(?:#x([0-9A-Fa-f]{1,6})|#([0-9]{1,7})|(amp|lt|gt|quot|apos));")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_BREAKS = re.compile(r"\r\n|[\t\n\r]")


def scan(chunk: bytes, line: int) -> Tokens | None:
    """Tokens of a chunk of whole traces starting on `line`, or None if the chunk is not canonical XES."""
    data = np.frombuffer(chunk, dtype=np.uint8)
    size = len(data)
    if size < 16 or not chunk.endswith(b"</trace>"):
        return None
    # The 8 bytes starting at every offset, as little-endian words (an unaligned view, nothing copied):
    # comparing a word compares 8 characters at once.
    words = np.ndarray(shape=(size - 7,), dtype="<u8", buffer=chunk, strides=(1,))
    tags = np.flatnonzero(data == 60)
    first = words[tags]
    kind = _KIND[((first >> np.uint64(8)) & _BYTES2).astype(np.intp)]
    second = words[np.minimum(tags + 8, size - 8)]
    if not (((first & _MASK0[kind]) == _EXPECT0[kind]) & ((second & _MASK1[kind]) == _EXPECT1[kind])).all():
        return None
    if _STRUCTURE.fullmatch(_LETTERS[kind].tobytes()) is None:
        return None
    attributes = np.flatnonzero(kind >= FIRST_ATTRIBUTE)
    key_start = tags[attributes] + _LENGTH[kind[attributes]]
    quotes = np.flatnonzero(data == 34)
    if len(quotes) == 4 * len(attributes) and (quotes[0::4] == key_start - 1).all():
        # The usual case: the only quotes are the four of each attribute tag, so no search is needed.
        key_end, value_end = quotes[1::4], quotes[3::4]
    else:
        nearest = np.searchsorted(quotes, key_start)
        if len(attributes) and nearest[-1] + 2 >= len(quotes):
            return None
        key_end, value_end = quotes[nearest], quotes[nearest + 2]
    if not (words[key_end + 1] == _VALUE_WORD).all():
        return None
    value_start = key_end + 9
    after = words[value_end + 1]
    tight = (after & _BYTES2) == _TIGHT
    spaced = (after & _BYTES3) == _SPACED
    # The tag must close right after its value, before the next '<' (a '<' inside a value is malformed).
    if not (tight | spaced).all() or not (value_end + np.where(tight, 3, 4) <= tags[attributes + 1]).all():
        return None
    return _tokens(chunk, line, tags, kind, attributes, key_start, key_end, value_start, value_end)


def _tokens(
    chunk: bytes,
    line: int,
    tags: np.ndarray,
    kind: np.ndarray,
    attributes: np.ndarray,
    key_start: np.ndarray,
    key_end: np.ndarray,
    value_start: np.ndarray,
    value_end: np.ndarray,
) -> Tokens | None:
    buffer = pa.py_buffer(chunk)
    encoded = pc.dictionary_encode(spans(buffer, key_start, key_end))
    key_names = [_text(raw) for raw in encoded.dictionary.to_pylist()]
    if any(name is None for name in key_names):
        return None
    values = _values(spans(buffer, value_start, value_end), b"&" in chunk)
    if values is None:
        return None
    is_event = kind == EVENT
    events_opened = np.cumsum(is_event)
    open_events = events_opened - np.cumsum(kind == EVENT_END)
    traces_opened = np.cumsum(kind == TRACE)
    in_event = open_events[attributes] == 1
    owner = np.where(in_event, events_opened[attributes] - 1, traces_opened[attributes] - 1)
    attribute_tags = tags[attributes]

    def line_of(index: int) -> int:
        return line + chunk.count(b"\n", 0, int(attribute_tags[index]))

    return Tokens(
        traces=int(traces_opened[-1]),
        event_trace=traces_opened[is_event] - 1,
        key_names=[name for name in key_names if name is not None],
        key_codes=to_numpy(encoded.indices).astype(np.intp, copy=False),
        kinds=(kind[attributes] - FIRST_ATTRIBUTE).astype(np.intp),
        values=values,
        in_event=in_event,
        owner=owner,
        line_of=line_of,
    )


def _values(raw: pa.Array, has_entities: bool) -> pa.Array | None:
    try:
        values = raw.cast(pa.string())
    except pa.ArrowInvalid:
        return None
    # XML attribute-value normalisation: a literal tab or line break in a value reads as a space. The
    # values sit side by side in one buffer, so one comparison tells whether any value has one.
    if len(values) and (_value_bytes(values) < 14).any():
        values = pc.replace_substring_regex(values, _BREAKS.pattern, " ")
    if has_entities:
        return _decode_entities(values)
    return values


def _value_bytes(values: pa.Array) -> np.ndarray:
    offsets = np.frombuffer(values.buffers()[1], dtype=np.int32)
    start, end = offsets[values.offset], offsets[values.offset + len(values)]
    return np.frombuffer(values.buffers()[2], dtype=np.uint8)[start:end]


def _decode_entities(values: pa.Array) -> pa.Array | None:
    marked = pc.match_substring(values, "&")
    if not pc.any(marked).as_py():
        return values
    decoded = [decode_entities(text) for text in values.filter(marked).to_pylist()]
    if any(text is None for text in decoded):
        return None
    return pc.replace_with_mask(values, marked, pa.array(decoded, pa.string()))


def _text(raw: bytes | None) -> str | None:
    if raw is None:
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    text = _BREAKS.sub(" ", text)
    return decode_entities(text) if "&" in text else text


def decode_entities(text: str | None) -> str | None:
    """The five XML entities and character references decoded; None if anything else follows an '&'."""
    if text is None or text.count("&") != len(_ENTITY.findall(text)):
        return None
    try:
        return _ENTITY.sub(_entity, text)
    except ValueError:
        return None


def _entity(match: re.Match[str]) -> str:
    hexadecimal, decimal, name = match.groups()
    if name:
        return _NAMED[name]
    code = int(hexadecimal, 16) if hexadecimal else int(decimal)
    # XML 1.0 Char: references to other code points are not well-formed.
    if code in (9, 10, 13) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF:
        return chr(code)
    raise ValueError(f"character reference &#{code}; is not allowed in XML")
