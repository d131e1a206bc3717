"""Patches between two stored documents: the parts that differ, and putting them in place.

An edit is logged as the patch from the document before to the document after it, not as the
operation: replaying a patch needs no validation and no new ids, so every process that applies
it gets exactly the document the writer got. A patch is a list of [path, value] pairs; a path is
the keys and list indexes from the document down to the part replaced ([] is the whole document).
"""

from __future__ import annotations

from typing import Any

Path = list[str | int]
Patch = list[list[Any]]  # [[path, value], ...]

# A list whose items changed in more than this share is replaced whole (a reorder, say).
WHOLE_LIST_SHARE = 0.5


def diff(before: Any, after: Any) -> Patch:
    """The patch that turns `before` into `after` (parts shared by both are skipped at once)."""
    found: Patch = []
    _diff(before, after, [], found)
    return found


def _diff(before: Any, after: Any, path: Path, found: Patch) -> None:
    if before is after or _same(before, after):
        return
    if isinstance(before, dict) and isinstance(after, dict) and before.keys() == after.keys():
        for key in after:
            _diff(before[key], after[key], [*path, key], found)
        return
    same_length = isinstance(before, list) and isinstance(after, list) and len(before) == len(after)
    if same_length and _few_changed(before, after):
        for index, (old, new) in enumerate(zip(before, after, strict=True)):
            _diff(old, new, [*path, index], found)
        return
    found.append([path, after])


def _same(before: Any, after: Any) -> bool:
    """Equal, and a value of the same type (1 and 1.0 are equal in Python, not in the stored JSON).

    Equal objects and lists count as the same whatever the order of their keys (PostgreSQL's
    jsonb keeps keys in an order of its own) and the types of the numbers inside them.
    """
    return type(before) is type(after) and bool(before == after)


def _few_changed(before: list[Any], after: list[Any]) -> bool:
    """Whether few enough items differ to patch them one by one rather than the whole list."""
    changed = sum(1 for old, new in zip(before, after, strict=True) if old is not new and old != new)
    return changed <= max(1, int(len(after) * WHOLE_LIST_SHARE))


def apply_patch(data: Any, patch: Patch) -> Any:
    """`data` with every part of `patch` put in place; untouched parts are shared, `data` is not changed."""
    for path, value in patch:
        data = _put(data, path, value)
    return data


def _put(node: Any, path: Path, value: Any) -> Any:
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(node, list):
        items = list(node)
        items[int(head)] = _put(items[int(head)], rest, value)
        return items
    return {**node, str(head): _put(node[str(head)], rest, value)}
