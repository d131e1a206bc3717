"""Closed vocabularies of the method, each with its English and Dutch label."""

from __future__ import annotations

from enum import StrEnum


class Vocabulary(StrEnum):
    """A string enum whose members carry an English and a Dutch label."""

    @classmethod
    def labels(cls) -> dict[str, dict[str, str]]:
        """Map each value to its labels per language ({"en": ..., "nl": ...})."""
        return {member.value: LABELS[cls.__name__][member.value] for member in cls}

    def label(self, lang: str = "en") -> str:
        """Return the label of this value in `lang` (en or nl)."""
        return LABELS[type(self).__name__][self.value][lang]


class Language(Vocabulary):
    NL = "nl"
    EN = "en"


class JourneyKind(Vocabulary):
    CUSTOMER = "customer"
    EMPLOYEE = "employee"


class JourneyState(Vocabulary):
    CURRENT = "current"
    DESIRED = "desired"


class JourneyStatus(Vocabulary):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    VALIDATED = "validated"
    ARCHIVED = "archived"


class PersonaKind(Vocabulary):
    CUSTOMER = "customer"
    EMPLOYEE = "employee"


class Channel(Vocabulary):
    WEBSITE = "website"
    APP = "app"
    SELF_SERVICE_PORTAL = "self_service_portal"
    EMAIL = "email"
    CHAT = "chat"
    SMS = "sms"
    MESSAGING = "messaging"
    SOCIAL_MEDIA = "social_media"
    PHONE = "phone"
    VIDEO_CALL = "video_call"
    LETTER = "letter"
    COUNTER = "counter"
    STORE = "store"
    HOME_VISIT = "home_visit"
    MEETING = "meeting"
    ADVERTISING = "advertising"
    REVIEW_SITE = "review_site"
    WORD_OF_MOUTH = "word_of_mouth"
    SEARCH_ENGINE = "search_engine"
    DOCUMENT = "document"
    CUSTOM = "custom"


class Medium(Vocabulary):
    DIGITAL = "digital"
    ANALOGUE = "analogue"


class Ownership(Vocabulary):
    OWNED = "owned"
    PARTNER = "partner"
    EXTERNAL = "external"


class Influence(Vocabulary):
    NONE = "none"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class ExperienceType(Vocabulary):
    BEHAVIOUR = "behaviour"
    INFORMATION = "information"
    RESULT = "result"


class Emotion(Vocabulary):
    STRESS = "stress"
    PLEASURE = "pleasure"
    TRUST = "trust"
    CUSTOM = "custom"


class HeuristicRole(Vocabulary):
    AT_PLAY = "at_play"
    TO_APPLY = "to_apply"


class ImprovementStatus(Vocabulary):
    IDEA = "idea"
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    MEASURED = "measured"
    DROPPED = "dropped"


class EvidenceKind(Vocabulary):
    INTERVIEW = "interview"
    SURVEY = "survey"
    PANEL = "panel"
    FEEDBACK = "feedback"
    OBSERVATION = "observation"
    EMPLOYEE = "employee"
    DATA = "data"
    DOCUMENT = "document"
    OTHER = "other"


class KpiDirection(Vocabulary):
    HIGHER_IS_BETTER = "higher_is_better"
    LOWER_IS_BETTER = "lower_is_better"


class MatchKind(Vocabulary):
    EXACT = "exact"
    GLOB = "glob"
    REGEX = "regex"


# Channels that are digital unless the author says otherwise.
DIGITAL_CHANNELS = frozenset(
    {
        Channel.WEBSITE,
        Channel.APP,
        Channel.SELF_SERVICE_PORTAL,
        Channel.EMAIL,
        Channel.CHAT,
        Channel.SMS,
        Channel.MESSAGING,
        Channel.SOCIAL_MEDIA,
        Channel.VIDEO_CALL,
        Channel.REVIEW_SITE,
        Channel.SEARCH_ENGINE,
    }
)

LABELS: dict[str, dict[str, dict[str, str]]] = {
    "Language": {"nl": {"en": "Dutch", "nl": "Nederlands"}, "en": {"en": "English", "nl": "Engels"}},
    "JourneyKind": {
        "customer": {"en": "Customer journey", "nl": "Klantreis"},
        "employee": {"en": "Employee journey", "nl": "Medewerkersreis"},
    },
    "JourneyState": {
        "current": {"en": "Current", "nl": "Huidig"},
        "desired": {"en": "Desired", "nl": "Gewenst"},
    },
    "JourneyStatus": {
        "draft": {"en": "Draft", "nl": "Concept"},
        "in_review": {"en": "In review", "nl": "In review"},
        "validated": {"en": "Validated", "nl": "Gevalideerd"},
        "archived": {"en": "Archived", "nl": "Gearchiveerd"},
    },
    "PersonaKind": {
        "customer": {"en": "Customer", "nl": "Klant"},
        "employee": {"en": "Employee", "nl": "Medewerker"},
    },
    "Channel": {
        "website": {"en": "Website", "nl": "Website"},
        "app": {"en": "App", "nl": "App"},
        "self_service_portal": {"en": "Self-service portal", "nl": "Selfserviceportaal"},
        "email": {"en": "E-mail", "nl": "E-mail"},
        "chat": {"en": "Chat", "nl": "Chat"},
        "sms": {"en": "Text message", "nl": "Sms"},
        "messaging": {"en": "Messaging app", "nl": "Berichtenapp"},
        "social_media": {"en": "Social media", "nl": "Sociale media"},
        "phone": {"en": "Phone", "nl": "Telefoon"},
        "video_call": {"en": "Video call", "nl": "Videogesprek"},
        "letter": {"en": "Letter", "nl": "Brief"},
        "counter": {"en": "Service desk", "nl": "Balie"},
        "store": {"en": "Shop or branch", "nl": "Winkel of filiaal"},
        "home_visit": {"en": "Home visit", "nl": "Huisbezoek"},
        "meeting": {"en": "Meeting in person", "nl": "Persoonlijk gesprek"},
        "advertising": {"en": "Advertising", "nl": "Reclame"},
        "review_site": {"en": "Review site", "nl": "Reviewsite"},
        "word_of_mouth": {"en": "Word of mouth", "nl": "Mond-tot-mondreclame"},
        "search_engine": {"en": "Search engine", "nl": "Zoekmachine"},
        "document": {"en": "Document or form", "nl": "Document of formulier"},
        "custom": {"en": "Other channel", "nl": "Ander kanaal"},
    },
    "Medium": {
        "digital": {"en": "Digital", "nl": "Digitaal"},
        "analogue": {"en": "Analogue", "nl": "Analoog"},
    },
    "Ownership": {
        "owned": {"en": "Own organisation", "nl": "Eigen organisatie"},
        "partner": {"en": "Partner", "nl": "Partner"},
        "external": {"en": "External", "nl": "Extern"},
    },
    "Influence": {
        "none": {"en": "No influence", "nl": "Geen invloed"},
        "low": {"en": "Little influence", "nl": "Weinig invloed"},
        "medium": {"en": "Some influence", "nl": "Enige invloed"},
        "high": {"en": "Full influence", "nl": "Volledige invloed"},
    },
    "ExperienceType": {
        "behaviour": {"en": "Behaviour", "nl": "Gedrag"},
        "information": {"en": "Information", "nl": "Informatie"},
        "result": {"en": "Result", "nl": "Resultaat"},
    },
    "Emotion": {
        "stress": {"en": "Stress", "nl": "Stress"},
        "pleasure": {"en": "Pleasure", "nl": "Plezier"},
        "trust": {"en": "Trust", "nl": "Vertrouwen"},
        "custom": {"en": "Other emotion", "nl": "Andere emotie"},
    },
    "HeuristicRole": {
        "at_play": {"en": "At play", "nl": "Speelt mee"},
        "to_apply": {"en": "To apply", "nl": "Toe te passen"},
    },
    "ImprovementStatus": {
        "idea": {"en": "Idea", "nl": "Idee"},
        "planned": {"en": "Planned", "nl": "Gepland"},
        "in_progress": {"en": "In progress", "nl": "In uitvoering"},
        "done": {"en": "Done", "nl": "Uitgevoerd"},
        "measured": {"en": "Effect measured", "nl": "Effect gemeten"},
        "dropped": {"en": "Dropped", "nl": "Vervallen"},
    },
    "EvidenceKind": {
        "interview": {"en": "Customer interview", "nl": "Klantinterview"},
        "survey": {"en": "Survey", "nl": "Enquête"},
        "panel": {"en": "Customer panel", "nl": "Klantpanel"},
        "feedback": {"en": "Feedback session", "nl": "Feedbacksessie"},
        "observation": {"en": "Observation", "nl": "Observatie"},
        "employee": {"en": "Front-line employees", "nl": "Medewerkers in het klantcontact"},
        "data": {"en": "Data analysis", "nl": "Data-analyse"},
        "document": {"en": "Document", "nl": "Document"},
        "other": {"en": "Other source", "nl": "Andere bron"},
    },
    "KpiDirection": {
        "higher_is_better": {"en": "Higher is better", "nl": "Hoger is beter"},
        "lower_is_better": {"en": "Lower is better", "nl": "Lager is beter"},
    },
    "MatchKind": {
        "exact": {"en": "Exact name", "nl": "Exacte naam"},
        "glob": {"en": "Wildcard pattern", "nl": "Jokerpatroon"},
        "regex": {"en": "Regular expression", "nl": "Reguliere expressie"},
    },
}

RATING_LABELS: dict[int, dict[str, str]] = {
    -2: {"en": "Very negative", "nl": "Zeer negatief"},
    -1: {"en": "Negative", "nl": "Negatief"},
    0: {"en": "Neutral", "nl": "Neutraal"},
    1: {"en": "Good", "nl": "Goed"},
    2: {"en": "Very good", "nl": "Zeer goed"},
}
