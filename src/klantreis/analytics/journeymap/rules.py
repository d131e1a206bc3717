"""Mapping rules from event-log activities to a journey's touchpoints, and how activities are assigned.

Semantics, the same on every engine because patterns are evaluated here, in Python, over the log's
distinct activity names (a small list), and only the resulting activity -> touchpoint table is joined
into the event data:

- `exact`: the activity name equals the pattern (case-sensitive);
- `glob`: shell-style wildcards over the whole name (`*`, `?`, `[...]`), case-sensitive
  (`fnmatch.fnmatchcase`);
- `regex`: a Python regular expression *searched* in the name (`re.search`): anchor it with `^` and
  `$` to match the whole name.

An activity that matches rules of several touchpoints belongs to the first of them in journey order
(stages in order, touchpoints in order within their stage): a touchpoint drawn earlier wins.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from uuid import UUID

from klantreis.journey.model import JourneyDocument
from klantreis.journey.vocabulary import MatchKind


@dataclass(frozen=True)
class TouchpointRef:
    """A touchpoint as the analysis sees it: its place in the journey and its stage."""

    id: UUID
    name: str
    stage_id: UUID
    stage_name: str
    order: int  # 0-based position in the journey (stages in order, touchpoints in order within a stage)
    stage_order: int
    customers_reached: int | None = None  # what the map claims, for comparison with the data


@dataclass(frozen=True)
class StageRef:
    """A stage (fase) of the journey and its place in it."""

    id: UUID
    name: str
    order: int


@dataclass(frozen=True)
class Rule:
    """One pattern that assigns activities to a touchpoint."""

    touchpoint: UUID
    pattern: str
    match: MatchKind = MatchKind.EXACT

    def matches(self, activity: str) -> bool:
        """True when `activity` matches this rule (see the module docstring for the semantics)."""
        if self.match is MatchKind.EXACT:
            return activity == self.pattern
        if self.match is MatchKind.GLOB:
            return fnmatch.fnmatchcase(activity, self.pattern)
        return _compiled(self.pattern).search(activity) is not None

    def to_dict(self) -> dict[str, str]:
        """JSON-ready rule."""
        return {"touchpoint": str(self.touchpoint), "pattern": self.pattern, "match": self.match.value}


def _compiled(pattern: str) -> re.Pattern[str]:
    # re caches compiled patterns itself; this only narrows the type for mypy.
    return re.compile(pattern)


@dataclass(frozen=True)
class JourneyMapping:
    """The touchpoints of a journey in order and the rules that put activities on them."""

    stages: tuple[StageRef, ...]
    touchpoints: tuple[TouchpointRef, ...]
    rules: tuple[Rule, ...]

    @cached_property
    def _rules_by_touchpoint(self) -> dict[UUID, tuple[Rule, ...]]:
        grouped: dict[UUID, list[Rule]] = {t.id: [] for t in self.touchpoints}
        for rule in self.rules:
            grouped.setdefault(rule.touchpoint, []).append(rule)
        return {key: tuple(value) for key, value in grouped.items()}

    def rules_of(self, touchpoint: UUID) -> tuple[Rule, ...]:
        """The rules of one touchpoint, in the order they were written."""
        return self._rules_by_touchpoint.get(touchpoint, ())

    def touchpoint_of(self, activity: str) -> TouchpointRef | None:
        """The touchpoint an activity belongs to: the first in journey order with a matching rule."""
        for touchpoint in self.touchpoints:
            if any(rule.matches(activity) for rule in self.rules_of(touchpoint.id)):
                return touchpoint
        return None

    def assign(self, activities: Iterable[str]) -> dict[str, TouchpointRef]:
        """Activity name -> touchpoint for every activity that some rule matches."""
        assigned: dict[str, TouchpointRef] = {}
        for activity in activities:
            touchpoint = self.touchpoint_of(activity)
            if touchpoint is not None:
                assigned[activity] = touchpoint
        return assigned

    def unused_rules(self, activities: Sequence[str]) -> tuple[Rule, ...]:
        """Rules that match none of `activities` (a typo, or an activity that is not in this log)."""
        return tuple(rule for rule in self.rules if not any(rule.matches(a) for a in activities))


def journey_outline(document: JourneyDocument) -> tuple[tuple[StageRef, ...], tuple[TouchpointRef, ...]]:
    """The stages and touchpoints of a journey document, numbered in journey order."""
    stages = tuple(StageRef(stage.id, stage.name, index) for index, stage in enumerate(document.stages))
    touchpoints: list[TouchpointRef] = []
    for stage_order, stage in enumerate(document.stages):
        for touchpoint in stage.touchpoints:
            touchpoints.append(
                TouchpointRef(
                    id=touchpoint.id,
                    name=touchpoint.name,
                    stage_id=stage.id,
                    stage_name=stage.name,
                    order=len(touchpoints),
                    stage_order=stage_order,
                    customers_reached=touchpoint.customers_reached,
                )
            )
    return stages, tuple(touchpoints)


def mapping_from_document(document: JourneyDocument) -> JourneyMapping:
    """The mapping written in the journey document itself (each touchpoint's `activities`)."""
    stages, touchpoints = journey_outline(document)
    rules = tuple(
        Rule(touchpoint.id, rule.pattern, rule.match)
        for _, touchpoint in document.touchpoints()
        for rule in touchpoint.activities
    )
    return JourneyMapping(stages=stages, touchpoints=touchpoints, rules=rules)
