"""The title block and the persona cards of a map."""

from __future__ import annotations

import re

from klantreis.journey.persona import Persona
from klantreis.render.colours import persona_colour
from klantreis.render.view import Header, PersonaCard, Scope

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_DATA_IMAGE = re.compile(r"^data:image/(png|jpe?g|gif|webp|svg\+xml)[;,]", re.IGNORECASE)


def header(scope: Scope) -> Header:
    """The title, kind/state/status badges, owner, scope, team and goals of the journey."""
    doc, lang = scope.document, scope.lang
    facts = []
    if doc.owner.strip():
        facts.append((scope.t("owner"), doc.owner))
    if doc.scope.strip():
        facts.append((scope.t("scope"), doc.scope))
    if doc.team:
        facts.append((scope.t("team"), ", ".join(doc.team)))
    filtered = ""
    if scope.persona is not None:
        filtered = f"{scope.t('filtered_persona')} {scope.names[scope.persona]}"
    return Header(
        title=doc.title,
        description=doc.description,
        badges=(doc.kind.label(lang), doc.state.label(lang), doc.status.label(lang)),
        facts=tuple(facts),
        goals=tuple(doc.goals),
        filtered=filtered,
    )


def persona_cards(scope: Scope) -> tuple[PersonaCard, ...]:
    """A card per persona, or only the filtered persona's card."""
    personas = scope.document.personas
    if scope.persona is not None:
        personas = [p for p in personas if p.id == scope.persona]
    return tuple(_card(scope, p) for p in personas)


def initials(name: str) -> str:
    """Up to two initials of a name, for the avatar of a persona without a photo."""
    words = [w for w in re.split(r"[\s\-]+", name) if w and w[0].isalnum()]
    if not words:
        return "?"
    letters = words[0][0] + (words[-1][0] if len(words) > 1 else "")
    return letters.upper()


def safe_photo(photo: str, policy: str) -> str:
    """The photo when the policy allows it: embedded images always, URLs and paths only online."""
    photo = photo.strip()
    if _DATA_IMAGE.match(photo):
        return photo
    if policy != "any" or not photo or photo.startswith("//"):
        return ""
    if _SCHEME.match(photo):
        return photo if photo.lower().startswith(("http://", "https://")) else ""
    return photo


def _card(scope: Scope, persona: Persona) -> PersonaCard:
    facts = []
    if persona.age is not None:
        facts.append((scope.t("age"), str(persona.age)))
    if persona.occupation.strip():
        facts.append((scope.t("occupation"), persona.occupation))
    lists = (
        ("goals", persona.goals),
        ("needs", persona.needs),
        ("motives", persona.motives),
        ("values", persona.values),
        ("frustrations", persona.frustrations),
    )
    return PersonaCard(
        name=persona.name,
        kind=persona.kind.label(scope.lang),
        initials=initials(persona.name),
        colour=persona_colour(scope.document, persona.id),
        photo=safe_photo(persona.photo, scope.photos),
        quote=persona.quote,
        segment=persona.segment,
        description=persona.description,
        facts=tuple(facts),
        lists=tuple((scope.t(key), tuple(items)) for key, items in lists if items),
        channels=tuple((c, c.label(scope.lang)) for c in persona.preferred_channels),
    )
