"""The reference for the launch benchmark: a bare PySide6 + pyqtgraph window.

With ``--no-plot``: a bare PySide6 window without pyqtgraph (a QLabel where the plot
would be), the second reference, so that what pyqtgraph itself costs is seen apart.

It does what any PySide6 + pyqtgraph app must do at launch and nothing more: a
QMainWindow of the app's size with one small plot. At its first paint it prints
``bare: ready`` to stderr and quits, by the same mechanism as the app under
SCIATICA_JOURNAL_EXIT_AFTER_PAINT=1 (an event filter catching QEvent.Paint, then
QTimer.singleShot(0, ...)). The plot covers the whole window with an opaque
viewport, so Qt never sends the window itself a paint event: the filter watches
the plot's viewport too, which is painted in the same first pass.
"""

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class FirstPaint(QObject):
    def __init__(self, on_paint):
        super().__init__()
        self._on_paint = on_paint
        self._done = False

    def eventFilter(self, watched, event):
        if not self._done and event.type() == QEvent.Type.Paint:
            self._done = True
            QTimer.singleShot(0, self._on_paint)
        return False


def main():
    with_plot = "--no-plot" not in sys.argv
    app = QApplication(sys.argv)
    window = QMainWindow()
    if with_plot:
        import pyqtgraph as pg

        plot = pg.PlotWidget()
        plot.plot([0, 1, 2, 3, 4, 5, 6], [5, 4, 4, 3, 2, 2, 1])
    else:
        plot = QLabel("bare")
        plot.setAutoFillBackground(True)
    window.setCentralWidget(plot)
    window.resize(1000, 720)

    def ready():
        print("bare: ready", file=sys.stderr, flush=True)
        app.quit()

    first_paint = FirstPaint(ready)
    window.installEventFilter(first_paint)
    if with_plot:
        plot.viewport().installEventFilter(first_paint)
    else:
        plot.installEventFilter(first_paint)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
