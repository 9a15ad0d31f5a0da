__version__ = "0.1.0"
"""The version of lgo-parse; the single source of the package's version."""
