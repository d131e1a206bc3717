"""Mermaid `journey` diagrams: export a journey document and import any valid diagram."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from statistics import mean
from uuid import UUID, uuid5

import yaml

from klantreis.journey.base import RATING_MAX, RATING_MIN
from klantreis.journey.model import JourneyDocument, Stage
from klantreis.journey.persona import Persona
from klantreis.journey.source import Position
from klantreis.journey.touchpoint import Experience, Touchpoint
from klantreis.journey.validate import Problem, ProblemFactory
from klantreis.journey.vocabulary import Language

# Mermaid scores run 1..5; klantreis ratings run -2..+2, so the score is the rating plus 3.
SCORE_OFFSET = 3
_NAMESPACE = UUID("8f4b1c1e-2d53-4d8e-9a51-6f0f3c6a7b10")
_SEPARATORS = frozenset("#:,;")
_ENTITY = re.compile(r"#(\d+);")
_TASK = re.compile(r"^(?P<name>[^:]+?)\s*:\s*(?P<score>[^:]*?)\s*(?::\s*(?P<actors>.*))?$")
_DEFAULT_NAMES = {
    "stage": {"en": "Journey", "nl": "Reis"},
    "persona": {"en": "Customer", "nl": "Klant"},
    "title": {"en": "Journey from Mermaid", "nl": "Klantreis uit Mermaid"},
}


def to_mermaid(document: JourneyDocument) -> str:
    """Render the journey as a Mermaid `journey` diagram (scores 1..5, actors from personas)."""
    lines = ["journey", f"  title {_clean(document.title)}"]
    names = {p.id: p.name for p in document.personas}
    for stage in document.stages:
        lines.append(f"  section {_clean(stage.name)}")
        for touchpoint in stage.touchpoints:
            rated = [e for e in touchpoint.experiences if e.rating is not None]
            score = round(mean(e.rating for e in rated if e.rating is not None)) + SCORE_OFFSET if rated else 3
            actors = [names[e.persona] for e in touchpoint.experiences if e.persona in names]
            if not actors:
                actors = [names[p] for p in touchpoint.personas if p in names]
            task = f"    {_escape(touchpoint.name)}: {score}"
            if actors:
                task += ": " + ", ".join(_escape(actor) for actor in actors)
            lines.append(task)
    return "\n".join(lines) + "\n"


def _clean(text: str) -> str:
    return " ".join(text.split())


def _escape(text: str) -> str:
    """Keep text that holds Mermaid's separators readable by writing them as entities."""
    return "".join(f"#{ord(c)};" if c in _SEPARATORS else c for c in _clean(text))


def _unescape(text: str) -> str:
    return _ENTITY.sub(lambda m: chr(int(m.group(1))), text).strip()


@dataclass
class _Task:
    name: str
    score: int
    actors: list[str]


@dataclass
class _Diagram:
    title: str = ""
    description: str = ""
    sections: list[tuple[str, list[_Task]]] = field(default_factory=list)


def parse_mermaid(text: str, file: str = "<text>", lang: str = "en") -> tuple[JourneyDocument | None, list[Problem]]:
    """Read a Mermaid journey diagram into a document; problems name the line and what to write."""
    problems = ProblemFactory(file, lang)
    diagram = _Diagram()
    found: list[Problem] = []
    header_seen = False
    for number, line in _statements(text, diagram):
        if not header_seen:
            if line.split()[0] != "journey":
                found.append(problems.at(Position(number, 1), (), "mermaid_header", value=line[:40]))
                break
            header_seen = True
            continue
        problem = _read_statement(line, number, diagram, problems)
        if problem is not None:
            found.append(problem)
    if not header_seen and not found:
        found.append(problems.at(Position(1, 1), (), "mermaid_header", value=""))
    if found:
        return None, found
    return _document(diagram, lang), []


def _statements(text: str, diagram: _Diagram) -> Iterator[tuple[int, str]]:
    """Yield (line number, statement) pairs, skipping comments and reading front matter."""
    lines = text.splitlines()
    start = 0
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
        if end is not None:
            front = yaml.safe_load("\n".join(lines[1:end])) or {}
            if isinstance(front, dict) and isinstance(front.get("title"), str):
                diagram.title = front["title"]
            start = end + 1
    for index in range(start, len(lines)):
        line = lines[index].strip()
        if line and not line.startswith("%%"):
            yield index + 1, line


def _read_statement(line: str, number: int, diagram: _Diagram, problems: ProblemFactory) -> Problem | None:
    keyword, _, rest = line.partition(" ")
    if keyword == "title":
        diagram.title = rest.strip()
    elif keyword == "section":
        diagram.sections.append((_unescape(rest), []))
    elif keyword in ("accTitle:", "accDescr:") or line.startswith(("accTitle", "accDescr")):
        if line.startswith("accDescr"):
            diagram.description = line.partition(":")[2].strip()
    else:
        return _read_task(line, number, diagram, problems)
    return None


def _read_task(line: str, number: int, diagram: _Diagram, problems: ProblemFactory) -> Problem | None:
    match = _TASK.match(line)
    if match is None:
        return problems.at(Position(number, 1), (), "mermaid_line", value=line[:60])
    try:
        raw_score = float(match.group("score"))
    except ValueError:
        column = match.start("score") + 1
        return problems.at(Position(number, column), (), "mermaid_score", value=match.group("score"))
    score = min(5, max(1, round(raw_score)))
    actors = [_unescape(a) for a in (match.group("actors") or "").split(",") if a.strip()]
    if not diagram.sections:
        diagram.sections.append(("", []))
    diagram.sections[-1][1].append(_Task(_unescape(match.group("name")), score, actors))
    return None


def _stable_id(*parts: object) -> UUID:
    """Ids derived from the diagram's content, so converting the same diagram twice is identical."""
    return uuid5(_NAMESPACE, "\x1f".join(str(p) for p in parts))


def _document(diagram: _Diagram, lang: str) -> JourneyDocument:
    language = Language.NL if lang == "nl" else Language.EN
    title = diagram.title or _DEFAULT_NAMES["title"][language.value]
    personas: dict[str, Persona] = {}

    def persona(name: str) -> Persona:
        if name not in personas:
            personas[name] = Persona(id=_stable_id(title, "persona", name), name=name)
        return personas[name]

    stages = []
    for s, (section, tasks) in enumerate(diagram.sections):
        touchpoints = []
        for t, task in enumerate(tasks):
            actors = task.actors or [_DEFAULT_NAMES["persona"][language.value]]
            rating = min(RATING_MAX, max(RATING_MIN, task.score - SCORE_OFFSET))
            experiences = [Experience(persona=persona(a).id, rating=rating) for a in dict.fromkeys(actors)]
            tp_id = _stable_id(title, "touchpoint", s, t, task.name)
            touchpoints.append(Touchpoint(id=tp_id, name=task.name, experiences=experiences))
        name = section or _DEFAULT_NAMES["stage"][language.value]
        stages.append(Stage(id=_stable_id(title, "stage", s, name), name=name, touchpoints=touchpoints))
    return JourneyDocument(
        id=_stable_id(title, "journey"),
        title=title,
        language=language,
        description=diagram.description,
        personas=list(personas.values()),
        stages=stages,
    )
