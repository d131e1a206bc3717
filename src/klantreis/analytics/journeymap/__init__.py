"""Data-driven journeys: event-log activities mapped onto a drawn journey's touchpoints, figures and conformance.

    from klantreis.analytics.journeymap import analyse_journey, load_mapping
    analysis = analyse_journey(engine.load(parquet), document, mapping=load_mapping(document, "mapping.yaml"))
    analysis.to_dict()  # {"touchpoints": [...], "stages": [...], "conformance": {...}}

See `rules` for how activities are matched (exact, glob, regex; the first touchpoint in journey order
wins), `results` for what each figure means, and `findings` for the plain-language findings.
"""

from klantreis.analytics.journeymap.analyse import analyse_journey, journey_from, load_mapping, map_data
from klantreis.analytics.journeymap.mapping_file import MappingFileError, read_mapping_file
from klantreis.analytics.journeymap.results import (
    Conformance,
    Finding,
    JourneyAnalysis,
    OrderViolation,
    SilentTouchpoint,
    Skip,
    StageFigures,
    TouchpointFigures,
    UnmappedActivity,
)
from klantreis.analytics.journeymap.rules import JourneyMapping, Rule, StageRef, TouchpointRef, mapping_from_document

__all__ = [
    "Conformance",
    "Finding",
    "JourneyAnalysis",
    "JourneyMapping",
    "MappingFileError",
    "OrderViolation",
    "Rule",
    "SilentTouchpoint",
    "Skip",
    "StageFigures",
    "StageRef",
    "TouchpointFigures",
    "TouchpointRef",
    "UnmappedActivity",
    "analyse_journey",
    "journey_from",
    "load_mapping",
    "map_data",
    "mapping_from_document",
    "read_mapping_file",
]
