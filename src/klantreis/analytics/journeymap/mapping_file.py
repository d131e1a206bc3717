"""Mapping files: activity rules for a journey's touchpoints kept next to, not inside, the journey document.

A mapping file is YAML or JSON: a list of entries, each naming a touchpoint by id or by name and the
activities that belong to it, as plain names (exact match) or {pattern, match} with match one of
exact, glob or regex (see `rules` for the semantics)::

    - touchpoint: Ontvangstbevestiging          # or the touchpoint's id
      activities:
        - T02 Check confirmation of receipt
        - pattern: "T0[3-5]*"
          match: glob

The file replaces the rules written in the journey document: it is the whole mapping.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any
from uuid import UUID

from klantreis.analytics.journeymap.rules import JourneyMapping, Rule, TouchpointRef, journey_outline
from klantreis.journey.model import JourneyDocument
from klantreis.journey.source import ParsedSource, Position, SourceSyntaxError, parse_json_text, parse_text
from klantreis.journey.validate import Problem
from klantreis.journey.vocabulary import MatchKind

_ENTRY_KEYS = ("touchpoint", "activities")
_RULE_KEYS = ("pattern", "match")
_EXAMPLE = "- touchpoint: <id or name>, activities: [<activity>, {{pattern: '<glob>', match: glob}}]"

# code -> language -> (message, fix)
MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    "unreadable": {
        "en": ("cannot read the mapping file: {detail}", "check the path and permissions"),
        "nl": ("het koppelbestand is niet te lezen: {detail}", "controleer het pad en de rechten"),
    },
    "unknown_format": {
        "en": ("unknown mapping file type {suffix!r}", "use .yaml, .yml or .json"),
        "nl": ("onbekend type koppelbestand {suffix!r}", "gebruik .yaml, .yml of .json"),
    },
    "syntax": {
        "en": ("not valid {format}: {detail}", "correct the syntax at this line"),
        "nl": ("geen geldige {format}: {detail}", "verbeter de syntaxis op deze regel"),
    },
    "not_a_list": {
        "en": ("a mapping file is a list of entries", f"write entries like: {_EXAMPLE}"),
        "nl": ("een koppelbestand is een lijst met regels", f"schrijf regels als: {_EXAMPLE}"),
    },
    "entry_not_a_mapping": {
        "en": ("this entry is not a mapping", "give it the keys touchpoint and activities"),
        "nl": ("deze regel is geen mapping", "geef haar de sleutels touchpoint en activities"),
    },
    "unknown_key": {
        "en": ("unknown key {key!r}", "allowed keys are: {allowed}"),
        "nl": ("onbekende sleutel {key!r}", "toegestane sleutels zijn: {allowed}"),
    },
    "missing_key": {
        "en": ("the key {key!r} is missing", "add {key}: ..."),
        "nl": ("de sleutel {key!r} ontbreekt", "voeg {key}: ... toe"),
    },
    "touchpoint_not_text": {
        "en": ("touchpoint must be a touchpoint's id or name", "write the id or the name as text"),
        "nl": ("touchpoint moet het id of de naam van een contactmoment zijn", "schrijf het id of de naam als tekst"),
    },
    "unknown_touchpoint": {
        "en": ("the journey has no touchpoint {value!r}", "use the id or exact name of a touchpoint{suggestion}"),
        "nl": (
            "de klantreis heeft geen contactmoment {value!r}",
            "gebruik het id of de precieze naam van een contactmoment{suggestion}",
        ),
    },
    "ambiguous_touchpoint": {
        "en": ("{count} touchpoints are called {value!r}", "name it by its id: {ids}"),
        "nl": ("{count} contactmomenten heten {value!r}", "noem het bij zijn id: {ids}"),
    },
    "activities_not_a_list": {
        "en": ("activities must be a non-empty list", "list activity names or {{pattern, match}} rules"),
        "nl": ("activities moet een niet-lege lijst zijn", "geef activiteitnamen of {{pattern, match}}-regels"),
    },
    "bad_rule": {
        "en": ("a rule is an activity name or {{pattern, match}}", "write the activity name, or pattern: and match:"),
        "nl": (
            "een regel is een activiteitnaam of {{pattern, match}}",
            "schrijf de activiteitnaam, of pattern: en match:",
        ),
    },
    "bad_match": {
        "en": ("unknown match kind {value!r}", "use exact, glob or regex"),
        "nl": ("onbekende soort match {value!r}", "gebruik exact, glob of regex"),
    },
    "bad_regex": {
        "en": ("{value!r} is not a valid regular expression: {detail}", "correct it, or use match: glob"),
        "nl": ("{value!r} is geen geldige reguliere expressie: {detail}", "verbeter hem, of gebruik match: glob"),
    },
}


class MappingFileError(ValueError):
    """A mapping file could not be used; `problems` names the file, line, entry and fix of each."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


class _Problems:
    """Collects problems for one file in one language, with positions from the parsed source."""

    def __init__(self, file: str, lang: str) -> None:
        self.file, self.lang = file, lang
        self.source: ParsedSource | None = None
        self.found: list[Problem] = []
        self.labels: dict[int, str] = {}  # entry index -> the touchpoint it names, to say which entry is wrong

    def add(self, path: tuple[str | int, ...], code: str, position: Position | None = None, **params: Any) -> None:
        if position is None and self.source is not None:
            position = self.source.position(path)
        texts = MESSAGES[code]
        message, fix = texts.get(self.lang, texts["en"])
        self.found.append(
            Problem(
                file=self.file,
                line=position.line if position else None,
                column=position.column if position else None,
                path=_path_text(path, self.labels),
                code=code,
                message=message.format(**params),
                fix=fix.format(**params),
            )
        )


def _path_text(path: tuple[str | int, ...], labels: dict[int, str]) -> str:
    """'entry 2 (Ontvangstbevestiging): activities[3].match' for (1, "activities", 2, "match"); 1-based."""
    if not path or not isinstance(path[0], int):
        return ""
    text = f"entry {path[0] + 1}"
    if path[0] in labels:
        text += f" ({labels[path[0]]})"
    rest = ""
    for part in path[1:]:
        rest += f"[{part + 1}]" if isinstance(part, int) else f".{part}" if rest else part
    return f"{text}: {rest}" if rest else text


def read_mapping_file(path: str | Path, document: JourneyDocument, lang: str = "en") -> JourneyMapping:
    """Read a mapping file for `document`; raise MappingFileError listing every problem."""
    problems = _Problems(str(path), lang)
    suffix = Path(path).suffix.lower()
    if suffix not in (".yaml", ".yml", ".json"):
        problems.add((), "unknown_format", suffix=suffix or str(path))
        raise MappingFileError(problems.found)
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        detail = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        problems.add((), "unreadable", detail=detail)
        raise MappingFileError(problems.found) from error
    try:
        parsed = parse_json_text(text) if suffix == ".json" else parse_text(text)
    except SourceSyntaxError as error:
        problems.add((), "syntax", error.position, format="JSON" if suffix == ".json" else "YAML", detail=error.message)
        raise MappingFileError(problems.found) from error
    problems.source = parsed
    mapping = mapping_from_data(parsed.data, document, problems)
    if problems.found:
        raise MappingFileError(problems.found)
    return mapping


def mapping_from_data(data: Any, document: JourneyDocument, problems: _Problems) -> JourneyMapping:
    """The mapping described by parsed data; problems are collected, not raised."""
    stages, touchpoints = journey_outline(document)
    rules: list[Rule] = []
    if not isinstance(data, list):
        problems.add((), "not_a_list")
        return JourneyMapping(stages, touchpoints, ())
    for index, entry in enumerate(data):
        rules.extend(_entry_rules(entry, index, touchpoints, problems))
    return JourneyMapping(stages, touchpoints, tuple(rules))


def _entry_rules(entry: Any, index: int, touchpoints: tuple[TouchpointRef, ...], problems: _Problems) -> list[Rule]:
    if not isinstance(entry, dict):
        problems.add((index,), "entry_not_a_mapping")
        return []
    if isinstance(entry.get("touchpoint"), str):
        problems.labels[index] = entry["touchpoint"]
    for key in entry:
        if key not in _ENTRY_KEYS:
            problems.add((index, str(key)), "unknown_key", key=key, allowed=", ".join(_ENTRY_KEYS))
    for key in _ENTRY_KEYS:
        if key not in entry:
            problems.add((index,), "missing_key", key=key)
    touchpoint = _touchpoint(entry.get("touchpoint"), index, touchpoints, problems) if "touchpoint" in entry else None
    activities = entry.get("activities")
    if "activities" in entry and (not isinstance(activities, list) or not activities):
        problems.add((index, "activities"), "activities_not_a_list")
        return []
    rules: list[Rule] = []
    for position, raw in enumerate(activities or []):
        rule = _rule(raw, (index, "activities", position), problems)
        if rule is not None and touchpoint is not None:
            rules.append(Rule(touchpoint.id, rule[0], rule[1]))
    return rules


def _touchpoint(
    value: Any, index: int, touchpoints: tuple[TouchpointRef, ...], problems: _Problems
) -> TouchpointRef | None:
    path = (index, "touchpoint")
    if not isinstance(value, str) or not value.strip():
        problems.add(path, "touchpoint_not_text")
        return None
    try:
        wanted: UUID | None = UUID(value.strip())
    except ValueError:
        wanted = None
    by_id = [t for t in touchpoints if t.id == wanted]
    if by_id:
        return by_id[0]
    named = [t for t in touchpoints if t.name == value] or [
        t for t in touchpoints if t.name.casefold() == value.casefold()
    ]
    if len(named) == 1:
        return named[0]
    if named:
        problems.add(
            path, "ambiguous_touchpoint", count=len(named), value=value, ids=", ".join(str(t.id) for t in named)
        )
        return None
    close = difflib.get_close_matches(value, [t.name for t in touchpoints], n=1)
    suggestion = f" (did you mean {close[0]!r}?)" if close and problems.lang != "nl" else ""
    if close and problems.lang == "nl":
        suggestion = f" (bedoelt u {close[0]!r}?)"
    problems.add(path, "unknown_touchpoint", value=value, suggestion=suggestion)
    return None


def _rule(raw: Any, path: tuple[str | int, ...], problems: _Problems) -> tuple[str, MatchKind] | None:
    if isinstance(raw, str) and raw:
        return raw, MatchKind.EXACT
    if not isinstance(raw, dict) or not isinstance(raw.get("pattern"), str) or not raw["pattern"]:
        problems.add(path, "bad_rule")
        return None
    for key in raw:
        if key not in _RULE_KEYS:
            problems.add((*path, str(key)), "unknown_key", key=key, allowed=", ".join(_RULE_KEYS))
    pattern: str = raw["pattern"]
    try:
        kind = MatchKind(raw.get("match", "exact"))
    except ValueError:
        problems.add((*path, "match"), "bad_match", value=raw.get("match"))
        return None
    if kind is MatchKind.REGEX:
        try:
            re.compile(pattern)
        except re.error as error:
            problems.add((*path, "pattern"), "bad_regex", value=pattern, detail=str(error))
            return None
    return pattern, kind
