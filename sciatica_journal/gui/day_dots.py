"""A row of dots: one per session of the daily band, filled as sessions are done."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from sciatica_journal.domain.language import _
from sciatica_journal.domain.today import DailyCount
from sciatica_journal.gui import palette


class DayDots(QWidget):
    DIAMETER = 22
    GAP = 10

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._count = DailyCount(0, 1, 1)
        self.setAccessibleName(_("Sessions today, as dots"))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def set_count(self, count: DailyCount) -> None:
        self._count = count
        self.setAccessibleDescription(count.headline)
        self.updateGeometry()
        self.update()

    def _slots(self) -> int:
        return max(self._count.target_max, self._count.done)

    def sizeHint(self) -> QSize:
        n = self._slots()
        return QSize(n * self.DIAMETER + (n - 1) * self.GAP + 4, self.DIAMETER + 4)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        d = self.DIAMETER
        colours = palette.current()
        done, optional = QColor(colours.dot_done), QColor(colours.dot_optional)
        for i in range(self._slots()):
            rect = QRectF(2 + i * (d + self.GAP), 2, d, d)
            required = i < self._count.target_min
            colour = done if required else optional
            pen = QPen(colour, 2.5, Qt.PenStyle.SolidLine if required else Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(done if i < self._count.done else Qt.BrushStyle.NoBrush)
            painter.drawEllipse(rect)
        painter.end()
