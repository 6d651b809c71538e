"""Click-to-repaint time of the leg diagram, against a bare widget measured in the same run.

A click is a real mouse press and release sent with QTest to a region's position; the
time runs from just before the press until the widget's paintEvent has finished drawing
the new mark. The reference is a bare QWidget whose click calls update() and whose
paintEvent fills one rectangle — the least a Qt widget can do. DESIGN §8: a map click
must be repainted within one frame (16.7 ms at 60 Hz).
"""

import argparse
import json
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
RESULTS = BENCH / "results" / "map_click.json"
FRAME_MS = 1000 / 60


class BareWidget(QWidget):
    def __init__(self):
        super().__init__()
        self.paint_hook = None
        self.on = False

    def mousePressEvent(self, event):
        self.on = not self.on
        self.update()

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.fillRect(
            self.rect().adjusted(20, 20, -20, -20),
            QColor("#c0392b") if self.on else QColor("#f4efe8"),
        )
        painter.end()
        if self.paint_hook is not None:
            self.paint_hook()


def time_clicks(app, widget, points, clicks):
    painted = []
    widget.paint_hook = lambda: painted.append(time.perf_counter())
    samples = []
    for i in range(clicks):
        point = points[i % len(points)]
        painted.clear()
        start = time.perf_counter()
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
        deadline = start + 1.0
        while not painted and time.perf_counter() < deadline:
            app.processEvents()
        if not painted:
            raise RuntimeError(f"{type(widget).__name__} did not repaint after a click")
        samples.append((painted[0] - start) * 1000)
    return samples


def summary(samples):
    ordered = sorted(samples)
    return {
        "median_ms": statistics.median(ordered),
        "p95_ms": ordered[int(len(ordered) * 0.95) - 1],
        "max_ms": ordered[-1],
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clicks", type=int, default=300)
    args = parser.parse_args(argv)

    from sciatica_journal.gui.symptom_map_editor import SymptomMapEditor
    from sciatica_journal.reports.body_map_painter import BodyMapDrawing
    from sciatica_journal.services.program_loader import load_catalog

    app = QApplication.instance() or QApplication([])
    catalog = load_catalog()
    editor = SymptomMapEditor(BodyMapDrawing(catalog))
    editor.resize(1100, 860)
    editor.show()
    board = editor.map_widget
    bare = BareWidget()
    bare.resize(board.size())
    bare.show()
    for _ in range(5):
        app.processEvents()
    rng = random.Random(8)
    codes = [r.code for r in catalog.regions]
    points = [board.region_point(rng.choice(codes)).toPoint() for _ in range(64)]
    bare_points = [QPoint(bare.width() // 2, bare.height() // 2)]

    time_clicks(app, board, points, 20)  # warm-up
    time_clicks(app, bare, bare_points, 20)
    map_samples, bare_samples = [], []
    for _ in range(5):  # alternate in rounds so load spreads over both
        map_samples += time_clicks(app, board, points, args.clicks // 5)
        bare_samples += time_clicks(app, bare, bare_points, args.clicks // 5)

    result = {
        "map": summary(map_samples),
        "bare": summary(bare_samples),
        "widget_size": [board.width(), board.height()],
        "clicks": len(map_samples),
        "frame_ms": FRAME_MS,
        "machine": platform.platform(),
        "python": platform.python_version(),
    }
    result["ratio_median"] = result["map"]["median_ms"] / result["bare"]["median_ms"]
    m, b = result["map"], result["bare"]
    print(
        f"Click to repaint (offscreen, {len(map_samples)} clicks each, widget "
        f"{board.width()}x{board.height()})"
    )
    print(f"{'widget':32}{'median':>10}{'p95':>10}{'max':>10}")
    print(f"{'bare QWidget':32}{b['median_ms']:>8.2f}ms{b['p95_ms']:>8.2f}ms{b['max_ms']:>8.2f}ms")
    print(f"{'leg diagram':32}{m['median_ms']:>8.2f}ms{m['p95_ms']:>8.2f}ms{m['max_ms']:>8.2f}ms")
    print(
        f"ratio (median map / median bare) = {result['ratio_median']:.1f}x; "
        f"one frame = {FRAME_MS:.1f} ms; p95 within a frame: {m['p95_ms'] <= FRAME_MS}"
    )
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"written: {RESULTS.relative_to(BENCH.parent)}")
    return 0 if m["p95_ms"] <= FRAME_MS else 1


if __name__ == "__main__":
    sys.exit(main())
