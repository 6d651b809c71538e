"""Getting Progress ready while the window is idle after its first paint (issue 16
point 2): first its libraries (pyqtgraph, NumPy), then, a turn of the event loop later,
the page itself (hidden), so that opening Progress later only shows it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer


def preload_charts() -> None:
    """Import the Progress page's modules now (they import pyqtgraph and NumPy)."""
    import sciatica_journal.gui.measure_chart  # noqa: F401


def preload_when_idle(then: Callable[[], None] | None = None, delay_ms: int = 0) -> None:
    """Queue ``preload_charts`` behind the events waiting now (the first paint's own), and
    ``then`` behind the events waiting once they are loaded (e.g. building the page)."""

    def load() -> None:
        preload_charts()
        if then is not None:
            QTimer.singleShot(0, then)

    QTimer.singleShot(delay_ms, load)
