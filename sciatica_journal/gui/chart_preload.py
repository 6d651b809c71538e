"""Loading the charts' libraries (pyqtgraph, NumPy) while the window is idle after its
first paint, so that opening Progress later does not wait for them (issue 16 point 2)."""

from __future__ import annotations

from PySide6.QtCore import QTimer


def preload_charts() -> None:
    """Import the Progress page's modules now (they import pyqtgraph and NumPy)."""
    import sciatica_journal.gui.measure_chart  # noqa: F401


def preload_when_idle(delay_ms: int = 0) -> None:
    """Queue ``preload_charts`` behind the events waiting now (the first paint's own)."""
    QTimer.singleShot(delay_ms, preload_charts)
