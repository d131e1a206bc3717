"""klantreis: open-source customer journey management."""

__version__ = "0.1.0"
