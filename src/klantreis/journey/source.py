"""Parse YAML or JSON text into plain data while remembering where every value was written."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, SequenceNode


class StrictBoolLoader(yaml.SafeLoader):
    """Safe YAML loader where only true/false are booleans (so 'no' or 'on' stay text)."""


# Drop YAML 1.1's yes/no/on/off booleans: a title "No" or a language "no" must stay a string.
StrictBoolLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
StrictBoolLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)

PathPart = str | int


@dataclass(frozen=True)
class Position:
    """A 1-based line and column in a source file."""

    line: int
    column: int


class SourceSyntaxError(ValueError):
    """The text is not well-formed YAML or JSON."""

    def __init__(self, message: str, position: Position | None) -> None:
        super().__init__(message)
        self.message = message
        self.position = position


@dataclass
class ParsedSource:
    """Plain data parsed from a file plus the node tree to look up positions by path."""

    data: Any
    root: Node | None

    def position(self, path: tuple[PathPart, ...]) -> Position | None:
        """Where the value at `path` (or its nearest existing ancestor) starts."""
        node = self.root
        for part in path:
            child = _child(node, part) if node is not None else None
            if child is None:
                break
            node = child
        if node is None:
            return None
        return Position(node.start_mark.line + 1, node.start_mark.column + 1)


def _child(node: Node, part: PathPart) -> Node | None:
    """The child of a mapping (by key) or sequence (by index); for a key, prefer its value node."""
    if isinstance(node, MappingNode) and isinstance(part, str):
        for key_node, value_node in node.value:
            if key_node.value == part:
                found: Node = value_node
                return found
    if isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        child: Node = node.value[part]
        return child
    return None


def key_position(parsed: ParsedSource, path: tuple[PathPart, ...]) -> Position | None:
    """Where the key that ends `path` is written (for unknown fields), else the value position."""
    parent = parsed.root
    for part in path[:-1]:
        parent = _child(parent, part) if parent is not None else None
    if isinstance(parent, MappingNode) and path:
        for key_node, _ in parent.value:
            if key_node.value == path[-1]:
                return Position(key_node.start_mark.line + 1, key_node.start_mark.column + 1)
    return parsed.position(path)


def parse_json_text(text: str) -> ParsedSource:
    """Parse JSON strictly; positions come from the same text read as YAML."""
    try:
        data = json.loads(text, object_pairs_hook=_unique_object)
    except json.JSONDecodeError as error:
        raise SourceSyntaxError(error.msg, Position(error.lineno, error.colno)) from error
    except _DuplicateKeyError as error:
        # Read as YAML, the same text says where both keys are written.
        try:
            parse_text(text.replace("\t", " "))
        except SourceSyntaxError as located:
            raise located from None
        raise SourceSyntaxError(_duplicate_message(error.key, None), None) from None
    # A raw tab can only sit between JSON tokens, and one space for one tab keeps every column.
    try:
        root = parse_text(text.replace("\t", " ")).root
    except SourceSyntaxError:
        root = None
    return ParsedSource(data=data, root=root)


class _DuplicateKeyError(ValueError):
    """A JSON object names the same key twice."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _unique_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object, refusing a key written twice (json.loads would silently keep the last)."""
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise _DuplicateKeyError(key)
        found[key] = value
    return found


def _duplicate_message(key: str, first: Position | None) -> str:
    """What is wrong with a repeated key and how to fix it."""
    where = f" (first written on line {first.line})" if first else ""
    return f"the key {key!r} is written twice in the same mapping{where}; keep one and merge the other into it"


def _refuse_duplicate_keys(root: Node) -> None:
    """Raise SourceSyntaxError at the second of two equal keys in any mapping (YAML keeps only the last)."""
    pending = [root]
    while pending:
        node = pending.pop()
        if isinstance(node, MappingNode):
            seen: dict[object, Position] = {}
            for key_node, value_node in node.value:
                here = Position(key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                if isinstance(key_node.value, str) and key_node.value in seen:
                    raise SourceSyntaxError(_duplicate_message(key_node.value, seen[key_node.value]), here)
                seen[key_node.value] = here
                pending.append(value_node)
        elif isinstance(node, SequenceNode):
            pending.extend(node.value)


def parse_text(text: str) -> ParsedSource:
    """Parse YAML (JSON is a subset) into data and a position tree; raise SourceSyntaxError."""
    try:
        loader = StrictBoolLoader(text)  # the reader rejects unprintable characters right here
    except yaml.YAMLError as error:
        raise SourceSyntaxError(str(error), None) from error
    try:
        root: Node | None = loader.get_single_node()
        if root is not None:
            _refuse_duplicate_keys(root)
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        position = Position(mark.line + 1, mark.column + 1) if mark else None
        raise SourceSyntaxError(str(error.problem or error.context or error), position) from error
    except yaml.YAMLError as error:
        raise SourceSyntaxError(str(error), None) from error
    finally:
        loader.dispose()
    return ParsedSource(data=data, root=root)
