"""Every visible label of a rendered map in English and Dutch (Dutch in the method's own terms)."""

from __future__ import annotations

LANGUAGES = ("en", "nl")

TEXTS: dict[str, dict[str, str]] = {
    # Lanes, in map order.
    "stage": {"en": "Stage", "nl": "Fase"},
    "touchpoints": {"en": "Touchpoints", "nl": "Contactmomenten"},
    "touchpoint": {"en": "Touchpoint", "nl": "Contactmoment"},
    "customer_action": {"en": "Customer action", "nl": "Klantactie"},
    "expectations": {"en": "Expectations", "nl": "Verwachtingen"},
    "irritations": {"en": "Irritations", "nl": "Irritaties"},
    "positives": {"en": "Positives", "nl": "Positieve punten"},
    "quotes": {"en": "Quotes", "nl": "Citaten"},
    "emotion_curve": {"en": "Emotion curve", "nl": "Emotiecurve"},
    "emotions": {"en": "Emotions", "nl": "Emoties"},
    "pain_points": {"en": "Pain points", "nl": "Knelpunten"},
    "moments_of_truth": {"en": "Moments of truth", "nl": "Moments of truth"},
    "fogg": {"en": "Fogg: motivation, ability, trigger", "nl": "Fogg: motivatie, gelegenheid, trigger"},
    "heuristics": {"en": "Heuristics", "nl": "Breingeheimen (heuristieken)"},
    "data": {"en": "Data", "nl": "Data"},
    "kpis": {"en": "KPIs", "nl": "KPI's"},
    "improvements": {"en": "Improvements", "nl": "Verbeteringen"},
    "opportunity": {"en": "Opportunity", "nl": "Kans"},
    "frontstage": {"en": "Frontstage", "nl": "Voor de schermen"},
    "line_of_visibility": {"en": "Line of visibility", "nl": "Lijn van zichtbaarheid"},
    "backstage": {"en": "Backstage", "nl": "Achter de schermen"},
    "backstage_work": {"en": "What happens backstage", "nl": "Wat er achter de schermen gebeurt"},
    "processes": {"en": "Processes", "nl": "Processen"},
    "systems": {"en": "Systems", "nl": "Systemen"},
    "departments": {"en": "Departments", "nl": "Afdelingen"},
    "owner": {"en": "Owner", "nl": "Eigenaar"},
    # Header and persona cards.
    "scope": {"en": "Scope", "nl": "Afbakening"},
    "team": {"en": "Team", "nl": "Team"},
    "journey_goals": {"en": "Goals of this journey", "nl": "Doelen van deze reis"},
    "personas": {"en": "Personas", "nl": "Persona's"},
    "persona": {"en": "Persona", "nl": "Persona"},
    "segment": {"en": "Segment", "nl": "Segment"},
    "age": {"en": "Age", "nl": "Leeftijd"},
    "occupation": {"en": "Occupation", "nl": "Beroep"},
    "goals": {"en": "Goals", "nl": "Doelen"},
    "needs": {"en": "Needs", "nl": "Behoeften"},
    "motives": {"en": "Motives", "nl": "Drijfveren"},
    "values": {"en": "Values", "nl": "Waarden"},
    "frustrations": {"en": "Frustrations", "nl": "Frustraties"},
    "preferred_channels": {"en": "Preferred channels", "nl": "Voorkeurskanalen"},
    "filtered_persona": {"en": "Experiences of", "nl": "Beleving van"},
    # Touchpoints and experiences.
    "channel": {"en": "Channel", "nl": "Kanaal"},
    "influence": {"en": "Influence", "nl": "Invloed"},
    "only_for": {"en": "Only for", "nl": "Alleen voor"},
    "between": {"en": "In between", "nl": "Tussendoor"},
    "rating": {"en": "Rating", "nl": "Beoordeling"},
    "current": {"en": "Current", "nl": "Huidig"},
    "desired": {"en": "Desired", "nl": "Gewenst"},
    "average": {"en": "Average", "nl": "Gemiddelde"},
    "experience_type": {"en": "Experience", "nl": "Beleving"},
    "intensity": {"en": "intensity", "nl": "intensiteit"},
    "severity": {"en": "severity", "nl": "ernst"},
    "marked": {"en": "Marked", "nl": "Gemarkeerd"},
    "suggested": {"en": "Suggested", "nl": "Voorgesteld"},
    "moment_marked": {"en": "moment of truth", "nl": "moment of truth"},
    "moment_suggested": {"en": "suggested moment of truth", "nl": "voorgesteld moment of truth"},
    "motivation": {"en": "Motivation", "nl": "Motivatie"},
    "ability": {"en": "Ability", "nl": "Gelegenheid"},
    "trigger": {"en": "Trigger", "nl": "Trigger"},
    "fitting_prompt": {"en": "Fitting prompt", "nl": "Passende trigger"},
    "target": {"en": "target", "nl": "doel"},
    "target_met": {"en": "target met", "nl": "doel gehaald"},
    "target_missed": {"en": "target not met", "nl": "doel niet gehaald"},
    # Data overlay.
    "cases": {"en": "Customers reached", "nl": "Klanten bereikt"},
    "dropoff": {"en": "Drop-off", "nl": "Uitval"},
    "throughput": {"en": "Throughput time", "nl": "Doorlooptijd"},
    "median": {"en": "median", "nl": "mediaan"},
    "p90": {"en": "90% within", "nl": "90% binnen"},
    "of_all": {"en": "of all", "nl": "van alle"},
    # Improvement potential.
    "improvement_potential": {"en": "Improvement potential", "nl": "Verbeterpotentieel"},
    "potential_intro": {
        "en": "Touchpoints ranked by gap × reach × weight (top 10).",
        "nl": "Contactmomenten gerangschikt op kloof × bereik × gewicht (top 10).",
    },
    "gap": {"en": "Gap", "nl": "Kloof"},
    "reach": {"en": "Reach", "nl": "Bereik"},
    "weight": {"en": "Weight", "nl": "Gewicht"},
    "score": {"en": "Score", "nl": "Score"},
    "assumed": {"en": "assumed", "nl": "aangenomen"},
    "status": {"en": "Status", "nl": "Status"},
    "unlinked_improvements": {
        "en": "Improvements not linked to a touchpoint",
        "nl": "Verbeteringen zonder contactmoment",
    },
    # Evidence.
    "evidence": {"en": "Evidence", "nl": "Onderbouwing"},
    "evidence_intro": {
        "en": "Interviews, surveys, data and other sources, and what each of them backs on the map.",
        "nl": "Interviews, enquêtes, data en andere bronnen, en wat elk ervan op de kaart onderbouwt.",
    },
    "evidence_title": {"en": "Source", "nl": "Bron"},
    "evidence_kind": {"en": "Kind", "nl": "Soort"},
    "collected_on": {"en": "Collected", "nl": "Verzameld"},
    "respondents": {"en": "Respondents", "nl": "Respondenten"},
    "supports": {"en": "Backs", "nl": "Onderbouwt"},
    "source": {"en": "Reference", "nl": "Vindplaats"},
    # Employee mirror.
    "employee_mirror": {"en": "Employee mirror", "nl": "Medewerkerbelevingsspiegel"},
    "mirror_intro": {
        "en": "How employees estimate the customer's experience, against what customers report.",
        "nl": "Hoe medewerkers de beleving van de klant inschatten, naast wat klanten zelf zeggen.",
    },
    "employee_group": {"en": "Employee group", "nl": "Medewerkersgroep"},
    "all_personas": {"en": "all personas", "nl": "alle persona's"},
    "customers_say": {"en": "Customers say", "nl": "Klanten zeggen"},
    "employees_estimate": {"en": "Employees estimate", "nl": "Inschatting medewerkers"},
    "difference": {"en": "Difference", "nl": "Verschil"},
    "own_rating": {"en": "Own experience", "nl": "Eigen beleving"},
    "helps": {"en": "Helps", "nl": "Helpt"},
    "blocks": {"en": "Blocks", "nl": "Hindert"},
    "accuracy": {"en": "Accuracy of the estimates", "nl": "Nauwkeurigheid van de inschattingen"},
    "blind_spots": {"en": "Blind spots", "nl": "Blinde vlekken"},
    "no_blind_spots": {"en": "No blind spots found.", "nl": "Geen blinde vlekken gevonden."},
    "not_rated": {"en": "not rated", "nl": "niet beoordeeld"},
    # Legend and footer.
    "legend": {"en": "Legend", "nl": "Legenda"},
    "legend_current": {"en": "current (solid)", "nl": "huidig (doorgetrokken)"},
    "legend_desired": {"en": "desired (dashed)", "nl": "gewenst (gestreept)"},
    "legend_marked": {"en": "moment of truth", "nl": "moment of truth"},
    "legend_suggested": {"en": "suggested moment of truth", "nl": "voorgesteld moment of truth"},
    "no_touchpoints": {"en": "No touchpoints yet", "nl": "Nog geen contactmomenten"},
    "made_with": {"en": "Made with klantreis", "nl": "Gemaakt met klantreis"},
}


def t(key: str, lang: str) -> str:
    """The label `key` in `lang`, English when the language is unknown."""
    texts = TEXTS[key]
    return texts.get(lang) or texts["en"]


def check_language(lang: str) -> str:
    """Return `lang` when the renderer speaks it, otherwise raise a clear ValueError."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; use one of: {', '.join(LANGUAGES)}")
    return lang
