"""How the report's numbers are rounded: one rule for the PDF, the report dialog and
``summary --json`` (docs/report.md, "Rounding").

- means and their changes (pain scores, sessions per day): 2 decimals
- percentages (adherence): 1 decimal
- counts, levels and classes: whole numbers, as they are

The summary rounds its values with ``mean`` and ``percent``; the report prints them with
``MEAN_PLACES`` and ``PERCENT_PLACES`` decimals, so both show the same digits."""

from __future__ import annotations

MEAN_PLACES = 2
PERCENT_PLACES = 1


def mean(value: float) -> float:
    """A mean or a change of means, rounded for the report and ``summary --json``."""
    return round(value, MEAN_PLACES)


def percent(value: float) -> float:
    """A percentage, rounded for the report and ``summary --json``."""
    return round(value, PERCENT_PLACES)
