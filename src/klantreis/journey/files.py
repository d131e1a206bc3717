"""Read and write journey documents as YAML, JSON or Mermaid journey diagrams."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Literal

import yaml

from klantreis.journey.model import SCHEMA_VERSION, JourneyDocument
from klantreis.journey.source import SourceSyntaxError, parse_json_text, parse_text
from klantreis.journey.validate import Problem, ProblemFactory, validate_data

Format = Literal["yaml", "json", "mermaid"]
SUFFIXES: dict[str, Format] = {
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "json",
    ".mmd": "mermaid",
    ".mermaid": "mermaid",
}
FORMAT_NAMES = {"yaml": "YAML", "json": "JSON", "mermaid": "Mermaid"}


class JourneyFileError(ValueError):
    """A journey file could not be read; `problems` says precisely why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def format_of(path: str | Path) -> Format | None:
    """The file format implied by the file name's suffix."""
    return SUFFIXES.get(Path(path).suffix.lower())


def parse_document(
    text: str, fmt: Format, file: str = "<text>", lang: str = "en"
) -> tuple[JourneyDocument | None, list[Problem]]:
    """Parse and validate journey text; return the document when valid and every problem."""
    if fmt == "mermaid":
        from klantreis.journey.mermaid import parse_mermaid

        return parse_mermaid(text, file, lang)
    factory = ProblemFactory(file, lang)
    try:
        source = parse_json_text(text) if fmt == "json" else parse_text(text)
    except SourceSyntaxError as error:
        detail = error.message
        return None, [factory.at(error.position, (), "syntax", format=FORMAT_NAMES[fmt], detail=detail)]
    factory.source = source
    return validate_data(source.data, factory)


def check_file(path: str | Path, lang: str = "en") -> tuple[JourneyDocument | None, list[Problem]]:
    """Read and validate a journey file; return the document when valid and every problem."""
    file = str(path)
    factory = ProblemFactory(file, lang)
    fmt = format_of(path)
    if fmt is None:
        return None, [factory.at(None, (), "unknown_format", suffix=Path(path).suffix or file)]
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        return None, [factory.at(None, (), "file_unreadable", detail=error.strerror or str(error))]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        from klantreis.journey.source import Position

        return None, [factory.at(Position(line, column), (), "not_utf8", detail=error.reason)]
    return parse_document(text, fmt, file, lang)


def read_document(path: str | Path, lang: str = "en") -> JourneyDocument:
    """Read a valid journey file or raise JourneyFileError listing every problem."""
    document, problems = check_file(path, lang)
    if document is None:
        raise JourneyFileError(problems)
    return document


def document_data(document: JourneyDocument) -> dict[str, Any]:
    """The document as plain JSON-compatible data, without fields left at their defaults."""
    data = document.model_dump(mode="json", exclude_defaults=True)
    return {"schema_version": SCHEMA_VERSION, **data}


def dumps(document: JourneyDocument, fmt: Format) -> str:
    """Serialise a document as YAML, JSON or a Mermaid journey diagram."""
    if fmt == "mermaid":
        from klantreis.journey.mermaid import to_mermaid

        return to_mermaid(document)
    data = document_data(document)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


def write_document(document: JourneyDocument, path: str | Path) -> None:
    """Write a document to `path` in the format its suffix names."""
    fmt = format_of(path)
    if fmt is None:
        raise ValueError(f"{path}: unknown file type; use .yaml, .yml, .json or .mmd")
    Path(path).write_text(dumps(document, fmt), encoding="utf-8")


class _Dumper(yaml.SafeDumper):
    """YAML dumper that writes multi-line text as readable blocks."""


# YAML reads these as line breaks or drops them from plain and block scalars; only double quotes keep them.
_NEEDS_QUOTES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    if _NEEDS_QUOTES.search(value):
        style: str | None = '"'
    else:
        style = "|" if "\n" in value and value == value.strip(" ") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)
