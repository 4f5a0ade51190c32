"""joinedup: one joint strategy and one integrated action plan for a local health partnership."""

__version__ = "0.1.0"
