"""Journeys: one validated document per journey, with versions, comments and share links."""
