"""Event data to data-driven journeys: ingest, analyses (Ibis) and engines."""
