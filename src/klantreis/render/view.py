"""The map as plain view data, shared by the HTML and the SVG renderer so both show the same map."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from uuid import UUID

from klantreis.journey.model import JourneyDocument, Stage
from klantreis.journey.touchpoint import Experience, Touchpoint
from klantreis.journey.vocabulary import Channel
from klantreis.render.data import TouchpointData
from klantreis.render.texts import check_language, t


@dataclass(frozen=True)
class Entry:
    """One item in a lane cell: a text with optional label, note, badge, persona, tone and symbol."""

    text: str
    label: str = ""
    note: str = ""
    badge: str = ""
    who: str = ""
    who_colour: str = ""
    tone: str = ""
    symbol: str = ""
    meter: int = 0
    compact: bool = False


Cell = tuple[Entry, ...]


@dataclass(frozen=True)
class Lane:
    """A row of the map: `kind` is entries, curve (the emotion curve) or visibility (the line)."""

    key: str
    label: str
    cells: tuple[Cell, ...] = ()
    kind: str = "entries"
    group: str = "customer"

    @property
    def empty(self) -> bool:
        """True when no cell holds anything."""
        return not any(self.cells)


@dataclass(frozen=True)
class Column:
    """One touchpoint column (or the empty column of a stage without touchpoints)."""

    stage: Stage
    touchpoint: Touchpoint | None
    channel: Channel = Channel.CUSTOM
    channel_label: str = ""
    badges: tuple[str, ...] = ()
    only_for: str = ""
    moment_of_truth: bool = False


@dataclass(frozen=True)
class StageSpan:
    """A stage heading spanning the columns of its touchpoints."""

    name: str
    description: str
    start: int
    span: int


@dataclass(frozen=True)
class Header:
    """Title block of the map."""

    title: str
    description: str
    badges: tuple[str, ...]
    facts: tuple[tuple[str, str], ...]
    goals: tuple[str, ...]
    filtered: str


@dataclass(frozen=True)
class PersonaCard:
    """What a persona card shows."""

    name: str
    kind: str
    initials: str
    colour: str
    photo: str
    quote: str
    segment: str
    description: str
    facts: tuple[tuple[str, str], ...]
    lists: tuple[tuple[str, tuple[str, ...]], ...]
    channels: tuple[tuple[Channel, str], ...]


@dataclass(frozen=True)
class TableCell:
    """A table cell with an optional tone."""

    text: str
    tone: str = ""


@dataclass(frozen=True)
class Table:
    """A titled table below the map, with notes (sentences) after it."""

    key: str
    title: str
    intro: str
    headers: tuple[str, ...]
    rows: tuple[tuple[TableCell, ...], ...]
    numeric: frozenset[int] = frozenset()
    notes_title: str = ""
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class CurveLegend:
    """Legend of the emotion curve: a colour per line plus the line and star styles."""

    lines: tuple[tuple[str, str], ...]
    styles: tuple[str, ...]


@dataclass
class Scope:
    """What is being rendered: document, language, persona filter and data overlay."""

    document: JourneyDocument
    lang: str
    persona: UUID | None = None
    data: Mapping[UUID, TouchpointData] | None = None
    photos: str = "data"  # "data": only embedded data URIs; "any": also URLs and relative paths
    names: dict[UUID, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        check_language(self.lang)
        if self.persona is not None and self.document.persona(self.persona) is None:
            raise ValueError(f"the journey has no persona with id {self.persona}")
        self.names = {p.id: p.name for p in self.document.personas}

    @cached_property
    def show_who(self) -> bool:
        """Name the persona on each experience only when several personas are shown."""
        return self.persona is None and len(self.document.personas) > 1

    def t(self, key: str) -> str:
        """A label in the map's language."""
        return t(key, self.lang)

    def experiences(self, touchpoint: Touchpoint) -> list[Experience]:
        """The experiences to show at `touchpoint`: all, or the filtered persona's."""
        if self.persona is None:
            return list(touchpoint.experiences)
        return [e for e in touchpoint.experiences if e.persona == self.persona]

    def who(self, persona: UUID) -> str:
        """The persona's name when experiences of several personas are shown, else empty."""
        return self.names.get(persona, "") if self.show_who else ""


@dataclass(frozen=True)
class MapView:
    """Everything a renderer needs to draw one map."""

    lang: str
    header: Header
    personas: tuple[PersonaCard, ...]
    stages: tuple[StageSpan, ...]
    columns: tuple[Column, ...]
    lanes: tuple[Lane, ...]
    legend: CurveLegend
    tables: tuple[Table, ...]
    texts: Mapping[str, str]


def map_columns(document: JourneyDocument) -> list[tuple[Stage, Touchpoint | None]]:
    """The map's columns: one per touchpoint, and one empty column for a stage without any."""
    columns: list[tuple[Stage, Touchpoint | None]] = []
    for stage in document.stages:
        if stage.touchpoints:
            columns.extend((stage, touchpoint) for touchpoint in stage.touchpoints)
        else:
            columns.append((stage, None))
    return columns
