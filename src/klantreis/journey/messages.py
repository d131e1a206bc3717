"""English and Dutch texts for validation problems: what is wrong and what would fix it."""

from __future__ import annotations

from typing import Any

# code -> language -> (what is wrong, how to fix it); placeholders filled by str.format.
MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    "file_unreadable": {
        "en": ("cannot read the file: {detail}", "check the path and that you may read the file"),
        "nl": ("kan het bestand niet lezen: {detail}", "controleer het pad en de leesrechten"),
    },
    "not_utf8": {
        "en": ("the file is not UTF-8 text ({detail})", "save the file as UTF-8"),
        "nl": ("het bestand is geen UTF-8-tekst ({detail})", "sla het bestand op als UTF-8"),
    },
    "unknown_format": {
        "en": ("unknown file type '{suffix}'", "use .yaml, .yml, .json or .mmd"),
        "nl": ("onbekend bestandstype '{suffix}'", "gebruik .yaml, .yml, .json of .mmd"),
    },
    "syntax": {
        "en": ("the file is not valid {format}: {detail}", "correct the syntax at this position"),
        "nl": ("het bestand is geen geldige {format}: {detail}", "herstel de syntaxis op deze plek"),
    },
    "not_a_mapping": {
        "en": ("a journey file must be a mapping of fields", "start with 'title: ...' and 'stages:'"),
        "nl": ("een klantreisbestand moet velden bevatten", "begin met 'title: ...' en 'stages:'"),
    },
    "missing": {
        "en": ("required field '{field}' is missing", "add '{field}: ...'"),
        "nl": ("verplicht veld '{field}' ontbreekt", "voeg '{field}: ...' toe"),
    },
    "extra_forbidden": {
        "en": ("unknown field '{field}'", "remove it or correct the spelling; allowed here: {allowed}"),
        "nl": ("onbekend veld '{field}'", "verwijder het of verbeter de spelling; hier toegestaan: {allowed}"),
    },
    "extra_forbidden_close": {
        "en": ("unknown field '{field}'", "did you mean '{suggestion}'?"),
        "nl": ("onbekend veld '{field}'", "bedoelde je '{suggestion}'?"),
    },
    "enum": {
        "en": ("'{value}' is not allowed here", "use one of: {expected}"),
        "nl": ("'{value}' is hier niet toegestaan", "gebruik een van: {expected}"),
    },
    "enum_channel": {
        "en": (
            "'{value}' is not a known channel",
            "use one of: {expected}; for another channel write channel: custom and channel_label: '{value}'",
        ),
        "nl": (
            "'{value}' is geen bekend kanaal",
            "gebruik een van: {expected}; voor een ander kanaal schrijf channel: custom en channel_label: '{value}'",
        ),
    },
    "literal_error": {
        "en": ("'{value}' is not allowed here", "use {expected}"),
        "nl": ("'{value}' is hier niet toegestaan", "gebruik {expected}"),
    },
    "too_small": {
        "en": ("{value} is below the minimum {limit}", "use a value of at least {limit}"),
        "nl": ("{value} is kleiner dan het minimum {limit}", "gebruik een waarde van minstens {limit}"),
    },
    "too_large": {
        "en": ("{value} is above the maximum {limit}", "use a value of at most {limit}"),
        "nl": ("{value} is groter dan het maximum {limit}", "gebruik een waarde van hoogstens {limit}"),
    },
    "empty_text": {
        "en": ("this text may not be empty", "write a short name"),
        "nl": ("deze tekst mag niet leeg zijn", "schrijf een korte naam"),
    },
    "too_long": {
        "en": ("this text is longer than {limit} characters", "shorten it"),
        "nl": ("deze tekst is langer dan {limit} tekens", "maak hem korter"),
    },
    "wrong_type": {
        "en": ("expected {expected}, found {value}", "write {expected} here"),
        "nl": ("verwacht: {expected}, gevonden: {value}", "schrijf hier {expected}"),
    },
    "bad_uuid": {
        "en": ("'{value}' is not a valid id (UUID)", "use the id of an item in this file, e.g. {example}"),
        "nl": (
            "'{value}' is geen geldig id (UUID)",
            "gebruik het id van een onderdeel in dit bestand, bijv. {example}",
        ),
    },
    "invalid": {
        "en": ("{detail}", "correct the value"),
        "nl": ("{detail}", "verbeter de waarde"),
    },
    "unknown_persona": {
        "en": ("no persona with id {value} in this journey", "use an id from 'personas' or add that persona"),
        "nl": (
            "geen persona met id {value} in deze klantreis",
            "gebruik een id uit 'personas' of voeg die persona toe",
        ),
    },
    "unknown_touchpoint": {
        "en": ("no touchpoint with id {value} in this journey", "use the id of a touchpoint in 'stages'"),
        "nl": (
            "geen contactmoment met id {value} in deze klantreis",
            "gebruik het id van een contactmoment in 'stages'",
        ),
    },
    "unknown_pain_point": {
        "en": ("no pain point with id {value} in this journey", "use the id of a pain point of a touchpoint"),
        "nl": (
            "geen knelpunt met id {value} in deze klantreis",
            "gebruik het id van een knelpunt van een contactmoment",
        ),
    },
    "unknown_supported": {
        "en": (
            "no stage, touchpoint, persona, pain point, opportunity or improvement with id {value}",
            "use the id of the item this evidence backs",
        ),
        "nl": (
            "geen fase, contactmoment, persona, knelpunt, kans of verbetering met id {value}",
            "gebruik het id van het onderdeel dat dit bewijs onderbouwt",
        ),
    },
    "unknown_kpi": {
        "en": ("no KPI with id {value} in this journey", "use the id of a KPI of a touchpoint"),
        "nl": ("geen KPI met id {value} in deze klantreis", "gebruik het id van een KPI van een contactmoment"),
    },
    "unknown_heuristic": {
        "en": ("'{value}' is not in the heuristics library", "use a library id, e.g. {example}"),
        "nl": (
            "'{value}' staat niet in de bibliotheek met breingeheimen",
            "gebruik een id uit de bibliotheek, bijv. {example}",
        ),
    },
    "duplicate_id": {
        "en": ("id {value} is used more than once (first at {first})", "give this item a new id or remove the id line"),
        "nl": (
            "id {value} komt meer dan eens voor (eerst bij {first})",
            "geef dit onderdeel een nieuw id of verwijder de id-regel",
        ),
    },
    "duplicate_experience": {
        "en": ("a second experience for the same persona on this touchpoint", "merge it with the first one"),
        "nl": ("een tweede ervaring voor dezelfde persona bij dit contactmoment", "voeg hem samen met de eerste"),
    },
    "persona_not_on_touchpoint": {
        "en": (
            "the persona of this experience does not pass this touchpoint",
            "add the persona to the touchpoint's 'personas' or leave that list empty",
        ),
        "nl": (
            "de persona van deze ervaring komt niet langs dit contactmoment",
            "voeg de persona toe aan 'personas' van het contactmoment of laat die lijst leeg",
        ),
    },
    "bad_regex": {
        "en": ("'{value}' is not a valid regular expression: {detail}", "correct the expression or use match: glob"),
        "nl": (
            "'{value}' is geen geldige reguliere expressie: {detail}",
            "verbeter de expressie of gebruik match: glob",
        ),
    },
    "redesigns_self": {
        "en": ("a journey cannot redesign itself", "use the id of the current journey this one redesigns"),
        "nl": (
            "een klantreis kan zichzelf niet herontwerpen",
            "gebruik het id van de huidige klantreis die deze herontwerpt",
        ),
    },
    "redesigns_needs_desired": {
        "en": ("only a desired journey redesigns another one", "set state: desired or remove 'redesigns'"),
        "nl": ("alleen een gewenste klantreis herontwerpt een andere", "zet state: desired of verwijder 'redesigns'"),
    },
    "mermaid_header": {
        "en": (
            "a Mermaid journey diagram must start with 'journey' (found '{value}')",
            "write 'journey' on the first line",
        ),
        "nl": (
            "een Mermaid-journeydiagram moet beginnen met 'journey' (gevonden: '{value}')",
            "zet 'journey' op de eerste regel",
        ),
    },
    "mermaid_line": {
        "en": (
            "'{value}' is not a Mermaid journey statement",
            "write 'title TEXT', 'section NAME' or 'Task name: score: actor, actor'",
        ),
        "nl": (
            "'{value}' is geen Mermaid-journeyregel",
            "schrijf 'title TEKST', 'section NAAM' of 'Taak: score: actor, actor'",
        ),
    },
    "mermaid_score": {
        "en": ("score '{value}' is not a number", "give a score from 1 (very negative) to 5 (very good)"),
        "nl": ("score '{value}' is geen getal", "geef een score van 1 (zeer negatief) tot 5 (zeer goed)"),
    },
}

TYPE_NAMES: dict[str, dict[str, str]] = {
    "text": {"en": "text", "nl": "tekst"},
    "whole number": {"en": "a whole number", "nl": "een geheel getal"},
    "number": {"en": "a number", "nl": "een getal"},
    "list": {"en": "a list", "nl": "een lijst"},
    "mapping": {"en": "a mapping of fields", "nl": "een verzameling velden"},
    "true or false": {"en": "true or false", "nl": "true of false"},
    "date": {"en": "a date (YYYY-MM-DD)", "nl": "een datum (JJJJ-MM-DD)"},
}


def render_message(code: str, lang: str, params: dict[str, Any]) -> tuple[str, str]:
    """Return (problem, fix) for message `code` in `lang`, falling back to English."""
    texts = MESSAGES[code].get(lang) or MESSAGES[code]["en"]
    safe = _DefaultDict(params)
    return texts[0].format_map(safe), texts[1].format_map(safe)


class _DefaultDict(dict[str, Any]):
    """Leave unknown placeholders visible rather than failing on them."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
