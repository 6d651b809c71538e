"""Sciatica Journal: a private desktop journal for home extension exercises for sciatica."""

APP_NAME = "Sciatica Journal"
APP_ID = "sciatica-journal"

# The single source of the version (pyproject reads it from here; no metadata lookup at start).
__version__ = "0.1.0"
