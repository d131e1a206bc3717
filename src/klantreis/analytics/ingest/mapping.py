"""Which columns (or XES attribute keys) hold the case, activity, timestamp, lifecycle, resource and channel."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from klantreis.analytics.ingest.errors import fail
from klantreis.analytics.ingest.ordering import ORDERING

# role -> the column it becomes in the normalised table
TARGETS = {
    "case": "case_id",
    "activity": "activity",
    "timestamp": "timestamp",
    "lifecycle": "lifecycle",
    "resource": "resource",
    "channel": "channel",
}
# Names the normalised table reserves (the roles, the position and the ordering columns the import
# derives, see ordering.ORDERING); a source column of that name that is not the role's source is renamed.
RESERVED = (*TARGETS.values(), "position", *ORDERING)
RENAMED_PREFIX = "attribute:"

# Column names people and tools (pm4py, Disco, ProM, Celonis exports, bupaR) use, best first; compared
# without case, spaces, underscores and hyphens.
TABLE_CANDIDATES: dict[str, tuple[str, ...]] = {
    "case": ("case:concept:name", "case_id", "caseid", "case", "case:id", "case_key", "trace_id", "traceid"),
    "activity": ("concept:name", "activity", "activity_name", "activity_id", "event_name", "task", "action"),
    "timestamp": (
        "time:timestamp",
        "timestamp",
        "complete_timestamp",
        "end_timestamp",
        "event_time",
        "datetime",
        "time",
        "date",
        "start_timestamp",
    ),
    "lifecycle": ("lifecycle:transition", "lifecycle", "lifecycle_transition", "transition"),
    "resource": ("org:resource", "resource"),
    "channel": ("channel",),
}
# XES: pm4py's column names after the trace attributes got their case: prefix.
XES_DEFAULTS: dict[str, tuple[str, ...]] = {
    "case": ("case:concept:name",),
    "activity": ("concept:name",),
    "timestamp": ("time:timestamp",),
    "lifecycle": ("lifecycle:transition",),
    "resource": ("org:resource",),
    "channel": ("channel",),
}
FLAGS = {role: f"--{role}" for role in TARGETS}


@dataclass(frozen=True)
class ColumnMapping:
    """How to read an event log; every field is optional and auto-detected when left out.

    case/activity/timestamp/lifecycle/resource/channel name columns (CSV, Parquet, Excel) or attribute
    keys (XES: trace attributes for the case, with or without their `case:` prefix); `separator`,
    `encoding` and `timestamp_format` (strftime directives, e.g. "%d-%m-%Y %H:%M:%S") are for CSV,
    `sheet` for Excel.
    """

    case: str | None = None
    activity: str | None = None
    timestamp: str | None = None
    lifecycle: str | None = None
    resource: str | None = None
    channel: str | None = None
    separator: str | None = None
    encoding: str | None = None
    timestamp_format: str | None = None
    sheet: str | None = None

    def role(self, role: str) -> str | None:
        """The column the user named for a role, if any."""
        value: str | None = getattr(self, role)
        return value

    def fingerprint(self) -> str:
        """A stable text form for cache keys."""
        return json.dumps(asdict(self), sort_keys=True)


def _simple(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch not in " _-")


def resolve_roles(
    names: Sequence[str],
    mapping: ColumnMapping,
    source: str,
    *,
    candidates: dict[str, tuple[str, ...]] = TABLE_CANDIDATES,
    required: Sequence[str] = ("case", "activity", "timestamp"),
) -> dict[str, str]:
    """Role -> source column: the user's choice (which must exist), else the best known name present."""
    present = set(names)
    by_simple: dict[str, str] = {}
    for name in names:
        by_simple.setdefault(_simple(name), name)
    chosen: dict[str, str] = {}
    for role in TARGETS:
        wanted = mapping.role(role)
        if wanted is not None:
            if wanted not in present:
                raise fail(
                    source,
                    f"there is no column {wanted!r} for {FLAGS[role]}",
                    fix=f"{listing(names)}; pass {FLAGS[role]} with one of them",
                )
            chosen[role] = wanted
            continue
        for candidate in candidates[role]:
            found = candidate if candidate in present else by_simple.get(_simple(candidate))
            if found is not None and found not in chosen.values():
                chosen[role] = found
                break
    missing = [role for role in required if role not in chosen]
    if missing:
        raise fail(
            source,
            f"cannot tell which column holds the {' and the '.join(missing)}",
            fix=f"{listing(names)}; pass {' '.join(FLAGS[r] + ' NAME' for r in missing)}",
        )
    return chosen


def xes_role_names(role: str, mapping: ColumnMapping) -> tuple[str, ...]:
    """The columns (after case: prefixing of trace attributes) that may hold a role in an XES log, best first."""
    wanted = mapping.role(role)
    if wanted is None:
        return XES_DEFAULTS[role]
    # The case lives in a trace attribute (column case:<key>); the other roles in event attributes.
    prefixed = wanted if wanted.startswith("case:") else f"case:{wanted}"
    return (prefixed, wanted) if role == "case" else (wanted, prefixed)


def listing(names: Sequence[str], what: str = "columns") -> str:
    """'the columns are 'a', 'b', ...' for error messages."""
    shown = ", ".join(repr(name) for name in names[:40]) + (", ..." if len(names) > 40 else "")
    return f"the {what} are {shown or '(none)'}"


def target_names(roles: dict[str, str], names: Sequence[str]) -> dict[str, str]:
    """Source column -> normalised name: roles renamed, columns that clash with a reserved name moved aside."""
    renames = {source: TARGETS[role] for role, source in roles.items()}
    for name in names:
        if name not in renames and name in RESERVED:
            renames[name] = RENAMED_PREFIX + name
    return renames
