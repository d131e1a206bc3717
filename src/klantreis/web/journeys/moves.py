"""Moves between two versions of a journey: stages reordered, touchpoints moved within or across stages.

`klantreis.journey.diff` reports what was added, removed or changed; the order of stages and
touchpoints is not a field, so a drag and drop would read as "no differences". Only the items
that really moved are named: the others keep their order (the longest run that kept its order).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Move:
    """An item that moved: to another parent (stage) or to another place among its siblings."""

    kind: str  # stage | touchpoint
    name: str
    before: str  # the old stage's name, or the old position (1-based) as text
    after: str
    across: bool  # True: moved to another stage


def _kept_in_order(sequence: list[int]) -> set[int]:
    """Indexes (into `sequence`) of a longest strictly increasing subsequence."""
    tails: list[int] = []
    tail_index: list[int] = []
    previous = [-1] * len(sequence)
    for i, value in enumerate(sequence):
        at = bisect_left(tails, value)
        if at == len(tails):
            tails.append(value)
            tail_index.append(i)
        else:
            tails[at] = value
            tail_index[at] = i
        previous[i] = tail_index[at - 1] if at else -1
    kept: set[int] = set()
    i = tail_index[-1] if tail_index else -1
    while i >= 0:
        kept.add(i)
        i = previous[i]
    return kept


def _reordered(old: list[str], new: list[str]) -> list[tuple[str, int, int]]:
    """Ids present in both lists whose place changed beyond the others': (id, old position, new position)."""
    common = [item for item in new if item in set(old)]
    old_positions = {item: i for i, item in enumerate(item for item in old if item in set(new))}
    kept = _kept_in_order([old_positions[item] for item in common])
    return [(item, old_positions[item] + 1, i + 1) for i, item in enumerate(common) if i not in kept]


def moves(before: dict[str, Any], after: dict[str, Any]) -> list[Move]:
    """Every stage and touchpoint that moved from `before` to `after`, in the order of `after`."""
    found: list[Move] = []
    old_stages = [s["id"] for s in before.get("stages", [])]
    new_stages = [s["id"] for s in after.get("stages", [])]
    names = {s["id"]: s["name"] for s in [*before.get("stages", []), *after.get("stages", [])]}
    found.extend(Move("stage", names[i], str(a), str(b), False) for i, a, b in _reordered(old_stages, new_stages))
    old_parent = {t["id"]: s["id"] for s in before.get("stages", []) for t in s.get("touchpoints", [])}
    old_order = {s["id"]: [t["id"] for t in s.get("touchpoints", [])] for s in before.get("stages", [])}
    for stage in after.get("stages", []):
        touchpoints = stage.get("touchpoints", [])
        tp_names = {t["id"]: t["name"] for t in touchpoints}
        stayed = [t["id"] for t in touchpoints if old_parent.get(t["id"]) == stage["id"]]
        for touchpoint in touchpoints:
            parent = old_parent.get(touchpoint["id"])
            if parent is not None and parent != stage["id"]:
                found.append(Move("touchpoint", touchpoint["name"], names[parent], stage["name"], True))
        for item, a, b in _reordered(old_order.get(stage["id"], []), stayed):
            found.append(Move("touchpoint", tp_names[item], str(a), str(b), False))
    return found
