"""Where each item of a stored document sits, found once per document instead of by a scan per lookup.

An edit looks its target up several times (the fast path, the parts it touches, the summary for
the history), each a scan over hundreds of touchpoints. Documents are never changed in place, so
one index per document object serves every lookup; a field edit that moves no item hands its
index on to the document it produces (`carry`).
"""

from __future__ import annotations

from typing import Any

from klantreis.web.journeys.memo import INDEXES

Step = tuple[str, int]  # (list key, index) from a parent to a child
Place = tuple[str, tuple[Step, ...]]  # the item's kind and the steps from the document to it
TOUCHPOINT_CHILDREN = ("pain_points", "opportunities", "kpis")
TOP_LISTS = (("personas", "persona"), ("improvements", "improvement"), ("mirror", "mirror"), ("evidence", "evidence"))


def places(data: dict[str, Any]) -> dict[str, Place]:
    """Every item id of the document and its place (the first, should an id occur twice)."""
    known = INDEXES.get(str(id(data)))
    if known is not None and known[0] is data:
        found: dict[str, Place] = known[1]
        return found
    found = _built(data)
    INDEXES.put(str(id(data)), (data, found))
    return found


def _built(data: dict[str, Any]) -> dict[str, Place]:
    found: dict[str, Place] = {}
    found.setdefault(str(data.get("id", "")), ("journey", ()))
    for s, stage in enumerate(data.get("stages", [])):
        found.setdefault(stage.get("id"), ("stage", (("stages", s),)))
        for t, touchpoint in enumerate(stage.get("touchpoints", [])):
            steps = (("stages", s), ("touchpoints", t))
            found.setdefault(touchpoint.get("id"), ("touchpoint", steps))
            for key in TOUCHPOINT_CHILDREN:
                for i, child in enumerate(touchpoint.get(key, [])):
                    found.setdefault(child.get("id"), (key, (*steps, (key, i))))
    for key, kind in TOP_LISTS:
        for i, item in enumerate(data.get(key, [])):
            found.setdefault(item.get("id"), (kind, ((key, i),)))
    return found


def carry(before: dict[str, Any], after: dict[str, Any], patch: list[list[Any]]) -> None:
    """Give `after` the index of `before` when the patch between them only sets plain values (no item moved)."""
    known = INDEXES.get(str(id(before)))
    if known is None or known[0] is not before:
        return
    if all(not isinstance(value, dict | list) and path and path[-1] != "id" for path, value in patch):
        INDEXES.put(str(id(after)), (after, known[1]))
