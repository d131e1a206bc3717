"""Personas: the workspace's gallery of customer and employee profiles."""
