"""Every label of the analysis report and the terminal summary, in English and Dutch (the method's terms)."""

from __future__ import annotations

LANGUAGES = ("en", "nl")

TEXTS: dict[str, dict[str, str]] = {
    "title": {"en": "Event-log analysis", "nl": "Analyse van het eventlog"},
    "journey_title": {"en": "Data-driven journey", "nl": "Datagedreven klantreis"},
    "generated": {"en": "Made with klantreis", "nl": "Gemaakt met klantreis"},
    "log": {"en": "Event log", "nl": "Eventlog"},
    "filters": {"en": "Filters", "nl": "Filters"},
    "contents": {"en": "Contents", "nl": "Inhoud"},
    # Overview.
    "overview": {"en": "Overview", "nl": "Overzicht"},
    "cases": {"en": "Cases", "nl": "Zaken"},
    "events": {"en": "Events", "nl": "Gebeurtenissen"},
    "activities": {"en": "Activities", "nl": "Activiteiten"},
    "variants": {"en": "Variants", "nl": "Varianten"},
    "period": {"en": "Period", "nl": "Periode"},
    "first_event": {"en": "First event", "nl": "Eerste gebeurtenis"},
    "last_event": {"en": "Last event", "nl": "Laatste gebeurtenis"},
    "start_activities": {"en": "Start activities", "nl": "Startactiviteiten"},
    "end_activities": {"en": "End activities", "nl": "Eindactiviteiten"},
    # Process map.
    "process_map": {"en": "Process map", "nl": "Proceskaart"},
    "process_map_intro": {
        "en": "Activities (boxes, with their events) and how often one directly follows another (arrows, with "
        "count and median time). Thicker arrows are more frequent. Shown: {nodes} of {all_nodes} activities, "
        "{edges} of {all_edges} transitions.",
        "nl": "Activiteiten (blokken, met hun aantal gebeurtenissen) en hoe vaak de ene direct op de andere volgt "
        "(pijlen, met aantal en mediane tijd). Dikkere pijlen komen vaker voor. Getoond: {nodes} van {all_nodes} "
        "activiteiten, {edges} van {all_edges} overgangen.",
    },
    "start": {"en": "start", "nl": "start"},
    "end": {"en": "end", "nl": "einde"},
    # Durations.
    "durations": {"en": "Throughput times", "nl": "Doorlooptijden"},
    "case_duration": {"en": "Case duration", "nl": "Doorlooptijd per zaak"},
    "case_duration_intro": {
        "en": "Time from the first to the last event of each case: how many cases took how long.",
        "nl": "Tijd van de eerste tot de laatste gebeurtenis van elke zaak: hoeveel zaken hoe lang duurden.",
    },
    "mean": {"en": "Mean", "nl": "Gemiddeld"},
    "median": {"en": "Median", "nl": "Mediaan"},
    "p10": {"en": "10th percentile", "nl": "10e percentiel"},
    "p90": {"en": "90th percentile", "nl": "90e percentiel"},
    "min": {"en": "Shortest", "nl": "Kortste"},
    "max": {"en": "Longest", "nl": "Langste"},
    "duration": {"en": "Duration", "nl": "Duur"},
    # Funnel.
    "funnel": {"en": "Funnel", "nl": "Trechter"},
    "funnel_intro": {
        "en": "Cases that reach each step in order ({mode}{window}).",
        "nl": "Zaken die elke stap op volgorde bereiken ({mode}{window}).",
    },
    "mode_eventual": {
        "en": "eventually, other activities may come between",
        "nl": "uiteindelijk, met andere activiteiten ertussen",
    },
    "mode_strict": {"en": "directly after each other", "nl": "direct na elkaar"},
    "window": {"en": ", within {window} of the first step", "nl": ", binnen {window} na de eerste stap"},
    "step": {"en": "Step", "nl": "Stap"},
    "entered": {"en": "Reached", "nl": "Bereikt"},
    "conversion": {"en": "From previous", "nl": "Van vorige"},
    "overall": {"en": "From first", "nl": "Van eerste"},
    "drop_off": {"en": "Drop-off", "nl": "Uitval"},
    "time_to_convert": {"en": "Median time from previous", "nl": "Mediane tijd vanaf vorige"},
    # Variants and activities.
    "top_variants": {"en": "Most frequent variants", "nl": "Meest voorkomende varianten"},
    "variants_intro": {
        "en": "The {shown} most frequent of {total} variants (distinct activity sequences) cover {share} of cases.",
        "nl": "De {shown} meest voorkomende van {total} varianten (verschillende volgordes van activiteiten) "
        "beslaan {share} van de zaken.",
    },
    "sequence": {"en": "Sequence", "nl": "Volgorde"},
    "share": {"en": "Share", "nl": "Aandeel"},
    "median_duration": {"en": "Median duration", "nl": "Mediane duur"},
    "activity": {"en": "Activity", "nl": "Activiteit"},
    "activity_table": {"en": "Activities", "nl": "Activiteiten"},
    "case_share": {"en": "Share of cases", "nl": "Aandeel zaken"},
    "rework": {"en": "Cases with repeats", "nl": "Zaken met herhaling"},
    "to_next": {"en": "Median time to next", "nl": "Mediane tijd tot volgende"},
    "transitions": {"en": "Most frequent transitions", "nl": "Meest voorkomende overgangen"},
    "from": {"en": "From", "nl": "Van"},
    "to": {"en": "To", "nl": "Naar"},
    "count": {"en": "Count", "nl": "Aantal"},
    # Journey.
    "journey": {"en": "Journey", "nl": "Klantreis"},
    "journey_intro": {
        "en": "The drawn journey with the event data on it: per touchpoint the customers (cases) reached, "
        "drop-off (share whose last mapped event is there) and the throughput time from the start of the case.",
        "nl": "De getekende klantreis met de eventdata erop: per contactmoment de bereikte klanten (zaken), de "
        "uitval (aandeel van wie de laatste gekoppelde gebeurtenis daar ligt) en de doorlooptijd vanaf de start "
        "van de zaak.",
    },
    "journey_map": {"en": "Journey map", "nl": "Klantreiskaart"},
    "stage": {"en": "Stage", "nl": "Fase"},
    "stages": {"en": "Stages", "nl": "Fasen"},
    "touchpoint": {"en": "Touchpoint", "nl": "Contactmoment"},
    "touchpoints": {"en": "Touchpoints", "nl": "Contactmomenten"},
    "customers": {"en": "Customers reached", "nl": "Klanten bereikt"},
    "dropoff": {"en": "Drop-off", "nl": "Uitval"},
    "time_median": {"en": "Time to reach (median)", "nl": "Doorlooptijd (mediaan)"},
    "time_p90": {"en": "Time to reach (p90)", "nl": "Doorlooptijd (p90)"},
    "no_rules": {"en": "no activity rules", "nl": "geen activiteitregels"},
    "no_events": {"en": "no events", "nl": "geen gebeurtenissen"},
    "conformance": {"en": "Does the data follow the drawn journey?", "nl": "Volgt de data de getekende klantreis?"},
    "fitting": {"en": "Cases following the drawn order", "nl": "Zaken die de getekende volgorde volgen"},
    "mapped_cases": {"en": "Cases reaching a touchpoint", "nl": "Zaken die een contactmoment bereiken"},
    "skipped": {"en": "Skipped touchpoints", "nl": "Overgeslagen contactmomenten"},
    "skipped_by": {"en": "Skipped by", "nl": "Overgeslagen door"},
    "of_later": {"en": "of cases reaching a later touchpoint", "nl": "van zaken die een later contactmoment bereiken"},
    "order_violations": {"en": "Out of the drawn order", "nl": "Buiten de getekende volgorde"},
    "drawn_first": {"en": "Drawn first", "nl": "Eerst getekend"},
    "reached_first": {"en": "Reached first", "nl": "Eerst bereikt"},
    "both": {"en": "Cases reaching both", "nl": "Zaken die beide bereiken"},
    "unmapped": {"en": "Activities not on the map", "nl": "Activiteiten die niet op de kaart staan"},
    "silent": {"en": "Touchpoints without data", "nl": "Contactmomenten zonder data"},
    "reason": {"en": "Why", "nl": "Waarom"},
    "findings": {"en": "Findings", "nl": "Bevindingen"},
    "severity_high": {"en": "high", "nl": "hoog"},
    "severity_medium": {"en": "medium", "nl": "midden"},
    "severity_low": {"en": "low", "nl": "laag"},
    "none": {"en": "None.", "nl": "Geen."},
    # Short column headers for the terminal.
    "short_share": {"en": "Share", "nl": "Aandeel"},
    "short_rework": {"en": "Rework", "nl": "Herhaald"},
    "short_to_next": {"en": "To next", "nl": "Tot volgende"},
    "short_reached": {"en": "Reached", "nl": "Bereikt"},
    "short_median": {"en": "Median", "nl": "Mediaan"},
    "short_p90": {"en": "p90", "nl": "p90"},
    "short_events": {"en": "Events", "nl": "Events"},
    "time_note": {
        "en": "Median and p90: time from the start of the case to reaching the touchpoint.",
        "nl": "Mediaan en p90: tijd van de start van de zaak tot het bereiken van het contactmoment.",
    },
}


def t(key: str, lang: str, **params: object) -> str:
    """The label `key` in `lang` (English when unknown), with {placeholders} filled in."""
    texts = TEXTS[key]
    text = texts.get(lang) or texts["en"]
    return text.format(**params) if params else text
