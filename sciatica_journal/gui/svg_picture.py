"""An SVG picture (the exercise picture pairs) drawn with its aspect kept; in dark mode on
a light panel, since the pictures are drawn for a light ground."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from sciatica_journal.gui import palette


class SvgPicture(QWidget):
    """An SVG drawn with its aspect kept, scaled to the space it gets."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.renderer = QSvgRenderer(self)
        self.setAccessibleName(accessible_name)
        self.setMinimumSize(160, 88)
        # It takes the room the step leaves (no height for width): the picture pair grows
        # with the window but never pushes the cautions out of view.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

    def load(self, path: str) -> bool:
        ok = self.renderer.load(path)
        self.update()
        return ok

    def sizeHint(self) -> QSize:
        return QSize(360, 198)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.renderer.isValid():
            return
        painter = QPainter(self)
        view = self.renderer.viewBoxF()
        scale = min(self.width() / view.width(), self.height() / view.height())
        w, h = view.width() * scale, view.height() * scale
        where = QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)
        colours = palette.current()
        if colours.panel:  # dark: the pictures keep the light ground they are drawn for
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QColor(colours.panel_border))
            painter.setBrush(QColor(colours.panel))
            painter.drawRoundedRect(where.adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)
        self.renderer.render(painter, where)
        painter.end()
