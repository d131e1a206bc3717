"""Validate journey text and report every problem with file, line, column, path, cause and fix."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any
from uuid import uuid4

from pydantic import ValidationError

from klantreis.journey.fields import allowed_fields
from klantreis.journey.messages import TYPE_NAMES, render_message
from klantreis.journey.model import JourneyDocument
from klantreis.journey.references import PathParts, check_document, format_path
from klantreis.journey.source import ParsedSource, Position, key_position

_TYPE_ERRORS = {
    "string_type": "text",
    "int_type": "whole number",
    "int_parsing": "whole number",
    "int_from_float": "whole number",
    "float_type": "number",
    "float_parsing": "number",
    "list_type": "list",
    "model_type": "mapping",
    "model_attributes_type": "mapping",
    "dict_type": "mapping",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "date_type": "date",
    "date_parsing": "date",
    "date_from_datetime_parsing": "date",
    "date_from_datetime_inexact": "date",
}
_LOWER_BOUNDS = {"greater_than_equal": "ge", "greater_than": "gt"}
_UPPER_BOUNDS = {"less_than_equal": "le", "less_than": "lt"}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a journey file, precise enough to fix without guessing."""

    file: str
    line: int | None
    column: int | None
    path: str
    code: str
    message: str
    fix: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}:{self.column}"
        location = f" {self.path}:" if self.path else ""
        return f"{where}:{location} {self.message} ({self.fix})"


class ProblemFactory:
    """Builds problems for one file in one language, looking positions up in the parsed source."""

    def __init__(self, file: str, lang: str, source: ParsedSource | None = None) -> None:
        self.file = file
        self.lang = lang
        self.source = source

    def at(self, position: Position | None, path: PathParts, code: str, **params: Any) -> Problem:
        """A problem at an explicit position."""
        message, fix = render_message(code, self.lang, params)
        line = position.line if position else None
        column = position.column if position else None
        return Problem(self.file, line, column, format_path(path), code, message, fix)

    def on(self, path: PathParts, code: str, *, key: bool = False, **params: Any) -> Problem:
        """A problem at the value (or, with key=True, the key) found at `path`."""
        position = None
        if self.source is not None:
            position = key_position(self.source, path) if key else self.source.position(path)
        return self.at(position, path, code, **params)


def validate_data(data: Any, problems: ProblemFactory) -> tuple[JourneyDocument | None, list[Problem]]:
    """Validate parsed data as a journey document; return it when valid and all problems found."""
    if not isinstance(data, dict):
        return None, [problems.on((), "not_a_mapping")]
    try:
        document = JourneyDocument.model_validate(data)
    except ValidationError as error:
        found = [_problem_from_error(e, data, problems) for e in error.errors()]
        return None, sorted(found, key=_reading_order)
    findings = check_document(document)
    found = [problems.on(f.path, f.code, **f.params) for f in findings]
    return (None if found else document), found


def _reading_order(problem: Problem) -> tuple[int, int]:
    return (problem.line or 0, problem.column or 0)


def _data_path(loc: tuple[Any, ...], data: Any) -> PathParts:
    """Keep the parts of a pydantic location that exist in the data (drop union/validator tags)."""
    path: list[str | int] = []
    node = data
    for index, part in enumerate(loc):
        last = index == len(loc) - 1
        if (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        ):
            node = node[part]
        elif not (last and isinstance(part, str | int)) or (isinstance(part, str) and "[" in part):
            continue
        path.append(part)
    return tuple(path)


def _problem_from_error(error: Any, data: Any, problems: ProblemFactory) -> Problem:
    """Translate one pydantic error into a Problem with its own message and fix."""
    kind: str = error["type"]
    ctx: dict[str, Any] = error.get("ctx") or {}
    path = _data_path(tuple(error["loc"]), data)
    value = error.get("input")
    field = str(path[-1]) if path else ""
    if kind == "missing":
        return problems.on(path[:-1], "missing", field=field)
    if kind == "extra_forbidden":
        allowed = allowed_fields(path[:-1])
        close = difflib.get_close_matches(field, allowed, n=1)
        if close:
            return problems.on(path, "extra_forbidden_close", key=True, field=field, suggestion=close[0])
        return problems.on(path, "extra_forbidden", key=True, field=field, allowed=", ".join(allowed))
    if kind in ("enum", "literal_error"):
        expected = ", ".join(re.findall(r"'([^']*)'", str(ctx.get("expected", "")))) or ctx.get("expected")
        code = "enum_channel" if field == "channel" else kind
        return problems.on(path, code, value=value, expected=expected)
    if kind in _LOWER_BOUNDS:
        return problems.on(path, "too_small", value=value, limit=ctx.get(_LOWER_BOUNDS[kind]))
    if kind in _UPPER_BOUNDS:
        return problems.on(path, "too_large", value=value, limit=ctx.get(_UPPER_BOUNDS[kind]))
    if kind == "string_too_short":
        return problems.on(path, "empty_text")
    if kind == "string_too_long":
        return problems.on(path, "too_long", limit=ctx.get("max_length"))
    if kind in ("uuid_parsing", "uuid_type"):
        return problems.on(path, "bad_uuid", value=value, example=_example_id(path, data))
    if kind in _TYPE_ERRORS:
        expected = TYPE_NAMES[_TYPE_ERRORS[kind]][problems.lang if problems.lang == "nl" else "en"]
        return problems.on(path, "wrong_type", expected=expected, value=_describe(value))
    detail = str(error["msg"]).removeprefix("Value error, ")
    return problems.on(path, "invalid", detail=detail)


def _example_id(path: PathParts, data: Any) -> str:
    """Suggest a real id: a persona's when a persona is meant, else a fresh one."""
    personas = data.get("personas") if isinstance(data, dict) else None
    wants_persona = bool(path) and (path[-1] == "persona" or "personas" in path)
    if wants_persona and isinstance(personas, list):
        named = [p for p in personas if isinstance(p, dict) and p.get("id")]
        if named:
            return ", ".join(f"{p['id']} ({p.get('name', '')})" for p in named[:3])
    return str(uuid4())


def _describe(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
