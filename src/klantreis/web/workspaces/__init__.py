"""Workspaces: who may see and change which journeys, by role."""
