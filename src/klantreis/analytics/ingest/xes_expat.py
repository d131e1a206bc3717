"""The careful XES reader (expat): the header, any chunk the fast tokenizer declines, and every error's line.

No DTD is ever read: a DOCTYPE (and so any entity declaration: the billion-laughs attack) is rejected.
"""

from __future__ import annotations

import codecs
from typing import NoReturn
from xml.parsers import expat

import numpy as np

from klantreis.analytics.ingest.arrays import strings
from klantreis.analytics.ingest.errors import IngestError, Notes, fail
from klantreis.analytics.ingest.xes_tokens import TYPES, Tokens

_TYPE_CODES = {name: code for code, name in enumerate(TYPES)}
_FIX = "the file is not well-formed XML; repair or export it again"
# expat's errors for a document that stops in the middle.
_ENDS_EARLY = {
    expat.errors.codes[expat.errors.XML_ERROR_NO_ELEMENTS],
    expat.errors.codes[expat.errors.XML_ERROR_UNCLOSED_TOKEN],
}


class _RejectedError(Exception):
    """A construct klantreis refuses to read (raised from inside expat's callbacks)."""


def _local(name: str) -> str:
    return name.rpartition(":")[2]


def _reject_doctype(*_: object) -> NoReturn:
    raise _RejectedError("a DOCTYPE declaration (DTDs and entity definitions are not read, for safety)")


def check_header(data: bytes, source: str, whole: bool) -> str | None:
    """Check the prolog and the <log> start tag (and all of the document if `whole`); return its encoding."""
    parser = expat.ParserCreate()
    found: dict[str, str | None] = {"encoding": None, "root": None}

    def declaration(version: str, encoding: str | None, standalone: int) -> None:
        found["encoding"] = encoding

    def start(name: str, attributes: dict[str, str]) -> None:
        if found["root"] is None:
            found["root"] = name
            if _local(name) != "log":
                raise _RejectedError(f"the document starts with <{name}>, not <log>: this is not an XES event log")
            if not whole:
                # The rest of the header (extensions, globals, log attributes) is only checked for
                # well-formedness: without a callback per element expat does that at full speed.
                parser.StartElementHandler = None
        elif _local(name) in ("trace", "event"):
            # Only a prefixed <xes:trace> hides from the chunker's search for "<trace".
            raise _RejectedError(f"<{name}>: prefixed XES element names are not supported; write <trace> and <event>")

    parser.XmlDeclHandler = declaration
    parser.StartElementHandler = start
    parser.StartDoctypeDeclHandler = _reject_doctype
    parser.EntityDeclHandler = _reject_doctype
    try:
        parser.Parse(data, whole)
    except expat.ExpatError as error:
        raise fail(source, f"{expat.ErrorString(error.code)}", line=error.lineno, fix=_FIX) from None
    except _RejectedError as error:
        raise fail(
            source, str(error), line=parser.CurrentLineNumber, fix="remove it, or export the log again"
        ) from None
    if found["root"] is None:
        raise fail(source, "no <log> element: this is not an XES event log", fix="check the file")
    return found["encoding"]


def is_utf8(encoding: str | None) -> bool:
    """Whether a declared encoding reads like UTF-8 (the fast tokenizer's assumption)."""
    if encoding is None:
        return True
    try:
        return codecs.lookup(encoding).name in ("utf-8", "ascii")
    except LookupError:
        return False


class _Builder:
    """expat callbacks that collect traces, events and attributes into Tokens."""

    def __init__(self, parser: expat.XMLParserType, line: int, source: str, notes: Notes) -> None:
        self.parser, self.line, self.source, self.notes = parser, line, source, notes
        # (element kind, attribute key or element name, line it opened on)
        self.stack: list[tuple[str, str, int]] = []
        self.traces = 0
        self.event_trace: list[int] = []
        self.codes: dict[str, int] = {}
        self.key_codes: list[int] = []
        self.kinds: list[int] = []
        self.values: list[str] = []
        self.in_event: list[bool] = []
        self.owner: list[int] = []
        self.lines: list[int] = []

    def here(self) -> int:
        """The file line expat is on (the chunk was fed after a one-line '<log>' wrapper)."""
        return self.line + self.parser.CurrentLineNumber - 1

    def start(self, name: str, attributes: dict[str, str]) -> None:
        """An element opens: a trace, an event, an attribute of one of them, or something skipped."""
        tag = _local(name)
        line = self.here()
        parent = self.stack[-1][0] if self.stack else None
        if parent is None:
            self.stack.append(("log", tag, line))
        elif parent in ("attribute", "skip"):
            if parent == "attribute":
                key = self.stack[-1][1]
                self.notes.once(f"nested:{key}", f"nested attributes inside {key!r} are skipped (first on line {line})")
            self.stack.append(("skip", tag, line))
        elif tag == "trace":
            if parent != "log":
                opened = next(line for kind, _, line in reversed(self.stack) if kind == parent)
                raise _RejectedError(
                    f"a <trace> inside the <{parent}> opened on line {opened} (is its closing tag missing?)"
                )
            self.traces += 1
            self.stack.append(("trace", tag, line))
        elif tag == "event":
            if parent != "trace":
                raise _RejectedError(f"an <event> inside a <{parent}> (events belong in a <trace>)")
            self.event_trace.append(self.traces - 1)
            self.stack.append(("event", tag, line))
        elif tag in _TYPE_CODES and parent in ("trace", "event"):
            self._attribute(tag, attributes, parent == "event", line)
        else:
            if parent in ("trace", "event"):
                key = attributes.get("key", tag)
                what = f"{tag} attribute {key!r}" if tag in ("list", "container") else f"element <{tag}>"
                self.notes.once(
                    f"skip:{tag}:{key}", f"the {what} is not supported and was skipped (first on line {line})"
                )
            # Log-level attributes, globals, extensions and classifiers describe the log, not its events.
            self.stack.append(("skip", tag, line))

    def _attribute(self, tag: str, attributes: dict[str, str], in_event: bool, line: int) -> None:
        key, value = attributes.get("key"), attributes.get("value")
        if key is None or value is None:
            raise _RejectedError(f"a <{tag}> attribute without {'a key' if key is None else 'a value'}")
        code = self.codes.setdefault(key, len(self.codes))
        self.key_codes.append(code)
        self.kinds.append(_TYPE_CODES[tag])
        self.values.append(value)
        self.in_event.append(in_event)
        self.owner.append(len(self.event_trace) - 1 if in_event else self.traces - 1)
        self.lines.append(line)
        self.stack.append(("attribute", key, line))

    def end(self, name: str) -> None:
        """An element closes."""
        self.stack.pop()

    def tokens(self) -> Tokens:
        """What was collected."""
        lines = self.lines
        return Tokens(
            traces=self.traces,
            event_trace=np.array(self.event_trace, dtype=np.int64),
            key_names=list(self.codes),
            key_codes=np.array(self.key_codes, dtype=np.intp),
            kinds=np.array(self.kinds, dtype=np.intp),
            values=strings(self.values),
            in_event=np.array(self.in_event, dtype=bool),
            owner=np.array(self.owner, dtype=np.int64),
            line_of=lambda index: lines[index],
        )

    def unclosed(self) -> IngestError:
        """The error for a document that ends inside an element."""
        open_elements = [(kind, name, line) for kind, name, line in self.stack[1:] if kind in ("trace", "event")]
        if open_elements:
            kind, _, line = open_elements[-1]
            return fail(
                self.source, f"the <{kind}> opened on line {line} is never closed (the file ends inside it)", fix=_FIX
            )
        return fail(self.source, "the file ends before </log> (an incomplete export or download?)", fix=_FIX)


def parse_chunk(data: bytes, line: int, encoding: str | None, final: bool, source: str, notes: Notes) -> Tokens:
    """Tokens of a chunk of whole traces (or the tail of the document when `final`), starting on `line`."""
    parser = expat.ParserCreate(encoding)
    builder = _Builder(parser, line, source, notes)
    parser.StartElementHandler = builder.start
    parser.EndElementHandler = builder.end
    parser.StartDoctypeDeclHandler = _reject_doctype
    parser.EntityDeclHandler = _reject_doctype
    parser.buffer_text = True
    try:
        # A stand-in <log> gives the chunk a root; the real start tag was in the header.
        parser.Parse(b"<log>", False)
        parser.Parse(data, False)
        parser.Parse(b"" if final else b"</log>", True)
    except expat.ExpatError as error:
        if final and error.code in _ENDS_EARLY:
            raise builder.unclosed() from None
        problem = expat.ErrorString(error.code)
        raise fail(source, f"not well-formed XML: {problem}", line=line + error.lineno - 1, fix=_FIX) from None
    except _RejectedError as error:
        raise fail(source, str(error), line=builder.here(), fix=_FIX) from None
    if final and builder.stack:
        raise builder.unclosed()
    return builder.tokens()
