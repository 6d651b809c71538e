"""Sciatica Journal: a private desktop journal for home extension exercises for sciatica."""

from importlib.metadata import PackageNotFoundError, version

APP_NAME = "Sciatica Journal"
APP_ID = "sciatica-journal"

try:
    __version__ = version("sciatica-journal")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
