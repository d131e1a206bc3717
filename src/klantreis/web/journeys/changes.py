"""Which parts of the map an operation touches, kept in a short feed on the journey for polling editors."""

from __future__ import annotations

from typing import Any

from klantreis.journey.operations import AddItem, MoveItem, Operation, RemoveItem, SetField
from klantreis.web.journeys.itemindex import places

# Part names: "all" (the whole map), "journey" (title and header), "stage:<id>" (a stage's header),
# "section:<id>" (a whole stage: header and columns), "tp:<id>" (one column) and "curve" (the
# emotion curve, drawn from every rating and moment of truth).
ALL = "all"
CURVE = "curve"
CURVE_FIELDS = {"rating", "desired_rating", "moment_of_truth"}
FEED_LENGTH = 200
# Kinds whose change reshapes the grid or relabels every column.
STRUCTURAL = {"stage", "touchpoint", "persona"}
TOUCHPOINT_CHILDREN = {"pain_points", "opportunities", "kpis"}


def locate(data: dict[str, Any], item_id: str) -> tuple[str, str]:
    """The kind of the item with this id and the touchpoint it sits in ("" when none)."""
    found = places(data).get(item_id)
    if found is None:
        return "", ""
    kind, steps = found
    if kind == "touchpoint" or kind in TOUCHPOINT_CHILDREN:
        return kind, str(_at(data, steps[:2])["id"])
    return kind, ""


def stage_of(data: dict[str, Any], touchpoint_id: str) -> str:
    """The id of the stage holding this touchpoint ("" when none does)."""
    found = places(data).get(touchpoint_id)
    if found is None or found[0] != "touchpoint":
        return ""
    return str(_at(data, found[1][:1])["id"])


def _at(data: dict[str, Any], steps: tuple[tuple[str, int], ...]) -> dict[str, Any]:
    node = data
    for key, index in steps:
        node = node[key][index]
    return node


def _improvement_parts(data: dict[str, Any], item_id: str, extra: list[Any]) -> list[str]:
    """An improvement shows in the columns of the touchpoints it names (before and after the edit)."""
    improvement: dict[str, Any] = next((i for i in data.get("improvements", []) if i["id"] == item_id), {})
    ids = [*improvement.get("touchpoints", []), *[t for t in extra if isinstance(t, str)]]
    return [f"tp:{t}" for t in dict.fromkeys(ids)]


def _parts_of_item(data: dict[str, Any], item_id: str, extra: list[Any] | None = None) -> list[str]:
    kind, touchpoint = locate(data, item_id)
    if kind in ("mirror", "evidence"):
        return []  # the employee mirror and the evidence are shown in panels, not drawn on the map
    if kind in ("", "stage", "persona"):
        return [ALL]
    if kind == "journey":
        return ["journey"]
    if kind == "improvement":
        return _improvement_parts(data, item_id, extra or [])
    return [f"tp:{touchpoint}"]


def affected_parts(data: dict[str, Any], operation: Operation) -> list[str]:
    """The parts of the map (before the change: `data`) that `operation` alters."""
    if isinstance(operation, SetField):
        curve = [CURVE] if operation.field.partition(".")[0] in CURVE_FIELDS else []
        if "/" in operation.target:
            return [f"tp:{operation.target.partition('/')[0]}", *curve]
        kind, _ = locate(data, operation.target)
        if kind == "touchpoint":
            return [f"tp:{operation.target}", *curve]
        if kind == "stage":
            return [f"stage:{operation.target}"]
        value = operation.value if isinstance(operation.value, list) else []
        return _parts_of_item(data, operation.target, value)
    if isinstance(operation, AddItem):
        if operation.kind == "touchpoint":
            return [f"section:{operation.parent}"]
        if operation.kind in STRUCTURAL:
            return [ALL]
        if operation.kind == "improvement":
            return [f"tp:{t}" for t in operation.item.get("touchpoints", []) if isinstance(t, str)]
        return _parts_of_item(data, str(operation.parent)) if operation.kind not in ("mirror", "evidence") else []
    if isinstance(operation, MoveItem):
        kind, _ = locate(data, str(operation.target))
        if kind == "touchpoint":
            return list(
                dict.fromkeys([f"section:{stage_of(data, str(operation.target))}", f"section:{operation.parent}"])
            )
        if kind in STRUCTURAL:
            return [ALL]
        return list(dict.fromkeys([*_parts_of_item(data, str(operation.target)), f"tp:{operation.parent}"]))
    if isinstance(operation, RemoveItem):
        kind, _ = locate(data, str(operation.target))
        if kind == "touchpoint":
            # Improvements that name it are shown in other columns too, with their lists changed.
            named = [i for i in data.get("improvements", []) if str(operation.target) in i.get("touchpoints", [])]
            others = [f"tp:{t}" for i in named for t in i["touchpoints"] if t != str(operation.target)]
            return list(dict.fromkeys([f"section:{stage_of(data, str(operation.target))}", *others]))
        return _parts_of_item(data, str(operation.target))
    return [ALL]


def feed_entry(revision: int, parts: list[str], user_name: str, operation: Operation | None) -> dict[str, Any]:
    """One entry of the change feed."""
    entry: dict[str, Any] = {"rev": revision, "parts": parts, "by": user_name}
    if isinstance(operation, SetField):
        entry["target"] = operation.target
        entry["field"] = operation.field
    return entry


def append_feed(feed: list[dict[str, Any]], entry: dict[str, Any]) -> list[dict[str, Any]]:
    """The feed with `entry` added, trimmed to its most recent entries."""
    return [*feed, entry][-FEED_LENGTH:]


def parts_since(feed: list[dict[str, Any]], revision: int) -> list[str] | None:
    """Every part changed after `revision`, or None when the feed no longer reaches back that far."""
    newer = [entry for entry in feed if entry["rev"] > revision]
    if not feed or feed[0]["rev"] > revision + 1:
        return None
    parts: list[str] = []
    for entry in newer:
        parts.extend(entry["parts"])
    return list(dict.fromkeys(parts))


def who_changed(feed: list[dict[str, Any]], target: str, field: str) -> str:
    """The name of the last person who set `field` of `target`, as far as the feed remembers."""
    for entry in reversed(feed):
        if entry.get("target") == target and entry.get("field") == field:
            return str(entry.get("by") or "")
    return ""
