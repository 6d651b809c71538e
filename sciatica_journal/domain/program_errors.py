"""The error of a broken ``program.toml`` (its own module, so that the parts of the
programme parsed elsewhere, such as the pacing in ``pacing_plan``, raise it too)."""

from __future__ import annotations


class ProgramError(ValueError):
    """``program.toml`` is broken; the message names the key."""
